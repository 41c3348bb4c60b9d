/**
 * The parameters of the statistics (`GET /api/v1/stats/…?date=&baseline=&by=` and the bureau's
 * pages), validated once with messages for people. Dates default to today and to the baseline
 * date in force (the baselineDate setting, src/use-cases/settings.ts).
 */
import { z } from "zod";
import { messages } from "../../../views/messages.ts";
import { DEFAULT_BASELINE_DATE, EMPLOYMENT_BREAKDOWNS } from "./figures.ts";

const t = messages.stats;

/** A real calendar date written YYYY-MM-DD. */
const IsoDateSchema = z
  .string({ message: t.badDate })
  .refine((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, t.badDate);

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
