/**
 * The JSON API, mounted at /api/v1 (docs/contract.md): one sub-app per area, composed here, and
 * its OpenAPI document at /api/v1/openapi.json, generated from the routes' own zod schemas.
 * Every request under /api/v1 ends here — an unknown path is a JSON 404 — so the app can mount
 * the API before its cookie session and CSRF middleware, which then never see it.
 *
 * To add an area: write `<area>-api.ts` exporting an OpenAPIHono sub-app whose routes are
 * `app.openapi(createRoute({…}), handler)` (see jobs-api.ts; token-only ones spread
 * `tokenOnly(…)` from openapi.ts), and route it below. tests/openapi.test.ts lints the result.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps } from "../../app-deps.ts";
import { notFoundHandler } from "../../http/errors.tsx";
import { jobsApi } from "./jobs-api.ts";
import { openApiDocument } from "./openapi.ts";
import { statsApi } from "./stats-api.ts";
import { subsidiesApi } from "./subsidies-api.ts";
import { recommendationsApi } from "./recommendations-api.ts";
import { retentionApi } from "./retention-api.ts";

export const OPENAPI_PATH = "/openapi.json";

export function api(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono();
  app.route("/", jobsApi(deps));
  app.route("/", statsApi(deps));
  app.route("/", subsidiesApi(deps));
  app.route("/", recommendationsApi(deps));
  app.route("/", retentionApi(deps));
  // Generated once, on first request: it depends on the routes only, never on the request.
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get(OPENAPI_PATH, (c) => c.json((document ??= openApiDocument(app))));
  app.all("*", notFoundHandler);
  return app;
}
