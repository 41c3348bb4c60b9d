/**
 * GET /healthz — the state of the database and the search engine, for operators and monitors:
 * the bundled engine's supervision (running / restarting, restarts so far) and how many searches
 * the database answered while the engine failed. Counts and states only, no personal data.
 */
import { Hono } from "hono";
import type { AppDeps } from "../app-deps.ts";
import { healthView } from "../use-cases/health-view.ts";

export function health(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    const h = await healthView(deps);
    const status = deps.searchStatus?.();
    const body = {
      status: h.ok ? "ok" : "degraded",
      database: h.database ? "ok" : "down",
      search: h.search ? "ok" : "down",
      searchBacklog: h.searchBacklog,
      ...(status
        ? {
            searchEngine: status.engine ? { bundled: true, ...status.engine } : { bundled: false },
            searchFallbacks: { total: status.fallbacks.total, current: status.fallbacks.current },
          }
        : {}),
    };
    c.header("Cache-Control", "no-store");
    return c.json(body, h.ok ? 200 : 503);
  });
  return app;
}
