/**
 * GET /api/v1/jobs and GET /api/v1/jobs/{code} — open postings for other departments' programs
 * (docs/contract.md). Anyone may call them. A bad parameter is a 400 with a Chinese message
 * naming it; the search engine being down gives `degraded: true`, never an error. The schemas
 * below validate the requests and describe both operations in the API's OpenAPI document.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { EMPLOYER_TYPES, PAY_UNITS, PHYSICAL_DEMANDS, POSTING_STATUSES, WORKING_TIMES } from "../../core/enums.ts";
import { MAX_RADIUS_KM, MAX_SEEKER_AGE, MIN_SEEKER_AGE, SEEKER_BENEFITS } from "../../core/job-filters.ts";
import { MAX_QUERY_LENGTH } from "../../core/search-text.ts";
import { cleanText, fitsText, TEXT_FIELDS, type TextField } from "../../core/text-fields.ts";
import type { AppDeps } from "../../app-deps.ts";
import type { JobRow } from "../../search/job-document.ts";
import { JOB_SORTS } from "../../search/job-search.ts";
import { findJob } from "../../use-cases/find-job.ts";
import { messages } from "../../../views/messages.ts";
import { shareResponse } from "../../http/kept-responses.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { NO_TOKEN } from "./openapi.ts";
import { queryInput } from "./query-input.ts";

const m = messages.api;

/** Page size: default and most. */
export const API_DEFAULT_LIMIT = 20;
export const API_MAX_LIMIT = 50;
/** The engine counts at most 10,000 hits; offset + limit stays within. */
export const API_MAX_OFFSET = 10_000 - API_MAX_LIMIT;
/** Longest town name looked for (the registry's own limit). */
const MAX_TOWN_LENGTH = TEXT_FIELDS.townName.max;
/** Query text: NFC, control characters stripped, at most the field's length (src/core/text-fields.ts). */
// `.max` documents the bound (maxLength); the refine measures the cleaned text in characters.
const text = (field: TextField, max: number) =>
  z.string().trim().max(max, m.tooLong(max)).refine((v) => fitsText(v, field), m.tooLong(max)).transform((v) => cleanText(v));

/** Query values are text: read them as numbers (as `Number` does) before checking the bounds. */
const asNumber = (value: unknown) => (typeof value === "string" ? Number(value) : value);
// Not z.coerce.number(): it takes null for 0, and the document generator, which asks whether a
// schema accepts null, would call such a parameter nullable.
const bounded = (min: number, max: number) => z.number({ message: m.number }).min(min, m.between(min, max)).max(max, m.between(min, max));
const number = (min: number, max: number) => z.preprocess(asNumber, bounded(min, max));
const wholeNumber = (min: number, max: number) => z.preprocess(asNumber, bounded(min, max).int(m.wholeNumber));
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: m.oneOf(values) });
const date = () => z.string().openapi({ format: "date" });

/** The search's parameters, each as the handler checks it and the document describes it. */
const JobsQueryFieldsSchema = z
  .object({
    q: text("searchQuery", MAX_QUERY_LENGTH)
      .optional()
      .openapi({ description: "Words to search for; traditional and simplified characters alike, synonyms of the field included." }),
    type: oneOf(EMPLOYER_TYPES).optional().openapi({ description: "Platform type of the employer." }),
    town: text("townName", MAX_TOWN_LENGTH).optional().openapi({ description: "Town (乡镇) name, exactly." }),
    lat: number(-90, 90).optional().openapi({ description: "Latitude of the seeker (WGS-84); with lng, every hit has distance_km." }),
    lng: number(-180, 180).optional().openapi({ description: "Longitude of the seeker (WGS-84); given with lat." }),
    radius_km: number(0.1, MAX_RADIUS_KM).optional().openapi({ description: "Only postings within this distance of lat/lng (needs both)." }),
    time: oneOf(WORKING_TIMES).optional().openapi({ description: "Working time." }),
    age: wholeNumber(MIN_SEEKER_AGE, MAX_SEEKER_AGE).optional().openapi({ description: "Extension: only postings whose age limits accept this age." }),
    benefit: z
      .array(oneOf(SEEKER_BENEFITS))
      .optional()
      .openapi({
        description: "Extension: postings offering every benefit given (repeat the parameter, or separate with commas).",
        param: { style: "form", explode: true },
      }),
    sort: oneOf(JOB_SORTS)
      .optional()
      .openapi({
        description:
          "Extension: order of the hits. distance needs lat/lng; pay compares day and hour pay as 22 days a month. " +
          "Default: nearest first with lat/lng, else best match (newest first without q).",
      }),
    limit: wholeNumber(1, API_MAX_LIMIT).default(API_DEFAULT_LIMIT).openapi({ description: "Hits per page." }),
    offset: wholeNumber(0, API_MAX_OFFSET).default(0).openapi({ description: "Hits to skip." }),
  })
  .superRefine((query, ctx) => {
    const point = query.lat !== undefined && query.lng !== undefined;
    if ((query.lat === undefined) !== (query.lng === undefined)) ctx.addIssue({ code: "custom", path: [query.lat === undefined ? "lat" : "lng"], message: m.latLngTogether });
    if (query.radius_km !== undefined && !point) ctx.addIssue({ code: "custom", path: ["radius_km"], message: m.radiusNeedsPoint });
    if (query.sort === "distance" && !point) ctx.addIssue({ code: "custom", path: ["sort"], message: m.distanceNeedsPoint });
  });

