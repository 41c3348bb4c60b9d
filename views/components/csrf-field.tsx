/**
 * The hidden `_csrf` field every state-changing form carries (src/http/csrf.tsx checks it).
 * It reads the token of the current request, so a form only needs `<CsrfField />` inside it.
 * @example <form method="post" action="/jobs/P001/apply"><CsrfField /> … </form>
 */
import { tryGetContext } from "hono/context-storage";

/** The current request's CSRF token, or "" outside a request (a view rendered on its own). */
export function currentCsrfToken(): string {
  return tryGetContext()?.get("csrfToken") ?? "";
}

export function CsrfField() {
  return <input type="hidden" name="_csrf" value={currentCsrfToken()} />;
}
