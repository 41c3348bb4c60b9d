/**
 * 补贴明细 pages (read-only): county staff list the demo county's computed lines and open one
 * line's trail; nobody else sees a line; the list shows masked ID numbers only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coveredMonthsOf, type LineSnapshot } from "../src/core/subsidies/reconcile.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { computeSubsidies } from "../src/use-cases/subsidies-compute.ts";
import { savePolicy } from "../src/use-cases/subsidies-policies.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "补贴明细测试密码2026";

describe("bureau subsidy pages", () => {
  let platform: TestPlatform;
  let county: WebClient;
  const others: Record<string, WebClient> = {};
  let lineId: number;
  let newestId: number;
  let idNumber: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "subsidy-pages" });
    const db = platform.db;
    savePolicy({ db }, {
      input: { code: "JT-2025", name: "跨省务工交通补贴", kind: "交通补贴", amountFen: 80_000, minMonths: null, maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, startDate: "2025-01-01", endDate: null, fundSource: "衔接资金" },
      by: { label: "test" },
      now: new Date("2026-11-23T02:00:00Z"),
    });
    const outcome = computeSubsidies({ db, protector: platform.protector }, { policyCode: "JT-2025", period: "2025", countyProvince: "江西省", by: { label: "test" }, now: new Date("2026-11-23T02:00:00Z") });
    if (outcome.status !== "done" || outcome.addedIds.length === 0) throw new Error(`the demo county should have transport lines: ${JSON.stringify(outcome)}`);
    lineId = outcome.addedIds[0]!;
    newestId = outcome.addedIds.at(-1)!;
    const row = db.$client.prepare("SELECT w.id_number_cipher AS c FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id WHERE l.id = ?").get(lineId) as { c: string };
    idNumber = platform.protector.decrypt(row.c);

    const town = db.$client.prepare("SELECT name FROM towns ORDER BY id LIMIT 1").get() as { name: string };
    const employer = db.$client.prepare("SELECT code FROM employers ORDER BY id LIMIT 1").get() as { code: string };
    await createAccount(db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
    await createAccount(db, { role: "town", login: "cadre", password: PASSWORD, townName: town.name, by: { label: "test" } });
    await createAccount(db, { role: "manager", login: "manager", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    await createAccount(db, { role: "seeker", login: "13800001111", password: PASSWORD, by: { label: "test" } });
    county = webClient(platform.app);
    await county.login("county", PASSWORD);
    for (const login of ["cadre", "manager", "13800001111"]) {
      others[login] = webClient(platform.app);
      await others[login]!.login(login, PASSWORD);
    }
  });
  afterAll(() => platform?.close());

  it("lists the lines with policy, period, months and amount, and totals every match", async () => {
    const res = await county.get("/bureau/subsidies?policy=JT-2025&period=2025");
    expect(res.status).toBe(200);
    const html = await res.text();
    // The demo county has lines of its own policies too (src/use-cases/load-demo-subsidies.ts).
    const { total, counted } = platform.db.$client
      .prepare("SELECT count(*) AS total, sum(CASE WHEN l.status IN ('已驳回', '已撤回') THEN 0 ELSE l.amount_fen END) / 100 AS counted FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = 'JT-2025'")
      .get() as { total: number; counted: number };
    // Rejected and withdrawn lines are counted but add no yuan: they will never be paid.
    expect(html).toContain(`共 ${total} 条，合计 ${counted} 元（不含已驳回、已撤回的明细）`);
    expect(html).toContain(`href="/bureau/subsidies/${newestId}"`);
    expect(html).not.toContain(idNumber);
    expect(await (await county.get("/bureau/subsidies?policy=JT-2025&status=已发放")).text()).toContain("没有符合条件的明细");
  });

  it("refuses a malformed period or an unknown policy with a message", async () => {
    const bad = await county.get("/bureau/subsidies?period=2025-13");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("期间格式不对");
    const unknown = await county.get("/bureau/subsidies?policy=NOPE");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("没有这个政策");
  });

  it("shows a line's trail: policy version, placements, days per month, who computed it", async () => {
    const res = await county.get(`/bureau/subsidies/${lineId}`);
    expect(res.status, platform.logLines.filter((l) => l.includes("error")).join("\n")).toBe(200);
    const html = await res.text();
    expect(html).toContain("JT-2025 跨省务工交通补贴（交通补贴，第 1 版）");
    expect(html).toContain("金额 800 元");
    expect(html).toContain("衔接资金");
    expect(html).toContain("各月在岗天数");
    // The compute's one audit row names the line among those it added.
    expect(html).toMatch(/计算生成（本次计算共新增 \d+ 条）/);
    expect(html).not.toContain(idNumber);
    const snapshot = JSON.parse((platform.db.$client.prepare("SELECT snapshot FROM subsidy_lines WHERE id = ?").get(lineId) as { snapshot: string }).snapshot) as LineSnapshot;
    for (const p of snapshot.placements) expect(html).toContain(`<td>${p.startDate}</td>`);
    // Every covered month is a row of the days table, whether the snapshot stores them or only the counted ones.
    for (const month of coveredMonthsOf(snapshot)) expect(html).toContain(`<td>${month.month}</td>`);
    // A snapshot stores its covered months only when one of them did not count.
    const snapshots = (platform.db.$client.prepare("SELECT snapshot FROM subsidy_lines WHERE reverses_line_id IS NULL").all() as { snapshot: string }[]).map((r) => JSON.parse(r.snapshot) as LineSnapshot);
    expect(snapshots.length).toBeGreaterThan(0);
    for (const s of snapshots) {
      if (s.coveredMonths) expect(s.coveredMonths.length).toBeGreaterThan(s.countedMonths.length);
      expect(coveredMonthsOf(s).filter((m) => m.days >= 15)).toEqual(s.countedMonths);
    }
    expect((await county.get("/bureau/subsidies/999999")).status).toBe(404);
  });

  it("is for bureau staff only: a town cadre reads (their town's lines), managers and seekers see none", async () => {
    expect((await webClient(platform.app).get("/bureau/subsidies")).status).toBe(303);
    expect((await others.cadre!.get("/bureau/subsidies")).status).toBe(200);
    for (const login of ["manager", "13800001111"]) {
      expect([login, (await others[login]!.get("/bureau/subsidies")).status]).toEqual([login, 403]);
      expect([login, (await others[login]!.get(`/bureau/subsidies/${lineId}`)).status]).toEqual([login, 403]);
    }
  });
});
