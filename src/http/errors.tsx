/**
 * What a person sees when something fails: a Chinese page (or a JSON message under /api) and
 * never a stack trace. The error itself goes to the log, redacted.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ErrorPage } from "../../views/pages/error.tsx";
import { messages } from "../../views/messages.ts";
import { errorFields, type Logger } from "../log.ts";

function isApi(c: Context): boolean {
  return new URL(c.req.url).pathname.startsWith("/api/");
}

export function notFoundHandler(c: Context) {
  if (isApi(c)) return c.json({ message: messages.errors.notFound }, 404);
  return c.html(<ErrorPage status={404} />, 404);
}

export function errorHandler(options: { log: Logger }) {
  return function onError(error: Error, c: Context) {
    if (error instanceof HTTPException && error.status < 500) {
      if (isApi(c)) return c.json({ message: error.message }, error.status);
      if (error.status === 404) return c.html(<ErrorPage status={404} />, 404);
      return error.getResponse();
    }
    options.log.error("request failed", { method: c.req.method, path: new URL(c.req.url).pathname, ...errorFields(error) });
    if (isApi(c)) return c.json({ message: messages.errors.server }, 500);
    return c.html(<ErrorPage status={500} />, 500);
  };
}
