/**
 * Calendar arithmetic on YYYY-MM-DD dates and YYYY-MM months, the one place for it. Dates are
 * calendar days with no time zone (Beijing days: src/core/china-time.ts turns instants into them).
 * Pure; fast enough for the county generator, which calls it millions of times.
 */

/** Milliseconds in a calendar day (there is no daylight saving in UTC or in China). */
export const DAY_MS = 86_400_000;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_SHAPE = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A date written YYYY-MM-DD that exists on the calendar.
 * @example isIsoDate("2024-02-29") // true; isIsoDate("2026-02-29") // false
 */
export function isIsoDate(value: string): boolean {
  if (!DATE_SHAPE.test(value)) return false;
  const [y, m, d] = [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonthOf(y, m);
}

/**
 * The date of a year, month and day that exist on the calendar (years 1000–9999), as YYYY-MM-DD;
 * undefined otherwise. @example dateOf(2026, 2, 31) // undefined
 */
export function dateOf(year: number, month: number, day: number): string | undefined {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonthOf(year, month)) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const WRITTEN_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * The one date parser for people's input (forms, spreadsheet cells, API parameters): a real
 * calendar date written YYYY-MM-DD, also YYYY/M/D, YYYY.M.D or YYYY年M月D日 (a time after it is
 * ignored), full-width digits folded; the date as YYYY-MM-DD, or undefined. Never throws: an
 * impossible date (2026-02-31, 2026-13-01, 0000-00-00, 9999-99-99) is simply not a date. Whether
 * a date is plausible for a field is src/core/date-fields.ts's rule.
 * @example readDate("２０２６年３月１日") // "2026-03-01"
 * @example readDate("2026-02-31") // undefined
 */
export function readDate(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 40) return undefined;
  const text = value.normalize("NFKC").trim();
  const m = WRITTEN_DATE.exec(text);
  return m ? dateOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** A month written YYYY-MM. @example isIsoMonth("2026-13") // false */
export function isIsoMonth(value: string): boolean {
  return MONTH_SHAPE.test(value);
}

/**
 * The day number of a YYYY-MM-DD date: whole days since 1970-01-01. Throws on another shape
 * (a programming error: validate people's input with `isIsoDate` first).
 * @example epochDay("1970-01-02") // 1
 */
export function epochDay(date: string): number {
  if (!DATE_SHAPE.test(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** H. Hinnant's days_from_civil: the day number of a proleptic Gregorian date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));

/**
 * The YYYY-MM-DD date of a day number, without allocating a Date (H. Hinnant's civil_from_days).
 * @example fromEpochDay(0) // "1970-01-01"
 */
export function fromEpochDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** `date` moved by `days` (negative: back). @example addDays("2026-02-28", 1) // "2026-03-01" */
export function addDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}

/** The first day after `date`. @example dayAfter("2026-12-31") // "2027-01-01" */
export function dayAfter(date: string): string {
  return addDays(date, 1);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @example daysBetween("2026-11-01", "2026-11-23") // 22 */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonthOf(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days in a month YYYY-MM. @example daysInMonth("2028-02") // 29 */
export function daysInMonth(month: string): number {
  return daysInMonthOf(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/** The last day of the month of a YYYY-MM-DD date. @example monthEnd("2024-02-10") // "2024-02-29" */
export function monthEnd(date: string): string {
  return `${date.slice(0, 7)}-${pad2(daysInMonth(date.slice(0, 7)))}`;
}

/** A month YYYY-MM moved by `months` (negative: back). @example addMonths("2026-01", -2) // "2025-11" */
export function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${pad2((index % 12) + 1)}`;
}

/**
 * Whole years from `birthDate` to `date` (YYYY-MM-DD): the birthday itself counts, and someone
 * born on 29 February turns a year older on 1 March in common years.
 * @example ageOn("2010-11-23", "2026-11-23") // 16
 */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
