/**
 * The statistics of the JSON API (`/api/v1/stats/…`, docs/contract.md) for other departments'
 * programs: employment of 帮扶对象 workers, zero-employment households, workshop absorption.
 * A county token reads the county, a town token its own town (the figures are computed with that
 * scope), a department token the county's aggregates only (no list of households). Figures come
 * from the statistics service's in-memory snapshot (src/use-cases/statistics.ts). The query
 * schemas are the core's (src/core/stats/query.ts, shared with the bureau's pages); the routes
 * below add their descriptions for the API's OpenAPI document.
 * @example app.route("/api/v1", statsApi(deps)); // GET /api/v1/stats/employment?date=2026-11-23&by=town
 */
import { statsTownOf } from "../../core/policy.ts";
import { townNameOf } from "../../use-cases/stats-view.ts";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { currentSettings } from "../../use-cases/settings.ts";
import type { AppDeps } from "../../app-deps.ts";
import { EMPLOYER_TYPES } from "../../core/enums.ts";
import { dateQuerySchema, employmentQuerySchema, statsDateSchema } from "../../core/stats/query.ts";
import { employmentColumns, workshopColumns, zeroEmploymentColumns } from "../../core/stats/columns.ts";
import { DEFAULT_BASELINE_DATE, TOTAL_KEY, WORKSHOP_TYPES, type TownScope } from "../../core/stats/figures.ts";
import { authorizeApi } from "../../http/api-auth.ts";
import { messages } from "../../../views/messages.ts";
import { statsQueryMessage } from "../../../views/problems.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { TOKEN_ERROR_RESPONSES, tokenOnly } from "./openapi.ts";
import { queryInput } from "./query-input.ts";

// The core's schemas take today as a value; the API's `date` falls back to the injected clock at
// each request instead, through the same date check (and the baseline rule runs on the result).
const coreEmployment = employmentQuerySchema(DEFAULT_BASELINE_DATE);
const coreDate = dateQuerySchema(DEFAULT_BASELINE_DATE);

function dateParameter(today: () => string) {
  return statsDateSchema(today).optional()
    .transform((date) => date ?? today())
    .openapi({ format: "date", description: "Reference date D, YYYY-MM-DD (default: today, Beijing time).", example: "2026-11-23" });
}

/**
 * Query of GET /stats/employment: the core's schema, `date` defaulting to the clock's today and
 * `baseline` to the baseline-date setting in force (read at each request).
 */
export function employmentApiQuerySchema(today: () => string, baseline: () => string = () => DEFAULT_BASELINE_DATE) {
  const fields = coreEmployment.safeExtend({
    date: dateParameter(today),
    baseline: statsDateSchema(today).optional()
      .transform((date) => date ?? baseline())
      .openapi({ format: "date", description: `Baseline date B, not after D (default: the baseline-date setting, BASELINE_DATE, ${DEFAULT_BASELINE_DATE} unless changed).` }),
    by: coreEmployment.shape.by.openapi({ description: "Rows by town, by platform (employer type, or 就业形式 of work without an employer), or by household category." }),
  });
  return z.transform(queryInput()).pipe(fields);
}

/** Query of the figures taken at one date. */
export function dateApiQuerySchema(today: () => string) {
  return z.transform(queryInput()).pipe(coreDate.safeExtend({ date: dateParameter(today) }));
}

const EmploymentRowsSchema = z
  .object({
    rows: z.array(
      z.object({
        key: z.string().openapi({ description: `A town, a platform or a household category; \`${TOTAL_KEY}\` in the last row.` }),
        labour_force: z.number().int().nullable().openapi({ description: "帮扶对象 labour force at D; null in rows by platform (the total row carries it)." }),
        employed: z.number().int(),
        employed_baseline: z.number().int().openapi({ description: "Employed at the baseline date B." }),
      }),
    ),
  })
  .openapi("EmploymentRows");

const ZeroEmploymentSchema = z
  .object({
    households: z.array(z.object({ code: z.string(), town: z.string(), village: z.string(), labour_force: z.number().int() })),
  })
  .openapi("ZeroEmploymentHouseholds");

