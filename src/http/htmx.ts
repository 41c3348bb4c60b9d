/**
 * htmx helpers. A page and its fragment share one URL: the handler returns the fragment alone
 * only when htmx asked for that target, and says so in `Vary` so caches keep the two apart.
 */
import type { Context } from "hono";

/** Did htmx ask for the element with this id (without '#')? Always sets `Vary`. */
export function wantsFragment(c: Context, targetId: string): boolean {
  c.header("Vary", "HX-Request, HX-Target", { append: true });
  return c.req.header("HX-Request") === "true" && c.req.header("HX-Target") === targetId;
}
