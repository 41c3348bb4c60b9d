/**
 * The JSON API, mounted at /api/v1 (docs/contract.md): one sub-app per area, composed here, and
 * its OpenAPI document at /api/v1/openapi.json.
 *
 * To add an area: write `<area>-api.ts` exporting a Hono sub-app, route it below, and describe
 * its paths in openapi.ts — tests/api.test.ts fails while a route is missing from the document.
 */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { jobsApi } from "./jobs-api.ts";
import { openApiDocument } from "./openapi.ts";
import { statsApi } from "./stats-api.ts";

export function api(deps: AppDeps): Hono {
  const app = new Hono();
  app.route("/", jobsApi(deps));
  app.route("/", statsApi(deps));
  app.get("/openapi.json", (c) => c.json(openApiDocument));
  return app;
}
