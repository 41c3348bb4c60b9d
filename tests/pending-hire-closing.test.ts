/**
 * Closing a pending hire without a placement, over HTTP: the bureau refuses one (不予录用) with a
 * reason the manager then reads on the roster; a manager withdraws their own. Each is one
 * transaction with its audit row (in Chinese, naming the person); the line leaves the worklist,
 * the roster and the posting's openings, and the application goes back to 已联系. Another town's
 * cadre and another employer's manager reach neither.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { applyThroughPublicForm } from "./support/application-fixture.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "车间负责人的密码2026";
const STAFF_PASSWORD = "县里的工作人员密码2026";

describe("refusing and withdrawing a pending hire", () => {
  let platform: TestPlatform;
  let manager: WebClient;
  let otherManager: WebClient;
  let county: WebClient;
  let otherCadre: WebClient;
  let employer: { id: number; code: string; townId: number; town: string };
  let posting: { id: number; code: string };
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;
  const count = (query: string, ...params: unknown[]) => one<{ n: number }>(query, ...params).n;
  const snapshot = () =>
    JSON.stringify([
      one("SELECT count(*) n, max(updated_at) u FROM pending_hires"),
      one("SELECT count(*) n, max(updated_at) u FROM applications"),
      one("SELECT count(*) n FROM audit_log"),
      one("SELECT count(*) n FROM search_outbox"),
    ]);

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "pending-closing" });
    employer = one(
      `SELECT e.id, e.code, e.town_id AS townId, t.name AS town FROM employers e JOIN towns t ON t.id = e.town_id
       WHERE EXISTS (SELECT 1 FROM postings p WHERE p.employer_id = e.id AND p.status = '招聘中' AND p.headcount >= 5) ORDER BY e.id LIMIT 1`,
    );
    posting = one("SELECT id, code FROM postings WHERE employer_id = ? AND status = '招聘中' AND headcount >= 5 ORDER BY id LIMIT 1", employer.id);
    const other = one<{ code: string }>("SELECT code FROM employers WHERE id <> ? ORDER BY id LIMIT 1", employer.id);
    const otherTown = one<{ name: string }>("SELECT name FROM towns WHERE id <> ? ORDER BY id LIMIT 1", employer.townId).name;
    await createAccount(platform.db, { role: "manager", login: "13700000061", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    await createAccount(platform.db, { role: "manager", login: "13700000062", password: PASSWORD, employerCode: other.code, by: { label: "test" } });
    await createAccount(platform.db, { role: "county", login: "county-close", password: STAFF_PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "town-close-other", password: STAFF_PASSWORD, townName: otherTown, by: { label: "test" } });
    manager = webClient(platform.app);
    otherManager = webClient(platform.app);
    county = webClient(platform.app);
    otherCadre = webClient(platform.app);
    expect((await manager.login("13700000061", PASSWORD)).status).toBe(303);
    expect((await otherManager.login("13700000062", PASSWORD)).status).toBe(303);
    expect((await county.login("county-close", STAFF_PASSWORD)).status).toBe(303);
    expect((await otherCadre.login("town-close-other", STAFF_PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  let refusedId = 0;
  let applicationId = 0;

  it("the bureau refuses a pending hire: a reason is required (typed text kept), then it is closed, audited in Chinese, and off the worklist", async () => {
    // Someone outside the registry applies and is hired: a pending hire from the posting.
    applicationId = await applyThroughPublicForm(platform, { postingCode: posting.code, name: "查无此人", phone: "19900006161" });
    await manager.text(await manager.get(`/manage/applicants/${applicationId}/hire`));
    expect((await manager.post(`/manage/applicants/${applicationId}/hire`, { startDate: TEST_TODAY, monthlyIncome: "2300" })).status).toBe(303);
    refusedId = one<{ id: number }>("SELECT id FROM pending_hires WHERE application_id = ?", applicationId).id;
    const working = () => count("SELECT count(*) n FROM pending_hires WHERE posting_id = ? AND placement_id IS NULL AND closed_as IS NULL", posting.id);
    expect(working()).toBe(1);

    const page = await county.text(await county.get(`/bureau/confirmations/pending/${refusedId}`));
    expect(page).toContain(`action="/bureau/confirmations/pending/${refusedId}/reject"`);
    expect(page).toContain("不予录用的原因");

    // Another town's cadre reaches neither the page nor the action.
    expect((await otherCadre.get(`/bureau/confirmations/pending/${refusedId}`)).status).toBe(404);
    await otherCadre.text(await otherCadre.get("/bureau/confirmations"));
    const before = snapshot();
    expect((await otherCadre.post(`/bureau/confirmations/pending/${refusedId}/reject`, { reason: "越权" })).status).toBe(404);
    expect(snapshot()).toBe(before);

    // Without a reason: refused beside the field, nothing written.
    await county.text(await county.get(`/bureau/confirmations/pending/${refusedId}`));
    const blank = await county.post(`/bureau/confirmations/pending/${refusedId}/reject`, { reason: "   " });
    expect(blank.status).toBe(400);
    const blankHtml = await county.text(blank);
    expect(blankHtml).toContain('id="reason-error"');
    expect(blankHtml).toContain("请写明不予录用的原因");
    const long = await county.post(`/bureau/confirmations/pending/${refusedId}/reject`, { reason: "太长".repeat(101) });
    expect(long.status).toBe(400);
    expect(await county.text(long)).toContain(`value="${"太长".repeat(101)}"`);
    expect(snapshot()).toBe(before);

    const res = await county.post(`/bureau/confirmations/pending/${refusedId}/reject`, { reason: "台账和公安户籍均查无此人" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/bureau/confirmations?done=refused");
    const staffId = one<{ id: number }>("SELECT id FROM users WHERE login = 'county-close'").id;
    expect(one("SELECT closed_as AS a, closed_reason AS r, closed_by_user_id AS u, placement_id AS p FROM pending_hires WHERE id = ?", refusedId)).toEqual({
      a: "rejected",
      r: "台账和公安户籍均查无此人",
      u: staffId,
      p: null,
    });
    const audit = one<{ actor_user_id: number; after: string }>("SELECT actor_user_id, after FROM audit_log WHERE entity = 'pending-hire' AND entity_id = ? ORDER BY id DESC LIMIT 1", String(refusedId));
    expect(audit.actor_user_id).toBe(staffId);
    expect(JSON.parse(audit.after)).toMatchObject({ closedAs: "rejected", reason: "人社局不予录用：台账和公安户籍均查无此人" });
    expect(audit.after).not.toContain("19900006161");
    // The application goes back to 已联系, audited; the posting's openings are re-indexed.
    expect(one<{ status: string }>("SELECT status FROM applications WHERE id = ?", applicationId).status).toBe("已联系");
    expect(count("SELECT count(*) n FROM audit_log WHERE entity = 'application' AND entity_id = ? AND after LIKE '%已联系%'", String(applicationId))).toBe(1);
    expect(working()).toBe(0);
    expect(count("SELECT count(*) n FROM search_outbox WHERE entity = 'posting' AND entity_id = ?", posting.id)).toBeGreaterThan(0);

    const worklist = await county.text(await county.get("/bureau/confirmations?done=refused"));
    expect(worklist).toContain("已不予录用");
    expect(worklist).not.toContain(`data-line="pending-${refusedId}"`);
    // Refusing again: it has been dealt with.
    expect((await county.get(`/bureau/confirmations/pending/${refusedId}`)).status).toBe(404);
  });

  it("the manager sees the refusal and why on the roster, not among who works there", async () => {
    const roster = await manager.text(await manager.get("/manage/roster"));
    expect(roster).not.toContain(`data-line="pending-${refusedId}"`);
    const refused = roster.slice(roster.indexOf(`data-refused="${refusedId}"`));
    expect(refused.slice(0, refused.indexOf("</li>"))).toContain("人社局未通过核实：台账和公安户籍均查无此人");
    expect((await manager.get(`/manage/roster/pending/${refusedId}`)).status).toBe(404);
    // The application may be hired again, from 已联系.
    expect(await manager.text(await manager.get("/manage/applicants"))).toContain(`href="/manage/applicants/${applicationId}/hire`);
  });

  it("a manager withdraws their own pending hire (another manager cannot); it leaves the roster and the worklist, audited", async () => {
    await manager.text(await manager.get("/manage/roster"));
    expect((await manager.post("/manage/roster", { name: "录错的人", phone: "19900006262", startDate: TEST_TODAY, monthlyIncome: "2000" })).status).toBe(303);
    const id = one<{ id: number }>("SELECT id FROM pending_hires WHERE employer_id = ? AND name = '录错的人'", employer.id).id;
    const line = await manager.text(await manager.get(`/manage/roster/pending/${id}`));
    expect(line).toContain(`action="/manage/roster/pending/${id}/withdraw"`);

    await otherManager.text(await otherManager.get("/manage/roster"));
    const before = snapshot();
    expect((await otherManager.post(`/manage/roster/pending/${id}/withdraw`, { withdrawReason: "不是我的" })).status).toBe(404);
    expect(snapshot()).toBe(before);

    await manager.text(await manager.get(`/manage/roster/pending/${id}`));
    const res = await manager.post(`/manage/roster/pending/${id}/withdraw`, { withdrawReason: "录错了人" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/manage/roster?done=withdrawn");
    expect(one("SELECT closed_as AS a, closed_reason AS r FROM pending_hires WHERE id = ?", id)).toEqual({ a: "withdrawn", r: "录错了人" });
    const audit = one<{ actor_user_id: number | null; after: string }>("SELECT actor_user_id, after FROM audit_log WHERE entity = 'pending-hire' AND entity_id = ? ORDER BY id DESC LIMIT 1", String(id));
    expect(audit.actor_user_id).toBe(one<{ id: number }>("SELECT id FROM users WHERE login = '13700000061'").id);
    expect(JSON.parse(audit.after)).toMatchObject({ closedAs: "withdrawn", reason: "车间负责人撤销录用：录错了人" });

    const roster = await manager.text(await manager.get("/manage/roster?done=withdrawn"));
    expect(roster).toContain("已撤销这条录用");
    expect(roster).not.toContain("录错的人");
    expect(await county.text(await county.get("/bureau/confirmations"))).not.toContain(`data-line="pending-${id}"`);
    // Withdrawn once: there is no line left to withdraw.
    expect((await manager.post(`/manage/roster/pending/${id}/withdraw`, { withdrawReason: "" })).status).toBe(404);
  });

  it("the database keeps a closed line closed and never both matched and closed", () => {
    expect(() => platform.db.$client.prepare("UPDATE pending_hires SET closed_reason = 'x' WHERE id = ?").run(refusedId)).toThrow(/closed pending hire/);
    const open = platform.db.$client
      .prepare("INSERT INTO pending_hires (employer_id, name, phone, start_date) VALUES (?, '测试', '19900006363', ?) RETURNING id")
      .get(employer.id, TEST_TODAY) as { id: number };
    const placement = one<{ id: number }>("SELECT id FROM placements ORDER BY id LIMIT 1").id;
    platform.db.$client.prepare("UPDATE pending_hires SET placement_id = ? WHERE id = ?").run(placement, open.id);
    expect(() => platform.db.$client.prepare("UPDATE pending_hires SET closed_as = 'rejected' WHERE id = ?").run(open.id)).toThrow(/matched or closed/);
  });
});
