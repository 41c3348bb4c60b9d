/**
 * Risk alerts end to end on the demo county: ending the last open placement of a 帮扶对象
 * household raises exactly one alert, through each way a placement ends on this branch (a
 * manager's departure and staff ending it on the worker page, over HTTP; the import's hook as a
 * direct call). Then the town follows it up: list, page with suggested postings, assign, note,
 * close; another town's cadre gets 404; an alert nobody acted on shows as overdue.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABOUR_FORCE_ABILITIES, labourForceBirthCutoff } from "../src/core/stats/figures.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { raiseAlertsAfterPlacementChange } from "../src/use-cases/risk-alerts.ts";
import { messages } from "../views/messages.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { runScript } from "./support/run-command.ts";
import { uploadAndWait } from "./support/upload.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "预警测试用的密码2026";
const D = TEST_TODAY;

interface Candidate {
  householdId: number;
  householdCode: string;
  townId: number;
  town: string;
  placementId: number;
  workerId: number;
  employerId: number;
  employerCode: string;
}

describe("risk alerts", () => {
  let platform: TestPlatform;
  const used = new Set<number>();
  const sql = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).all(...params) as T[];

  /**
   * A 帮扶对象 household with a willing labour-force member whose only work at D is one placement at
   * a registry employer, and no alert yet (the demo county starts with the alerts its state calls for).
   */
  const candidate = (notTown?: number): Candidate => {
    const able = LABOUR_FORCE_ABILITIES.map((a) => `'${a}'`).join(",");
    const rows = sql<Candidate>(
      `SELECT h.id AS householdId, h.code AS householdCode, v.town_id AS townId, t.name AS town, p.id AS placementId, p.worker_id AS workerId,
              e.id AS employerId, e.code AS employerCode
       FROM households h JOIN villages v ON v.id = h.village_id JOIN towns t ON t.id = v.town_id
       JOIN workers w ON w.household_id = h.id JOIN placements p ON p.worker_id = w.id JOIN employers e ON e.id = p.employer_id
       WHERE h.category <> '一般户' AND p.end_date IS NULL AND p.start_date <= @d AND v.town_id <> @notTown
         AND (SELECT count(*) FROM placements q JOIN workers m ON m.id = q.worker_id WHERE m.household_id = h.id AND (q.end_date IS NULL OR q.end_date >= @d)) = 1
         AND EXISTS (SELECT 1 FROM workers m WHERE m.household_id = h.id AND m.willing_to_work = 1 AND m.birth_date <= @cut AND m.labour_ability IN (${able}))
         AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.household_id = h.id)
       ORDER BY h.id`,
      { d: D, cut: labourForceBirthCutoff(D), notTown: notTown ?? -1 },
    );
    const found = rows.find((r) => !used.has(r.householdId));
    if (!found) throw new Error("no candidate household in the demo county");
    used.add(found.householdId);
    return found;
  };
  const alertsOf = (householdId: number) => sql<{ id: number; kind: string; status: string; town_id: number }>("SELECT * FROM alerts WHERE household_id = ?", householdId);

  const signIn = async (login: string, role: "town" | "county" | "manager", scope: { townName?: string; employerCode?: string } = {}): Promise<WebClient> => {
    await createAccount(platform.db, { role, login, password: PASSWORD, ...scope, by: { label: "test" } });
    const web = webClient(platform.app);
    expect((await web.login(login, PASSWORD)).status).toBe(303);
    return web;
  };

  let county: WebClient;
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "risk-alerts", today: D });
    county = await signIn("county", "county");
  });
  afterAll(() => platform?.close());

  it("raises exactly one alert when a manager records the departure of the household's last worker", async () => {
    const c = candidate();
    const manager = await signIn("manager1", "manager", { employerCode: c.employerCode });
    await manager.text(await manager.get(`/manage/roster/placement/${c.placementId}`));
    const res = await manager.post(`/manage/roster/placement/${c.placementId}/departure`, { endDate: D, reason: "本人辞职" });
    expect(res.status).toBe(303);
    const alerts = alertsOf(c.householdId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: "zero-employment", status: "open", town_id: c.townId });
    // Asking again at the first day without work (as the import would) raises nothing more while it is open.
    const next = new Date(Date.parse(`${D}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    platform.db.transaction((tx) => raiseAlertsAfterPlacementChange(tx, [c.householdId], next));
    expect(alertsOf(c.householdId)).toHaveLength(1);
    const audit = sql<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE entity = 'alert' AND entity_id = ?", String(alerts[0]!.id));
    expect(audit[0]!.n).toBe(1);
  });

  it("raises exactly one alert when town staff end the household's last placement on the worker page", async () => {
    const c = candidate();
    const cadre = await signIn("cadre-end", "town", { townName: c.town });
    const page = await cadre.text(await cadre.get(`/bureau/workers/${c.workerId}`));
    expect(page).toContain(`/bureau/workers/${c.workerId}/placements/${c.placementId}/end`);
    const bad = await cadre.post(`/bureau/workers/${c.workerId}/placements/${c.placementId}/end`, { endDate: "", reason: "家庭原因" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("日期不存在或格式不对");
    expect(alertsOf(c.householdId)).toHaveLength(0);
    const res = await cadre.post(`/bureau/workers/${c.workerId}/placements/${c.placementId}/end`, { endDate: D, reason: "家庭原因" });
    expect(res.status).toBe(303);
    expect(sql<{ end_date: string }>("SELECT end_date FROM placements WHERE id = ?", c.placementId)[0]!.end_date).toBe(D);
    expect(alertsOf(c.householdId)).toHaveLength(1);
    const again = await cadre.post(`/bureau/workers/${c.workerId}/placements/${c.placementId}/end`, { endDate: D, reason: "家庭原因" });
    expect(again.status).toBe(400);
    expect(alertsOf(c.householdId)).toHaveLength(1);
  });

  it("raises exactly one alert when the import's hook is called after a placement row ends", () => {
    const c = candidate();
    platform.db.transaction((tx) => {
      platform.db.$client.prepare("UPDATE placements SET end_date = ? WHERE id = ?").run(D, c.placementId);
      raiseAlertsAfterPlacementChange(tx, [c.householdId, c.householdId], D, { by: { label: "import" } });
    });
    // Judged on D the placement is still open (it ends that day): nothing yet; the day after, one.
    expect(alertsOf(c.householdId)).toHaveLength(0);
    const next = new Date(Date.parse(`${D}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    platform.db.transaction((tx) => raiseAlertsAfterPlacementChange(tx, [c.householdId], next, { by: { label: "import" } }));
    platform.db.transaction((tx) => raiseAlertsAfterPlacementChange(tx, [c.householdId], next, { by: { label: "import" } }));
    expect(alertsOf(c.householdId)).toHaveLength(1);
  });

  it("raises exactly one alert when the bureau uploads a placements file ending the household's last placement", async () => {
    const c = candidate();
    const row = platform.db.$client.prepare("SELECT w.id_number_cipher AS cipher, p.start_date AS start FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.id = ?").get(c.placementId) as { cipher: string; start: string };
    const csv = `\ufeff身份证号,用工主体编号,开始日期,结束日期\r\n${platform.protector.decrypt(row.cipher)},${c.employerCode},${row.start},${D}\r\n`;
    for (let i = 0; i < 2; i++) {
      const { status, html } = await uploadAndWait(platform.app, county, "placements", { name: "就业记录.csv", content: csv });
      expect(status).toBe(200);
      expect(html).toMatch(/<dd class="rejected">0<\/dd>/);
    }
    expect(alertsOf(c.householdId)).toHaveLength(1);
  });

  it("raises exactly one alert when `npm run import` ends the household's last placement", async () => {
    const c = candidate();
    const row = platform.db.$client.prepare("SELECT w.id_number_cipher AS cipher, p.start_date AS start FROM placements p JOIN workers w ON w.id = p.worker_id WHERE p.id = ?").get(c.placementId) as { cipher: string; start: string };
    // The day before today, so that today the household is without work.
    const yesterday = new Date(Date.parse(`${D}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const file = join(platform.dataDir, "placements.csv");
    writeFileSync(file, `\ufeff身份证号,用工主体编号,开始日期,结束日期\r\n${platform.protector.decrypt(row.cipher)},${c.employerCode},${row.start},${yesterday}\r\n`);
    for (let i = 0; i < 2; i++) {
      const result = await runScript("import", ["placements", file], { DATA_DIR: platform.dataDir });
      expect(result.code, result.stderr).toBe(0);
    }
    expect(alertsOf(c.householdId)).toHaveLength(1);
    expect(alertsOf(c.householdId)[0]).toMatchObject({ status: "open", town_id: c.townId });
  });

  it("raises an income alert when the work left no longer brings the household up to the line", async () => {
    // A 帮扶对象 household where two members each have one open placement and nobody else works.
    const found = sql<{ householdId: number; town: string; a: number; b: number }>(
      `SELECT h.id AS householdId, t.name AS town, min(p.id) AS a, max(p.id) AS b
       FROM households h JOIN villages v ON v.id = h.village_id JOIN towns t ON t.id = v.town_id
       JOIN workers w ON w.household_id = h.id JOIN placements p ON p.worker_id = w.id
       WHERE h.category <> '一般户' AND p.start_date <= @d AND (p.end_date IS NULL OR p.end_date >= @d)
       GROUP BY h.id HAVING count(*) = 2 AND count(DISTINCT p.worker_id) = 2 AND sum(p.end_date IS NULL) = 2
       ORDER BY h.id LIMIT 1`,
      { d: D },
    )[0]!;
    expect(found).toBeDefined();
    const pair = { ...found, workerA: sql<{ w: number }>("SELECT worker_id AS w FROM placements WHERE id = ?", found.a)[0]!.w };
    used.add(pair.householdId);
    platform.db.$client.prepare("UPDATE households SET size = 4 WHERE id = ?").run(pair.householdId);
    platform.db.$client.prepare("UPDATE placements SET monthly_income = CASE id WHEN ? THEN 3000 ELSE 1000 END WHERE id IN (?, ?)").run(pair.a, pair.a, pair.b);
    const cadre = await signIn("cadre-income", "town", { townName: pair.town });
    await cadre.text(await cadre.get(`/bureau/workers/${pair.workerA}`));
    expect((await cadre.post(`/bureau/workers/${pair.workerA}/placements/${pair.a}/end`, { endDate: D, reason: "合同到期" })).status).toBe(303);
    const alerts = alertsOf(pair.householdId);
    expect(alerts.map((a) => a.kind)).toEqual(["low-income"]);
    const page = await (await cadre.get(`/bureau/alerts/${alerts[0]!.id}`)).text();
    expect(page).toContain("人均月收入约 250 元，低于监测线 500 元");
  });

  it("lets the town follow an alert up: list, suggestions, assign, note, close — and keeps other towns out", async () => {
    const c = candidate();
    const other = candidate(c.townId);
    const cadre = await signIn("cadre-a", "town", { townName: c.town });
    const otherCadre = await signIn("cadre-b", "town", { townName: other.town });
    const manager = await signIn("manager2", "manager", { employerCode: c.employerCode });
    await manager.text(await manager.get(`/manage/roster/placement/${c.placementId}`));
    expect((await manager.post(`/manage/roster/placement/${c.placementId}/departure`, { endDate: D, reason: "合同到期" })).status).toBe(303);
    const [alert] = alertsOf(c.householdId);
    expect(alert).toBeDefined();

    const list = await (await cadre.get("/bureau/alerts?status=open")).text();
    expect(list).toContain(`href="/bureau/alerts/${alert!.id}"`);
    expect(await (await otherCadre.get("/bureau/alerts")).text()).not.toContain(`href="/bureau/alerts/${alert!.id}"`);
    expect((await otherCadre.get(`/bureau/alerts/${alert!.id}`)).status).toBe(404);
    expect((await otherCadre.post(`/bureau/alerts/${alert!.id}/notes`, { date: D, note: "越权" })).status).toBe(404);
    expect((await manager.get(`/bureau/alerts/${alert!.id}`)).status).toBe(403);

    const page = await cadre.text(await cadre.get(`/bureau/alerts/${alert!.id}`));
    expect(page).toContain("零就业家庭");
    expect(page).toContain(c.householdCode);
    expect(page).toMatch(/适合的在招岗位/);
    // An open alert offers 代办 for its members' suggestions.
    expect(page).toMatch(/href="\/bureau\/workers\/\d+\/apply\//);

    const cadreId = sql<{ id: number }>("SELECT id FROM users WHERE login = 'cadre-a'")[0]!.id;
    const otherId = sql<{ id: number }>("SELECT id FROM users WHERE login = 'cadre-b'")[0]!.id;
    expect((await cadre.post(`/bureau/alerts/${alert!.id}/assign`, { userId: String(otherId) })).status).toBe(400);
    expect((await cadre.post(`/bureau/alerts/${alert!.id}/assign`, { userId: String(cadreId) })).status).toBe(303);
    expect((await cadre.post(`/bureau/alerts/${alert!.id}/notes`, { date: D, note: "" })).status).toBe(400);
    expect((await cadre.post(`/bureau/alerts/${alert!.id}/notes`, { date: D, note: "入户走访，本人愿意去附近车间" })).status).toBe(303);
    expect((await cadre.post(`/bureau/alerts/${alert!.id}/close`, { outcome: "" })).status).toBe(400);
    // 已就业 needs a placement behind it: refused while nobody in the household is at work.
    const refused = await cadre.post(`/bureau/alerts/${alert!.id}/close`, { outcome: "已就业", note: "已到车间上班" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(messages.alertFollowUp.noPlacement);
    platform.db.$client.prepare("INSERT INTO placements (worker_id, employer_id, start_date) VALUES (?, ?, ?)").run(c.workerId, c.employerId, D);
    expect((await cadre.post(`/bureau/alerts/${alert!.id}/close`, { outcome: "已就业", note: "已到车间上班" })).status).toBe(303);

    const closed = await (await county.get(`/bureau/alerts/${alert!.id}`)).text();
    expect(closed).toContain("入户走访，本人愿意去附近车间");
    expect(closed).toContain("办结：已就业");
    // A closed alert offers no 代办 any more, to county staff nor to the town's cadre.
    expect(closed).not.toMatch(/\/bureau\/workers\/\d+\/apply\//);
    expect(await (await cadre.get(`/bureau/alerts/${alert!.id}`)).text()).not.toMatch(/\/bureau\/workers\/\d+\/apply\//);
    expect(sql<{ status: string; assigned_user_id: number; acted_date: string }>("SELECT * FROM alerts WHERE id = ?", alert!.id)[0]).toMatchObject({
      status: "closed",
      assigned_user_id: cadreId,
      acted_date: D,
    });
  });

  it("shows an alert nobody acted on for more than the set days as overdue", async () => {
    const c = candidate();
    platform.db.$client
      .prepare("INSERT INTO alerts (household_id, town_id, kind, detail, raised_date) VALUES (?, ?, 'zero-employment', ?, '2020-01-01')")
      .run(c.householdId, c.townId, JSON.stringify({ kind: "zero-employment", jobSeekers: [c.workerId] }));
    const [alert] = alertsOf(c.householdId);
    const overdue = await (await county.get("/bureau/alerts?overdue=1")).text();
    expect(overdue).toContain(`href="/bureau/alerts/${alert!.id}"`);
    expect(overdue).toContain("已超期");
    expect(await (await county.get(`/bureau/alerts/${alert!.id}`)).text()).toContain("已超期");
  });
});