/** The query of GET /api/v1/jobs: an empty value is "not given" (as the contract's own example writes them), benefit may repeat. */
export const JobsApiQuerySchema = z.transform(queryInput({ lists: ["benefit"], emptyIsMissing: true })).pipe(JobsQueryFieldsSchema);

const EmployerSummarySchema = z
  .object({ code: z.string(), name: z.string(), type: z.enum(EMPLOYER_TYPES) })
  .openapi("Employer", { description: "The employer (用工主体) offering the posting." });

const yuan = () => z.number().int().nullable().openapi({ description: "yuan" });

export const JobSummarySchema = z
  .object({
    code: z.string(),
    title: z.string(),
    employer: EmployerSummarySchema,
    town: z.string(),
    village: z.string().nullable(),
    pay_min: yuan(),
    pay_max: yuan(),
    pay_unit: z.enum(PAY_UNITS),
    time: z.enum(WORKING_TIMES),
    distance_km: z.number().optional().openapi({ description: "From lat/lng, when given; 0.1 km steps." }),
    benefits: z.array(z.string()).openapi({ description: "Extension." }),
    published_at: date().nullable().openapi({ description: "Extension." }),
    openings: z.number().int().optional().openapi({ description: "Extension: openings left (还需 N 人), when known." }),
  })
  .openapi("JobSummary");

export const JobResultsSchema = z
  .object({
    hits: z.array(JobSummarySchema),
    total: z.number().int().openapi({ description: "Hits in all (the engine counts up to 10,000)." }),
    degraded: z.boolean().openapi({ description: "The search engine was down; a plain database search answered." }),
  })
  .openapi("JobResults");

export const JobSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    description: z.string(),
    employer: z.object({
      code: z.string(),
      name: z.string(),
      type: z.enum(EMPLOYER_TYPES),
      contact_name: z.string().nullable(),
      contact_phone: z.string().nullable().openapi({ description: "The employer's business line." }),
    }),
    town: z.string(),
    village: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    pay_min: yuan(),
    pay_max: yuan(),
    pay_unit: z.enum(PAY_UNITS),
    time: z.enum(WORKING_TIMES),
    age_min: z.number().int().nullable(),
    age_max: z.number().int().nullable(),
    physical_demand: z.enum(PHYSICAL_DEMANDS).nullable(),
    skills: z.array(z.string()),
    benefits: z.array(z.string()),
    headcount: z.number().int(),
    status: z.enum(POSTING_STATUSES),
    closing_date: date().nullable(),
    published_at: date().nullable(),
  })
  .openapi("Job");

const JobPathSchema = z.object({
  code: z.string().openapi({ description: "The posting's code (编号)." }),
});

/** One posting as GET /api/v1/jobs/{code} gives it. */
export function jobDetail(job: JobRow): z.infer<typeof JobSchema> {
  return {
    code: job.code,
    title: job.title,
    description: job.description,
    employer: { code: job.employerCode, name: job.employerName, type: job.employerType, contact_name: job.contactName, contact_phone: job.contactPhone },
    town: job.town,
    village: job.village,
    lat: job.lat,
    lng: job.lng,
    pay_min: job.payMin,
    pay_max: job.payMax,
    pay_unit: job.payUnit,
    time: job.workingTime,
    age_min: job.ageMin,
    age_max: job.ageMax,
    physical_demand: job.physicalDemand,
    skills: job.skills,
    benefits: job.benefits,
    headcount: job.headcount,
    status: job.status,
    closing_date: job.closingDate,
    published_at: job.publishedAt,
  };
}

const searchJobsRoute = createRoute({
  method: "get",
  path: "/jobs",
  operationId: "searchJobs",
  summary: "Search open postings (招聘中)",
  description:
    "Open postings only, past-closing-date ones left out. When the search engine is down a plain database search answers " +
    "and `degraded` is true. An empty parameter (`q=`) counts as not given.",
  security: NO_TOKEN,
  request: { query: JobsApiQuerySchema },
  responses: {
    200: { description: "A page of hits.", content: { "application/json": { schema: JobResultsSchema } } },
    400: errorResponse("A parameter is not valid; the message names it (`参数 limit 不对：…`)."),
  },
});

const getJobRoute = createRoute({
  method: "get",
  path: "/jobs/{code}",
  operationId: "getJob",
  summary: "One posting, whatever its status",
  security: NO_TOKEN,
  request: { params: JobPathSchema },
  responses: {
    200: { description: "The posting.", content: { "application/json": { schema: JobSchema } } },
    404: errorResponse("No posting has this code."),
  },
});

export function jobsApi(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw ApiError.badParameter(result.error);
    },
  });

  app.openapi(searchJobsRoute, async (c) => {
    const query = c.req.valid("query");
    const origin = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined;
    const results = await deps.jobSearch.search({
      q: query.q,
      type: query.type,
      town: query.town,
      time: query.time,
      age: query.age,
      benefits: query.benefit,
      origin,
      radiusKm: query.radius_km,
      sort: query.sort,
      limit: query.limit,
      offset: query.offset,
    });
    // The same for every caller without a token, unless the database answered (reduced mode, not kept).
    if (!results.degraded) shareResponse(c);
    return c.json({ hits: results.hits, total: results.total, degraded: results.degraded }, 200);
  });

  app.openapi(getJobRoute, (c) => {
    const job = findJob(deps, c.req.valid("param").code);
    if (!job) throw ApiError.notFound(m.jobNotFound);
    return c.json(jobDetail(job), 200);
  });

  return app;
}
