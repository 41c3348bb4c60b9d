/**
 * A page as a Response, synchronously — for the HTTPExceptions that guards throw (their `res`
 * must exist when thrown). Only synchronous components (all of ours) may be rendered this way.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Child } from "hono/jsx";
import { renderFor } from "./request-context.ts";

export function htmlResponse(c: Context, page: Child, status: ContentfulStatusCode): Response {
  const body = c.get("viewsSeeRequest") ? renderFor(c, () => String(page)) : String(page);
  return c.body(body, status, { "Content-Type": "text/html; charset=UTF-8" });
}
