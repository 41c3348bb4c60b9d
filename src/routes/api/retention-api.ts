/**
 * GET /api/v1/stats/retention (docs/contract.md, an extension): retention (稳岗) — of the
 * placements that started in each month, how many were still open 3, 6 and 12 months later — by
 * cohort month, platform, employer or the worker's town, for every worker or 帮扶对象 only. Same
 * tokens and scope as the other statistics: county, town (its own town's workers), department
 * (aggregates only). Counted from the statistics snapshot (src/use-cases/retention-view.ts).
 * @example GET /api/v1/stats/retention?by=platform&from=2025-01&to=2025-12&assisted=true
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../app-deps.ts";
import { EMPLOYER_TYPES, EMPLOYMENT_FORMS } from "../../core/enums.ts";
import { statsTownOf } from "../../core/policy.ts";
import { completeRetentionQuery, retentionFieldsSchema } from "../../core/stats/retention-query.ts";
import { MAX_RETENTION_COHORTS, RETENTION_HORIZONS, RETENTION_TOTAL_KEY } from "../../core/stats/retention.ts";
import { authorizeApi } from "../../http/api-auth.ts";
import { retentionView } from "../../use-cases/retention-view.ts";
import { townNameOf } from "../../use-cases/stats-view.ts";
import { messages } from "../../../views/messages.ts";
import { retentionQueryMessage } from "../../../views/retention-text.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { TOKEN_ERROR_RESPONSES, tokenOnly } from "./openapi.ts";
import { queryInput } from "./query-input.ts";

const r = messages.retention.problems;

function retentionApiQuerySchema(today: () => string) {
  const fields = retentionFieldsSchema(today);
  return z.transform(queryInput()).pipe(
    fields.safeExtend({
      date: fields.shape.date.openapi({ format: "date", description: "Reference date D, YYYY-MM-DD (default: today, Beijing time). A cohort is measured at a horizon once its last day plus the horizon is not after D.", example: "2026-11-23" }),
      from: fields.shape.from.openapi({ description: "First cohort, YYYY-MM (default: 23 months before `to`).", example: "2025-01" }),
      to: fields.shape.to.openapi({ description: `Last cohort, YYYY-MM, not after D's month (default: D's month); at most ${MAX_RETENTION_COHORTS} cohorts.`, example: "2025-12" }),
      by: fields.shape.by.openapi({ description: "Rows by cohort month, platform (employer type, or 就业形式 of work without an employer), employer (its code; work without an employer by its 就业形式) or the worker's town." }),
      assisted: fields.shape.assisted.openapi({ type: "string", enum: ["true", "false", "1", "0"], description: "Only workers of 帮扶对象 households (default false)." }),
    }),
  );
}

const HorizonSchema = z
  .object({
    months: z.number().int().openapi({ enum: [...RETENTION_HORIZONS] }),
    status: z.enum(["measured", "not_yet"]).openapi({ description: "`not_yet` while none of the row's cohorts has reached the horizon at D (never counted as 0)." }),
    placements: z.number().int().nullable().openapi({ description: "Placements of the row's cohorts that have reached the horizon; null when not yet." }),
    retained: z.number().int().nullable().openapi({ description: "Of them, still open on the day the horizon is reached (end on that day or later, or no end)." }),
    rate: z.number().nullable().openapi({ description: "retained ÷ placements, 0…1; null when not yet or no placement." }),
  })
  .openapi("RetentionHorizon");

const RetentionRowsSchema = z
  .object({
    rows: z.array(
      z.object({
        key: z.string().openapi({ description: `A cohort month (YYYY-MM), a platform (${[...EMPLOYER_TYPES, ...EMPLOYMENT_FORMS].join(" | ")}), an employer's code (or a 就业形式), a town; \`${RETENTION_TOTAL_KEY}\` in the last row.` }),
        name: z.string().optional().openapi({ description: "The employer's name (by employer, for registry employers)." }),
        started: z.number().int().openapi({ description: "Placements that started in the row's cohorts (confirmed ones; 待核实 hires are left out)." }),
        horizons: z.array(HorizonSchema).openapi({ description: "3, 6 and 12 months, in that order." }),
      }),
    ),
  })
  .openapi("RetentionRows");

const badParameter = errorResponse(`A bad parameter: ${[messages.stats.badDate, messages.fields.stats.dateInFuture, r.badMonth, r.fromAfterTo, r.toAfterDate, r.rangeTooLong, r.badRetentionBreakdown, r.badAssisted].map((t) => `\`${t}\``).join(", ")}.`);

export function retentionApi(deps: AppDeps): OpenAPIHono {
  const api = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw new ApiError(400, retentionQueryMessage(result.error));
    },
  });
  const today = () => deps.today();

  const route = createRoute({
    method: "get",
    path: "/stats/retention",
    operationId: "retentionStats",
    summary: "Retention (稳岗): placements still open 3, 6 and 12 months after they started",
    ...tokenOnly(deps.db, ["county", "town", "department"], "Rows, the `total` row last. A town token's figures are its own town's workers'."),
    request: { query: retentionApiQuerySchema(today) },
    responses: { 200: { description: "Rows, the `total` row last.", content: { "application/json": { schema: RetentionRowsSchema } } }, 400: badParameter, ...TOKEN_ERROR_RESPONSES },
  });
  api.openapi(route, async (c) => {
    const fields = c.req.valid("query");
    const done = completeRetentionQuery(fields, deps.today());
    if (!done.ok) throw new ApiError(400, r[done.problem]);
    const townId = statsTownOf(c.get("apiActor"));
    authorizeApi(c, "read", { type: "stats", townId, detail: false });
    const town = townId === null ? undefined : townNameOf(deps, townId);
    if (townId !== null && town === undefined) throw new ApiError(403, messages.forbidden.apiNoRight);
    const { rows } = await retentionView(deps, { ...done.query, town });
    return c.json({ rows: rows.map((row) => (row.name === undefined ? { key: row.key, started: row.started, horizons: row.horizons } : row)) }, 200);
  });

  return api;
}
