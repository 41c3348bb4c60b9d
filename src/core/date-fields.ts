/**
 * Which dates each field takes, in one table: a date must first be a real calendar date (the one
 * parser, `readDate` in src/core/calendar.ts), then lie in the field's plausible range, counted
 * from today (Beijing). Forms, the spreadsheet import and the API all ask here, so a placement
 * start means the same thing wherever it is typed. A problem is a code (`DateProblem`);
 * views/problems.ts words it. Pure. docs/decisions/2026-12-01-field-rules-dates-phones.md.
 */
import { z } from "zod";
import { addDays, readDate } from "./calendar.ts";

/** No record of this platform is dated before 1990: the registry, placements and policies start later. */
export const EARLIEST_RECORD_DATE = "1990-01-01";
/** A birth date is at most this many years before today. */
export const MAX_AGE_YEARS = 120;
/** A placement may start a little ahead (someone starting next week), not months ahead. */
export const MAX_START_AHEAD_DAYS = 31;
/** A posting's closing date (截止日期) is within a year. */
export const MAX_CLOSING_AHEAD_DAYS = 366;
/** A subsidy policy's validity (开始日期 / 结束日期) may be set up to ten years ahead. */
export const MAX_POLICY_AHEAD_DAYS = 3653;

/** The date fields of the platform, each with its rule below. */
export const DATE_FIELDS = [
  "birthDate", // 出生日期, also the one inside an ID number
  "placementStart", // 上岗 / 开始日期 of a placement: hires, gate hires, corrections, import
  "placementEnd", // 离岗 / 结束日期 of a placement: departures, the bureau's end form, import
  "followUp", // the date of an alert's follow-up note (走访日期)
  "recognition", // the date a workshop's 认定 takes effect
  "closing", // a posting's 截止日期
  "policy", // a subsidy policy's 开始日期 / 结束日期
  "statistics", // the reference and baseline dates of the statistics (pages and API)
  "filter", // a date typed to filter a list (the audit log): any real date
] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** What can be wrong with a date: codes, worded by views/problems.ts. */
export const DATE_PROBLEMS = [
  "date", "dateTooEarly", "dateInFuture", "dateTooFarAhead", "birthInFuture", "birthTooEarly", "startTooFar", "endInFuture", "closingTooFar",
] as const;
export type DateProblem = (typeof DATE_PROBLEMS)[number];

interface DateRule {
  /** The earliest date the field takes, given today. */
  earliest(today: string): string;
  /** The latest date the field takes, given today. */
  latest(today: string): string;
  tooEarly: DateProblem;
  tooLate: DateProblem;
}

const fixed = (date: string) => () => date;
const ahead = (days: number) => (today: string) => addDays(today, days);
const asToday = (today: string) => today;
/** The same day `years` years back (29 February → 28 February in a common year, by the calendar's rule of the year). */
function yearsBefore(today: string, years: number): string {
  const year = String(Number(today.slice(0, 4)) - years).padStart(4, "0");
  const candidate = `${year}${today.slice(4)}`;
  return readDate(candidate) ?? `${year}-02-28`;
}
/** Earlier than anything anyone types, later than anything: the filter rule is the calendar's. */
const FIRST_DAY = "1000-01-01";
const LAST_DAY = "9999-12-31";

/** Every field's range. Both ends are inclusive. */
export const DATE_RULES: Readonly<Record<DateField, DateRule>> = {
  birthDate: { earliest: (today) => yearsBefore(today, MAX_AGE_YEARS), latest: asToday, tooEarly: "birthTooEarly", tooLate: "birthInFuture" },
  placementStart: { earliest: fixed(EARLIEST_RECORD_DATE), latest: ahead(MAX_START_AHEAD_DAYS), tooEarly: "dateTooEarly", tooLate: "startTooFar" },
  placementEnd: { earliest: fixed(EARLIEST_RECORD_DATE), latest: asToday, tooEarly: "dateTooEarly", tooLate: "endInFuture" },
  followUp: { earliest: fixed(EARLIEST_RECORD_DATE), latest: asToday, tooEarly: "dateTooEarly", tooLate: "dateInFuture" },
  recognition: { earliest: fixed(EARLIEST_RECORD_DATE), latest: asToday, tooEarly: "dateTooEarly", tooLate: "dateInFuture" },
  closing: { earliest: fixed(EARLIEST_RECORD_DATE), latest: ahead(MAX_CLOSING_AHEAD_DAYS), tooEarly: "dateTooEarly", tooLate: "closingTooFar" },
  policy: { earliest: fixed(EARLIEST_RECORD_DATE), latest: ahead(MAX_POLICY_AHEAD_DAYS), tooEarly: "dateTooEarly", tooLate: "dateTooFarAhead" },
  statistics: { earliest: fixed(EARLIEST_RECORD_DATE), latest: asToday, tooEarly: "dateTooEarly", tooLate: "dateInFuture" },
  filter: { earliest: fixed(FIRST_DAY), latest: fixed(LAST_DAY), tooEarly: "date", tooLate: "date" },
};

/**
 * The problem with a YYYY-MM-DD date for a field at `today`, or undefined when it fits.
 * @example dateRangeProblem("placementEnd", "2026-12-01", "2026-11-23") // "endInFuture"
 */
export function dateRangeProblem(field: DateField, date: string, today: string): DateProblem | undefined {
  const rule = DATE_RULES[field];
  if (date < rule.earliest(today)) return rule.tooEarly;
  if (date > rule.latest(today)) return rule.tooLate;
  return undefined;
}

export type DateCheck = { ok: true; date: string } | { ok: false; problem: DateProblem };

/**
 * A typed date read for a field: a real calendar date (`readDate`), in the field's range.
 * @example checkDate("followUp", "2026-13-01", "2026-11-23") // { ok: false, problem: "date" }
 * @example checkDate("placementStart", "2026-11-30", "2026-11-23") // { ok: true, date: "2026-11-30" }
 */
export function checkDate(field: DateField, value: unknown, today: string): DateCheck {
  const date = readDate(value);
  if (date === undefined) return { ok: false, problem: "date" };
  const problem = dateRangeProblem(field, date, today);
  return problem ? { ok: false, problem } : { ok: true, date };
}

/**
 * A zod schema of a date field whose issue messages are `DateProblem` codes. `today` is a value
 * or, for schemas built once (the API's), a function read at each parse.
 * @example dateFieldSchema("followUp", "2026-11-23").safeParse("2026-11-24").error?.issues[0]?.message // "dateInFuture"
 */
export function dateFieldSchema(field: DateField, today: string | (() => string)) {
  return z.string({ error: "date" satisfies DateProblem }).transform((value, ctx) => {
    const checked = checkDate(field, value, typeof today === "function" ? today() : today);
    if (checked.ok) return checked.date;
    ctx.addIssue({ code: "custom", message: checked.problem });
    return z.NEVER;
  });
}
