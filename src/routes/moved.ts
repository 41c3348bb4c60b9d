/**
 * Pages that moved to another area keep their old address working: a permanent redirect (308,
 * the query kept) for the people the page moved for; everyone else goes on to the old area's
 * own routes (its guard decides, as before).
 * @example app.get("/postings/:code", movedFor(isCountyStaff, (c) => `/bureau/postings/${c.req.param("code")}`));
 */
import type { Context, MiddlewareHandler } from "hono";
import type { UserActor } from "../core/policy.ts";

/**
 * Sends signed-in users for whom `movedFor(actor)` holds to `to(c)` (with the request's query);
 * lets others through, and everyone when `to` gives undefined (a path that did not move).
 */
export function movedFor(mover: (actor: UserActor) => boolean, to: (c: Context) => string | undefined): MiddlewareHandler {
  return async function movedMiddleware(c, next) {
    const user = c.get("user");
    const target = user && mover(user.actor) ? to(c) : undefined;
    if (target === undefined) return next();
    return c.redirect(`${target}${new URL(c.req.url).search}`, 308);
  };
}
