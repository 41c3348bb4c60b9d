/**
 * GET /healthz — the state of the database and the search engine, for operators and monitors:
 * the bundled engine's supervision (running / restarting, restarts so far) and how many searches
 * the database answered while the engine failed. Counts and states only, no personal data.
 */
import { Hono } from "hono";
import { databaseIsHealthy } from "../../db/client.ts";
import { outboxBacklog } from "../../db/queries/outbox.ts";
import type { AppDeps } from "../app-deps.ts";

export function health(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    const database = databaseIsHealthy(deps.db);
    const search = await deps.searchIsHealthy();
    const status = deps.searchStatus?.();
    const body = {
      status: database && search ? "ok" : "degraded",
      database: database ? "ok" : "down",
      search: search ? "ok" : "down",
      searchBacklog: database ? outboxBacklog(deps.db) : null,
      ...(status
        ? {
            searchEngine: status.engine ? { bundled: true, ...status.engine } : { bundled: false },
            searchFallbacks: { total: status.fallbacks.total, current: status.fallbacks.current },
          }
        : {}),
    };
    c.header("Cache-Control", "no-store");
    return c.json(body, database && search ? 200 : 503);
  });
  return app;
}
