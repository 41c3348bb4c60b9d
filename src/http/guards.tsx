/**
 * Guards every page route uses: `requireUser()` and `requireRole(...)` as middleware — applied
 * once per area (src/routes/<area>/index.ts) with the role groups of src/core/policy.ts — and
 * `authorize(c, action, resource)` inside a handler once the record is loaded. The rules
 * themselves are in src/core/policy.ts; a record the user may not touch answers 404, so its
 * existence is not revealed.
 * @example bureau.use("*", requireRole(...STAFF_ROLES)); workers.get("/:id", (c) => { const w = workerView(deps, …); authorize(c, "read", w.resource); … })
 */
import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { htmlResponse } from "./html-response.ts";
import { ErrorPage } from "../../views/pages/error.tsx";
import { ForbiddenPage } from "../../views/pages/forbidden.tsx";
import type { UserRole } from "../core/enums.ts";
import { can, type Action, type Resource, type UserActor } from "../core/policy.ts";
import type { ChangeAuthor } from "../use-cases/audit-trail.ts";
import type { SignedInUser } from "./session.ts";

/** Where a user who must replace a generated password is sent, and what stays reachable. */
export const ACCOUNT_PATH = "/account";

function loginRedirect(c: Context): Response {
  const url = new URL(c.req.url);
  const next = url.pathname + url.search;
  const target = `/login?next=${encodeURIComponent(next)}`;
  if (c.req.header("HX-Request") === "true") {
    c.header("HX-Redirect", target);
    return c.body(null, 401);
  }
  return c.redirect(target, 303);
}

/** The signed-in user; throws 401 when there is none (use after requireUser()). */
export function currentUser(c: Context): SignedInUser {
  const user = c.get("user");
  if (!user) throw new HTTPException(401, { res: htmlResponse(c, <ForbiddenPage reason="login" />, 401) });
  return user;
}

/** The signed-in user's actor, for the policy. */
export function actorOf(c: Context): UserActor {
  return currentUser(c).actor;
}

/** The signed-in user as the author of a change, for the audit log (use-cases' `by`). */
export function authorOf(c: Context): ChangeAuthor {
  const user = currentUser(c);
  return { userId: user.actor.userId, login: user.login };
}

/**
 * Lets signed-in users through. A visitor's GET is sent to /login (and back afterwards); other
 * methods get 401. Someone holding a generated one-time password reaches only /account until
 * they choose their own.
 */
export function requireUser(): MiddlewareHandler {
  return async function requireUserMiddleware(c, next) {
    const user = c.get("user");
    if (!user) {
      if (c.req.method === "GET" || c.req.method === "HEAD") return loginRedirect(c);
      throw new HTTPException(401, { res: htmlResponse(c, <ForbiddenPage reason="login" />, 401) });
    }
    const path = new URL(c.req.url).pathname;
    if (user.mustChangePassword && path !== ACCOUNT_PATH && !path.startsWith(`${ACCOUNT_PATH}/password`)) {
      return c.redirect(ACCOUNT_PATH, 303);
    }
    await next();
  };
}

/** Lets through only signed-in users of these roles; others get 403 (the area exists, no record is shown). */
export function requireRole(...roles: UserRole[]): MiddlewareHandler {
  const signedIn = requireUser();
  return async function requireRoleMiddleware(c, next) {
    return signedIn(c, async () => {
      if (!roles.includes(currentUser(c).actor.role)) {
        throw new HTTPException(403, { res: htmlResponse(c, <ForbiddenPage reason="role" />, 403) });
      }
      await next();
    });
  };
}

/** Throws 404 unless the signed-in user may do `action` to `resource`. */
export function authorize(c: Context, action: Action, resource: Resource): void {
  if (!can(actorOf(c), action, resource)) {
    throw new HTTPException(404, { res: htmlResponse(c, <ErrorPage status={404} />, 404) });
  }
}
