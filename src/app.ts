/**
 * The web application: middleware, then one sub-app per audience mounted with app.route().
 * @example const app = createApp(deps); const res = await app.request("/healthz");
 */
import { Hono } from "hono";
import { contextStorage } from "hono/context-storage";
import type { AppDeps } from "./app-deps.ts";
import { compression } from "./http/compression.ts";
import { csrfProtection } from "./http/csrf.tsx";
import { errorHandler, notFoundHandler } from "./http/errors.tsx";
import { requestLog } from "./http/request-log.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { sessions } from "./http/session.ts";
import { staticAssets } from "./http/static-assets.ts";
import { health } from "./routes/health.ts";
import { api } from "./routes/api/index.ts";
import { applyRoutes } from "./routes/public/apply.tsx";
import { jobBoard } from "./routes/public/job-board.tsx";
import { accountRoutes } from "./routes/accounts/account.tsx";
import { signInRoutes } from "./routes/accounts/sign-in.tsx";
import { bureauAudit } from "./routes/bureau/audit.tsx";
import { bureauHouseholds } from "./routes/bureau/households.tsx";
import { bureauWorkers } from "./routes/bureau/workers.tsx";
import { bureauStats } from "./routes/bureau/stats.tsx";
import { bureauAlerts } from "./routes/bureau/alerts.tsx";
import { bureauImport, importBodyLimit } from "./routes/bureau/import.tsx";
import { bureauEmployers } from "./routes/bureau/employers.tsx";
import { bureauZeroEmployment } from "./routes/bureau/zero-employment.tsx";
import { bureauSettings } from "./routes/bureau/settings.tsx";
import { bureauSubsidies } from "./routes/bureau/subsidies.tsx";
import { managePostings } from "./routes/manage/postings.tsx";
import { manageApplicants } from "./routes/manage/applicants.tsx";
import { manageProfile } from "./routes/manage/profile.tsx";
import { manageRoster } from "./routes/manage/roster.tsx";
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
  app.use(csrfProtection({ key: deps.csrfKey }));

  app.route("/", jobBoard(deps));
  app.route("/", signInRoutes({ ...deps, throttle: createLoginThrottle({ db: deps.db }) }));
  app.route("/", accountRoutes(deps));
  app.route("/", managePostings(deps));
  app.route("/", manageApplicants(deps));
  app.route("/", manageRoster(deps));
  app.route("/", manageProfile(deps));
  app.route("/", bureauWorkers(deps));
  app.route("/", bureauHouseholds(deps));
  app.route("/", bureauAudit(deps));
  app.route("/", applyRoutes(deps));
  app.route("/", bureauStats(deps));
  app.route("/", bureauZeroEmployment(deps));
  app.route("/", bureauAlerts(deps));
  app.route("/", bureauImport(deps));
  app.route("/", bureauEmployers(deps));
  app.route("/", bureauSettings(deps));
  app.route("/", bureauSubsidies(deps));
  return app;
}
