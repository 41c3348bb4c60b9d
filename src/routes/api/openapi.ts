/**
 * The OpenAPI 3.1 document of /api/v1, written by hand: it is what other departments read, so
 * it says things in their words. tests/api.test.ts checks that it lists every route of the API.
 */
import { EMPLOYER_TYPES, PAY_UNITS, PHYSICAL_DEMANDS, POSTING_STATUSES, WORKING_TIMES } from "../../core/enums.ts";
import { MAX_RADIUS_KM, MAX_SEEKER_AGE, MIN_SEEKER_AGE, SEEKER_BENEFITS } from "../../core/job-filters.ts";
import { MAX_QUERY_LENGTH } from "../../core/search-text.ts";
import { JOB_SORTS } from "../../search/job-search.ts";
import { API_DEFAULT_LIMIT, API_MAX_LIMIT, API_MAX_OFFSET } from "./jobs-api.ts";
import { statsOpenApiPaths } from "./stats-openapi.ts";

const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: "null" }] });
const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const query = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: "query", required: false, description, schema });

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "就业帮扶 API",
    version: "1.0.0",
    description:
      "Open postings of the county's help-employment platform, for other departments' programs. " +
      "Errors are JSON `{ message }` in Chinese; a bad parameter is 400. Money is yuan, dates YYYY-MM-DD.",
  },
  servers: [{ url: "/api/v1" }],
  paths: {
    ...statsOpenApiPaths,
    "/jobs": {
      get: {
        operationId: "searchJobs",
        summary: "Search open postings (招聘中)",
        description:
          "Open postings only, past-closing-date ones left out. When the search engine is down a plain database search answers " +
          "and `degraded` is true. Without `sort`: nearest first with lat/lng, else best match (newest first without q).",
        parameters: [
          query("q", "Words to search for; traditional and simplified characters alike, synonyms of the field included.", { type: "string", maxLength: MAX_QUERY_LENGTH }),
          query("type", "Platform type of the employer.", { type: "string", enum: EMPLOYER_TYPES }),
          query("town", "Town (乡镇) name, exactly.", { type: "string" }),
          query("lat", "Latitude of the seeker (WGS-84); with lng, every hit has distance_km.", { type: "number", minimum: -90, maximum: 90 }),
          query("lng", "Longitude of the seeker (WGS-84).", { type: "number", minimum: -180, maximum: 180 }),
          query("radius_km", "Only postings within this distance of lat/lng.", { type: "number", exclusiveMinimum: 0, maximum: MAX_RADIUS_KM }),
          query("time", "Working time.", { type: "string", enum: WORKING_TIMES }),
          query("age", "Extension: only postings whose age limits accept this age.", { type: "integer", minimum: MIN_SEEKER_AGE, maximum: MAX_SEEKER_AGE }),
          {
            ...query("benefit", "Extension: postings offering every benefit given (repeat, or separate with commas).", {
              type: "array",
              items: { type: "string", enum: SEEKER_BENEFITS },
            }),
            style: "form",
            explode: true,
          },
          query("sort", "Extension: order of the hits. distance needs lat/lng; pay compares day and hour pay as 22 days a month.", {
            type: "string",
            enum: JOB_SORTS,
          }),
          query("limit", "Hits per page.", { type: "integer", minimum: 1, maximum: API_MAX_LIMIT, default: API_DEFAULT_LIMIT }),
          query("offset", "Hits to skip.", { type: "integer", minimum: 0, maximum: API_MAX_OFFSET, default: 0 }),
        ],
        responses: {
          "200": {
            description: "A page of hits.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/JobResults" } } },
          },
          "400": errorResponse("A parameter is not valid; the message names it."),
        },
      },
    },
    "/jobs/{code}": {
      get: {
        operationId: "getJob",
        summary: "One posting, whatever its status",
        parameters: [{ name: "code", in: "path", required: true, description: "The posting's code (编号).", schema: { type: "string" } }],
        responses: {
          "200": { description: "The posting.", content: { "application/json": { schema: { $ref: "#/components/schemas/Job" } } } },
          "404": errorResponse("No posting has this code."),
        },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "openApiDocument",
        summary: "This document",
        responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "A token from `npm run token -- create` (county, town or department)." },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["message"],
        properties: { message: { type: "string", description: "What is wrong, in Chinese, for people." } },
      },
      Employer: {
        type: "object",
        required: ["code", "name", "type"],
        properties: { code: { type: "string" }, name: { type: "string" }, type: { type: "string", enum: EMPLOYER_TYPES } },
      },
      JobSummary: {
        type: "object",
        required: ["code", "title", "employer", "town", "village", "pay_min", "pay_max", "pay_unit", "time", "benefits", "published_at"],
        properties: {
          code: { type: "string" },
          title: { type: "string" },
          employer: { $ref: "#/components/schemas/Employer" },
          town: { type: "string" },
          village: nullable({ type: "string" }),
          pay_min: nullable({ type: "integer", description: "yuan" }),
          pay_max: nullable({ type: "integer", description: "yuan" }),
          pay_unit: { type: "string", enum: PAY_UNITS },
          time: { type: "string", enum: WORKING_TIMES },
          distance_km: { type: "number", description: "From lat/lng, when given; 0.1 km steps." },
          benefits: { type: "array", items: { type: "string" }, description: "Extension." },
          published_at: nullable({ type: "string", format: "date", description: "Extension." }),
        },
      },
      JobResults: {
        type: "object",
        required: ["hits", "total", "degraded"],
        properties: {
          hits: { type: "array", items: { $ref: "#/components/schemas/JobSummary" } },
          total: { type: "integer", description: "Hits in all (the engine counts up to 10,000)." },
          degraded: { type: "boolean", description: "The search engine was down; a plain database search answered." },
        },
      },
      Job: {
        type: "object",
        required: ["code", "title", "description", "employer", "town", "status"],
        properties: {
          code: { type: "string" },
          title: { type: "string" },
          description: { type: "string" },
          employer: {
            type: "object",
            properties: {
              code: { type: "string" },
              name: { type: "string" },
              type: { type: "string", enum: EMPLOYER_TYPES },
              contact_name: nullable({ type: "string" }),
              contact_phone: nullable({ type: "string", description: "The employer's business line." }),
            },
          },
          town: { type: "string" },
          village: nullable({ type: "string" }),
          lat: nullable({ type: "number" }),
          lng: nullable({ type: "number" }),
          pay_min: nullable({ type: "integer" }),
          pay_max: nullable({ type: "integer" }),
          pay_unit: { type: "string", enum: PAY_UNITS },
          time: { type: "string", enum: WORKING_TIMES },
          age_min: nullable({ type: "integer" }),
          age_max: nullable({ type: "integer" }),
          physical_demand: nullable({ type: "string", enum: PHYSICAL_DEMANDS }),
          skills: { type: "array", items: { type: "string" } },
          benefits: { type: "array", items: { type: "string" } },
          headcount: { type: "integer" },
          status: { type: "string", enum: POSTING_STATUSES },
          closing_date: nullable({ type: "string", format: "date" }),
          published_at: nullable({ type: "string", format: "date" }),
        },
      },
    },
  },
} as const;
