/**
 * The shape of the HTTP layer, checked on the source: a route module parses, authorises, calls
 * one use-case and renders — so no module under src/routes imports the data layer (db/), and
 * none tests a role itself (the policy, src/core/policy.ts, and the guards do). Every import
 * statement of every file is read (static, dynamic, `export … from`, type-only alike).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const ROUTES = join(ROOT, "src", "routes");
const DB = join(ROOT, "db");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|tsx|mts|cts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier the file imports or re-exports, including `import()` and `require()`. */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The specifiers of `source` (a file at `file`) that resolve into db/. */
function dbImports(file: string, source: string): string[] {
  return importsOf(source).filter((spec) => {
    if (!spec.startsWith(".")) return false;
    const target = resolve(dirname(file), spec);
    return target === DB || target.startsWith(DB + sep);
  });
}

/** The code without comments and string contents, so that prose about roles does not count. */
function codeOf(source: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.JSX, source);
  let out = "";
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const text = kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ? '""' : scanner.getTokenText();
    // Tokens are joined tight (`actor.role===x`), with a space only between two words.
    if (/[\w$]$/.test(out) && /^[\w$]/.test(text)) out += " ";
    out += text;
  }
  return out;
}

/** Role tests in code: comparing `…role`, switching on it, or looking it up in a list. */
const ROLE_CHECKS: RegExp[] = [
  /\brole\s*[!=]==?/,
  /[!=]==?\s*[\w$.?!]*\brole\b(?!\s*:)/,
  /switch\s*\([^;{}]*\brole\s*\)/,
  /\.includes\s*\([^;{}]*\brole\s*\)/,
  /\.has\s*\([^;{}]*\brole\s*\)/,
];

export function roleChecksIn(source: string): string[] {
  const code = codeOf(source);
  return ROLE_CHECKS.flatMap((re) => code.match(re)?.[0] ?? []);
}

describe("the detectors", () => {
  it.each([
    ['import { x } from "../../../db/queries/records.ts";', ["../../../db/queries/records.ts"]],
    ['import type { Db } from "../../../db/client.ts";', ["../../../db/client.ts"]],
    ['export { rosterRows } from "../../../db/queries/workshop.ts";', ["../../../db/queries/workshop.ts"]],
    ['const q = await import("../../../db/queries/alerts.ts");', ["../../../db/queries/alerts.ts"]],
    ['import "../../../db/schema.ts";', ["../../../db/schema.ts"]],
    ['import { can } from "../../core/policy.ts";', []],
    ['import { Hono } from "hono"; // not "../../../db/x.ts"', []],
  ])("finds the db/ imports of %s", (source, expected) => {
    expect(dbImports(join(ROUTES, "bureau", "x.tsx"), source)).toEqual(expected);
  });

  it.each([
    ['const canEdit = actor.role === "manager";', true],
    ['if (user.actor.role !== "county") return;', true],
    ['if ("admin" === actor.role) {}', true],
    ["switch (actor.role) { }", true],
    ["if (STAFF.includes(actor.role)) {}", true],
    ["if (roles.has(c.get('user')?.actor.role)) {}", true],
    ['deps.log.info("signed in", { userId: result.user.id, role: result.user.role });', false],
    ["// a comment about actor.role === manager", false],
    ['const text = "role === x";', false],
    ["app.use(\"*\", requireRole(...STAFF_ROLES));", false],
  ])("%s → a role check: %s", (source, expected) => {
    expect(roleChecksIn(source).length > 0).toBe(expected);
  });
});

describe("route modules", () => {
  const files = sourceFiles(ROUTES).map((file) => ({ file, name: relative(ROOT, file).split(sep).join("/"), source: readFileSync(file, "utf8") }));

  it("are found (the scan reads the real tree)", () => {
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(["src/routes/bureau/index.ts", "src/routes/manage/index.ts", "src/routes/bureau/workers.tsx"]));
  });

  it("import nothing from db/ (their page's data comes from a use-case)", () => {
    const found = files.flatMap((f) => dbImports(f.file, f.source).map((spec) => `${f.name} imports ${spec}`));
    expect(found).toEqual([]);
  });

  it("test no role themselves (the policy and the guards do)", () => {
    const found = files.flatMap((f) => roleChecksIn(f.source).map((m) => `${f.name}: ${m}`));
    expect(found).toEqual([]);
  });
});
