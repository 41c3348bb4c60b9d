/**
 * What a manager types when hiring, adding someone to the roster, recording a departure or
 * correcting a placement (就业记录), as zod schemas whose problems are codes (`FormProblem`). Pure.
 */
import { z } from "zod";
import { dateRangeProblem, MAX_START_AHEAD_DAYS } from "./date-fields.ts";
import { NUMBER_RULES, wholeNumberSchema } from "./number-fields.ts";
import { DateSchema, PhoneSchema, fieldErrors, problem, type Parsed } from "./posting-rules.ts";

export const MAX_MONTHLY_INCOME = NUMBER_RULES.monthlyIncome.max;
/** A hire may be recorded a little ahead (someone starting next week), not months ahead: the placementStart rule. */
export { MAX_START_AHEAD_DAYS };
/** Reasons offered for a departure (离职原因); stored as typed. */
export const DEPARTURE_REASONS = ["合同到期", "本人辞职", "家庭原因", "身体原因", "外出务工", "单位辞退", "其他"] as const;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const income = wholeNumberSchema("monthlyIncome");
const startDate = z.preprocess((v) => (blank(v) ? "" : v), DateSchema);

/** Moving an applicant to 已录用: from when, for how much a month. */
export const HireInputSchema = z.object({ startDate, monthlyIncome: income });
export type HireInput = z.output<typeof HireInputSchema>;

/** Someone hired at the gate, straight onto the roster. */
export const GateHireInputSchema = z.object({
  name: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: problem.nameRequired }).min(1, problem.nameRequired).max(20, problem.nameTooLong)),
  phone: PhoneSchema,
  startDate,
  monthlyIncome: income,
});
export type GateHireInput = z.output<typeof GateHireInputSchema>;

export const DepartureInputSchema = z.object({
  endDate: z.preprocess((v) => (blank(v) ? "" : v), DateSchema),
  reason: z.enum(DEPARTURE_REASONS, { error: problem.reason }),
});
export type DepartureInput = z.output<typeof DepartureInputSchema>;

/** A correction of a placement; the reason is kept with the earlier version. */
export const CorrectionInputSchema = z.object({
  startDate,
  monthlyIncome: income,
  note: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: problem.correctionNote }).min(1, problem.correctionNote).max(200, problem.correctionNote)),
});
export type CorrectionInput = z.output<typeof CorrectionInputSchema>;

/**
 * Parses a form against a schema, then checks dates against today (the placementStart and
 * placementEnd rules of src/core/date-fields.ts) and the placement's start.
 */
export function parseWithDates<T extends { startDate?: string; endDate?: string }>(
  schema: z.ZodType<T>,
  raw: Record<string, unknown>,
  context: { today: string; startDate?: string },
): Parsed<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  if (v.endDate !== undefined && context.startDate !== undefined && v.endDate < context.startDate) return { ok: false, errors: { endDate: problem.endBeforeStart } };
  const endProblem = v.endDate !== undefined ? dateRangeProblem("placementEnd", v.endDate, context.today) : undefined;
  if (endProblem) return { ok: false, errors: { endDate: endProblem } };
  const startProblem = v.startDate !== undefined ? dateRangeProblem("placementStart", v.startDate, context.today) : undefined;
  if (startProblem) return { ok: false, errors: { startDate: startProblem } };
  return { ok: true, value: v };
}
