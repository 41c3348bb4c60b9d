/**
 * Finished responses kept for requests that carry nothing personal (issue 11;
 * docs/decisions/2026-12-02-kept-responses.md): an anonymous GET of the results page, its htmx
 * fragment or the jobs API is answered with the compressed bytes made for the same request
 * before, as long as nothing they were made from has changed.
 *
 * A request is *shared* when it is a GET of one of the kept paths, carries no session cookie
 * and no Authorization header. A shared request skips the per-visitor middleware (request
 * context, session, CSRF cookie and token: `unlessShared`), so its page is the same for every
 * anonymous visitor — no CSRF token, no signed-in name, no Set-Cookie. The route says when its
 * answer may be kept (`shareResponse`: not in reduced mode); only a 200 without Set-Cookie and
 * without Cache-Control is kept.
 *
 * The key is the path and query exactly as sent, the encoding the client takes (br, gzip or
 * none) and the htmx headers that pick the fragment (HX-Request, HX-Target). Everything else
 * the answer depends on is the `state` string (the postings' and regions' versions, the search
 * answers' generation — bumped by every index write and every engine failure — and today's date,
 * src/platform.ts): when it differs from the one the kept responses were made under, they are
 * all dropped. Each kept response has a strong ETag (a hash of the bytes sent), and a request
 * whose If-None-Match names it gets a 304.
 * @example app.use(keptResponses({ paths: ["/jobs"], state: () => `${version()}` }))
 */
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { bodyBytes, chooseEncoding } from "./compression.ts";
import { SESSION_COOKIE } from "./session.ts";

/** Distinct responses kept (least recently used go first); a results page is 3–5 KB compressed. */
export const KEPT_RESPONSES_LIMIT = 2_000;
/** A response larger than this is not kept (a results page is far below). */
export const KEPT_RESPONSE_MAX_BYTES = 256 * 1024;

declare module "hono" {
  interface ContextVariableMap {
    /** This request carries nothing personal: the same answer for every anonymous visitor. */
    sharedRequest: boolean | undefined;
    /** The route says this shared request's answer may be kept (shareResponse). */
    keepResponse: boolean | undefined;
  }
}

export interface KeptResponsesOptions {
  /** Paths (exactly, without query) whose shared GETs may be kept. */
  paths: readonly string[];
  /**
   * Everything the kept responses depend on besides the request, as one string; undefined keeps
   * nothing (and serves nothing kept). Absent: requests are still shared, nothing is kept.
   */
  state?: () => string | undefined;
  /** How many responses to keep (default KEPT_RESPONSES_LIMIT; 0 keeps none). */
  limit?: number;
}

export interface KeptResponsesStatus {
  entries: number;
  hits: number;
  misses: number;
  notModified: number;
}

interface KeptResponse {
  status: number;
  headers: readonly (readonly [string, string])[];
  body: Uint8Array;
  etag: string;
}

const SESSION_IN_COOKIE = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);

/** Does this request carry nothing personal (no session cookie, no API token)? */
function carriesNothingPersonal(c: Context): boolean {
  if (c.req.header("Authorization") !== undefined) return false;
  const cookie = c.req.header("Cookie");
  return cookie === undefined || !SESSION_IN_COOKIE.test(cookie);
}

/** Does If-None-Match name this ETag (or `*`)? */
function namesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/** The 304 for a kept response: its validator and the headers a cache needs to keep variants apart. */
function notModified(kept: KeptResponse): Response {
  const headers = new Headers({ ETag: kept.etag });
  for (const [name, value] of kept.headers) if (name === "vary" || name === "cache-control") headers.append(name, value);
  return new Response(null, { status: 304, headers });
}

/**
 * Marks the answer of a shared request as the same for every anonymous visitor, to be kept.
 * Call it only when the answer is complete (not in reduced mode). Does nothing for a request
 * that is not shared, or whose views see the request (request-context.ts: a token, a user).
 */
export function shareResponse(c: Context): void {
  if (c.get("sharedRequest") && !c.get("viewsSeeRequest")) c.set("keepResponse", true);
}

/** A middleware that shared requests skip (the session, the CSRF cookie and token, the request context). */
export function unlessShared(middleware: MiddlewareHandler): MiddlewareHandler {
  return async function unlessSharedMiddleware(c, next) {
    if (c.get("sharedRequest")) return next();
    return middleware(c, next);
  };
}

/**
 * Mount outside compression (it keeps the compressed bytes) and inside the request log and the
 * security headers (which every response gets, kept or not).
 */
export function keptResponses(options: KeptResponsesOptions): MiddlewareHandler & { status(): KeptResponsesStatus } {
  const paths = new Set(options.paths);
  const limit = options.limit ?? KEPT_RESPONSES_LIMIT;
  const kept = new Map<string, KeptResponse>();
  let keptState: string | undefined;
  let hits = 0;
  let misses = 0;
  let notModifiedCount = 0;

  const middleware = async function keptResponsesMiddleware(c: Context, next: () => Promise<void>) {
    if (c.req.method !== "GET" || !paths.has(c.req.path) || !carriesNothingPersonal(c)) return next();
    c.set("sharedRequest", true);
    const state = options.state && limit > 0 ? options.state() : undefined;
    if (state === undefined) return next();
    if (state !== keptState) {
      kept.clear();
      keptState = state;
    }
    const url = c.req.url;
    const key = `${chooseEncoding(c.req.header("Accept-Encoding")) ?? "identity"}\n${c.req.header("HX-Request") ?? ""}\n${c.req.header("HX-Target") ?? ""}\n${url.slice(url.indexOf("/", url.indexOf("//") + 2))}`;
    const held = kept.get(key);
    if (held) {
      hits++;
      kept.delete(key);
      kept.set(key, held);
      if (namesEtag(c.req.header("If-None-Match"), held.etag)) {
        notModifiedCount++;
        return notModified(held);
      }
      // A fresh Headers each time: the middleware outside adds to it.
      return new Response(held.body as Uint8Array<ArrayBuffer>, { status: held.status, headers: held.headers as [string, string][] });
    }
    misses++;
    await next();
    const res = c.res;
    if (!c.get("keepResponse") || res.status !== 200 || res.headers.has("Set-Cookie") || res.headers.has("Cache-Control")) return;
    const body = await bodyBytes(res);
    if (body.byteLength > KEPT_RESPONSE_MAX_BYTES) return;
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    res.headers.set("ETag", etag);
    const headers: [string, string][] = [];
    res.headers.forEach((value, name) => headers.push([name, value]));
    const entry: KeptResponse = { status: res.status, headers, body, etag };
    // Kept under the state it was begun in: a change while it was made (a write, an index write,
    // the engine failing) gives the next request another state, which drops it. Not kept when
    // another request already saw a newer state.
    if (keptState === state) {
      kept.set(key, entry);
      if (kept.size > limit) kept.delete(kept.keys().next().value!);
    }
    c.res = undefined;
    c.res = namesEtag(c.req.header("If-None-Match"), etag)
      ? notModified(entry)
      : new Response(body as Uint8Array<ArrayBuffer>, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  return Object.assign(middleware, { status: (): KeptResponsesStatus => ({ entries: kept.size, hits, misses, notModified: notModifiedCount }) });
}
