/**
 * The OpenAPI document of /api/v1 held from outside: as the app serves it, it passes redocly's
 * recommended rules with no error and no warning; its query parameters are exactly those the
 * handlers validate, with the same bounds and choices (probed against the running API); and the
 * answers the API gives fit the response schemas it publishes.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { api, OPENAPI_PATH } from "../src/routes/api/index.ts";
import { createApiToken } from "../src/use-cases/accounts.ts";
import { loadJobFixture } from "./support/job-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

/** A JSON Schema / OpenAPI object as far as these checks read it. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
  pattern?: string;
  example?: unknown;
}
interface Parameter {
  name: string;
  in: string;
  schema: Schema;
}
interface Operation {
  operationId: string;
  security: Record<string, string[]>[];
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const LINT_TIMEOUT_MS = 60_000;
const REDOCLY = join(dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")), "bin", "cli.js");

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/** `redocly lint --extends recommended` on a document, as a separate process that may not phone home. */
function lint(document: unknown, dir: string, name: string): Promise<LintReport> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(document, null, 2));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [REDOCLY, "lint", "--extends", "recommended", "--format", "json", file],
      {
        cwd: dir,
        timeout: LINT_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
        env: { PATH: process.env.PATH ?? "", HOME: dir, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", REDOCLY_SUPPRESS_NOTIFICATIONS: "true", CI: "true" },
      },
      (error, stdout, stderr) => {
        // Exit code 1 means "problems found"; the report on stdout says which.
        try {
          resolve(JSON.parse(stdout) as LintReport);
        } catch {
          reject(new Error(`redocly gave no report (${error?.message ?? "no error"}): ${stderr.slice(-2000)}`));
        }
      },
    );
  });
}

const summary = (report: LintReport) => report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);

/** What a value breaks of a schema of the document (unknown or missing properties, types, choices). */
function misfits(doc: Document, schema: Schema, value: unknown, at = "$"): string[] {
  if (schema.$ref) return misfits(doc, doc.components.schemas[schema.$ref.replace("#/components/schemas/", "")]!, value, at);
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (value === null) return types.includes("null") ? [] : [`${at}: null is not allowed`];
  const kind = Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
  if (types.length > 0 && !types.includes(kind) && !(kind === "integer" && types.includes("number"))) return [`${at}: ${kind}, documented ${types.join("|")}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not among the documented choices`];
  if (Array.isArray(value)) return schema.items ? value.flatMap((item, i) => misfits(doc, schema.items!, item, `${at}[${i}]`)) : [];
  if (kind !== "object") return [];
  const object = value as Record<string, unknown>;
  const properties = schema.properties ?? {};
  return [
    ...Object.keys(object)
      .filter((key) => !(key in properties))
      .map((key) => `${at}.${key}: not documented`),
    ...(schema.required ?? []).filter((key) => !(key in object)).map((key) => `${at}.${key}: documented as required, missing`),
    ...Object.entries(object).flatMap(([key, v]) => (properties[key] ? misfits(doc, properties[key]!, v, `${at}.${key}`) : [])),
  ];
}

/** The names of the query fields a validator schema reads (through the query-input transform). */
function queryNames(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; in?: z.ZodType; out?: z.ZodType; shape?: Record<string, unknown> } } })._zod.def;
  if (def.type === "object") return Object.keys(def.shape!);
  if (def.type === "pipe") return queryNames((def.in as unknown as { _zod: { def: { type: string } } })._zod.def.type === "transform" ? def.out! : def.in!);
  throw new Error(`not a query schema: ${def.type}`);
}

let platform: TestPlatform;
let doc: Document;
let workDir: string;
let countyToken: string;

