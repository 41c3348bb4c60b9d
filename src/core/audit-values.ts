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

/** Whether `value` is JSON-like (primitives, arrays, plain objects) with no secret field at any depth. */
function plainWithoutSecrets(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) return value.every(plainWithoutSecrets);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if (SECRET_FIELDS.has(key) || !plainWithoutSecrets((value as Record<string, unknown>)[key])) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

/**
 * `JSON.stringify(auditSnapshot(value))`, without the copy when there is nothing to leave out: a
 * JSON-like value with no secret field is written as it is (the same text — the property test in
 * audit-values.test.ts compares both); anything else goes through the copy. A compute writes one
 * such row per line, 100,000 at a time (docs/decisions/2026-12-02-subsidy-ledger-write.md).
 */
export function auditSnapshotJson(value: unknown): string {
  return JSON.stringify(plainWithoutSecrets(value) ? value : auditSnapshot(value));
}

/** A logged value as the audit page shows it: personal data masked, then compact JSON. */
export function auditDisplay(value: unknown): string {
  if (value === null || value === undefined) return "";
  return JSON.stringify(redactValue(auditSnapshot(value)));
}

/** One field of a logged change: its key, and its value before and after as shown ("" when absent). */
export interface AuditFieldChange {
  field: string;
  before: string;
  after: string;
}

/** A logged scalar as a person reads it: yes/no in Chinese, lists joined by 、, objects as compact JSON. */
export function auditFieldValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.every((v) => v === null || typeof v !== "object") ? value.map(auditFieldValue).join("、") : JSON.stringify(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * A logged change field by field, in the order the fields first appear (before's, then after's
 * new ones): secrets left out and personal data masked as `auditDisplay` does; with both sides a
 * field that did not change is left out. A value that is not an object shows as one field "".
 * @example auditChanges({ status: "招聘中" }, { status: "已招满", reason: "x" }) // [{ field: "status", before: "招聘中", after: "已招满" }, { field: "reason", before: "", after: "x" }]
 */
export function auditChanges(before: unknown, after: unknown): AuditFieldChange[] {
  const b = redactValue(auditSnapshot(before));
  const a = redactValue(auditSnapshot(after));
  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  if ((b !== null && b !== undefined && !isRecord(b)) || (a !== null && a !== undefined && !isRecord(a))) {
    return [{ field: "", before: auditFieldValue(b), after: auditFieldValue(a) }];
  }
  const before_ = isRecord(b) ? b : {};
  const after_ = isRecord(a) ? a : {};
  const both = isRecord(b) && isRecord(a);
  const fields = [...new Set([...Object.keys(before_), ...Object.keys(after_)])];
  return fields
    .map((field) => ({ field, before: auditFieldValue(before_[field]), after: auditFieldValue(after_[field]) }))
    .filter((change) => (change.before !== "" || change.after !== "") && !(both && change.before === change.after));
}
