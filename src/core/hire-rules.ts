/**
 * What a manager types when hiring, adding someone to the roster, recording a departure or
 * correcting a placement (就业记录), as zod schemas whose problems are codes (`FormProblem`). Pure.
 */
import { z } from "zod";
import { dateRangeProblem, MAX_START_AHEAD_DAYS } from "./date-fields.ts";
import { NUMBER_RULES, wholeNumberSchema } from "./number-fields.ts";
import { textSchema } from "./text-fields.ts";
import { addDays } from "./calendar.ts";
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
  name: textSchema("personName", { required: problem.nameRequired, tooLong: problem.nameTooLong }),
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
  note: textSchema("correctionNote", { required: problem.correctionNote, tooLong: problem.correctionNote }),
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

/**
 * Why a hire waits for the bureau's confirmation (待核实) before it counts in the figures and
 * subsidies: the person is not (yet) a confirmed registry worker, the start lies more than
 * MAX_START_BACK_DAYS before the day it was recorded (it would rewrite past figures, the baseline
 * among them), or the start lies before the person applied. See
 * docs/decisions/2026-12-01-hire-confirmation.md.
 */
export const CONFIRMATION_REASONS = ["identity", "backdated", "beforeApplication"] as const;
export type ConfirmationReason = (typeof CONFIRMATION_REASONS)[number];

/** A start this many days back is still an ordinary hire recorded late (a month's paperwork). */
export const MAX_START_BACK_DAYS = 31;

/** The reasons a hire's start date needs confirming (empty: it counts at once). */
export function startConfirmationReasons(input: { startDate: string; today: string; appliedOn?: string | null }): ConfirmationReason[] {
  const reasons: ConfirmationReason[] = [];
  if (input.startDate < addDays(input.today, -MAX_START_BACK_DAYS)) reasons.push("backdated");
  if (input.appliedOn && input.startDate < input.appliedOn) reasons.push("beforeApplication");
  return reasons;
}

/** As stored in `confirmation_reason`: comma-separated, null when there is none. */
export function confirmationReasonText(reasons: readonly ConfirmationReason[]): string | null {
  return reasons.length === 0 ? null : reasons.join(",");
}

export function parseConfirmationReasons(text: string | null | undefined): ConfirmationReason[] {
  if (!text) return [];
  return text.split(",").filter((r): r is ConfirmationReason => (CONFIRMATION_REASONS as readonly string[]).includes(r));
}
