/**
 * Compression of dynamic responses (HTML, JSON) that is cheap on CPU: zlib's synchronous brotli
 * at a low quality, or gzip, directly on the body — no streams, which cost more per page than
 * the compression itself for pages of a few kilobytes. Static files are compressed once at
 * start instead (static-assets.ts) and skip this.
 *
 * Under @hono/node-server a Response made from a string is a lightweight object that keeps the
 * string; asking it for `arrayBuffer()` or `body` turns it into a full web Response with a
 * stream, and the server then writes that stream piece by piece (a third of a results page's
 * CPU in the profile of bench/throughput.bench.ts). So the body is read from the lightweight
 * response when it is there, and the compressed response replaces the old one whole (c.res is
 * cleared first: Hono would otherwise copy the old response through its stream). See
 * docs/decisions/2026-12-01-cheap-responses.md.
 */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";

/** Bodies smaller than this are sent as they are: the headers would cost more than the gain. */
export const MIN_COMPRESS_BYTES = 1_024;
/**
 * Brotli quality for dynamic pages. Measured again on a 17.8 KB results page (CPU time, best of
 * 15 × 100, 2026-12-02): q1 43 µs → 4,417 B, q2 65 µs → 4,179 B, q3 82 µs → 4,044 B, q4 142 µs
 * → 3,812 B (gzip level 1: 50 µs → 4,302 B; a smaller window changes nothing at this size).
 * Quality 1 costs half of q3 for 9 % more bytes — 370 bytes a page, against a budget of 14 KB —
 * and the page's compression was a tenth of its CPU (docs/decisions/2026-12-02-search-answers-cache.md).
 */
export const DYNAMIC_BROTLI_QUALITY = 1;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;

/** Which encoding the client takes, brotli preferred. Pure. */
export function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | undefined {
  if (!acceptEncoding) return undefined;
  // The common headers ("gzip, deflate, br", "br, gzip", "gzip, deflate, br, zstd") carry no weights.
  if (!acceptEncoding.includes(";")) {
    const lower = acceptEncoding.toLowerCase();
    if (/(^|[\s,])br($|[\s,])/.test(lower)) return "br";
    if (/(^|[\s,])gzip($|[\s,])/.test(lower)) return "gzip";
    return undefined;
  }
  const accepted = acceptEncoding
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, q]) => !q || !/q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name!.trim().toLowerCase());
  if (accepted.includes("br")) return "br";
  if (accepted.includes("gzip")) return "gzip";
  return undefined;
}

export function compressBody(body: Uint8Array, encoding: "br" | "gzip", brotliQuality = DYNAMIC_BROTLI_QUALITY): Buffer {
  return encoding === "br"
    ? brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
      })
    : gzipSync(body, { level: 6 });
}

/**
 * The body @hono/node-server's lightweight Response holds (its private `cache` entry: status,
 * body, headers), when it is a string or bytes; undefined for any other Response.
 */
function heldBody(res: Response): string | Uint8Array | undefined {
  const key = Object.getOwnPropertySymbols(res).find((symbol) => symbol.description === "cache");
  const held = key ? ((res as unknown as Record<symbol, unknown>)[key] as unknown[] | undefined) : undefined;
  const body = held?.[1];
  return typeof body === "string" || body instanceof Uint8Array ? body : undefined;
}

/** The response's body as bytes, without turning a lightweight response into a stream. */
export async function bodyBytes(res: Response): Promise<Uint8Array> {
  const held = heldBody(res);
  if (typeof held === "string") return Buffer.from(held, "utf8");
  if (held) return held;
  return new Uint8Array(await res.arrayBuffer());
}

/** Bytes as the Response constructor's type takes them (same memory, no copy). */
function asBodyInit(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
}

/** @example app.use(compression()) */
export function compression(): MiddlewareHandler {
  return async function compressionMiddleware(c, next) {
    await next();
    const res = c.res;
    if (c.req.method === "HEAD" || res.headers.has("Content-Encoding")) return;
    if (!COMPRESSIBLE.test(res.headers.get("Content-Type") ?? "")) return;
    res.headers.append("Vary", "Accept-Encoding");
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    if (!encoding) return;
    const held = heldBody(res);
    // A tiny body stays as it is, untouched (and unread, when the response holds it).
    if (held !== undefined && (typeof held === "string" ? held.length * 3 < MIN_COMPRESS_BYTES : held.byteLength < MIN_COMPRESS_BYTES)) return;
    if (held === undefined && !res.body) return;
    const body = await bodyBytes(res);
    if (body.byteLength < MIN_COMPRESS_BYTES) {
      c.res = undefined;
      c.res = new Response(asBodyInit(body), { status: res.status, statusText: res.statusText, headers: res.headers });
      return;
    }
    const compressed = compressBody(body, encoding);
    const headers = res.headers;
    headers.set("Content-Encoding", encoding);
    headers.set("Content-Length", String(compressed.byteLength));
    // Replace, not merge: Hono's setter would copy the old response through a stream.
    c.res = undefined;
    c.res = new Response(asBodyInit(compressed), { status: res.status, statusText: res.statusText, headers });
  };
}
