/**
 * The request a page is being rendered for, for the few views that show something of it (the
 * CSRF token, the signed-in person): `renderingRequest()`. Our views are synchronous hono/jsx
 * components, rendered inside `c.html(…)` (and `htmlResponse`), so the request is set for exactly
 * that synchronous call and unset after it — no AsyncLocalStorage, whose promise hooks, once any
 * request has switched them on, cost every promise of every request on Node 20
 * (docs/decisions/2026-12-02-kept-responses.md). A view rendered outside such a call, or after an
 * `await` (an async component, which we do not write), sees no request — never another one's.
 * @example app.use(requestContext()); … const token = renderingRequest()?.get("csrfToken");
 */
import type { Context, MiddlewareHandler } from "hono";

let rendering: Context | undefined;

declare module "hono" {
  interface ContextVariableMap {
    /** The views of this request see it (requestContext ran): its answer is not the anonymous one. */
    viewsSeeRequest: boolean | undefined;
  }
}

/** The request whose page is being rendered now, if any. */
export function renderingRequest(): Context | undefined {
  return rendering;
}

/** Runs a synchronous render with `c` as the request its views see. */
export function renderFor<T>(c: Context, render: () => T): T {
  const outer = rendering;
  rendering = c;
  try {
    return render();
  } finally {
    rendering = outer;
  }
}

/** Lets the views of every page this request renders with `c.html` see the request. */
export function requestContext(): MiddlewareHandler {
  return async function requestContextMiddleware(c, next) {
    c.set("viewsSeeRequest", true);
    const html = c.html;
    // c.html turns the JSX into text synchronously before it returns (its promise only wraps the result).
    c.html = ((...args: Parameters<typeof html>) => renderFor(c, () => html(...args))) as typeof html;
    await next();
  };
}
