/**
 * Numbers as people type them in a form: decimal digits only, full-width digits (１２３, typed
 * with a Chinese input method) folded to ASCII. `Number()` alone also takes `0x10`, `0b101`,
 * `1e3` and `Infinity`, which no one means as 16, 5, 1000 or a headcount. Pure.
 */

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** Full-width digits, point, plus and minus to ASCII; surrounding space trimmed. @example foldDigits(" １２．５ ") // "12.5" */
export function foldDigits(text: string): string {
  return text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, ".")
    .replace(/[－—]/g, "-")
    .replace(/＋/g, "+");
}

/**
 * The number a person typed, or NaN when it is not written in decimal digits.
 * @example decimalNumber("２５００") // 2500
 * @example decimalNumber("0x10") // NaN
 */
export function decimalNumber(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== "string") return Number.NaN;
  const text = foldDigits(value);
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}
