/**
 * The web application: middleware, then one sub-app per audience mounted with app.route().
 * @example const app = createApp(deps); const res = await app.request("/healthz");
 */
import { Hono } from "hono";
import type { AppDeps } from "./app-deps.ts";
import { compression } from "./http/compression.ts";
import { csrfProtection } from "./http/csrf.tsx";
import { formBodies } from "./http/form-bodies.tsx";
import { keptResponses, unlessShared } from "./http/kept-responses.ts";
import { requestContext } from "./http/request-context.ts";
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

/** GETs that may be shared between anonymous visitors: the results page (and fragment), the jobs API. */
export const SHARED_PATHS = ["/jobs", "/api/v1/jobs"] as const;

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(requestLog({ log: deps.log }));
  app.use(securityHeaders());
  // Anonymous GETs of the results page and the jobs API: shared (no session, no CSRF token) and
  // answered from the kept compressed bytes while nothing they show has changed (kept-responses.ts).
  app.use(keptResponses({ paths: SHARED_PATHS, ...(deps.keptResponsesState ? { state: deps.keptResponsesState } : {}) }));
  app.use(compression());
  app.onError(errorHandler({ log: deps.log }));
  app.notFound(notFoundHandler);

  app.route("/", staticAssets());
  app.route("/", health(deps));
  // The JSON API authenticates with tokens, not cookies, and answers every path under /api/v1
  // itself, so neither the session nor the CSRF check below ever sees it.
  app.route("/api/v1", api(deps));
  // Everything below knows the signed-in user and refuses forged form posts (static files and
  // /healthz above need neither). Views read the request while c.html renders them (request-context.ts: CSRF field, user).
  // Shared requests (above) skip the four: their answer is the same for every anonymous visitor.
  app.use(unlessShared(requestContext()));
  app.use(unlessShared(sessions({ db: deps.db, now: deps.now })));
  // Uploads are limited before the CSRF check reads the body.
  app.on("POST", "/bureau/import", importBodyLimit());
  // Only web forms, read once (a body that is not a form, or cannot be read, changes nothing).
  app.use(unlessShared(formBodies({ log: deps.log })));
  app.use(unlessShared(csrfProtection({ key: deps.csrfKey })));

  app.route("/", publicArea(deps));
  app.route("/", accountsArea({ ...deps, throttle: createLoginThrottle({ db: deps.db }) }));
  app.route("/manage", manageArea(deps));
  app.route("/bureau", bureauArea(deps));
  return app;
}
