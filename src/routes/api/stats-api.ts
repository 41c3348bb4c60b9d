/**
 * The statistics of the JSON API (`/api/v1/stats/…`, docs/contract.md) for other departments'
 * programs: employment of 帮扶对象 workers, zero-employment households, workshop absorption.
 * A county token reads the county, a town token its own town (the figures are computed with that
 * scope), a department token the county's aggregates only (no list of households). Figures come
 * from the statistics service's in-memory snapshot (src/use-cases/statistics.ts).
 * @example app.route("/api/v1", statsApi(deps)); // GET /api/v1/stats/employment?date=2026-11-23&by=town
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";
import { townNameById } from "../../../db/queries/towns.ts";
import type { AppDeps } from "../../app-deps.ts";
import { chinaDate } from "../../core/china-time.ts";
import { dateQuerySchema, employmentQuerySchema } from "../../core/stats/query.ts";
import { employmentColumns, workshopColumns, zeroEmploymentColumns } from "../../core/stats/columns.ts";
import type { TownScope } from "../../core/stats/figures.ts";
import { apiAuth, authorizeApi } from "../../http/api-auth.ts";
import { messages } from "../../../views/messages.ts";
import { statsQueryMessage } from "../../../views/problems.ts";

/** Parses the query or throws 400 with the first problem, in Chinese. */
function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new HTTPException(400, { message: statsQueryMessage(parsed.error) });
  return parsed.data;
}

/**
 * The scope the token's figures are computed in, after asking the policy: a town token its town,
 * the others the county. `detail` when the answer names households.
 */
function tokenScope(c: Context, deps: AppDeps, detail: boolean): TownScope {
  const actor = c.get("apiActor");
  const townId = actor.role === "town" ? (actor.townId ?? -1) : null;
  authorizeApi(c, "read", { type: "stats", townId, detail });
  if (townId === null) return {};
  const town = townNameById(deps.db, townId);
  if (town === undefined) throw new HTTPException(403, { message: messages.forbidden.apiNoRight });
  return { town };
}

export function statsApi(deps: AppDeps): Hono {
  const api = new Hono();
  
  api.get("/stats/employment", apiAuth({ db: deps.db, roles: ["county", "town", "department"] }), async (c) => {
    const query = parseQuery(c, employmentQuerySchema(deps.today()));
    const scope = tokenScope(c, deps, false);
    const { columns } = await deps.statistics.current();
    return c.json({ rows: employmentColumns(columns, { ...query, ...scope }) });
  });

  api.get("/stats/zero-employment", apiAuth({ db: deps.db, roles: ["county", "town"] }), async (c) => {
    const query = parseQuery(c, dateQuerySchema(deps.today()));
    const scope = tokenScope(c, deps, true);
    const { columns } = await deps.statistics.current();
    return c.json(zeroEmploymentColumns(columns, { ...query, ...scope }));
  });

  api.get("/stats/workshops", apiAuth({ db: deps.db, roles: ["county", "town", "department"] }), async (c) => {
    const query = parseQuery(c, dateQuerySchema(deps.today()));
    const scope = tokenScope(c, deps, false);
    const { columns } = await deps.statistics.current();
    return c.json(workshopColumns(columns, { ...query, ...scope }));
  });

  return api;
}
