/**
 * Our own static files (CSS, htmx, small icons), served under fingerprinted URLs
 * (`/static/app.3f2a9c1e.css`) with a one-year immutable cache, each compressed with brotli 11
 * and gzip once at start. The layout asks `assetUrl("app.css")` for the current URL.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname } from "node:path";
import { Hono } from "hono";
import { chooseEncoding, compressBody } from "./compression.ts";

const require = createRequire(import.meta.url);
const STATIC_DIR = new URL("../../static/", import.meta.url).pathname;

/** The files served, by their logical name. htmx comes from its pinned npm package. */
const SOURCES: Record<string, string> = {
  "app.css": STATIC_DIR + "app.css",
  "htmx.js": require.resolve("htmx.org/dist/htmx.min.js"),
  "app.js": STATIC_DIR + "app.js",
  "favicon.svg": STATIC_DIR + "favicon.svg",
};

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

interface Asset {
  url: string;
  type: string;
  etag: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

function buildAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const [name, file] of Object.entries(SOURCES)) {
    const identity = readFileSync(file);
    const hash = createHash("sha256").update(identity).digest("hex").slice(0, 10);
    const ext = extname(name);
    assets.set(name, {
      url: `/static/${name.slice(0, -ext.length)}.${hash}${ext}`,
      type: TYPES[ext] ?? "application/octet-stream",
      etag: `"${hash}"`,
      identity,
      br: compressBody(identity, "br", 11),
      gzip: compressBody(identity, "gzip"),
    });
  }
  return assets;
}

let assets: Map<string, Asset> | undefined;
function allAssets(): Map<string, Asset> {
  assets ??= buildAssets();
  return assets;
}

/** The fingerprinted URL of a static file. @example assetUrl("app.css") // "/static/app.1a2b3c4d5e.css" */
export function assetUrl(name: string): string {
  const asset = allAssets().get(name);
  if (!asset) throw new Error(`unknown static asset ${name}`);
  return asset.url;
}

/** Bytes of an asset as sent with the given encoding (for page-weight benchmarks). */
export function assetSize(name: string, encoding: "br" | "gzip" | "identity"): number {
  const asset = allAssets().get(name);
  if (!asset) throw new Error(`unknown static asset ${name}`);
  return asset[encoding].byteLength;
}

const ONE_YEAR = 31_536_000;

/** The sub-app serving /static/*. */
export function staticAssets(): Hono {
  const byUrl = new Map([...allAssets().values()].map((a) => [a.url, a]));
  const app = new Hono();
  app.get("/static/:file", (c) => {
    const asset = byUrl.get(new URL(c.req.url).pathname);
    if (!asset) return c.notFound();
    const headers: Record<string, string> = {
      "Content-Type": asset.type,
      "Cache-Control": `public, max-age=${ONE_YEAR}, immutable`,
      ETag: asset.etag,
      Vary: "Accept-Encoding",
    };
    if (c.req.header("If-None-Match") === asset.etag) return c.body(null, 304, headers);
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    const body = encoding ? asset[encoding] : asset.identity;
    if (encoding) headers["Content-Encoding"] = encoding;
    headers["Content-Length"] = String(body.byteLength);
    return c.body(new Uint8Array(body), 200, headers);
  });
  return app;
}
