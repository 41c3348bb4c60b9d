/**
 * Phone numbers, the one place they are read: a worker's or an applicant's phone is a mainland
 * mobile (11 digits); an employer's contact phone (联系电话) may also be a landline with its area
 * code (a workshop's or a township office's phone) or a 400/800 service number. Whatever is
 * typed — full-width digits, spaces, dashes, brackets, +86 — is stored in one normalised form,
 * which is also how it is shown. Pure. docs/decisions/2026-12-01-field-rules-dates-phones.md.
 */

/** What a phone field takes: a mobile only (workers, applicants), or any contact number (employers). */
export type PhoneKind = "mobile" | "contact";

/** No phone, however typed, is longer than this: longer input is refused before any pattern runs. */
export const MAX_TYPED_PHONE_LENGTH = 40;

const typedText = (raw: unknown) =>
  (typeof raw === "string" || typeof raw === "number") && String(raw).length <= MAX_TYPED_PHONE_LENGTH ? String(raw) : undefined;

/** Full-width characters folded (NFKC: １３８ → 138, （）→ ()), dashes of every width made "-". */
function fold(raw: string): string {
  return raw.normalize("NFKC").trim().replace(/[\u2010-\u2015\u2212]/g, "-");
}

/** The national digits of a mobile: a leading +86 / 0086 / 86 dropped. */
function nationalMobile(digits: string): string {
  return digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, "");
}

/**
 * A mainland mobile number as typed, in its 11-digit form, or undefined when it is none.
 * @example parseMobile("＋86 138-0013-8000") // "13800138000"
 * @example parseMobile("0797-8812345") // undefined
 */
export function parseMobile(raw: unknown): string | undefined {
  const typed = typedText(raw);
  if (typed === undefined) return undefined;
  const compact = nationalMobile(fold(typed).replace(/[\s\-().]/g, ""));
  return /^1[3-9]\d{9}$/.test(compact) ? compact : undefined;
}

/** Area codes: 010 and 02X have three digits, the others (0[3-9]XX) four. */
const areaCodeLength = (digits: string) => (/^(010|02\d)/.test(digits) ? 3 : 4);

/**
 * A landline with its area code, or a 400/800 service number, as typed, in the stored form
 * `0797-8812345`, `0797-8812345-123` (extension), `400-123-4567`; undefined when it is none.
 * Accepted: `0797-8812345`, `(0797)8812345`, `0797 8812345`, `07978812345`, an extension after
 * `-`, `转`, `分机`, `#`, `ext` or `x`; `+86 797 8812345` (the national 0 put back). The area
 * code's length is the numbering plan's: 010 and 02X three digits, the others four.
 * @example parseLandline("(0797)8812345转123") // "0797-8812345-123"
 */
export function parseLandline(raw: unknown): string | undefined {
  const typed = typedText(raw);
  if (typed === undefined) return undefined;
  let text = fold(typed).replace(/^(\+86|0086)[\s\-]*/, "0");
  let extension: string | undefined;
  const marked = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i.exec(text);
  if (marked) [text, extension] = [marked[1]!, marked[2]!];
  const compact = text.replace(/[\s()]/g, "");
  const service = /^([48]00)-?(\d{3})-?(\d{4})$/.exec(compact);
  if (service) return extension === undefined ? `${service[1]}-${service[2]}-${service[3]}` : undefined;
  const parts = compact.split("-");
  let digits: string;
  if (parts.length >= 2 && /^0\d{2,3}$/.test(parts[0]!)) {
    digits = parts[0]! + parts[1]!;
    if (parts[0]!.length !== areaCodeLength(digits)) return undefined;
    parts.splice(0, 2, digits);
  }
  if (parts.length > 2 || (parts.length === 2 && extension !== undefined)) return undefined;
  digits = parts[0]!;
  extension ??= parts[1];
  if (!/^0[1-9]\d{8,10}$/.test(digits) || (extension !== undefined && !/^\d{1,6}$/.test(extension))) return undefined;
  const n = areaCodeLength(digits);
  const [area, local] = [digits.slice(0, n), digits.slice(n)];
  if (!/^[2-9]\d{6,7}$/.test(local)) return undefined;
  return extension ? `${area}-${local}-${extension}` : `${area}-${local}`;
}

/**
 * A phone of the given kind in its stored form, or undefined when it is not one.
 * @example parsePhone("0797 8812345", "contact") // "0797-8812345"
 * @example parsePhone("0797 8812345", "mobile") // undefined
 */
export function parsePhone(raw: unknown, kind: PhoneKind): string | undefined {
  const mobile = parseMobile(raw);
  if (mobile !== undefined || kind === "mobile") return mobile;
  return parseLandline(raw);
}

/**
 * A stored phone as people read it: a mobile as its 11 digits, a landline's extension after 转.
 * @example readablePhone("0797-8812345-123") // "0797-8812345 转 123"
 */
export function readablePhone(stored: string): string {
  const landline = /^(0\d{2,3}-\d{7,8})-(\d{1,6})$/.exec(stored);
  return landline ? `${landline[1]} 转 ${landline[2]}` : stored;
}

/**
 * What a `tel:` link dials: the digits, an extension after a pause (`,`), as phones expect.
 * @example telHref("0797-8812345-123") // "tel:07978812345,123"
 */
export function telHref(stored: string): string {
  const landline = /^(0\d{2,3})-(\d{7,8})-(\d{1,6})$/.exec(stored);
  return landline ? `tel:${landline[1]}${landline[2]},${landline[3]}` : `tel:${stored.replace(/\D/g, "")}`;
}
