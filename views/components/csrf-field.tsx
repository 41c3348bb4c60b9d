/**
 * The hidden `_csrf` field every state-changing form carries (src/http/csrf.tsx checks it).
 * It reads the token of the current request, so a form only needs `<CsrfField />` inside it.
 * @example <form method="post" action="/jobs/P001/apply"><CsrfField /> … </form>
 */
import { renderingRequest } from "../../src/http/request-context.ts";

/** The current request's CSRF token, or "" outside a request (a view rendered on its own). */
export function currentCsrfToken(): string {
  return renderingRequest()?.get("csrfToken") ?? "";
}

export function CsrfField() {
  return <input type="hidden" name="_csrf" value={currentCsrfToken()} />;
}
