/**
 * Which whole numbers each field takes, in one table: the posting form, the hire forms and the
 * spreadsheet import read a headcount, a pay or an income against the same range, and a number
 * too big says so ("最多 9999 人"), not that it is too small. Numbers are read by
 * `decimalNumber` (src/core/numbers.ts: decimal digits only). Pure; problems are codes worded by
 * views/problems.ts. docs/decisions/2026-12-01-field-rules-dates-phones.md.
 */
import { z } from "zod";
import { decimalNumber } from "./numbers.ts";

/** What can be wrong with a number, besides not being a whole number in range: codes. */
export const NUMBER_PROBLEMS = ["headcount", "headcountTooBig", "pay", "payTooBig", "age", "income", "incomeTooBig"] as const;
export type NumberProblem = (typeof NUMBER_PROBLEMS)[number];

interface NumberRule {
  min: number;
  max: number;
  /** Not a whole number, or below `min`. */
  problem: NumberProblem;
  /** Above `max`. */
  tooBig: NumberProblem;
}

/** Every field's range, both ends inclusive. */
export const NUMBER_RULES = {
  /** 招聘人数: a workshop or a park employer, not a city. */
  headcount: { min: 1, max: 9999, problem: "headcount", tooBig: "headcountTooBig" },
  /** 薪资下限 / 上限, yuan (per month, day, piece or hour). */
  pay: { min: 0, max: 100_000, problem: "pay", tooBig: "payTooBig" },
  /** 年龄下限 / 上限 of a posting. */
  age: { min: 16, max: 100, problem: "age", tooBig: "age" },
  /** 月收入 of a placement, yuan. */
  monthlyIncome: { min: 0, max: 100_000, problem: "income", tooBig: "incomeTooBig" },
} as const satisfies Record<string, NumberRule>;
export type NumberField = keyof typeof NUMBER_RULES;

/** Ranges of the spreadsheet columns that have no form (yet): the import's reason names the range. */
export const IMPORT_NUMBER_RANGES = {
  householdSize: { min: 1, max: 100 },
  minMonths: { min: 1, max: 12 },
  maxMonthsPerPerson: { min: 1, max: 1200 },
  policyAgeLimit: { min: 16, max: 120 },
} as const;

/**
 * The problem with a whole number for a field, or undefined when it fits.
 * @example wholeNumberProblem("headcount", 100000) // "headcountTooBig"
 */
export function wholeNumberProblem(field: NumberField, value: number): NumberProblem | undefined {
  const rule: NumberRule = NUMBER_RULES[field];
  if (!Number.isInteger(value) || value < rule.min) return rule.problem;
  if (value > rule.max) return rule.tooBig;
  return undefined;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * A zod schema of a whole-number field typed in a form: required, or null when left empty.
 * @example wholeNumberSchema("headcount").safeParse("100000").error?.issues[0]?.message // "headcountTooBig"
 */
export function wholeNumberSchema(field: NumberField, options: { optional: true }): z.ZodType<number | null, unknown>;
export function wholeNumberSchema(field: NumberField, options?: { optional?: false }): z.ZodType<number, unknown>;
export function wholeNumberSchema(field: NumberField, options: { optional?: boolean } = {}): z.ZodType<number | null, unknown> {
  // A field missing from the body is blank (z.preprocess lets a missing key through to the check).
  return z.preprocess((v) => (blank(v) ? null : v), z.unknown().transform((v, ctx) => {
    if (options.optional && v === null) return null;
    const n = v === null ? Number.NaN : decimalNumber(v);
    const problem = wholeNumberProblem(field, n);
    if (problem === undefined) return n;
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }));
}
