/**
 * 报名回执号 — the receipt code an application gets, so that a seeker without an account can check
 * or withdraw it later with their phone. Eight digits: easy to read out, write down or photograph
 * for an older seeker, and with the phone and the throttle too many to guess (decision record
 * 2026-12-02-application-receipts.md). Pure: the random number comes from the caller.
 */

/** How many digits a receipt code has. */
export const RECEIPT_CODE_DIGITS = 8;
const SPACE = 10 ** RECEIPT_CODE_DIGITS;

/** The code of a random integer in [0, 10^8). @example receiptCodeOf(48271953) // "48271953" */
export function receiptCodeOf(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= SPACE) throw new RangeError("receipt number out of range");
  return String(n).padStart(RECEIPT_CODE_DIGITS, "0");
}

/** The upper bound (exclusive) for the random integer behind a code. */
export const RECEIPT_CODE_SPACE = SPACE;

/** A code as printed: two groups of four. @example formatReceiptCode("48271953") // "4827-1953" */
export function formatReceiptCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * A typed code: spaces, dashes and full-width digits are accepted (as a phone keyboard or a
 * Chinese input method gives them); anything but eight digits is undefined.
 * @example parseReceiptCode("４８２７ - 1953") // "48271953"
 */
export function parseReceiptCode(raw: unknown): string | undefined {
  if (typeof raw !== "string" || raw.length > 40) return undefined;
  const digits = raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s\-－—_.·]/g, "");
  return new RegExp(`^\\d{${RECEIPT_CODE_DIGITS}}$`).test(digits) ? digits : undefined;
}
