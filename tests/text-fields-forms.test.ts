/**
 * The text reproductions through the pages (real database): NUL and ESC typed into a
 * posting title, an applicant's name and note, a gate hire's name, a manager's note and an
 * alert note are stored clean; an over-long title is refused next to its field with what was
 * typed kept. Every form's text goes through src/core/text-fields.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "文字规则测试的密码2026";
const ESC = "\u001b";
const NUL = "\u0000";

describe("text typed into forms", () => {
  let platform: TestPlatform;
  let manager: WebClient;
  let town: WebClient;
  let employer: { id: number; code: string };
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "text-fields-forms" });
    employer = one("SELECT e.id, e.code FROM employers e WHERE EXISTS (SELECT 1 FROM postings p WHERE p.employer_id = e.id) ORDER BY e.id LIMIT 1");
    await createAccount(platform.db, { role: "manager", login: "text-manager", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    manager = webClient(platform.app);
    expect((await manager.login("text-manager", PASSWORD)).status).toBe(303);
    const household = one<{ id: number; townId: number; town: string }>(
      "SELECT h.id, v.town_id AS townId, t.name AS town FROM households h JOIN workers w ON w.household_id = h.id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id ORDER BY h.id LIMIT 1",
    );
    await createAccount(platform.db, { role: "town", login: "text-town", password: PASSWORD, townName: household.town, by: { label: "test" } });
    town = webClient(platform.app);
    expect((await town.login("text-town", PASSWORD)).status).toBe(303);
    platform.db.$client
      .prepare("INSERT INTO alerts (household_id, town_id, kind, detail, raised_date) VALUES (?, ?, 'zero-employment', ?, '2026-11-20')")
      .run(household.id, household.townId, JSON.stringify({ kind: "zero-employment", jobSeekers: [] }));
  }, 120_000);
  afterAll(() => platform?.close());

  it("stores a posting title typed with ESC and NUL without them", async () => {
    await manager.text(await manager.get("/manage/postings/new"));
    const res = await manager.post("/manage/postings/new", { title: `缝纫工${ESC}[31m${NUL}`, headcount: "2", description: `第一行${NUL}\r\n第二行${ESC}` });
    expect(res.status).toBe(303);
    const posting = one<{ title: string; description: string }>("SELECT title, description FROM postings WHERE employer_id = ? ORDER BY id DESC LIMIT 1", employer.id);
    expect(posting).toEqual({ title: "缝纫工[31m", description: "第一行\n第二行" });
  });

  it("refuses a 61-character title next to its field, keeping what was typed", async () => {
    await manager.text(await manager.get("/manage/postings/new"));
    const before = one<{ n: number }>("SELECT count(*) AS n FROM postings").n;
    const res = await manager.post("/manage/postings/new", { title: "岗".repeat(61), headcount: "2" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("岗位名称不能超过 60 个字。");
    expect(html).toContain(`value="${"岗".repeat(61)}"`);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM postings").n).toBe(before);
  });

  it("stores an applicant's name and note typed with NUL and ESC without them", async () => {
    const posting = one<{ code: string }>("SELECT code FROM postings WHERE status = '招聘中' AND (closing_date IS NULL OR closing_date >= ?) ORDER BY id LIMIT 1", TEST_TODAY);
    const visitor = webClient(platform.app);
    await visitor.text(await visitor.get(`/jobs/${posting.code}`));
    const res = await visitor.post(`/jobs/${posting.code}/apply`, { name: `张${NUL}三${ESC}`, phone: "13811112222", village: `上村${NUL}`, note: `下午${ESC}[2J有空` });
    expect(res.status).toBe(200);
    const row = one<{ name: string; village: string; note: string }>("SELECT applicant_name AS name, applicant_village AS village, note FROM applications WHERE applicant_phone = '13811112222'");
    expect(row).toEqual({ name: "张三", village: "上村", note: "下午[2J有空" });
  });

  it("stores a gate hire's name typed with ESC without it, and a manager's note without NUL", async () => {
    await manager.text(await manager.get("/manage/roster"));
    expect((await manager.post("/manage/roster", { name: `李${ESC}四${NUL}`, phone: "13900001113", startDate: TEST_TODAY, monthlyIncome: "2000" })).status).toBe(303);
    expect(one<{ name: string }>("SELECT name FROM pending_hires WHERE phone = '13900001113'").name).toBe("李四");

    const application = one<{ id: number }>("SELECT a.id FROM applications a JOIN postings p ON p.id = a.posting_id WHERE p.employer_id = ? ORDER BY a.id LIMIT 1", employer.id);
    if (!application) return;
    await manager.text(await manager.get("/manage/applicants"));
    expect((await manager.post(`/manage/applicants/${application.id}/note`, { managerNote: `已电话${NUL}联系${ESC}` })).status).toBe(303);
    expect(one<{ note: string }>("SELECT manager_note AS note FROM applications WHERE id = ?", application.id).note).toBe("已电话联系");
  });

  it("stores an alert note typed with ESC without it", async () => {
    const alert = one<{ id: number }>("SELECT id FROM alerts ORDER BY id DESC LIMIT 1");
    await town.text(await town.get(`/bureau/alerts/${alert.id}`));
    expect((await town.post(`/bureau/alerts/${alert.id}/notes`, { date: TEST_TODAY, note: `入户走访${ESC}[0m${NUL}` })).status).toBe(303);
    expect(one<{ note: string }>("SELECT note FROM alert_notes WHERE alert_id = ? ORDER BY id DESC LIMIT 1", alert.id).note).toBe("入户走访[0m");
  });
});
