/**
 * The parameters of the retention figures, validated once for the API and the bureau's page:
 * `date` (the statistics date rule), the cohort range `from`…`to` (YYYY-MM, defaults from the
 * date), `by`, and `assisted` (only 帮扶对象 workers). Problems are codes; views/retention-text.ts
 * words them.
 */
import { z } from "zod";
import { statsDateSchema } from "./query.ts";
import { checkRetentionRange, RETENTION_BREAKDOWNS, retentionRange, type RetentionQuery, type RetentionRangeProblem } from "./retention.ts";

export const RETENTION_QUERY_PROBLEMS = ["badRetentionBreakdown", "badAssisted", "badMonth", "fromAfterTo", "toAfterDate", "rangeTooLong"] as const;

/** `assisted`: true / 1 for 帮扶对象 workers only; false / 0 (or none) for every worker. */
export const AssistedSchema = z
  .enum(["true", "false", "1", "0"], { message: "badAssisted" })
  .optional()
  .transform((v) => v === "true" || v === "1");

/** A cohort month, YYYY-MM. */
const MonthSchema = z.string({ message: "badMonth" }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, "badMonth");

/** The fields as they come (the API's document describes these). */
export function retentionFieldsSchema(today: string | (() => string)) {
  return z.object({
    date: statsDateSchema(today).optional(),
    from: MonthSchema.optional(),
    to: MonthSchema.optional(),
    by: z.enum(RETENTION_BREAKDOWNS, { message: "badRetentionBreakdown" }).default("month"),
    assisted: AssistedSchema,
  });
}

/**
 * The fields' defaults and the range rule (the range never runs past the date's month, nor spans
 * more than MAX_RETENTION_COHORTS months): the query, or the problem's code.
 */
export function completeRetentionQuery(
  q: z.output<ReturnType<typeof retentionFieldsSchema>>,
  today: string,
): { ok: true; query: RetentionQuery } | { ok: false; problem: RetentionRangeProblem } {
  const date = q.date ?? today;
  const range = retentionRange({ date, from: q.from, to: q.to });
  const problem = checkRetentionRange(range, date);
  if (problem) return { ok: false, problem };
  return { ok: true, query: { date, ...range, by: q.by, assisted: q.assisted } };
}

/**
 * The fields, then the defaults and the range rule.
 * @example retentionQuerySchema("2026-11-23").parse({}) // { date: "2026-11-23", from: "2024-12", to: "2026-11", by: "month", assisted: false }
 */
export function retentionQuerySchema(today: string | (() => string)) {
  return retentionFieldsSchema(today).transform((q, ctx): RetentionQuery => {
    const done = completeRetentionQuery(q, typeof today === "function" ? today() : today);
    if (done.ok) return done.query;
    ctx.addIssue({ code: "custom", message: done.problem, path: [done.problem === "fromAfterTo" || done.problem === "rangeTooLong" ? "from" : "to"] });
    return z.NEVER;
  });
}
