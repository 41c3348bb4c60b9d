/**
 * Sessions over a cookie: the middleware finds the signed-in user (if any) and puts them in
 * `c.var.user`; sign-in and sign-out set and clear the cookie. The cookie is HttpOnly,
 * SameSite=Lax, Path=/, and Secure when the request came over HTTPS — directly, or through a
 * reverse proxy that says so in X-Forwarded-Proto (trusting it can only make the cookie stricter).
 * Responses to a signed-in person are `Cache-Control: private, no-store`.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Db } from "../../db/client.ts";
import type { UserRow } from "../../db/queries/accounts.ts";
import type { UserActor } from "../core/policy.ts";
import { resumeSession, SESSION_ABSOLUTE_MS } from "../use-cases/sessions.ts";

export const SESSION_COOKIE = "jybf_session";

/** The signed-in person as handlers and views see them. */
export interface SignedInUser {
  actor: UserActor;
  login: string;
  displayName: string | null;
  mustChangePassword: boolean;
}

declare module "hono" {
  interface ContextVariableMap {
    user: SignedInUser | undefined;
    /** Hash of the current session's token, to keep it when others are ended. */
    sessionTokenHash: string | undefined;
  }
}

export function toSignedInUser(user: UserRow): SignedInUser {
  return {
    actor: { kind: "user", role: user.role, userId: user.id, employerId: user.employerId, townId: user.townId },
    login: user.login,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
  };
}

/** Did this request reach us over HTTPS (directly or as a proxy reports)? */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim() === "https";
}

/** @example app.use(sessions({ db })) */
export function sessions(options: { db: Db; now: () => Date }): MiddlewareHandler {
  return async function sessionMiddleware(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    const found = token ? resumeSession(options.db, token, options.now()) : undefined;
    c.set("user", found ? toSignedInUser(found.user) : undefined);
    c.set("sessionTokenHash", found?.tokenHash);
    if (token && !found) deleteCookie(c, SESSION_COOKIE, { path: "/" });
    await next();
    // Pages for a signed-in person may hold personal data: no shared cache, and no copy in the
    // browser for the next person on a shared phone to bring back with the Back button.
    if (found && !c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "private, no-store");
  };
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: isHttps(c),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Lax", secure: isHttps(c) });
}

/**
 * The client's address for rate limits: the socket's peer; behind a reverse proxy on this
 * machine (peer is loopback), the address the proxy appended last to X-Forwarded-For.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress ?? "unknown";
  const loopback = peer === "unknown" || peer === "::1" || peer.startsWith("127.") || peer === "::ffff:127.0.0.1";
  if (loopback) {
    const forwarded = c.req.header("X-Forwarded-For")?.split(",").map((s) => s.trim()).filter(Boolean);
    if (forwarded && forwarded.length > 0) return forwarded[forwarded.length - 1]!;
  }
  return peer;
}
