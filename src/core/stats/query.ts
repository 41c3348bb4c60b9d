/**
 * The parameters of the statistics (`GET /api/v1/stats/…?date=&baseline=&by=` and the bureau's
 * pages), validated once. Dates default to today and to the baseline date in force (the
 * baselineDate setting, src/use-cases/settings.ts). A problem is a code (`StatsQueryProblem`,
 * the issue's message); views/problems.ts words it.
 */
import { z } from "zod";
import { isIsoDate } from "../calendar.ts";
import { checkDate } from "../date-fields.ts";
import { DEFAULT_BASELINE_DATE, EMPLOYMENT_BREAKDOWNS } from "./figures.ts";

/** What can be wrong with the parameters: codes, worded by views/problems.ts. */
export const STATS_QUERY_PROBLEMS = ["badDate", "badBreakdown", "baselineAfterDate", "dateTooEarly", "dateInFuture"] as const;
export type StatsQueryProblem = (typeof STATS_QUERY_PROBLEMS)[number];

const t = Object.fromEntries(STATS_QUERY_PROBLEMS.map((code) => [code, code])) as { readonly [K in StatsQueryProblem]: K };

/**
 * A statistics date: a real calendar date (the one parser), by the statistics rule of
 * src/core/date-fields.ts — not in the future (figures of a day that has not happened would be
 * today's figures under another name), not before 1990. Spelled YYYY-MM-DD only, as the API's
 * contract says. `today` is a value, or a function read at each parse (the API's schemas are
 * built once).
 * @example statsDateSchema("2026-11-23").safeParse("2030-01-01").error?.issues[0]?.message // "dateInFuture"
 */
export function statsDateSchema(today: string | (() => string)) {
  return z.string({ message: t.badDate }).refine(isIsoDate, t.badDate).transform((value, ctx) => {
    const checked = checkDate("statistics", value, typeof today === "function" ? today() : today);
    if (checked.ok) return checked.date;
    ctx.addIssue({ code: "custom", message: checked.problem === "dateTooEarly" || checked.problem === "dateInFuture" ? checked.problem : t.badDate });
    return z.NEVER;
  });
}

/** Query of the employment figures; `today` fills a missing date, `baseline` a missing baseline. */
export function employmentQuerySchema(today: string, baseline: string = DEFAULT_BASELINE_DATE) {
  return z
    .object({
      date: statsDateSchema(today).default(today),
      baseline: statsDateSchema(today).default(baseline),
      by: z.enum(EMPLOYMENT_BREAKDOWNS, { message: t.badBreakdown }).default("town"),
    })
    .refine((q) => q.baseline <= q.date, { message: t.baselineAfterDate, path: ["baseline"] });
}

/** Query of the figures taken at one date (zero-employment, workshops, trend). */
export function dateQuerySchema(today: string) {
  return z.object({ date: statsDateSchema(today).default(today) });
}
