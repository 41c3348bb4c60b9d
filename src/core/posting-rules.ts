/**
 * What a manager may type into a posting (岗位) and an employer profile, as zod schemas, plus the
 * rules that need more than one field or today's date. Pure. Forms post strings; the schemas turn
 * them into the values the database stores. A problem is a code (`FormProblem`, the issue's
 * message); views/problems.ts words it for people.
 */
import { z } from "zod";
import { decimalNumber } from "./numbers.ts";
import { readDate } from "./calendar.ts";
import { DATE_PROBLEMS, dateRangeProblem } from "./date-fields.ts";
import { NUMBER_PROBLEMS, NUMBER_RULES, wholeNumberSchema } from "./number-fields.ts";
import { parsePhone } from "./phone.ts";
import { PAY_UNITS, PHYSICAL_DEMANDS, WORKING_TIMES, type PostingStatus } from "./enums.ts";

/** What can be wrong with a form a manager sent: codes, worded by views/problems.ts. */
export const FORM_PROBLEMS = [
  "titleRequired", "titleTooLong", "descriptionTooLong", "headcount", "pay", "payReversed", "age", "ageReversed", "choice",
  "listItem", "listTooLong", "date", "closingPast", "phone", "addressTooLong", "nameRequired", "nameTooLong", "lat", "lng",
  "latLngBoth", "income", "reason", "correctionNote", "endBeforeStart", "endInFuture", "startTooFar",
  // Dates, numbers and phones: the field rules of src/core/date-fields.ts, number-fields.ts, phone.ts.
  ...DATE_PROBLEMS, ...NUMBER_PROBLEMS, "contactPhone",
] as const;
export type FormProblem = (typeof FORM_PROBLEMS)[number];

/** The codes by name, to write `problem.income` as a zod message. */
export const problem = Object.fromEntries(FORM_PROBLEMS.map((code) => [code, code])) as { readonly [K in FormProblem]: K };

export const MAX_TITLE_LENGTH = 60;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_HEADCOUNT = NUMBER_RULES.headcount.max;
export const MAX_PAY_YUAN = NUMBER_RULES.pay.max;
export const MIN_WORKING_AGE = NUMBER_RULES.age.min;
export const MAX_AGE = NUMBER_RULES.age.max;
/** Benefits offered as checkboxes; others may be typed, 、-separated. */
export const COMMON_BENEFITS = ["包吃", "包住", "接送", "五险", "带薪休假", "可带孩子"] as const;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/**
 * A real calendar date typed in a form (the one parser, `readDate`), as YYYY-MM-DD. Its range
 * for the field is checked against today by `dateRangeProblem` (src/core/date-fields.ts).
 */
export const DateSchema = z.string({ error: problem.date }).transform((v, ctx) => {
  const date = readDate(v);
  if (date === undefined) ctx.addIssue({ code: "custom", message: problem.date });
  return date ?? "";
});
const optionalDate = z.preprocess((v) => (blank(v) ? null : trimmed(v)), DateSchema.nullable());

/** Splits a 、-separated list (also ，, commas and spaces) into distinct trimmed words. */
export function splitList(value: unknown): string[] {
  const parts = (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === "string")
    .flatMap((v) => v.split(/[、，,;；\s]+/))
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(parts)];
}

const listField = z.preprocess(
  (v) => splitList(v),
  z.array(z.string().max(20, problem.listItem)).max(20, problem.listTooLong),
);

function oneOfOrNull<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((v) => (blank(v) ? null : trimmed(v)), z.enum(values, { error: problem.choice }).nullable());
}

function oneOfOrDefault<T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.preprocess((v) => (blank(v) ? fallback : trimmed(v)), z.enum(values, { error: problem.choice }));
}

/** A range of a posting: pay (薪资) or age (年龄), each a minimum and a maximum. */
export type PostingRange = "pay" | "age";

/**
 * The ranges of a posting whose minimum is above its maximum, pay first. The rule between the
 * fields of any posting, however it arrives: the manager's form puts a message next to the
 * maximum, the spreadsheet import rejects the row naming the maximum's column.
 * @example reversedPostingRanges({ payMin: 4000, payMax: 3000, ageMin: null, ageMax: 50 }) // ["pay"]
 */
export function reversedPostingRanges(p: { payMin: number | null; payMax: number | null; ageMin: number | null; ageMax: number | null }): PostingRange[] {
  const reversed = (min: number | null, max: number | null) => min !== null && max !== null && min > max;
  return [...(reversed(p.payMin, p.payMax) ? (["pay"] as const) : []), ...(reversed(p.ageMin, p.ageMax) ? (["age"] as const) : [])];
}

/**
 * A posting as a manager types it. Cross-field rules: pay minimum ≤ maximum, age minimum ≤
 * maximum. The closing date against today is `postingProblems`' job (the schema has no clock).
 */
export const PostingInputSchema = z
  .object({
    title: z.preprocess(trimmed, z.string({ error: problem.titleRequired }).min(1, problem.titleRequired).max(MAX_TITLE_LENGTH, problem.titleTooLong)),
    description: z.preprocess((v) => (blank(v) ? "" : trimmed(v)), z.string().max(MAX_DESCRIPTION_LENGTH, problem.descriptionTooLong)),
    headcount: wholeNumberSchema("headcount"),
    payMin: wholeNumberSchema("pay", { optional: true }),
    payMax: wholeNumberSchema("pay", { optional: true }),
    payUnit: oneOfOrDefault(PAY_UNITS, "月"),
    workingTime: oneOfOrDefault(WORKING_TIMES, "全天"),
    ageMin: wholeNumberSchema("age", { optional: true }),
    ageMax: wholeNumberSchema("age", { optional: true }),
    physicalDemand: oneOfOrNull(PHYSICAL_DEMANDS),
    skills: listField,
    benefits: listField,
    benefitsOther: listField,
    closingDate: optionalDate,
  })
  .superRefine((p, ctx) => {
    for (const range of reversedPostingRanges(p)) {
      ctx.addIssue({ code: "custom", path: [`${range}Max`], message: range === "pay" ? problem.payReversed : problem.ageReversed });
    }
  })
  .transform(({ benefitsOther, ...p }) => ({ ...p, benefits: [...new Set([...p.benefits, ...benefitsOther])] }));

