/**
 * Reasons that earlier versions stored in the audit log in English, recognised so that the audit
 * page can show them in Chinese. The log is append-only (its triggers refuse UPDATE), so old rows
 * are rendered, not rewritten; new rows are written in Chinese from the message catalogue.
 * Pure: a stored text in, a code (with its parameters) out; the words live in views/messages.
 */

export type LegacyAuditReason =
  | { code: "closingDatePassed"; date: string }
  | { code: "postingFull" }
  | { code: "headcountReached" }
  | { code: "signedInWithPhone" };

const EXACT: Readonly<Record<string, LegacyAuditReason>> = {
  "posting full": { code: "postingFull" },
  "hires reached headcount": { code: "headcountReached" },
  "signed in with the application's phone": { code: "signedInWithPhone" },
};

/**
 * The code of an English reason written by an earlier version; undefined for anything else
 * (a Chinese reason, a person's own words).
 * @example legacyAuditReason("closing date 2026-11-01 passed") // { code: "closingDatePassed", date: "2026-11-01" }
 */
export function legacyAuditReason(text: string): LegacyAuditReason | undefined {
  const exact = EXACT[text.trim()];
  if (exact) return exact;
  const closing = /^closing date (\d{4}-\d{2}-\d{2}) passed$/.exec(text.trim());
  return closing ? { code: "closingDatePassed", date: closing[1]! } : undefined;
}