beforeAll(async () => {
  platform = await startTestPlatform({ label: "openapi", demoData: false, today: "2026-11-23" });
  await loadJobFixture(platform);
  countyToken = createApiToken(platform.db, { role: "county", name: "县民政局", by: { label: "test" } }).token;
  addRegistryWorker(platform);
  workDir = mkdtempSync(join(tmpdir(), "jybf-openapi-"));
  const res = await platform.app.request(`/api/v1${OPENAPI_PATH}`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Document;
});
afterAll(async () => {
  await platform?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

describe("the served OpenAPI document", () => {
  it(
    "passes redocly's recommended rules with no error and no warning — and the same check catches a public operation left without security",
    async () => {
      const broken = structuredClone(doc);
      delete (broken.paths["/jobs"]!.get as Partial<Operation>).security;
      const [report, brokenReport] = await Promise.all([lint(doc, workDir, "served"), lint(broken, workDir, "broken")]);
      expect(summary(report)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
      expect(brokenReport.problems.map((p) => [p.ruleId, p.location[0]?.pointer])).toContainEqual(["security-defined", "#/paths/~1jobs/get"]);
    },
    LINT_TIMEOUT_MS + 30_000,
  );

  it("lists, for every operation, exactly the query parameters its handler validates", () => {
    const routes = api({} as never).openAPIRegistry.definitions.flatMap((d) => (d.type === "route" ? [d.route] : []));
    expect(routes.length).toBe(operations().length);
    for (const route of routes) {
      const documented = (doc.paths[route.path]![route.method]!.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      const validated = route.request?.query ? queryNames(route.request.query as z.ZodType) : [];
      expect(documented, `${route.method} ${route.path}`).toEqual(validated);
    }
  });

  it("says which operations need a token: the statistics do, the job search and one job do not", () => {
    const security = Object.fromEntries(operations().map(({ operation }) => [operation.operationId, operation.security]));
    expect(security).toEqual({
      searchJobs: [],
      getJob: [],
      employmentStats: [{ bearer: [] }],
      zeroEmploymentHouseholds: [{ bearer: [] }],
      workshopStats: [{ bearer: [] }],
      subsidyLines: [{ bearer: [] }],
      workerRecommendations: [{ bearer: [] }],
      retentionStats: [{ bearer: [] }],
    });
  });
});

/**
 * Values at and beyond each documented constraint of a query parameter: the API must take the
 * first kind and refuse the second, so the document's bounds and choices are the handler's.
 */
function probes(schema: Schema): { accepted: string[]; refused: string[] } {
  const choices = schema.enum ?? schema.items?.enum;
  if (choices) return { accepted: choices.map(String), refused: ["不存在的选项"] };
  if (schema.format === "date") return { accepted: ["2026-11-23"], refused: ["2026-02-30", "20261123"] };
  if (schema.type === "integer" || schema.type === "number") {
    const step = schema.type === "integer" ? 1 : 0.5;
    const refused = [String(schema.minimum! - step), String(schema.maximum! + step), "abc"];
    if (schema.type === "integer") refused.push(String(schema.minimum! + 0.5));
    return { accepted: [String(schema.minimum), String(schema.maximum)], refused };
  }
  // A patterned text (a period, a whole ID number): its documented example is taken, a misfit refused.
  if (schema.type === "string" && schema.pattern !== undefined && schema.example !== undefined) return { accepted: [String(schema.example)], refused: ["2025-13", "1"] };
  if (schema.type === "string" && schema.maxLength !== undefined) return { accepted: ["缝".repeat(schema.maxLength)], refused: ["缝".repeat(schema.maxLength + 1)] };
  throw new Error(`no probe for ${JSON.stringify(schema)}: add one, so the parameter is held to its document`);
}

/** Valid companions of a probed parameter: lat and lng together, and a date the baseline may equal. */
/** One registry worker (the job fixture has none), for the recommendations' path. */
const WORKER_ID_NUMBER = "11010519491231002X";
function addRegistryWorker(p: TestPlatform): void {
  const sqlite = p.db.$client;
  const villageId = (sqlite.prepare("SELECT id FROM villages ORDER BY id LIMIT 1").pluck().get() as number);
  const householdId = Number(sqlite.prepare("INSERT INTO households (code, category, village_id) VALUES ('H-OPENAPI', '脱贫户', ?)").run(villageId).lastInsertRowid);
  sqlite
    .prepare(
      `INSERT INTO workers (household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, village_id, labour_ability)
       VALUES (?, '测试', ?, ?, '1101**********002X', '1980-12-31', '女', ?, '有劳动能力')`,
    )
    .run(householdId, p.protector.hashIdNumber(WORKER_ID_NUMBER), p.protector.encrypt(WORKER_ID_NUMBER), villageId);
}

/** Path parameters filled in for the probes. */
const pathOf = (path: string) => path.replace("{id_number}", WORKER_ID_NUMBER);

const BASE_QUERY: Record<string, Record<string, string>> = {
  "/jobs": { lat: "25.9", lng: "115.4" },
  "/stats/employment": { date: "2026-11-23", baseline: "2020-12-31" },
};

describe("the document's query parameters, against the running API", () => {
  it("are taken within their documented bounds and choices and refused beyond them, with a message naming them", async () => {
    let probed = 0;
    for (const { path, operation } of operations()) {
      const headers: Record<string, string> = operation.security.length > 0 ? { Authorization: `Bearer ${countyToken}` } : {};
      for (const parameter of (operation.parameters ?? []).filter((p) => p.in === "query")) {
        const { accepted, refused } = probes(parameter.schema);
        for (const [value, expected] of [...accepted.map((v) => [v, 200] as const), ...refused.map((v) => [v, 400] as const)]) {
          const query = new URLSearchParams({ ...BASE_QUERY[path], [parameter.name]: value });
          const res = await platform.app.request(`/api/v1${pathOf(path)}?${query}`, { headers });
          const body = (await res.json()) as { message?: string };
          expect(res.status, `${path} ${parameter.name}=${value}: ${body.message ?? ""}`).toBe(expected);
          if (expected === 400) expect(body.message).toMatch(/\p{Script=Han}/u);
          if (expected === 400 && path === "/jobs") expect(body.message).toContain(`参数 ${parameter.name} 不对`);
          probed++;
        }
      }
    }
    expect(probed).toBeGreaterThan(50);
  });
});

describe("the API's answers", () => {
  it("fit the response schemas the document publishes, field for field", async () => {
    const calls: [string, string, number][] = [
      ["/jobs", "/api/v1/jobs?limit=50", 200],
      ["/jobs", "/api/v1/jobs?lat=25.95&lng=115.4&radius_km=50&limit=50", 200],
      ["/jobs", "/api/v1/jobs?limit=0", 400],
      ["/jobs/{code}", "/api/v1/jobs/F01", 200],
      ["/jobs/{code}", "/api/v1/jobs/NOPE", 404],
      ["/stats/employment", "/api/v1/stats/employment?by=platform", 200],
      ["/stats/employment", "/api/v1/stats/employment", 401],
      ["/stats/zero-employment", "/api/v1/stats/zero-employment", 200],
      ["/stats/workshops", "/api/v1/stats/workshops?date=2026-13-01", 400],
      ["/stats/workshops", "/api/v1/stats/workshops", 200],
      ["/subsidies", "/api/v1/subsidies?limit=500", 200],
      ["/subsidies", "/api/v1/subsidies?id_number=3607", 400],
      ["/subsidies", "/api/v1/subsidies", 401],
      ["/workers/{id_number}/recommendations", `/api/v1/workers/${WORKER_ID_NUMBER}/recommendations`, 200],
      ["/workers/{id_number}/recommendations", "/api/v1/workers/360732196803050171/recommendations", 400],
      ["/workers/{id_number}/recommendations", "/api/v1/workers/110105194912310029/recommendations?limit=3", 400],
      ["/workers/{id_number}/recommendations", `/api/v1/workers/${WORKER_ID_NUMBER}/recommendations?limit=51`, 400],
      ["/workers/{id_number}/recommendations", `/api/v1/workers/${WORKER_ID_NUMBER}/recommendations`, 401],
    ];
    for (const [path, url, status] of calls) {
      const headers: Record<string, string> = (path.startsWith("/stats") || path.startsWith("/subsidies") || path.startsWith("/workers")) && status !== 401 ? { Authorization: `Bearer ${countyToken}` } : {};
      const res = await platform.app.request(url, { headers });
      expect(res.status, url).toBe(status);
      const response = doc.paths[path]!.get!.responses[String(status)];
      expect(response, `${url}: ${status} is documented`).toBeDefined();
      const body: unknown = await res.json();
      expect(misfits(doc, response!.content!["application/json"]!.schema, body), url).toEqual([]);
    }
  });
});