export type PostingInput = z.output<typeof PostingInputSchema>;

/** Field → problem, the first problem of each field. */
export type FieldErrors = Record<string, FormProblem>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message as FormProblem;
  }
  return errors;
}

/**
 * Parses a posting form. `today` (YYYY-MM-DD, China time) rules out a closing date already past;
 * a posting being edited may keep the closing date it already had.
 * @example parsePostingInput({ title: "缝纫工", headcount: "3" }, "2026-11-23").ok // true
 */
export function parsePostingInput(raw: Record<string, unknown>, today: string, keptClosingDate?: string | null): Parsed<PostingInput> {
  const parsed = PostingInputSchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const closing = parsed.success ? parsed.data.closingDate : null;
  if (closing !== null && closing !== keptClosingDate) {
    const closingProblem = closing < today ? problem.closingPast : dateRangeProblem("closing", closing, today);
    if (closingProblem) errors.closingDate ??= closingProblem;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** The next posting code after the existing ones: P + five digits, one more than the highest. */
export function nextPostingCode(highest: string | null | undefined): string {
  const n = highest ? Number(/^P(\d+)$/.exec(highest)?.[1] ?? 0) : 0;
  return `P${String(n + 1).padStart(5, "0")}`;
}

/** A worker's phone: a mainland mobile (src/core/phone.ts), stored as its 11 digits. */
export const PhoneSchema = z.string({ error: problem.phone }).transform((v, ctx) => {
  const phone = parsePhone(v, "mobile");
  if (phone === undefined) ctx.addIssue({ code: "custom", message: problem.phone });
  return phone ?? "";
});

/** An employer's contact phone: a mobile, a landline with area code or a 400/800 number, normalised. */
export const ContactPhoneSchema = z.string({ error: problem.contactPhone }).transform((v, ctx) => {
  const phone = parsePhone(v, "contact");
  if (phone === undefined) ctx.addIssue({ code: "custom", message: problem.contactPhone });
  return phone ?? "";
});

/** The employer profile a manager keeps. Name and type are the bureau's (recognition). */
export const EmployerProfileInputSchema = z.object({
  address: z.preprocess((v) => (blank(v) ? null : trimmed(v)), z.string().max(100, problem.addressTooLong).nullable()),
  villageId: z.preprocess((v) => (blank(v) ? null : decimalNumber(v)), z.number({ error: problem.choice }).int(problem.choice).positive(problem.choice).nullable()),
  lat: z.preprocess((v) => (blank(v) ? null : decimalNumber(v)), z.number({ error: problem.lat }).min(-90, problem.lat).max(90, problem.lat).nullable()),
  lng: z.preprocess((v) => (blank(v) ? null : decimalNumber(v)), z.number({ error: problem.lng }).min(-180, problem.lng).max(180, problem.lng).nullable()),
  contactName: z.preprocess((v) => (blank(v) ? null : trimmed(v)), z.string().max(20, problem.nameTooLong).nullable()),
  contactPhone: z.preprocess((v) => (blank(v) ? null : v), ContactPhoneSchema.nullable()),
}).superRefine((p, ctx) => {
  if ((p.lat === null) !== (p.lng === null)) ctx.addIssue({ code: "custom", path: [p.lat === null ? "lat" : "lng"], message: problem.latLngBoth });
});

export type EmployerProfileInput = z.output<typeof EmployerProfileInputSchema>;

/** What a manager may do to a posting's status: close it, mark it full, or (re)open it. */
export type PostingAction = "close" | "full" | "reopen";

const POSTING_MOVES: Record<PostingAction, { from: readonly PostingStatus[]; to: PostingStatus }> = {
  close: { from: ["招聘中", "已招满"], to: "已关闭" },
  full: { from: ["招聘中"], to: "已招满" },
  reopen: { from: ["已关闭", "已招满"], to: "招聘中" },
};

/**
 * The status after `action`, or null when the action does not apply to `status`. A posting past
 * its closing date cannot recruit again (it would close itself within the hour): the closing
 * date must be changed first.
 */
export function postingStatusAfter(status: PostingStatus, action: PostingAction, closing?: { closingDate: string | null; today: string }): PostingStatus | null {
  const move = POSTING_MOVES[action];
  if (!move.from.includes(status)) return null;
  if (move.to === "招聘中" && closing?.closingDate != null && closing.closingDate < closing.today) return null;
  return move.to;
}

/**
 * The day a posting counts as published (发布日期): the Beijing date (YYYY-MM-DD) it last started
 * recruiting — never a timestamp, so the job board, the API's `published_at` and "newest first"
 * read one format. A posting written again keeps its day; a new or reopened one recruiting is
 * published `today`; one that arrives not recruiting has no day yet.
 * @example publishedDate({ status: "招聘中", previous: null, today: "2026-11-23" }) // "2026-11-23"
 */
export function publishedDate(p: { status: PostingStatus; previous: string | null | undefined; today: string }): string | null {
  return p.previous ?? (p.status === "招聘中" ? p.today : null);
}
