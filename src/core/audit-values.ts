/**
 * What of a record goes into the audit log, and how a logged value is shown. Secrets (password
 * and token hashes, the ID number's hash and cipher) never enter the log; ID numbers and phones in
 * what is shown are masked, whoever looks.
 */
import { redactValue } from "./redact.ts";

/** Fields that are never copied into the audit log. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  "password",
  "passwordHash",
  "password_hash",
  "tokenHash",
  "token_hash",
  "idNumberHash",
  "id_number_hash",
  "idNumberCipher",
  "id_number_cipher",
]);

/** A copy of `value` without secret fields, at any depth. */
export function auditSnapshot(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(auditSnapshot);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SECRET_FIELDS.has(key))
        .map(([key, v]) => [key, auditSnapshot(v)]),
    );
  }
  return value;
}

/** A logged value as the audit page shows it: personal data masked, then compact JSON. */
export function auditDisplay(value: unknown): string {
  if (value === null || value === undefined) return "";
  return JSON.stringify(redactValue(auditSnapshot(value)));
}
