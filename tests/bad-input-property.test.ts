/**
 * Bad input, generated (fast-check): every page form, as a role that may use it, and every API
 * schema, driven through `app.request` with over-long strings, control characters, look-alike
 * Unicode, impossible dates, weird numbers, missing, repeated and unknown fields. Properties:
 * - never a 5xx;
 * - a refused form (4xx) shows again what was typed, escaped (as the text rule stores it: NFC,
 *   control characters removed — src/core/text-fields.ts);
 * - a refused request writes nothing (row counts, latest `updated_at` and the audit log);
 * - after everything, no control character is stored in any text column.
 * Bounded: NUM_RUNS cases per form with a fixed seed, so a failure replays the same way
 * (`FC_SEED=<n>` overrides the seed, e.g. to explore; the failing seed and path are printed).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withoutControls } from "../src/core/text-fields.ts";
import { createAccount, createApiToken } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { TEST_ORIGIN, webClient, type WebClient } from "./support/web-client.ts";

const NUM_RUNS = 25;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261201;
const PASSWORD = "属性测试的密码2026";

// ---------------------------------------------------------------------------------------------
// Generators of bad values.

const CONTROL = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u001b", "\u001b[31m", "\u007f", "\u0085", "\u009b", "\u200b", "\u202e", "\ufeff", "\u2028", "\r", "\n", "\t"];
const LOOK_ALIKE = ["城关镇", "城关镇\u0000", "Che\u0301ng", "ｃａｆｅ", "城关镇 ", " 城关镇"];
const WEIRD_NUMBERS = ["0x10", "0b101", "1e3", "-1", "-0", "NaN", "Infinity", "1.5", "１２", "99999999999999999999", "9007199254740993", "1,000", "12元", "--1", ".5"];
const BAD_DATES = ["2026-13-01", "2026-00-10", "2026-12-32", "2026-02-31", "2025-02-29", "0000-00-00", "9999-12-31", "9999-99-99", "1900-01-01", "2026-1-1", "20261201", "昨天", "2026-11-23T00:00", "2100-01-01"];
const HOSTILE = [`<script>alert("x")</script>`, `"><img src=x onerror=alert(1)>`, "=HYPERLINK(\"http://evil.example\",\"点我\")", "'; DROP TABLE postings; --", "%00", "&amp;&lt;", "{{7*7}}", "${7*7}"];

const controlText = fc.array(fc.oneof(fc.constantFrom(...CONTROL), fc.constantFrom("城", "关", "镇", "a", " ", "字")), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
const longText = fc
  .oneof({ weight: 12, arbitrary: fc.constantFrom(21, 31, 61, 101, 201, 501, 2001, 5000) }, { weight: 1, arbitrary: fc.constant(1_000_000) })
  .chain((n) => fc.constantFrom("字", "a", "😀").map((c) => c.repeat(n)));
const unicodeText = fc.string({ unit: "binary", maxLength: 40 });

/** One bad (or sometimes good) value for a field whose good values are `good`. */
function value(good: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: good },
    { weight: 2, arbitrary: controlText },
    { weight: 2, arbitrary: longText },
    { weight: 1, arbitrary: unicodeText },
    { weight: 1, arbitrary: fc.constantFrom(...LOOK_ALIKE) },
    { weight: 1, arbitrary: fc.constantFrom(...WEIRD_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom(...BAD_DATES) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "\u3000") },
  );
}

/** A field of a form: its name, good values, and whether a refused form shows it again. */
interface FieldSpec {
  name: string;
  good: fc.Arbitrary<string>;
  /** Shown again, as typed, when the form is refused. */
  echo?: boolean;
}

interface FormSpec {
  name: string;
  who: Who;
  path: () => string;
  fields: FieldSpec[];
  /** Puts the record back before each case (a placement ended by one case could not be ended by the next). */
  reset?: () => void;
}

/**
 * The reproductions as fixed first cases of every form: all fields good but one, which is
 * a NUL and ESC around a good value, 5,000 characters, or an impossible date.
 */
