/**
 * A page as a Response, synchronously — for the HTTPExceptions that guards throw (their `res`
 * must exist when thrown). Only synchronous components (all of ours) may be rendered this way.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Child } from "hono/jsx";

export function htmlResponse(c: Context, page: Child, status: ContentfulStatusCode): Response {
  const body = String(page);
  return c.body(body, status, { "Content-Type": "text/html; charset=UTF-8" });
}
