/**
 * The shape of the code (docs/architecture.md), checked: the pure core (src/core) imports neither
 * the web framework, nor the database, nor the search engine, nor the views — only other core
 * modules and a few pure packages. A file that breaks the rule is named with the import.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const CORE = join(ROOT, "src", "core");

/** Packages the core must not import (a prefix matches its subpaths: `hono/jsx`, `drizzle-orm/sqlite-core`). */
const FORBIDDEN_PACKAGES = ["hono", "@hono/", "drizzle-orm", "better-sqlite3", "meilisearch", "undici"];
/** Places outside the core it must not reach, relative to the repository. */
const FORBIDDEN_PLACES = ["db/", "views/", "src/search/", "src/http/", "src/routes/", "src/use-cases/", "src/jobs/", "src/ops/", "src/app.ts", "src/platform.ts"];

/** Every module specifier a source text imports or re-exports, static or dynamic. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s+(?:type\s+)?[^'";]*?\sfrom\s+["']([^"']+)["']/g, /\bimport\s+["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Why `specifier`, imported by `file`, breaks the core's rule; undefined when it does not. */
export function coreViolation(file: string, specifier: string): string | undefined {
  if (specifier.startsWith(".")) {
    const target = relative(ROOT, resolve(dirname(file), specifier)).replaceAll("\\", "/");
    const place = FORBIDDEN_PLACES.find((p) => target === p || target.startsWith(p));
    return place ? `reaches ${place} (${target})` : undefined;
  }
  const pkg = FORBIDDEN_PACKAGES.find((p) => (p.endsWith("/") ? specifier.startsWith(p) : specifier === p || specifier.startsWith(`${p}/`)));
  return pkg ? `imports the package ${specifier}` : undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe("the pure core", () => {
  it("no file in src/core imports Hono, drizzle, SQLite, the search client, db/ or views/", () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(20);
    const violations = files.flatMap((file) =>
      importsOf(readFileSync(file, "utf8")).flatMap((specifier) => {
        const why = coreViolation(file, specifier);
        return why ? [`${relative(ROOT, file)} ${why}`] : [];
      }),
    );
    expect(violations).toEqual([]);
  });

  // The rule itself, on made-up files, so a broken scanner cannot pass the check above unnoticed.
  const inCore = join(CORE, "example.ts");
  it.each([
    [`import { Hono } from "hono";`, "imports the package hono"],
    [`import { jsx } from "hono/jsx";`, "imports the package hono/jsx"],
    [`import { createRoute } from "@hono/zod-openapi";`, "imports the package @hono/zod-openapi"],
    [`import { eq } from "drizzle-orm";`, "imports the package drizzle-orm"],
    [`import type { Database } from "better-sqlite3";`, "imports the package better-sqlite3"],
    [`import { MeiliSearch } from "meilisearch";`, "imports the package meilisearch"],
    [`import type { Db } from "../../db/client.ts";`, "reaches db/ (db/client.ts)"],
    [`import { messages } from "../../views/messages.ts";`, "reaches views/ (views/messages.ts)"],
    [`export { jobsIndex } from "../search/jobs-index.ts";`, "reaches src/search/ (src/search/jobs-index.ts)"],
    [`const m = await import("../search/meili-client.ts");`, "reaches src/search/ (src/search/meili-client.ts)"],
  ])("flags %s", (source, why) => {
    expect(importsOf(source).map((s) => coreViolation(inCore, s))).toEqual([why]);
  });

  it.each([
    `import { z } from "zod";`,
    `import { isIsoDate } from "./calendar.ts";`,
    `import type { PostingStatus } from "../enums.ts";`,
    `import { describe } from "vitest";`,
  ])("allows %s", (source) => {
    expect(importsOf(source).map((s) => coreViolation(join(CORE, "stats", "example.ts"), s))).toEqual([undefined]);
  });
});