function reproductions(fields: FieldSpec[], seed: number): [[string, string][], boolean][] {
  const goods = fields.map((f, i) => fc.sample(f.good, { numRuns: 1, seed: seed + i })[0]!);
  const cases: [[string, string][], boolean][] = [];
  fields.forEach((field, i) => {
    const bad = /date/i.test(field.name) ? ["2026-13-01", "2026-02-31", "9999-12-31", "0000-00-00"] : [`\u001b[2J${goods[i]}\u0000`, "字".repeat(5000)];
    for (const value of bad) cases.push([fields.map((f, j): [string, string] => [f.name, j === i ? value : goods[j]!]), false]);
  });
  return cases;
}

/**
 * A form body: each field missing, given once, or given twice (a repeated name), plus sometimes an
 * unknown field. Pairs, so a name can repeat.
 */
function body(fields: FieldSpec[]): fc.Arbitrary<[string, string][]> {
  const one = (f: FieldSpec) =>
    fc.oneof(
      { weight: 8, arbitrary: value(f.good).map((v) => [[f.name, v]] as [string, string][]) },
      { weight: 1, arbitrary: fc.constant([] as [string, string][]) },
      { weight: 1, arbitrary: fc.tuple(value(f.good), value(f.good)).map(([a, b]) => [[f.name, a], [f.name, b]] as [string, string][]) },
      { weight: 1, arbitrary: value(f.good).map((v) => [[`${f.name}[]`, v]] as [string, string][]) },
    );
  return fc
    .tuple(fc.tuple(...fields.map(one)), fc.option(fc.tuple(fc.constantFrom("extra", "__proto__", "constructor", "_method"), value(fc.constant("x"))), { nil: undefined }))
    .map(([parts, extra]) => [...parts.flat(), ...(extra ? [extra] : [])]);
}

const day = (offset: number) => {
  const d = new Date(Date.UTC(2026, 10, 23 + offset));
  return d.toISOString().slice(0, 10);
};
const goodDate = fc.integer({ min: -400, max: 5 }).map(day);
const goodWhole = (min: number, max: number) => fc.integer({ min, max }).map(String);
const goodText = (max: number) => fc.string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 30) });
const goodPhone = fc.constantFrom("13800138000", "13912345678", "138 0013 8000", "+86 13800138000");

// ---------------------------------------------------------------------------------------------

type Who = "anonymous" | "seeker" | "manager" | "county" | "admin" | "town";

/** What a refused request must leave alone: row counts and the latest change of each table, and the audit log. */
function fingerprint(platform: TestPlatform): string {
  const db = platform.db.$client;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[]).map((t) => t.name);
  // Written by reading, not by a form: sessions are touched, failed sign-ins counted, search kept up.
  const volatile = new Set(["sessions", "login_attempts", "login_failures", "search_outbox", "outbox", "app_meta", "rate_limits", "import_jobs"]);
  const parts: string[] = [];
  for (const table of tables.filter((t) => !volatile.has(t)).sort()) {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const latest = columns.includes("updated_at") ? ", max(updated_at) AS latest" : "";
    const row = db.prepare(`SELECT count(*) AS n${latest} FROM "${table}"`).get() as { n: number; latest?: unknown };
    parts.push(`${table}:${row.n}:${row.latest ?? ""}`);
  }
  return parts.join("|");
}

