/**
 * What a manager types when hiring, adding someone to the roster, recording a departure or
 * correcting a placement (就业记录), as zod schemas whose problems are codes (`FormProblem`). Pure.
 */
import { z } from "zod";
import { decimalNumber } from "./numbers.ts";
import { addDays } from "./calendar.ts";
import { DateSchema, PhoneSchema, fieldErrors, problem, type Parsed } from "./posting-rules.ts";

export const MAX_MONTHLY_INCOME = 100_000;
/** Reasons offered for a departure (离职原因); stored as typed. */
export const DEPARTURE_REASONS = ["合同到期", "本人辞职", "家庭原因", "身体原因", "外出务工", "单位辞退", "其他"] as const;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const income = z.preprocess(
  (v) => (blank(v) ? Number.NaN : decimalNumber(v)),
  z.number({ error: problem.income }).int(problem.income).min(0, problem.income).max(MAX_MONTHLY_INCOME, problem.income),
);
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

/** Parses a form against a schema, then checks dates against today and the placement's start. */
export function parseWithDates<T extends { startDate?: string; endDate?: string }>(
  schema: z.ZodType<T>,
  raw: Record<string, unknown>,
  context: { today: string; startDate?: string },
): Parsed<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  if (v.endDate !== undefined && context.startDate !== undefined && v.endDate < context.startDate) return { ok: false, errors: { endDate: problem.endBeforeStart } };
  if (v.endDate !== undefined && v.endDate > context.today) return { ok: false, errors: { endDate: problem.endInFuture } };
  if (v.startDate !== undefined && v.startDate > addDays(context.today, MAX_START_AHEAD_DAYS)) return { ok: false, errors: { startDate: problem.startTooFar } };
  return { ok: true, value: v };
}

/** A hire may be recorded a little ahead (someone starting next week), not months ahead. */
export const MAX_START_AHEAD_DAYS = 31;

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
