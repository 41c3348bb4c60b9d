/**
 * One log line a request: method, path, status, duration. The query string is left out (it may
 * hold what a person typed); the logger's redactor masks anything personal left in the path.
 */
import type { MiddlewareHandler } from "hono";
import type { Logger } from "../log.ts";

export function requestLog(options: { log: Logger }): MiddlewareHandler {
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    // c.req.path, not new URL(c.req.url): the router has the path already.
    const path = c.req.path;
    if (path.startsWith("/static/")) return;
    options.log.info("request", {
      method: c.req.method,
      path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
