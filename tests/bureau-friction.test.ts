/**
 * Issue 10, the bureau's friction: the audit log in Chinese field by field; alerts that county
 * staff assign to county staff too, an "assigned to me" filter, members' phones (per the policy)
 * and applications on the alert, notes signed with the person's name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "人社局摩擦测试密码2026";

describe("the bureau's pages, as county staff use them", () => {
  let platform: TestPlatform;
  let county: WebClient;
  let countyId: number;
  let colleagueId: number;
  let alert: { id: number; householdId: number; townName: string };
  let member: { id: number; name: string; phone: string };
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "bureau-friction" });
    await createAccount(platform.db, { role: "county", login: "county-li", displayName: "李建国", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "county", login: "county-wang", displayName: "王芳", password: PASSWORD, by: { label: "test" } });
    countyId = one<{ id: number }>("SELECT id FROM users WHERE login = 'county-li'").id;
    colleagueId = one<{ id: number }>("SELECT id FROM users WHERE login = 'county-wang'").id;
    alert = one(
      `SELECT a.id, a.household_id AS householdId, t.name AS townName FROM alerts a JOIN towns t ON t.id = a.town_id
       WHERE a.status = 'open' AND EXISTS (SELECT 1 FROM workers w WHERE w.household_id = a.household_id AND w.phone IS NOT NULL) ORDER BY a.id LIMIT 1`,
    );
    member = one("SELECT id, name, phone FROM workers WHERE household_id = ? AND phone IS NOT NULL ORDER BY id LIMIT 1", alert.householdId);
    // An application the household's member made before the alert was followed up.
    const posting = one<{ id: number }>("SELECT id FROM postings WHERE status = '招聘中' ORDER BY id LIMIT 1");
    platform.db.$client
      .prepare("INSERT INTO applications (posting_id, worker_id, applicant_name, applicant_phone, status) VALUES (?, ?, ?, ?, '报名')")
      .run(posting.id, member.id, member.name, member.phone);
    county = webClient(platform.app);
    expect((await county.login("county-li", PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  it("renders the audit log's changes in Chinese, field by field, without raw JSON", async () => {
    const html = await county.text(await county.get("/bureau/audit?entity=user"));
    expect(html).toContain('<th scope="row">账号</th>');
    expect(html).toContain('<th scope="row">角色</th>');
    expect(html).not.toMatch(/&quot;login&quot;|"login":/);
  });

  it("lets county staff assign an alert to a colleague, and filter the alerts assigned to them", async () => {
    const page = await county.text(await county.get(`/bureau/alerts/${alert.id}`));
    expect(page).toContain(`<option value="${colleagueId}"`);
    expect((await county.post(`/bureau/alerts/${alert.id}/assign`, { userId: String(countyId) })).status).toBe(303);
    const mine = await county.text(await county.get("/bureau/alerts?mine=1"));
    expect(mine).toContain(`href="/bureau/alerts/${alert.id}"`);
    expect(mine.match(/class="record-card alert-row"/g)).toHaveLength(1);
    const all = await county.text(await county.get("/bureau/alerts"));
    expect(all.match(/class="record-card alert-row"/g)!.length).toBeGreaterThan(1);
    expect(all).toContain(messages.alertFollowUp.onlyMine);
  });

  it("shows the members' phones and applications on the alert, and signs notes with the person's name", async () => {
    expect((await county.post(`/bureau/alerts/${alert.id}/notes`, { date: TEST_TODAY, note: "电话联系，本人同意去面试" })).status).toBe(303);
    const page = await county.text(await county.get(`/bureau/alerts/${alert.id}`));
    // County staff may see phones in full (src/core/policy.ts canSeeFullPhone).
    expect(page).toContain(`href="tel:${member.phone}"`);
    expect(page).toContain(messages.alertFollowUp.applications);
    expect(page).toMatch(new RegExp(`${member.name}：[^<]+（报名，`));
    expect(page).toMatch(/<p class="muted">\s*2026-11-23 · 李建国/);
  });

  it("masks the phones for a town cadre of the alert's town", async () => {
    await createAccount(platform.db, { role: "town", login: "cadre-friction", townName: alert.townName, password: PASSWORD, by: { label: "test" } });
    const cadre = webClient(platform.app);
    expect((await cadre.login("cadre-friction", PASSWORD)).status).toBe(303);
    const page = await cadre.text(await cadre.get(`/bureau/alerts/${alert.id}`));
    // The policy gives a town cadre full phones of their own town's workers only where it gives full ID numbers.
    expect(page.includes(`tel:${member.phone}`) || page.includes(`${member.phone.slice(0, 3)}****${member.phone.slice(7)}`)).toBe(true);
  });

  it("lists zero-employment households with a person's name, not only a code", async () => {
    const html = await county.text(await county.get("/bureau/zero-employment"));
    const code = html.match(/<a href="\/bureau\/households\/([^"]+)">/)![1]!;
    const head = one<{ name: string }>("SELECT w.name FROM workers w JOIN households h ON h.id = w.household_id WHERE h.code = ? ORDER BY w.id LIMIT 1", decodeURIComponent(code));
    expect(html).toContain(`<th>${messages.zeroEmploymentHead.head}</th>`);
    expect(html).toMatch(new RegExp(`${code}</a>\\s*</td>\\s*<td>${head.name}</td>`));
  });
});
