/**
 * Cross-site request forgery protection for every state-changing request (POST, PUT, PATCH,
 * DELETE) of the pages (the token-authenticated JSON API is mounted before it, src/app.ts):
 * 1. the Origin (or, without it, the Referer) must be this site;
 * 2. the request must carry the synchronizer token — a `_csrf` form field (views/components/
 *    csrf-field.tsx) or an `X-CSRF-Token` header (htmx sends it from `hx-headers` on <body>).
 * The token is an HMAC, under a per-installation key, of a random per-visitor cookie, so it
 * works for anonymous visitors (the public apply form) and cannot be forged by planting a cookie.
 * Refusals are 403 with a Chinese page.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { htmlResponse } from "./html-response.ts";
import { ForbiddenPage } from "../../views/pages/forbidden.tsx";
import { isHttps } from "./session.ts";

export const CSRF_COOKIE = "jybf_csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "X-CSRF-Token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** The visitor cookie lives a year; the token changes only when it does. */
const CSRF_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

declare module "hono" {
  interface ContextVariableMap {
    /** The token forms of this response must carry. */
    csrfToken: string;
  }
}

export interface CsrfOptions {
  /** Per-installation secret (DATA_DIR/secrets/csrf-key). */
  key: string;
}

/** Tokens of the visitors seen lately (a returning visitor's token is not computed again). */
const TOKENS_KEPT = 10_000;
const tokens = new Map<string, string>();

function tokenFor(key: string, visitor: string): string {
  const id = `${key}\n${visitor}`;
  const known = tokens.get(id);
  if (known !== undefined) return known;
  const token = createHmac("sha256", key).update(visitor).digest("base64url");
  if (tokens.size >= TOKENS_KEPT) tokens.clear();
  tokens.set(id, token);
  return token;
}

/** Random bytes for new visitors, drawn from the system's generator 64 visitors at a time. */
const VISITOR_BYTES = 32;
let randomPool = Buffer.alloc(0);
let randomUsed = 0;
function newVisitor(): string {
  if (randomUsed + VISITOR_BYTES > randomPool.byteLength) {
    randomPool = randomBytes(VISITOR_BYTES * 64);
    randomUsed = 0;
  }
  const id = randomPool.subarray(randomUsed, randomUsed + VISITOR_BYTES).toString("base64url");
  randomUsed += VISITOR_BYTES;
  return id;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The host this request was addressed to (a reverse proxy may pass it on in X-Forwarded-Host). */
function requestHost(c: Context): string {
  return (c.req.header("X-Forwarded-Host")?.split(",")[0]?.trim() || c.req.header("Host") || new URL(c.req.url).host).toLowerCase();
}

/** Is the request's origin (Origin, else Referer) this site? With neither header, the token alone decides. */
function originIsOurs(c: Context): boolean {
  const source = c.req.header("Origin") ?? c.req.header("Referer");
  if (source === undefined || source === "") return true;
  try {
    // An opaque origin ("null": sandboxed frames, some redirects) is never ours.
    return new URL(source).host.toLowerCase() === requestHost(c);
  } catch {
    return false;
  }
}

async function submittedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header("Content-Type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    // parseBody caches the body, so the handler can read the form again.
    const body = await c.req.parseBody();
    const value = body[CSRF_FIELD];
    return typeof value === "string" ? value : undefined;
  }
  return undefined;
}

function refuse(c: Context): never {
  throw new HTTPException(403, { message: "csrf", res: htmlResponse(c, <ForbiddenPage reason="csrf" />, 403) });
}

/** @example app.use(csrfProtection({ key })) — before every route that renders a form or accepts one. */
export function csrfProtection(options: CsrfOptions): MiddlewareHandler {
  return async function csrfMiddleware(c, next) {
    let visitor = getCookie(c, CSRF_COOKIE);
    const known = visitor !== undefined && /^[A-Za-z0-9_-]{43}$/.test(visitor);
    if (!known) {
      visitor = newVisitor();
      setCookie(c, CSRF_COOKIE, visitor, { httpOnly: true, sameSite: "Lax", path: "/", secure: isHttps(c), maxAge: CSRF_COOKIE_MAX_AGE_S });
    }
    const expected = tokenFor(options.key, visitor!);
    c.set("csrfToken", expected);
    if (!SAFE_METHODS.has(c.req.method)) {
      if (!known || !originIsOurs(c)) refuse(c);
      const submitted = await submittedToken(c);
      if (!submitted || !sameText(submitted, expected)) refuse(c);
    }
    return next();
  };
}
