/**
 * Reading one spreadsheet cell into a typed value, with Excel's traps handled: ID numbers that
 * became numbers (digits lost), dates stored as serial numbers or Date cells, numbers as text.
 * Pure; a problem comes back as a reason for people (Chinese, from the message catalogue).
 */
import { z } from "zod";
import { readDate } from "../core/calendar.ts";
import { dateRangeProblem, type DateField } from "../core/date-fields.ts";
import { checkIdNumber } from "../core/id-number.ts";
import { parsePhone as parsePhoneOf, type PhoneKind } from "../core/phone.ts";
import { messages } from "../../views/messages.ts";

const t = messages.imports.reasons;
const f = messages.fields;

/** A cell as the readers hand it over: text, number, boolean, a date (UTC midnight) or empty. */
export type CellValue = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (reason: string): Parsed<never> => ({ ok: false, reason });

/** exceljs cell values (rich text, formulas, hyperlinks, errors) to a plain cell. */
export function fromExcelValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join("");
    if ("result" in v) return fromExcelValue(v.result);
    if (typeof v.text === "string") return v.text;
    if ("error" in v) return null;
  }
  return String(value);
}

/** Is the cell empty (nothing, or only spaces)? */
export function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** The cell as trimmed text ("" when empty); a Date as YYYY-MM-DD. */
export function cellText(cell: CellValue): string {
  if (cell === null) return "";
  if (cell instanceof Date) return isoDate(cell);
  if (typeof cell === "number") return String(cell);
  return String(cell).trim();
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * 身份证号: text of 18 characters with a valid check digit and birth date — a real date, and by
 * the birthDate rule at `today` (past, within 120 years). A number (or text that looks like one
 * Excel shortened: 3.60731E+17, or 15–17 digits) has lost digits and is refused.
 */
export function parseIdNumber(cell: CellValue, today: string): Parsed<{ idNumber: string; birthDate: string; sex: "男" | "女" }> {
  if (typeof cell === "number") return no(t.idAsNumber);
  const text = cellText(cell).replace(/\s+/g, "");
  if (/^\d+(\.\d+)?E\+?\d+$/i.test(text)) return no(t.idAsNumber);
  if (/^\d{15,17}$/.test(text)) return no(t.idTruncated(text.length));
  const checked = checkIdNumber(text, today);
  if (!checked.ok) {
    const reasons = { length: t.idLength, characters: t.idCharacters, birthDate: t.idBirthDate, birthRange: f.idBirthRange, checkDigit: t.idCheckDigit } as const;
    return no(reasons[checked.problem]);
  }
  return ok({ idNumber: checked.idNumber, birthDate: checked.birthDate, sex: checked.sex });
}

/** Day 0 of Excel's 1900 date system (serial 1 is 1900-01-01; 60 is the fictitious 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial numbers of plausible dates: 1900-03-01 to 9999-12-31. */
const SERIAL_MIN = 61;
const SERIAL_MAX = 2_958_465;

function fromSerial(serial: number): string {
  return isoDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000));
}

/**
 * A date: a Date cell, an Excel serial number (45123, as a number or as text), or text read by
 * the one date parser (`readDate`: YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日; real calendar
 * dates only). Anything else is refused. The range of the column is `parseDateFor`'s.
 */
export function parseDate(cell: CellValue): Parsed<string> {
  const bad = no(f.importDates.date);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad;
    return readDate(isoDate(cell)) ? ok(isoDate(cell)) : bad;
  }
  if (typeof cell === "number") {
    return cell >= SERIAL_MIN && cell <= SERIAL_MAX ? ok(fromSerial(cell)) : bad;
  }
  const text = cellText(cell);
  if (/^\d{2,7}(\.\d+)?$/.test(text)) {
    const serial = Number(text);
    return serial >= SERIAL_MIN && serial <= SERIAL_MAX ? ok(fromSerial(serial)) : bad;
  }
  const date = readDate(text);
  return date ? ok(date) : bad;
}

/**
 * A date for a column whose field has a range (src/core/date-fields.ts), at `today`.
 * @example parseDateFor("2026-13-01", "placementEnd", "2026-11-23") // { ok: false, reason: "日期不存在或格式不对…" }
 */
export function parseDateFor(cell: CellValue, field: DateField, today: string): Parsed<string> {
  const parsed = parseDate(cell);
  if (!parsed.ok) return parsed;
  const problem = dateRangeProblem(field, parsed.value, today);
  return problem ? no(f.importDates[problem]) : parsed;
}

/** A decimal number (a number cell or text such as "115.40"). */
export function parseNumber(cell: CellValue): Parsed<number> {
  if (typeof cell === "number") return Number.isFinite(cell) ? ok(cell) : no(t.badNumber);
  const text = cellText(cell).replaceAll(",", "");
  if (!/^-?\d+(\.\d+)?$/.test(text)) return no(t.badNumber);
  return ok(Number(text));
}

/** A whole number within [min, max]. */
export function parseWholeNumber(cell: CellValue, min: number, max: number): Parsed<number> {
  const n = parseNumber(cell);
  if (!n.ok) return no(t.badWholeNumber);
  if (!Number.isInteger(n.value)) return no(t.badWholeNumber);
  if (n.value < min || n.value > max) return no(t.outOfRange(min, max));
  return n;
}

/**
 * A phone of the column's kind (src/core/phone.ts): a worker's mobile, or an employer's contact
 * phone (mobile, landline with area code, 400/800), in its stored form. A number cell keeps a
 * mobile's 11 digits, so it is accepted; a landline typed as a number has lost its leading 0.
 */
export function parsePhone(cell: CellValue, kind: PhoneKind): Parsed<string> {
  const phone = parsePhoneOf(typeof cell === "number" ? String(cell) : cellText(cell), kind);
  return phone !== undefined ? ok(phone) : no(f.importPhones[kind]);
}

/** One of a fixed list of words, as county staff spell them. */
export function parseChoice<const T extends readonly [string, ...string[]]>(cell: CellValue, choices: T): Parsed<T[number]> {
  const ChoiceSchema = z.enum(choices);
  const result = ChoiceSchema.safeParse(cellText(cell));
  return result.success ? ok(result.data) : no(t.notOneOf(choices));
}

/** 是 / 否. */
export function parseYesNo(cell: CellValue): Parsed<boolean> {
  const text = cellText(cell);
  if (text === "是") return ok(true);
  if (text === "否") return ok(false);
  return no(t.notOneOf(["是", "否"]));
}

/** A 、-separated list (also accepting ， , ; as separators), without blanks or repeats. */
export function parseList(cell: CellValue): string[] {
  return [...new Set(cellText(cell).split(/[、，,;；]/).map((s) => s.trim()).filter(Boolean))];
}

/** How lists are written back. */
export function formatList(items: readonly string[]): string {
  return items.join("、");
}
