/**
 * Security headers on every response. The Content-Security-Policy allows no inline script and no
 * inline style: pages use only our own fingerprinted files, and htmx is configured (in the
 * layout's meta tag) not to inject styles or evaluate code.
 */
import type { MiddlewareHandler } from "hono";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** @example app.use(securityHeaders()) */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    const h = c.res.headers;
    h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Permissions-Policy", "geolocation=(self), camera=(), microphone=(), payment=()");
    if (new URL(c.req.url).protocol === "https:") h.set("Strict-Transport-Security", "max-age=31536000");
  };
}