const WorkshopRowsSchema = z
  .object({
    rows: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        type: z.enum(EMPLOYER_TYPES).openapi({ enum: [...WORKSHOP_TYPES] }),
        employed: z.number().int(),
        employed_assisted: z.number().int().openapi({ description: "Of them, people of 帮扶对象 households." }),
      }),
    ),
  })
  .openapi("WorkshopRows");

const badParameter = errorResponse(`A bad parameter: ${[messages.stats.badDate, messages.fields.stats.dateInFuture, messages.fields.stats.dateTooEarly, messages.stats.badBreakdown, messages.stats.baselineAfterDate].map((t) => `\`${t}\``).join(", ")}.`);
const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { "application/json": { schema } } });

/**
 * The scope the token's figures are computed in, after asking the policy: a town token its town,
 * the others the county. `detail` when the answer names households.
 */
function tokenScope(c: Context, deps: AppDeps, detail: boolean): TownScope {
  const actor = c.get("apiActor");
  const townId = statsTownOf(actor);
  authorizeApi(c, "read", { type: "stats", townId, detail });
  if (townId === null) return {};
  const town = townNameOf(deps, townId);
  if (town === undefined) throw new ApiError(403, messages.forbidden.apiNoRight);
  return { town };
}

export function statsApi(deps: AppDeps): OpenAPIHono {
  // A bad parameter is a 400 with the first problem, in Chinese (the bureau's pages say the same).
  const api = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw new ApiError(400, statsQueryMessage(result.error));
    },
  });
  const today = () => deps.today();

  const employmentRoute = createRoute({
    method: "get",
    path: "/stats/employment",
    operationId: "employmentStats",
    summary: "帮扶对象 labour force employed, by town, platform or household category",
    ...tokenOnly(deps.db, ["county", "town", "department"], "Rows of 帮扶对象 workers, the `total` row last. A town token's figures are its own town's."),
    request: { query: employmentApiQuerySchema(today, () => currentSettings(deps.db).baselineDate) },
    responses: { 200: json("Rows, the `total` row last.", EmploymentRowsSchema), 400: badParameter, ...TOKEN_ERROR_RESPONSES },
  });
  api.openapi(employmentRoute, async (c) => {
    const query = c.req.valid("query");
    const scope = tokenScope(c, deps, false);
    const { columns } = await deps.statistics.current();
    return c.json({ rows: employmentColumns(columns, { ...query, ...scope }) }, 200);
  });

  const zeroEmploymentRoute = createRoute({
    method: "get",
    path: "/stats/zero-employment",
    operationId: "zeroEmploymentHouseholds",
    summary: "Zero-employment 帮扶对象 households (零就业家庭) at D",
    ...tokenOnly(deps.db, ["county", "town"], "It names households, so department tokens may not read it. A town token sees its own town's households."),
    request: { query: dateApiQuerySchema(today) },
    responses: { 200: json("Households by code.", ZeroEmploymentSchema), 400: badParameter, ...TOKEN_ERROR_RESPONSES },
  });
  api.openapi(zeroEmploymentRoute, async (c) => {
    const query = c.req.valid("query");
    const scope = tokenScope(c, deps, true);
    const { columns } = await deps.statistics.current();
    return c.json(zeroEmploymentColumns(columns, { ...query, ...scope }), 200);
  });

  const workshopsRoute = createRoute({
    method: "get",
    path: "/stats/workshops",
    operationId: "workshopStats",
    summary: "Workshop absorption (吸纳就业) of every 帮扶车间 and 卫星工厂 at D",
    ...tokenOnly(deps.db, ["county", "town", "department"], "A town token sees the workshops located in its town."),
    request: { query: dateApiQuerySchema(today) },
    responses: { 200: json("Workshops by code.", WorkshopRowsSchema), 400: badParameter, ...TOKEN_ERROR_RESPONSES },
  });
  api.openapi(workshopsRoute, async (c) => {
    const query = c.req.valid("query");
    const scope = tokenScope(c, deps, false);
    const { columns } = await deps.statistics.current();
    return c.json(workshopColumns(columns, { ...query, ...scope }), 200);
  });

  return api;
}
