/**
 * Bearer-token authentication for the JSON API (/api/v1): `Authorization: Bearer jyt_…`, looked
 * up by its SHA-256 hash; revoked tokens are refused. 401 without a valid token, 403 when the
 * token's role is not among those allowed; bodies are JSON `{ message }` in Chinese. The token's
 * actor is in `c.var.apiActor`; `authorizeApi(c, "read", resource)` asks the policy (a town token
 * sees its town only) and answers 403 `{ message }` when it says no.
 * @example api.get("/stats/employment", apiAuth({ db, roles: ["county", "town", "department"] }), (c) => { const actor = c.get("apiActor"); … })
 */
import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Db } from "../../db/client.ts";
import { apiTokenByHash } from "../../db/queries/accounts.ts";
import { messages } from "../../views/messages.ts";
import type { ApiTokenRole } from "../core/enums.ts";
import { can, type Action, type Resource, type TokenActor } from "../core/policy.ts";
import { hashToken } from "../security/tokens.ts";

declare module "hono" {
  interface ContextVariableMap {
    apiActor: TokenActor;
  }
}

export interface ApiAuthOptions {
  db: Db;
  /** Roles allowed through; default every token role. */
  roles?: readonly ApiTokenRole[];
}

export function apiAuth(options: ApiAuthOptions): MiddlewareHandler {
  return async function apiAuthMiddleware(c, next) {
    const header = c.req.header("Authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      c.header("WWW-Authenticate", 'Bearer realm="api"');
      return c.json({ message: messages.forbidden.apiMissingToken }, 401);
    }
    const row = apiTokenByHash(options.db, hashToken(match[1]!));
    if (!row || row.revokedAt) {
      c.header("WWW-Authenticate", 'Bearer realm="api", error="invalid_token"');
      return c.json({ message: messages.forbidden.apiBadToken }, 401);
    }
    if (options.roles && !options.roles.includes(row.role)) {
      return c.json({ message: messages.forbidden.apiNoRight }, 403);
    }
    c.set("apiActor", { kind: "token", role: row.role, tokenId: row.id, townId: row.townId });
    await next();
  };
}

/**
 * Throws 403 with a JSON `{ message }` (through the app's error handler) unless the request's
 * token may do `action` to `resource`. Use after apiAuth().
 * @example authorizeApi(c, "read", { type: "stats", townId });
 */
export function authorizeApi(c: Context, action: Action, resource: Resource): void {
  if (!can(c.get("apiActor"), action, resource)) throw new HTTPException(403, { message: messages.forbidden.apiNoRight });
}
