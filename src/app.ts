/**
 * The web application: middleware, then one sub-app per audience mounted with app.route().
 * @example const app = createApp(deps); const res = await app.request("/healthz");
 */
import { Hono } from "hono";
import type { AppDeps } from "./app-deps.ts";
import { compression } from "./http/compression.ts";
import { errorHandler, notFoundHandler } from "./http/errors.tsx";
import { requestLog } from "./http/request-log.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { staticAssets } from "./http/static-assets.ts";
import { health } from "./routes/health.ts";
import { api } from "./routes/api/index.ts";
import { applyRoutes } from "./routes/public/apply.tsx";
import { jobBoard } from "./routes/public/job-board.tsx";

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(requestLog({ log: deps.log }));
  app.use(securityHeaders());
  app.use(compression());
  app.onError(errorHandler({ log: deps.log }));
  app.notFound(notFoundHandler);

  app.route("/", staticAssets());
  app.route("/", health(deps));
  app.route("/", jobBoard(deps));
  app.route("/", applyRoutes(deps));
  app.route("/api/v1", api(deps));
  return app;
}
