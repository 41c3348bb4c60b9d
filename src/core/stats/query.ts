/**
 * The parameters of the statistics (`GET /api/v1/stats/…?date=&baseline=&by=` and the bureau's
 * pages), validated once. Dates default to today and to the baseline date in force (the
 * baselineDate setting, src/use-cases/settings.ts). A problem is a code (`StatsQueryProblem`,
 * the message); views/problems.ts words it.
 */
import { z } from "zod";
import { isIsoDate } from "../calendar.ts";
import { DEFAULT_BASELINE_DATE, EMPLOYMENT_BREAKDOWNS } from "./figures.ts";

/** What can be wrong with the parameters: codes, worded by views/problems.ts. */
export const STATS_QUERY_PROBLEMS = ["badDate", "badBreakdown", "baselineAfterDate"] as const;
export type StatsQueryProblem = (typeof STATS_QUERY_PROBLEMS)[number];

const t = Object.fromEntries(STATS_QUERY_PROBLEMS.map((code) => [code, code])) as { readonly [K in StatsQueryProblem]: K };

/** A real calendar date written YYYY-MM-DD. */
const IsoDateSchema = z
  .string({ message: t.badDate })
  .refine(isIsoDate, t.badDate);

/** Query of the employment figures; `today` fills a missing date, `baseline` a missing baseline. */
export function employmentQuerySchema(today: string, baseline: string = DEFAULT_BASELINE_DATE) {
  return z
    .object({
      date: IsoDateSchema.default(today),
      baseline: IsoDateSchema.default(baseline),
      by: z.enum(EMPLOYMENT_BREAKDOWNS, { message: t.badBreakdown }).default("town"),
    })
    .refine((q) => q.baseline <= q.date, { message: t.baselineAfterDate, path: ["baseline"] });
}

/** Query of the figures taken at one date (zero-employment, workshops, trend). */
export function dateQuerySchema(today: string) {
  return z.object({ date: IsoDateSchema.default(today) });
}
