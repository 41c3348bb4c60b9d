/**
 * GET /api/v1/subsidies as docs/contract.md says: county and department tokens read the lines,
 * a town token is refused, no token is 401; filters by policy, period, status and a whole ID
 * number (a part of one is refused); `total` and `amount_total` cover every match, not only the
 * page; amounts in yuan; the employer is the payee of 吸纳就业补贴; ID numbers only masked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../src/use-cases/accounts.ts";
import { computeSubsidies } from "../src/use-cases/subsidies-compute.ts";
import { savePolicy, type PolicyInput } from "../src/use-cases/subsidies-policies.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

interface Body {
  lines: {
    id: number;
    policy: string;
    period: string;
    kind: string;
    payee: { type: string; code?: string; name: string };
    worker: { name: string; id_number_masked: string; household: string; town: string; village: string };
    months: string[];
    amount: number;
    status: string;
    reverses?: number;
  }[];
  total: number;
  amount_total: number;
  message?: string;
}

const BASE = { maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, minMonths: null, endDate: null, fundSource: "就业补助资金" } as const;
const POLICIES: PolicyInput[] = [
  { ...BASE, code: "API-JT", name: "接口测试交通补贴", kind: "交通补贴", amountFen: 60_050, startDate: "2025-01-01" },
  { ...BASE, code: "API-XN", name: "接口测试吸纳就业补贴", kind: "吸纳就业补贴", amountFen: 200_000, startDate: "2025-01-01" },
];

describe("GET /api/v1/subsidies", () => {
  let platform: TestPlatform;
  const tokens = { county: "", town: "", department: "" };
  let fullId: string;
  let workerLines: number;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "subsidies-api" });
    const { db } = platform;
    const by = { label: "test" };
    const now = new Date("2026-11-23T02:00:00Z");
    for (const input of POLICIES) {
      savePolicy({ db }, { input, by, now });
      const outcome = computeSubsidies({ db, protector: platform.protector }, { policyCode: input.code, period: "2025", countyProvince: "江西省", by, now });
      if (outcome.status !== "done" || outcome.addedIds.length === 0) throw new Error(`the demo county should have lines for ${input.code}`);
    }
    // One line approved, so a status filter has something to tell apart.
    db.$client.prepare("UPDATE subsidy_lines SET status = '已审核', status_changed_at = '2026-11-23T02:00:00Z' WHERE id = (SELECT min(l.id) FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = 'API-JT')").run();
    const row = db.$client
      .prepare("SELECT w.id_number_cipher AS c, (SELECT count(*) FROM subsidy_lines x WHERE x.worker_id = w.id) AS n FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id ORDER BY l.id LIMIT 1")
      .get() as { c: string; n: number };
    fullId = platform.protector.decrypt(row.c);
    workerLines = row.n;
    const town = (db.$client.prepare("SELECT name FROM towns ORDER BY id LIMIT 1").get() as { name: string }).name;
    tokens.county = createApiToken(db, { role: "county", name: "县财政局", by }).token;
    tokens.town = createApiToken(db, { role: "town", townName: town, name: "镇政府", by }).token;
    tokens.department = createApiToken(db, { role: "department", name: "审计局", by }).token;
  });
  afterAll(() => platform?.close());

  const get = async (query: string, token?: string) => {
    const res = await platform.app.request(`/api/v1/subsidies${query}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    return { status: res.status, body: (await res.json()) as Body };
  };
  const sql = <T>(text: string, ...params: unknown[]) => platform.db.$client.prepare(text).get(...params) as T;

  it("gives county and department tokens the lines, with totals over every match", async () => {
    const all = sql<{ n: number; fen: number }>("SELECT count(*) AS n, sum(amount_fen) AS fen FROM subsidy_lines");
    for (const token of [tokens.county, tokens.department]) {
      const { status, body } = await get("?limit=2", token);
      expect(status).toBe(200);
      expect(body.lines).toHaveLength(2);
      expect(body.total).toBe(all.n);
      expect(body.amount_total).toBe(all.fen / 100);
    }
  });

  it("refuses a town token (403) and no token (401)", async () => {
    const town = await get("", tokens.town);
    expect(town.status).toBe(403);
    expect(town.body.message).toMatch(/\p{Script=Han}/u);
    expect((await get("")).status).toBe(401);
  });

  it("filters by policy, period and status; an unknown policy matches nothing", async () => {
    const jt = sql<{ n: number }>("SELECT count(*) AS n FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = 'API-JT'");
    const { body } = await get("?policy=API-JT&period=2025&limit=500", tokens.county);
    expect(body.total).toBe(jt.n);
    expect(body.lines.every((l) => l.policy === "API-JT" && l.period === "2025" && l.kind === "交通补贴")).toBe(true);
    expect(body.amount_total).toBe((jt.n * 60_050) / 100);
    expect(body.lines[0]!.amount).toBe(600.5);
    const approved = await get("?policy=API-JT&status=已审核", tokens.county);
    expect(approved.body.total).toBe(1);
    expect(approved.body.lines[0]!.status).toBe("已审核");
    expect((await get("?policy=NOPE", tokens.county)).body).toEqual({ lines: [], total: 0, amount_total: 0 });
    expect((await get("?period=2025-1", tokens.county)).status).toBe(400);
    expect((await get("?status=已付款", tokens.county)).status).toBe(400);
    expect((await get("?limit=501", tokens.county)).status).toBe(400);
  });

  it("pays the employer for 吸纳就业补贴 and the worker otherwise, with the worker's household, place and months", async () => {
    const xn = (await get("?policy=API-XN&limit=1", tokens.county)).body.lines[0]!;
    const employer = sql<{ code: string; name: string }>("SELECT e.code, e.name FROM subsidy_lines l JOIN employers e ON e.id = l.employer_id WHERE l.id = ?", xn.id);
    expect(xn.payee).toEqual({ type: "employer", code: employer.code, name: employer.name });
    expect(xn.months.length).toBeGreaterThanOrEqual(6);
    expect(xn.months.every((m) => /^2025-\d\d$/.test(m))).toBe(true);
    const jt = (await get("?policy=API-JT&limit=1", tokens.county)).body.lines[0]!;
    expect(jt.payee).toEqual({ type: "worker", name: jt.worker.name });
    const worker = sql<{ household: string; town: string; village: string }>(
      "SELECT h.code AS household, t.name AS town, v.name AS village FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id JOIN households h ON h.id = w.household_id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id WHERE l.id = ?",
      jt.id,
    );
    expect(jt.worker).toMatchObject(worker);
    expect(jt.reverses).toBeUndefined();
  });

  it("finds a worker's lines by a whole ID number only, and never sends one in full", async () => {
    const { status, body } = await get(`?id_number=${fullId}`, tokens.county);
    expect(status).toBe(200);
    expect(body.total).toBe(workerLines);
    expect(body.lines[0]!.worker.id_number_masked).toContain("*");
    const everything = JSON.stringify((await get("?limit=500", tokens.county)).body);
    expect(everything).not.toContain(fullId);
    const part = await get(`?id_number=${fullId.slice(0, 10)}`, tokens.county);
    expect(part.status).toBe(400);
    expect(part.body.message).toContain("参数 id_number 不对");
    const badCheck = `${fullId.slice(0, 17)}${fullId.at(-1) === "0" ? "1" : "0"}`;
    expect((await get(`?id_number=${badCheck}`, tokens.county)).status).toBe(400);
  });
});
