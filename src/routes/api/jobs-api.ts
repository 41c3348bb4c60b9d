/**
 * GET /api/v1/jobs and GET /api/v1/jobs/{code} — open postings for other departments' programs
 * (docs/contract.md). Anyone may call them. A bad parameter is a 400 with a Chinese message
 * naming it; the search engine being down gives `degraded: true`, never an error.
 */
import { Hono } from "hono";
import { z } from "zod";
import { EMPLOYER_TYPES, WORKING_TIMES } from "../../core/enums.ts";
import { MAX_RADIUS_KM, MAX_SEEKER_AGE, MIN_SEEKER_AGE, SEEKER_BENEFITS } from "../../core/job-filters.ts";
import { MAX_QUERY_LENGTH } from "../../core/search-text.ts";
import type { AppDeps } from "../../app-deps.ts";
import type { JobRow } from "../../search/job-document.ts";
import { JOB_SORTS } from "../../search/job-search.ts";
import { findJob } from "../../use-cases/find-job.ts";
import { messages } from "../../../views/messages.ts";
import { ApiError } from "./errors.ts";

const m = messages.api;

/** Page size: default and most. */
export const API_DEFAULT_LIMIT = 20;
export const API_MAX_LIMIT = 50;
/** The engine counts at most 10,000 hits; offset + limit stays within. */
export const API_MAX_OFFSET = 10_000 - API_MAX_LIMIT;

const number = (min: number, max: number) => z.coerce.number({ message: m.number }).min(min, m.between(min, max)).max(max, m.between(min, max));
const wholeNumber = (min: number, max: number) => number(min, max).int(m.wholeNumber);

export const JobsApiQuerySchema = z
  .object({
    q: z.string().trim().max(MAX_QUERY_LENGTH, m.tooLong(MAX_QUERY_LENGTH)).optional(),
    type: z.enum(EMPLOYER_TYPES, { message: m.oneOf(EMPLOYER_TYPES) }).optional(),
    town: z.string().trim().max(50, m.tooLong(50)).optional(),
    lat: number(-90, 90).optional(),
    lng: number(-180, 180).optional(),
    radius_km: number(0.1, MAX_RADIUS_KM).optional(),
    time: z.enum(WORKING_TIMES, { message: m.oneOf(WORKING_TIMES) }).optional(),
    age: wholeNumber(MIN_SEEKER_AGE, MAX_SEEKER_AGE).optional(),
    benefit: z.array(z.enum(SEEKER_BENEFITS, { message: m.oneOf(SEEKER_BENEFITS) })).optional(),
    sort: z.enum(JOB_SORTS, { message: m.oneOf(JOB_SORTS) }).optional(),
    limit: wholeNumber(1, API_MAX_LIMIT).default(API_DEFAULT_LIMIT),
    offset: wholeNumber(0, API_MAX_OFFSET).default(0),
  })
  .superRefine((query, ctx) => {
    const point = query.lat !== undefined && query.lng !== undefined;
    if ((query.lat === undefined) !== (query.lng === undefined)) ctx.addIssue({ code: "custom", path: [query.lat === undefined ? "lat" : "lng"], message: m.latLngTogether });
    if (query.radius_km !== undefined && !point) ctx.addIssue({ code: "custom", path: ["radius_km"], message: m.radiusNeedsPoint });
    if (query.sort === "distance" && !point) ctx.addIssue({ code: "custom", path: ["sort"], message: m.distanceNeedsPoint });
  });

/** The query string as the schema reads it: empty values are "not given", benefit may repeat. */
function queryInput(single: Record<string, string>, all: Record<string, string[]>): Record<string, unknown> {
  const input: Record<string, unknown> = Object.fromEntries(Object.entries(single).filter(([, v]) => v !== ""));
  const benefits = (all.benefit ?? []).flatMap((b) => b.split(",")).filter(Boolean);
  if (benefits.length > 0) input.benefit = benefits;
  else delete input.benefit;
  return input;
}

/** One posting as GET /api/v1/jobs/{code} gives it. */
export function jobDetail(job: JobRow) {
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

export function jobsApi(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/jobs", async (c) => {
    const parsed = JobsApiQuerySchema.safeParse(queryInput(c.req.query(), c.req.queries()));
    if (!parsed.success) throw ApiError.badParameter(parsed.error);
    const query = parsed.data;
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
    return c.json({ hits: results.hits, total: results.total, degraded: results.degraded });
  });

  app.get("/jobs/:code", (c) => {
    const job = findJob(deps, c.req.param("code"));
    if (!job) throw ApiError.notFound(m.jobNotFound);
    return c.json(jobDetail(job));
  });

  return app;
}
