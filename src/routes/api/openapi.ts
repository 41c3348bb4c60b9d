/**
 * The frame of the OpenAPI 3.1 document of /api/v1: title, licence, server, the token scheme.
 * The paths are not written here. Each route declares its parameters and responses with zod
 * schemas (`createRoute` of @hono/zod-openapi), the same schemas validate its requests, and the
 * document is generated from them (docs/decisions/2026-12-01-openapi-from-schemas.md).
 * tests/openapi.test.ts lints it with redocly's recommended rules.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { apiAuth } from "../../http/api-auth.ts";
import type { AppDeps } from "../../app-deps.ts";
import type { ApiTokenRole } from "../../core/enums.ts";
import { errorResponse } from "./errors.ts";

/** The one security scheme: `Authorization: Bearer jyt_…`. */
const BEARER = "bearer";

const DOCUMENT_FRAME = {
  openapi: "3.1.0",
  info: {
    title: "就业帮扶 API",
    version: "1.0.0",
    description:
      "Open postings and statistics of the county's help-employment platform, for other departments' programs. " +
      "Errors are JSON `{ message }` in Chinese; a bad parameter is 400, a missing token 401, a token without the right 403. " +
      "Money is yuan, dates YYYY-MM-DD.",
    license: {
      name: "Apache-2.0",
      identifier: "Apache-2.0",
    },
  },
  servers: [{ url: "/api/v1", description: "This platform." }],
};

/**
 * `security` of an operation anyone may call: an empty list says "no token" on purpose (without
 * it a reader cannot tell a public operation from a forgotten one).
 */
export const NO_TOKEN: Record<string, string[]>[] = [];

/**
 * What a token-only operation adds to its `createRoute` config: the guard (401 without a valid
 * token, 403 for a role not in `roles`, before the parameters are read), its `security`, and its
 * description ending with the roles, named from the same list the guard checks (also in
 * `x-token-roles` for programs). Its 401 and 403 responses are TOKEN_ERROR_RESPONSES.
 * @example createRoute({ method: "get", path: "/stats/workshops", ...tokenOnly(deps.db, ["county"], "…"), … })
 */
export function tokenOnly(db: AppDeps["db"], roles: readonly ApiTokenRole[], description: string) {
  return {
    middleware: apiAuth({ db, roles }),
    security: [{ [BEARER]: [] }],
    description: `${description} Tokens: ${roles.join(", ")}.`,
    "x-token-roles": [...roles],
  };
}

/** The 401 and 403 responses of every token-only operation. */
export const TOKEN_ERROR_RESPONSES = {
  401: errorResponse("No token, or an unknown or revoked one (with a `WWW-Authenticate: Bearer` header)."),
  403: errorResponse("The token's role may not read this, or a town token asked beyond its town."),
} as const;

/** The document of an API app whose routes were all registered with `app.openapi(…)`. */
export function openApiDocument(app: OpenAPIHono) {
  app.openAPIRegistry.registerComponent("securitySchemes", BEARER, {
    type: "http",
    scheme: "bearer",
    description: "A token from `npm run token -- create --role <county|town|department>`; a town token sees its own town only.",
  });
  return app.getOpenAPI31Document(DOCUMENT_FRAME);
}