/** Text columns holding a control character (tab, LF, CR excepted). */
function storedControlCharacters(platform: TestPlatform): string[] {
  const db = platform.db.$client;
  const found: string[] = [];
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  const controls = Array.from({ length: 32 }, (_, i) => i).filter((i) => ![9, 10, 13].includes(i)).concat([127]);
  for (const table of tables) {
    if (table === "audit_log" || table === "sessions") continue;
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[]).filter((c) => /text/i.test(c.type) || c.type === "");
    for (const column of columns) {
      const test = controls.map((i) => `instr("${column.name}", char(${i})) > 0`).join(" OR ");
      const row = db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE typeof("${column.name}") = 'text' AND (${test})`).get() as { n: number };
      if (row.n > 0) found.push(`${table}.${column.name}: ${row.n}`);
    }
  }
  return found;
}

/** A fast-check failure in a few lines: the counterexample (cut short) and what went wrong. */
function brief(error: unknown): string {
  const lines = (error as Error).message.split("\n");
  const keep = lines.filter((l) => /^(Counterexample|\{ seed)|Error|expected|wrote|shown|Got /.test(l));
  const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message.split("\n").slice(0, 3) : [];
  return [...keep, ...cause].map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)).join("\n");
}

/** As hono/jsx escapes text and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * As a browser encodes a form value (a lone surrogate becomes U+FFFD; multipart makes every line
 * break CR LF), then as the server cleans it.
 */
function asStored(typed: string, multipart: boolean): string {
  const sent = new URLSearchParams([["v", typed]]).get("v")!;
  return withoutControls(multipart ? sent.replace(/\r\n|\r|\n/g, "\r\n") : sent);
}

describe("bad input, generated, through every form and API schema", () => {
  let platform: TestPlatform;
  const clients = new Map<Who, WebClient>();
  let forms: FormSpec[] = [];
  let apiToken = "";
  const sql = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "bad-input-property" });
    const employer = sql<{ id: number; code: string; town: string }>(
      `SELECT e.id, e.code, t.name AS town FROM employers e JOIN towns t ON t.id = e.town_id
       WHERE (SELECT count(*) FROM placements p WHERE p.employer_id = e.id AND p.end_date IS NULL) > 0
         AND (SELECT count(*) FROM postings p WHERE p.employer_id = e.id) > 0
         AND (SELECT count(*) FROM applications a JOIN postings p ON p.id = a.posting_id WHERE p.employer_id = e.id) > 0
       ORDER BY e.id LIMIT 1`,
    );
    const posting = sql<{ code: string }>("SELECT code FROM postings WHERE employer_id = ? ORDER BY id LIMIT 1", employer.id);
    const openPosting = sql<{ code: string } | undefined>("SELECT code FROM postings WHERE status = '招聘中' ORDER BY id LIMIT 1");
    const application = sql<{ id: number }>("SELECT a.id FROM applications a JOIN postings p ON p.id = a.posting_id WHERE p.employer_id = ? ORDER BY a.id LIMIT 1", employer.id);
    const placement = sql<{ id: number; workerId: number }>("SELECT id, worker_id AS workerId FROM placements WHERE employer_id = ? AND end_date IS NULL ORDER BY id LIMIT 1", employer.id);
    const workshop = sql<{ code: string }>("SELECT code FROM employers WHERE type IN ('帮扶车间', '卫星工厂') ORDER BY id LIMIT 1");
    const household = sql<{ id: number; townId: number }>(
      "SELECT h.id, v.town_id AS townId FROM households h JOIN workers w ON w.household_id = h.id JOIN villages v ON v.id = w.village_id ORDER BY h.id LIMIT 1",
    );
    const town = sql<{ name: string }>("SELECT name FROM towns WHERE id = ?", household.townId);
    const alertId = Number(
      platform.db.$client
        .prepare("INSERT INTO alerts (household_id, town_id, kind, detail, raised_date) VALUES (?, ?, 'zero-employment', ?, '2026-11-20')")
        .run(household.id, household.townId, JSON.stringify({ kind: "zero-employment", jobSeekers: [] })).lastInsertRowid,
    );
    // The alert open again before each close (a closed alert has no form to show again).
    const reopenedAlert = () => {
      platform.db.$client.prepare("UPDATE alerts SET status = 'open', closed_date = NULL, outcome = NULL, outcome_note = NULL WHERE id = ?").run(alertId);
      return alertId;
    };

    const accounts: [Who, "seeker" | "manager" | "county" | "admin" | "town", { employerCode?: string; townName?: string }][] = [
      ["seeker", "seeker", {}],
      ["manager", "manager", { employerCode: employer.code }],
      ["county", "county", {}],
      ["admin", "admin", {}],
      ["town", "town", { townName: town.name }],
    ];
    for (const [who, role, scope] of accounts) {
      await createAccount(platform.db, { role, login: `prop-${who}`, password: PASSWORD, ...scope, by: { label: "test" } });
      const web = webClient(platform.app);
      expect((await web.login(`prop-${who}`, PASSWORD)).status).toBe(303);
      await web.text(await web.get("/account/password"));
      clients.set(who, web);
    }
    const anonymous = webClient(platform.app);
    await anonymous.text(await anonymous.get("/login"));
    clients.set("anonymous", anonymous);
    apiToken = createApiToken(platform.db, { role: "county", name: "property test", by: { label: "test" } }).token;

    const text = (max: number) => goodText(max);
    const reopenPlacement = () => platform.db.$client.prepare("UPDATE placements SET end_date = NULL, end_reason = NULL WHERE id = ?").run(placement.id);
    forms = [
      {
        name: "apply",
        who: "anonymous",
        path: () => `/jobs/${encodeURIComponent(openPosting?.code ?? posting.code)}/apply`,
        fields: [
          { name: "name", good: text(20), echo: true },
          { name: "phone", good: goodPhone, echo: true },
          { name: "village", good: text(30), echo: true },
          { name: "note", good: text(200), echo: true },
        ],
      },
      { name: "sign in", who: "anonymous", path: () => "/login", fields: [{ name: "login", good: text(20) }, { name: "password", good: text(20) }, { name: "next", good: fc.constantFrom("/jobs", "//evil.example", "/\\evil") }] },
      {
        name: "change password",
        who: "seeker",
        path: () => "/account/password",
        fields: [{ name: "currentPassword", good: fc.constantFrom("wrong-password", "") }, { name: "newPassword", good: text(40) }, { name: "confirmPassword", good: text(40) }],
      },
      ...(["/manage/postings/new", `/manage/postings/${encodeURIComponent(posting.code)}/edit`] as const).map(
        (path): FormSpec => ({
          name: `posting ${path}`,
          who: "manager",
          path: () => path,
          fields: [
            { name: "title", good: text(60), echo: true },
            { name: "description", good: text(2000), echo: true },
            { name: "headcount", good: goodWhole(1, 50), echo: true },
            { name: "payMin", good: goodWhole(0, 5000) },
            { name: "payMax", good: goodWhole(0, 9000) },
            { name: "payUnit", good: fc.constantFrom("月", "日", "计件", "时", "年") },
            { name: "workingTime", good: fc.constantFrom("全天", "半天", "灵活") },
            { name: "ageMin", good: goodWhole(16, 60) },
            { name: "ageMax", good: goodWhole(16, 100) },
            { name: "physicalDemand", good: fc.constantFrom("轻", "中", "重", "") },
            { name: "skills", good: fc.constantFrom("缝纫、剪线头", "电工", "") },
            { name: "benefits", good: fc.constantFrom("包吃", "包住", "接送") },
            { name: "benefitsOther", good: fc.constantFrom("", "带孩子") },
            { name: "closingDate", good: fc.integer({ min: 0, max: 60 }).map(day) },
          ],
        }),
      ),
      { name: "posting status", who: "manager", path: () => `/manage/postings/${encodeURIComponent(posting.code)}/status`, fields: [{ name: "action", good: fc.constantFrom("close", "full", "reopen") }] },
      {
        name: "employer profile",
        who: "manager",
        path: () => "/manage/profile",
        fields: [
          { name: "address", good: text(100), echo: true },
          { name: "villageId", good: fc.constantFrom("", "1", "2") },
          { name: "lat", good: fc.constantFrom("", "25.9", "26") },
          { name: "lng", good: fc.constantFrom("", "115.4", "115") },
          { name: "contactName", good: text(20), echo: true },
          { name: "contactPhone", good: goodPhone, echo: true },
        ],
      },
      { name: "applicant note", who: "manager", path: () => `/manage/applicants/${application.id}/note`, fields: [{ name: "managerNote", good: text(500), echo: true }, { name: "back", good: fc.constantFrom("/manage/applicants", "//evil.example") }] },
      { name: "applicant status", who: "manager", path: () => `/manage/applicants/${application.id}/status`, fields: [{ name: "to", good: fc.constantFrom("已联系", "未录用", "报名") }, { name: "back", good: fc.constant("/manage/applicants") }] },
      { name: "applicant hire", who: "manager", path: () => `/manage/applicants/${application.id}/hire`, fields: [{ name: "startDate", good: goodDate }, { name: "monthlyIncome", good: goodWhole(0, 9000) }] },
      {
        name: "gate hire",
        who: "manager",
        path: () => "/manage/roster",
        fields: [
          { name: "name", good: text(20), echo: true },
          { name: "phone", good: goodPhone, echo: true },
          { name: "startDate", good: goodDate },
          { name: "monthlyIncome", good: goodWhole(0, 9000), echo: true },
        ],
      },
      { name: "departure", who: "manager", reset: reopenPlacement, path: () => `/manage/roster/placement/${placement.id}/departure`, fields: [{ name: "endDate", good: goodDate }, { name: "reason", good: fc.constantFrom("合同到期", "其他", "不想干了") }] },
      {
        name: "correction",
        who: "manager",
        reset: reopenPlacement,
        path: () => `/manage/roster/placement/${placement.id}/correction`,
        fields: [{ name: "startDate", good: goodDate }, { name: "monthlyIncome", good: goodWhole(0, 9000) }, { name: "note", good: text(200), echo: true }],
      },
      {
        name: "recognition",
        who: "county",
        path: () => `/bureau/employers/${encodeURIComponent(workshop.code)}/recognition`,
        fields: [{ name: "status", good: fc.constantFrom("已认定", "未认定", "撤销") }, { name: "effectiveDate", good: goodDate }, { name: "note", good: text(200), echo: true }],
      },
      { name: "alert assign", who: "county", path: () => `/bureau/alerts/${alertId}/assign`, fields: [{ name: "userId", good: fc.constantFrom("", "1", "999999") }] },
      { name: "alert note", who: "town", path: () => `/bureau/alerts/${alertId}/notes`, fields: [{ name: "date", good: goodDate }, { name: "note", good: text(500), echo: true }] },
      { name: "alert close", who: "county", path: () => `/bureau/alerts/${reopenedAlert()}/close`, fields: [{ name: "outcome", good: fc.constantFrom("已就业", "其他", "没有") }, { name: "note", good: text(500), echo: true }] },
      {
        name: "settings",
        who: "admin",
        path: () => "/bureau/settings",
        fields: [
          { name: "countyName", good: fc.constantFrom("示范县", "于都县"), echo: true },
          { name: "countyProvince", good: fc.constantFrom("江西省", "火星省") },
          { name: "baselineDate", good: fc.constantFrom("2020-12-31", "2021-01-01") },
          { name: "incomeLinePerPersonMonth", good: goodWhole(1, 10_000) },
          { name: "alertOverdueDays", good: goodWhole(1, 90) },
          { name: "noticeDays", good: goodWhole(1, 30) },
        ],
      },
      {
        name: "placement end (bureau)",
        who: "county", reset: reopenPlacement,
        path: () => `/bureau/workers/${placement.workerId}/placements/${placement.id}/end`,
        fields: [{ name: "endDate", good: goodDate }, { name: "reason", good: fc.constantFrom("合同到期", "其他", "不知道") }],
      },
    ];
  }, 120_000);
  afterAll(() => platform?.close());

  /** Posts the pairs as the client's browser would (its cookies, its CSRF token, the site's Origin). */
  async function post(who: Who, path: string, pairs: [string, string][], multipart: boolean): Promise<Response> {
    const web = clients.get(who)!;
    const cookie = [...web.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const headers: Record<string, string> = { Origin: TEST_ORIGIN, ...(cookie ? { Cookie: cookie } : {}) };
    const all: [string, string][] = [["_csrf", web.csrf ?? ""], ...pairs];
    if (multipart) {
      const form = new FormData();
      for (const [k, v] of all) form.append(k, v);
      return platform.app.request(path, { method: "POST", body: form, headers });
    }
    return platform.app.request(path, { method: "POST", body: new URLSearchParams(all).toString(), headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" } });
  }

  it("answers every form without a 5xx, keeps what was typed when refusing, and writes nothing then", async () => {
    const failures: string[] = [];
    for (const [index, form] of forms.entries()) {
      await fc.assert(
        fc.asyncProperty(body(form.fields), fc.boolean(), async (pairs, multipart) => {
          form.reset?.();
          const path = form.path();
          const before = fingerprint(platform);
          const res = await post(form.who, path, pairs, multipart);
          const html = await res.text();
          const where = `${form.name} (${path}) as ${form.who}, ${multipart ? "multipart" : "urlencoded"}: ${res.status}`;
          expect(res.status, `${where}\n${html.slice(0, 300)}`).toBeLessThan(500);
          if (res.status < 400) return;
          expect(fingerprint(platform), `${where}: wrote on a refused request`).toBe(before);
          if (res.status !== 400 && res.status !== 422) return;
          const typed = new Map<string, string>();
          for (const [k, v] of pairs) if (!typed.has(k)) typed.set(k, v);
          for (const field of form.fields.filter((f) => f.echo)) {
            const value = typed.get(field.name);
            // Only a field given once is shown again (a repeated name is read as its first or last value).
            if (value === undefined || pairs.filter(([k]) => k === field.name).length !== 1) continue;
            const stored = asStored(value, multipart);
            if (!html.includes(escapeHtml(stored)) && !html.includes(escapeHtml(stored.trim()))) {
              expect.fail(`${where}: the typed ${field.name} (${JSON.stringify(stored.slice(0, 60))}…, ${stored.length} chars) is not shown again`);
            }
          }
        }),
        { numRuns: NUM_RUNS, seed: SEED + index, endOnFailure: true, verbose: 0, examples: reproductions(form.fields, SEED + index) },
      ).catch((error: unknown) => failures.push(`${form.name}: ${brief(error)}`));
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("answers every API parameter without a 5xx: bad ones are 400 with a JSON message", async () => {
    const apiFields: Record<string, string[]> = {
      "/api/v1/jobs": ["q", "type", "town", "lat", "lng", "radius_km", "time", "age", "benefit", "limit", "offset", "sort"],
      "/api/v1/stats/employment": ["date", "baseline", "by"],
      "/api/v1/stats/zero-employment": ["date"],
      "/api/v1/stats/workshops": ["date"],
      "/api/v1/subsidies": ["policy", "period", "status", "id_number", "limit", "offset"],
      "/api/v1/jobs/P00001": [],
      "/api/v1/workers/360731199006010021/recommendations": ["limit"],
    };
    const failures: string[] = [];
    for (const [path, names] of Object.entries(apiFields)) {
      const params = fc.array(fc.tuple(fc.constantFrom(...names, "unknown"), value(fc.constantFrom("10", "2026-11-01", "town", "缝纫"))), { maxLength: 6 });
      await fc.assert(
        fc.asyncProperty(params, async (pairs) => {
          const url = `${path}?${new URLSearchParams(pairs).toString()}`;
          const res = await platform.app.request(url, { headers: { Authorization: `Bearer ${apiToken}` } });
          const text = await res.text();
          expect(res.status, `${url.slice(0, 200)}: ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status === 400) expect(JSON.parse(text), url.slice(0, 200)).toHaveProperty("message");
        }),
        { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true, verbose: 0 },
      ).catch((error: unknown) => failures.push(`${path}: ${brief(error)}`));
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("answers the pages' query strings without a 5xx", async () => {
    const pages: [Who, string, string[]][] = [
      ["anonymous", "/jobs", ["q", "type", "town", "time", "age", "benefit", "pay", "sort", "village", "lat", "lng", "radius", "offset"]],
      ["county", "/bureau/workers", ["q", "offset"]],
      ["county", "/bureau/alerts", ["status", "kind", "town", "overdue", "offset"]],
      ["county", "/bureau/audit", ["entity", "actor", "from", "to", "offset"]],
      ["county", "/bureau/subsidies", ["policy", "period", "status", "offset"]],
      ["county", "/bureau/stats", ["date", "baseline", "by"]],
      ["county", "/bureau/stats/people", ["figure", "by", "key", "employer", "offset", "date"]],
      ["county", "/bureau/zero-employment", ["date", "format"]],
    ];
    const failures: string[] = [];
    for (const [who, path, names] of pages) {
      const params = fc.array(fc.tuple(fc.constantFrom(...names), value(fc.constantFrom("10", "2026-11-01", "城关镇", "缝纫"))), { maxLength: 5 });
      await fc.assert(
        fc.asyncProperty(params, async (pairs) => {
          const url = `${path}?${new URLSearchParams(pairs).toString()}`;
          const res = await clients.get(who)!.get(url);
          expect(res.status, `${url.slice(0, 200)}: ${res.status}`).toBeLessThan(500);
          await res.arrayBuffer();
        }),
        { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true, verbose: 0 },
      ).catch((error: unknown) => failures.push(`${path}: ${brief(error)}`));
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("has stored no control character in any text column", () => {
    expect(storedControlCharacters(platform)).toEqual([]);
  });
});
