/**
 * Compression of dynamic responses (HTML, JSON) that is cheap on CPU: zlib's synchronous brotli
 * at a low quality, or gzip, directly on the body — no streams, which cost more per page than
 * the compression itself for pages of a few kilobytes. Static files are compressed once at
 * start instead (static-assets.ts) and skip this.
 */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";

/** Bodies smaller than this are sent as they are: the headers would cost more than the gain. */
export const MIN_COMPRESS_BYTES = 1_024;
/** Brotli quality for dynamic pages: 4 is several times faster than 11 for a few % more bytes. */
export const DYNAMIC_BROTLI_QUALITY = 4;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;

/** Which encoding the client takes, brotli preferred. Pure. */
export function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | undefined {
  const accepted = (acceptEncoding ?? "")
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

/** @example app.use(compression()) */
export function compression(): MiddlewareHandler {
  return async function compressionMiddleware(c, next) {
    await next();
    const res = c.res;
    if (res.headers.has("Content-Encoding") || !res.body || c.req.method === "HEAD") return;
    if (!COMPRESSIBLE.test(res.headers.get("Content-Type") ?? "")) return;
    res.headers.append("Vary", "Accept-Encoding");
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    if (!encoding) return;
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength < MIN_COMPRESS_BYTES) {
      c.res = new Response(body, res);
      return;
    }
    const compressed = compressBody(body, encoding);
    const headers = new Headers(res.headers);
    headers.set("Content-Encoding", encoding);
    headers.set("Content-Length", String(compressed.byteLength));
    c.res = new Response(new Uint8Array(compressed.buffer as ArrayBuffer, compressed.byteOffset, compressed.byteLength), { status: res.status, statusText: res.statusText, headers });
  };
}
