/**
 * Settings are data: an admin changes them on /bureau/settings (a real form, over HTTP), each
 * change lands in the audit log, and reaches every figure that uses it — the income line decides
 * whether an income alert is raised, the overdue days which alerts are overdue, the baseline date
 * the statistics' baseline figure. County staff read the page; only an admin changes it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createApiToken } from "../src/use-cases/accounts.ts";
import { sweepRiskAlerts } from "../src/use-cases/risk-alerts.ts";
import { currentSettings } from "../src/use-cases/settings.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "设置页面测试密码2026";
const D = "2026-11-23";
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const BLANK = { countyName: "", countyProvince: "", baselineDate: "", incomeLinePerPersonMonth: "", alertOverdueDays: "", noticeDays: "" };

describe("the settings page", () => {
  let platform: TestPlatform;
  let admin: WebClient;
  let county: WebClient;
  const sql = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).all(...params) as T[];
  const signIn = async (login: string, role: "admin" | "county" | "town"): Promise<WebClient> => {
    await createAccount(platform.db, { role, login, password: PASSWORD, ...(role === "town" ? { townName: "甲镇" } : {}), by: { label: "test" } });
    const web = webClient(platform.app);
    expect((await web.login(login, PASSWORD)).status).toBe(303);
    return web;
  };
  /** Posts the whole form as the page shows it, with `changes` typed in. */
  const save = async (web: WebClient, changes: Partial<typeof BLANK>) => {
    const page = await web.text(await web.get("/bureau/settings"));
    const shown = Object.fromEntries(Object.keys(BLANK).map((k) => [k, page.match(new RegExp(`name="${k}"[^>]*value="([^"]*)"`))?.[1] ?? ""]));
    return web.post("/bureau/settings", { ...shown, ...changes });
  };
  const settingAudits = () =>
    sql<{ actor_label: string; entity_id: string; before: string; after: string }>("SELECT actor_label, entity_id, before, after FROM audit_log WHERE entity = 'setting' AND actor_label <> 'environment' ORDER BY id");

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "settings", demoData: false, today: D });
    // One 帮扶对象 household of three: one member works since 2026-01-01 for 1,500 yuan a month,
    // which is 500 yuan per person — on the default line, not below it.
    const db = platform.db.$client;
    db.exec(`
      INSERT INTO towns (id, name) VALUES (1, '甲镇');
      INSERT INTO villages (id, town_id, name, lat, lng) VALUES (1, 1, '甲村', 25.9, 115.4);
      INSERT INTO households (id, code, category, village_id, size) VALUES (1, 'H001', '脱贫户', 1, 3);
      INSERT INTO workers (id, household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, village_id, labour_ability, willing_to_work)
        VALUES (1, 1, '张三', 'hash-1', 'x', 'x', '1980-05-01', '男', 1, '有劳动能力', 1);
      INSERT INTO employers (id, code, name, type, town_id) VALUES (1, 'E001', '甲村帮扶车间', '帮扶车间', 1);
      INSERT INTO placements (id, worker_id, employer_id, start_date, monthly_income) VALUES (1, 1, 1, '2026-01-01', 1500);
    `);
    await platform.statistics.fresh();
    admin = await signIn("admin1", "admin");
    county = await signIn("county1", "county");
  });
  afterAll(() => platform?.close());

  it("shows the environment's defaults in force", async () => {
    const page = await admin.text(await admin.get("/bureau/settings"));
    expect(page).toContain("示范县");
    expect(page).toContain("RISK_INCOME_LINE_MONTHLY");
    expect(page).toMatch(/class="setting-incomeLinePerPersonMonth">500</);
    expect(page).toMatch(/class="setting-baselineDate">2020-12-31</);
  });

  it("raises an income alert once the income line is raised above the household's income, and audits the change", async () => {
    expect(await sweepRiskAlerts({ db: platform.db }, D)).toBe(0);
    const res = await save(admin, { incomeLinePerPersonMonth: "600" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/bureau/settings?saved=1");
    expect(await admin.text(await admin.get("/bureau/settings?saved=1"))).toContain("已保存 1 项修改");
    expect(currentSettings(platform.db).incomeLinePerPersonMonth).toBe(600);
    expect(settingAudits()).toEqual([
      {
        actor_label: "admin1",
        entity_id: "incomeLinePerPersonMonth",
        before: JSON.stringify({ override: null, value: 500 }),
        after: JSON.stringify({ override: "600", value: 600 }),
      },
    ]);
    // The audit page lists it for county staff.
    expect(await county.text(await county.get("/bureau/audit?entity=setting"))).toContain("incomeLinePerPersonMonth");

    expect(await sweepRiskAlerts({ db: platform.db }, D)).toBe(1);
    const alerts = sql<{ kind: string; detail: string }>("SELECT kind, detail FROM alerts WHERE household_id = 1");
    expect(alerts.map((a) => a.kind)).toEqual(["low-income"]);
    expect(JSON.parse(alerts[0]!.detail)).toMatchObject({ perPersonMonth: 500, line: 600 });
  });

  it("lists an alert as overdue once the overdue days are fewer than its days without action", async () => {
    platform.db.$client.prepare("UPDATE alerts SET raised_date = ? WHERE household_id = 1").run(daysBefore(D, 5));
    const overdueList = async () => admin.text(await admin.get("/bureau/alerts?overdue=1"));
    // Five days old: not overdue after the default seven.
    expect(await overdueList()).not.toContain("H001");
    expect((await save(admin, { alertOverdueDays: "3" })).status).toBe(303);
    const list = await overdueList();
    expect(list).toContain("H001");
    expect(list).toContain("超过 3 天");
    expect(settingAudits().at(-1)).toMatchObject({ entity_id: "alertOverdueDays", after: JSON.stringify({ override: "3", value: 3 }) });
  });

  it("moves the statistics' baseline figure with the baseline date", async () => {
    const change = async () => {
      const page = await admin.text(await admin.get(`/bureau/stats?date=${D}`));
      const m = page.match(/（(\d{4}-\d{2}-\d{2})）<\/dt><dd>([+-]?\d+)<\/dd>/);
      return m ? { baseline: m[1], change: m[2] } : undefined;
    };
    const token = createApiToken(platform.db, { role: "county", name: "县统计局", by: { label: "test" } }).token;
    const apiBaseline = async () => {
      const res = await platform.app.request(`/api/v1/stats/employment?date=${D}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { rows: { key: string; employed_baseline: number }[] }).rows.at(-1)!.employed_baseline;
    };
    // Employed since 2026-01-01: one more than at the end of 2020.
    expect(await change()).toEqual({ baseline: "2020-12-31", change: "+1" });
    expect(await apiBaseline()).toBe(0);
    expect((await save(admin, { baselineDate: "2026-06-30" })).status).toBe(303);
    expect(await change()).toEqual({ baseline: "2026-06-30", change: "0" });
    // The API's default baseline is the same setting.
    expect(await apiBaseline()).toBe(1);
    // Back to the default: an empty field clears the override.
    expect((await save(admin, { baselineDate: "" })).status).toBe(303);
    expect(await change()).toEqual({ baseline: "2020-12-31", change: "+1" });
    expect(settingAudits().at(-1)).toMatchObject({ entity_id: "baselineDate", after: JSON.stringify({ override: null, value: "2020-12-31" }) });
  });

  it("refuses bad values with a Chinese message beside each field, keeps what was typed, and changes nothing", async () => {
    const before = settingAudits().length;
    const res = await save(admin, { baselineDate: "2027-01-01", noticeDays: "45", countyName: "<b>县</b>" });
    expect(res.status).toBe(422);
    const page = await admin.text(res);
    expect(page).toContain("基线日期不能晚于今天");
    expect(page).toContain("应在 1 到 30 之间");
    expect(page).toContain("县名只能是文字");
    expect(page).toMatch(/name="noticeDays"[^>]*value="45"/);
    expect(page).toMatch(/name="baselineDate"[^>]*value="2027-01-01"/);
    expect(page).toMatch(/name="countyName"[^>]*value="&lt;b&gt;县&lt;\/b&gt;"/);
    expect(page).toMatch(/aria-invalid="true"/);
    expect(settingAudits()).toHaveLength(before);
    expect(currentSettings(platform.db).noticeDays).toBe(7);
  });

  it("lets county staff read the settings but not change them; a town cadre and a visitor get neither", async () => {
    const page = await county.text(await county.get("/bureau/settings"));
    expect(page).toContain("只有系统管理员可以修改设置");
    expect(page).not.toContain('action="/bureau/settings"');
    const before = settingAudits().length;
    expect((await county.post("/bureau/settings", { ...BLANK, noticeDays: "10" })).status).toBe(403);
    expect(currentSettings(platform.db).noticeDays).toBe(7);
    expect(settingAudits()).toHaveLength(before);
    const town = await signIn("town1", "town");
    expect((await town.get("/bureau/settings")).status).toBe(403);
    const visitor = await webClient(platform.app).get("/bureau/settings");
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("Location")).toMatch(/^\/login/);
  });

  it("shows the county name it is given", async () => {
    expect((await save(admin, { countyName: "横峰县", countyProvince: "江西省" })).status).toBe(303);
    expect(currentSettings(platform.db)).toMatchObject({ countyName: "横峰县", countyProvince: "江西省" });
    expect(await admin.text(await admin.get("/bureau/settings"))).toContain("横峰县 · 平台设置");
  });
});
