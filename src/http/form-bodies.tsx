/**
 * Every page POST carries a web form: `application/x-www-form-urlencoded` or
 * `multipart/form-data`. Anything else (JSON, plain text) is refused with 415 before a handler
 * reads it as an empty form and saves blanks over a record; a form body that cannot be read
 * (a missing or bad multipart boundary, a truncated body, a part without Content-Disposition) is
 * a 400 with a Chinese page, not a 500. The body is parsed here once; Hono caches it, so the CSRF
 * check and the handler read the same form. Every text value is then made NFC with control
 * characters removed (`withoutControls`, src/core/text-fields.ts), passwords excepted, so no
 * handler can store a NUL or show it again. The JSON API is mounted before this and never sees it.
 * @example app.use(formBodies({ log }))
 */
import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ErrorPage } from "../../views/pages/error.tsx";
import { htmlResponse } from "./html-response.ts";
import type { Logger } from "../log.ts";
import { withoutControls } from "../core/text-fields.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** Is this Content-Type a web form's? A missing one is an empty form. @example isFormType("multipart/form-data; boundary=x") // true */
export function isFormType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.trim() === "") return true;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return FORM_TYPES.includes(type);
}

export function formBodies(options: { log: Logger }): MiddlewareHandler {
  return async function formBodyMiddleware(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (!isFormType(c.req.header("Content-Type"))) {
      throw new HTTPException(415, { message: "not a form", res: htmlResponse(c, <ErrorPage status={415} />, 415) });
    }
    if (c.req.header("Content-Type")) {
      try {
        await c.req.parseBody();
        // Hono keeps the parsed form as a promise in its body cache (typed as the value).
        const cache = c.req.bodyCache as { formData?: Promise<FormData> | FormData };
        if (cache.formData) cache.formData = cleanedForm(await cache.formData);
      } catch (error) {
        // A state change, not a stack: the body was the client's fault.
        options.log.warn("unreadable form body", { method: c.req.method, path: new URL(c.req.url).pathname, reason: (error as Error).name });
        throw new HTTPException(400, { message: "unreadable form", res: htmlResponse(c, <ErrorPage status={400} />, 400) });
      }
    }
    return next();
  };
}

/** Fields whose value is a secret compared byte for byte: never rewritten. */
const VERBATIM_FIELD = /password/i;

/** The form with each text value through `withoutControls`; files and passwords as sent. */
function cleanedForm(form: FormData): Promise<FormData> {
  const cleaned = new FormData();
  form.forEach((value, name) => {
    cleaned.append(name, typeof value === "string" && !VERBATIM_FIELD.test(name) ? withoutControls(value) : value);
  });
  return Promise.resolve(cleaned);
}
