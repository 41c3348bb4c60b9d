/**
 * The web application: middleware, then one sub-app per audience mounted with app.route().
 * @example const app = createApp(deps); const res = await app.request("/healthz");
 */
import { Hono } from "hono";
import { contextStorage } from "hono/context-storage";
import type { AppDeps } from "./app-deps.ts";
import { compression } from "./http/compression.ts";
import { csrfProtection } from "./http/csrf.tsx";
import { formBodies } from "./http/form-bodies.tsx";
import { errorHandler, notFoundHandler } from "./http/errors.tsx";
import { requestLog } from "./http/request-log.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { sessions } from "./http/session.ts";
import { staticAssets } from "./http/static-assets.ts";
import { health } from "./routes/health.ts";
import { api } from "./routes/api/index.ts";
import { accountsArea } from "./routes/accounts/index.ts";
import { bureauArea } from "./routes/bureau/index.ts";
import { importBodyLimit } from "./routes/bureau/import.tsx";
import { manageArea } from "./routes/manage/index.ts";
import { publicArea } from "./routes/public/index.ts";
import { createLoginThrottle } from "./security/login-throttle.ts";

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(requestLog({ log: deps.log }));
  app.use(securityHeaders());
  app.use(compression());
  app.onError(errorHandler({ log: deps.log }));
  app.notFound(notFoundHandler);

  app.route("/", staticAssets());
  app.route("/", health(deps));
  // The JSON API authenticates with tokens, not cookies, and answers every path under /api/v1
  // itself, so neither the session nor the CSRF check below ever sees it.
  app.route("/api/v1", api(deps));
  // Everything below knows the signed-in user and refuses forged form posts (static files and
  // /healthz above need neither). Views read the request through contextStorage (CSRF field).
  app.use(contextStorage());
  app.use(sessions({ db: deps.db, now: deps.now }));
  // Uploads are limited before the CSRF check reads the body.
  app.on("POST", "/bureau/import", importBodyLimit());
  // Only web forms, read once (a body that is not a form, or cannot be read, changes nothing).
  app.use(formBodies({ log: deps.log }));
  app.use(csrfProtection({ key: deps.csrfKey }));

  app.route("/", publicArea(deps));
  app.route("/", accountsArea({ ...deps, throttle: createLoginThrottle({ db: deps.db }) }));
  app.route("/manage", manageArea(deps));
  app.route("/bureau", bureauArea(deps));
  return app;
}
