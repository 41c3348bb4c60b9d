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

/** The headers every response gets, built once. */
const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "same-origin"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Permissions-Policy", "geolocation=(self), camera=(), microphone=(), payment=()"],
];

/** @example app.use(securityHeaders()) */
export function securityHeaders(): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    const h = c.res.headers;
    for (const [name, value] of SECURITY_HEADERS) h.set(name, value);
    // The URL's scheme without parsing the whole URL again.
    if (c.req.url.startsWith("https:")) h.set("Strict-Transport-Security", "max-age=31536000");
  };
}
