/** GET /healthz — the state of the database and the search engine, for operators and monitors. */
import { Hono } from "hono";
import type { AppDeps } from "../app-deps.ts";
import { healthView } from "../use-cases/health-view.ts";

export function health(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    const h = await healthView(deps);
    const body = {
      status: h.ok ? "ok" : "degraded",
      database: h.database ? "ok" : "down",
      search: h.search ? "ok" : "down",
      searchBacklog: h.searchBacklog,
    };
    c.header("Cache-Control", "no-store");
    return c.json(body, h.ok ? 200 : 503);
  });
  return app;
}
