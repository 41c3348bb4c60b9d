/**
 * A seeker's search as the URL of /jobs carries it — the form's fields, so a search can be
 * bookmarked, shared, printed and gone back to. A value that does not parse is dropped rather
 * than refused: a mangled link still shows jobs.
 */
import { z } from "zod";
import { EMPLOYER_TYPES, WORKING_TIMES } from "../../core/enums.ts";
import { MAX_SEEKER_AGE, MIN_SEEKER_AGE, PAY_LEVELS, RADIUS_CHOICES_KM, SEEKER_BENEFITS, type SeekerBenefit } from "../../core/job-filters.ts";
import { MAX_QUERY_LENGTH } from "../../core/search-text.ts";
import { cleanText, optionalTextSchema } from "../../core/text-fields.ts";
import { JOB_SORTS } from "../../search/job-search.ts";

/** How many postings a page lists. */
export const JOBS_PER_PAGE = 20;
/** The engine counts at most this many hits (JOBS_INDEX_SETTINGS.pagination). */
export const MAX_OFFSET = 10_000 - JOBS_PER_PAGE;

/** The first MAX_QUERY_LENGTH characters of a query (whole characters, not UTF-16 halves). */
export function shortenQuery(q: string): string {
  const chars = [...q];
  return chars.length > MAX_QUERY_LENGTH ? chars.slice(0, MAX_QUERY_LENGTH).join("").trim() : q;
}

/** Whether the query a request typed was longer than what is searched. */
export function queryWasShortened(rawQ: string | undefined): boolean {
  return [...(rawQ ?? "").trim()].length > MAX_QUERY_LENGTH;
}

/** A number field that may be empty (an empty form field means "not set"). */
function optionalNumber<T extends z.ZodType<unknown, number>>(schema: T) {
  return z
    .preprocess((value) => (value === "" || value === undefined ? undefined : value), z.coerce.number().pipe(schema).optional())
    .catch(undefined);
}

/** Coordinates are kept to 3 decimals (about 100 m): enough for "how far", not a home address. */
const coordinate = (max: number) => optionalNumber(z.number().min(-max).max(max).transform((v) => Math.round(v * 1000) / 1000));

export const JobBoardQuerySchema = z.object({
  // A pasted query longer than the engine looks at is shortened, not dropped: the box keeps it
  // and the page says so (queryWasShortened). Control characters go as in every text field.
  q: z.string().catch("").default("").transform((v) => shortenQuery(cleanText(v))),
  type: z.enum(EMPLOYER_TYPES).optional().catch(undefined),
  town: optionalTextSchema("townName", "town").transform((v) => v ?? undefined).catch(undefined),
  time: z.enum(WORKING_TIMES).optional().catch(undefined),
  age: optionalNumber(z.number().int().min(MIN_SEEKER_AGE).max(MAX_SEEKER_AGE)),
  benefit: z
    .array(z.string())
    .transform((list) => [...new Set(list)].filter((b): b is SeekerBenefit => (SEEKER_BENEFITS as readonly string[]).includes(b)))
    .catch([])
    .default([]),
  pay: optionalNumber(z.union(PAY_LEVELS.map((level) => z.literal(level)))),
  sort: z.enum(JOB_SORTS).optional().catch(undefined),
  village: optionalNumber(z.number().int().positive()),
  lat: coordinate(90),
  lng: coordinate(180),
  radius: optionalNumber(z.union(RADIUS_CHOICES_KM.map((km) => z.literal(km)))),
  offset: optionalNumber(z.number().int().min(0).max(MAX_OFFSET)),
});
export type JobBoardQuery = z.infer<typeof JobBoardQuerySchema>;

/** Parses a request's query string (benefit may repeat). */
export function parseJobBoardQuery(single: Record<string, string>, all: Record<string, string[]>): JobBoardQuery {
  return JobBoardQuerySchema.parse({ ...single, benefit: (all.benefit ?? []).filter(Boolean) });
}

/** The query string of a search, with only what is set, in a stable order. */
export function jobsSearchParams(query: Partial<JobBoardQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "" || (key === "offset" && value === 0)) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  return params;
}

/** The URL of a search. @example jobsHref({ q: "缝纫", type: "帮扶车间" }) // "/jobs?q=…&type=…" */
export function jobsHref(query: Partial<JobBoardQuery>): string {
  const qs = jobsSearchParams(query).toString();
  return qs ? `/jobs?${qs}` : "/jobs";
}

/** The part of a search that says where the seeker is, to carry to a job's page for its distance. */
export function originParams(query: Pick<JobBoardQuery, "village" | "lat" | "lng">): Partial<JobBoardQuery> {
  if (query.lat !== undefined && query.lng !== undefined) return { lat: query.lat, lng: query.lng };
  return query.village !== undefined ? { village: query.village } : {};
}
