/**
 * The bureau's confirmation worklist (待核实) over HTTP: a manager's backdated hire and a hire of
 * someone the registry does not hold wait there, saying why; the bureau confirms, refuses a
 * backdated start or matches the person; each decision is audited with its person and the
 * placement then counts in the figures. Town cadres see their own town only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employmentColumns } from "../src/core/stats/columns.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { applyThroughPublicForm } from "./support/application-fixture.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "车间负责人的密码2026";
const STAFF_PASSWORD = "县里的工作人员密码2026";
const BASELINE = "2020-12-31";

describe("the bureau's confirmation worklist", () => {
  let platform: TestPlatform;
  let manager: WebClient;
  let county: WebClient;
  let cadre: WebClient;
  let otherCadre: WebClient;
  let employer: { id: number; code: string; townId: number; town: string };
  let posting: string;
  type Worker = { id: number; name: string; phone: string; household: string };
  let workers: Worker[];
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;
  const all = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).all(...params) as T[];
  const employedAtBaseline = async () =>
    employmentColumns((await platform.statistics.fresh()).columns, { date: TEST_TODAY, baseline: BASELINE, by: "town" }).at(-1)!.employed_baseline;

  const hire = async (applicationId: number, startDate: string) => {
    await manager.text(await manager.get(`/manage/applicants/${applicationId}/hire`));
    const res = await manager.post(`/manage/applicants/${applicationId}/hire`, { startDate, monthlyIncome: "2300" });
    expect(res.status).toBe(303);
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "confirmations" });
    employer = one(
      `SELECT e.id, e.code, e.town_id AS townId, t.name AS town FROM employers e JOIN towns t ON t.id = e.town_id
       WHERE e.type = '帮扶车间' AND EXISTS (SELECT 1 FROM postings p WHERE p.employer_id = e.id AND p.status = '招聘中' AND p.headcount >= 5) ORDER BY e.id LIMIT 1`,
    );
    posting = one<{ code: string }>("SELECT code FROM postings WHERE employer_id = ? AND status = '招聘中' AND headcount >= 5 ORDER BY id LIMIT 1", employer.id).code;
    // Assisted labour-force workers of the employer's town, working nowhere, with phones of their own.
    workers = all<Worker>(
      `SELECT w.id, w.name, w.phone, h.code AS household FROM workers w JOIN households h ON h.id = w.household_id JOIN villages v ON v.id = w.village_id
       WHERE v.town_id = ? AND h.category <> '一般户' AND w.phone IS NOT NULL AND w.labour_ability = '有劳动能力' AND w.birth_date <= '1990-01-01'
         AND (SELECT count(*) FROM workers o WHERE o.phone = w.phone) = 1 AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.worker_id = w.id)
       ORDER BY w.id LIMIT 4`,
      employer.townId,
    );
    expect(workers).toHaveLength(4);
    const otherTown = one<{ name: string }>("SELECT name FROM towns WHERE id <> ? ORDER BY id LIMIT 1", employer.townId).name;
    await createAccount(platform.db, { role: "manager", login: "13700000021", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    await createAccount(platform.db, { role: "county", login: "county-confirm", password: STAFF_PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "town-confirm", password: STAFF_PASSWORD, townName: employer.town, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "town-other", password: STAFF_PASSWORD, townName: otherTown, by: { label: "test" } });
    manager = webClient(platform.app);
    county = webClient(platform.app);
    cadre = webClient(platform.app);
    otherCadre = webClient(platform.app);
    expect((await manager.login("13700000021", PASSWORD)).status).toBe(303);
    expect((await county.login("county-confirm", STAFF_PASSWORD)).status).toBe(303);
    expect((await cadre.login("town-confirm", STAFF_PASSWORD)).status).toBe(303);
    expect((await otherCadre.login("town-other", STAFF_PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  let backdated = 0;
  let pending = 0;

  it("lists a backdated hire and a hire outside the registry, each saying why, with the count on the bureau home; other towns see neither", async () => {
    const a0 = await applyThroughPublicForm(platform, { postingCode: posting, name: workers[0]!.name, phone: workers[0]!.phone });
    await hire(a0, "2020-01-01");
    backdated = one<{ id: number }>("SELECT id FROM placements WHERE worker_id = ?", workers[0]!.id).id;
    // 王桂英 with workers[1]'s phone: not that worker, a pending hire.
    const a1 = await applyThroughPublicForm(platform, { postingCode: posting, name: "王桂英", phone: workers[1]!.phone });
    await hire(a1, TEST_TODAY);
    pending = one<{ id: number }>("SELECT id FROM pending_hires WHERE application_id = ?", a1).id;

    const list = await county.text(await county.get("/bureau/confirmations"));
    expect(list).toContain(`data-line="placement-${backdated}"`);
    expect(list).toContain(`data-line="pending-${pending}"`);
    expect(list).toContain("上岗日期早于 31 天前");
    expect(list).toContain("此人不在帮扶台账中或身份未确认");
    const total = one<{ n: number }>(
      "SELECT (SELECT count(*) FROM placements WHERE needs_confirmation = 1) + (SELECT count(*) FROM pending_hires WHERE placement_id IS NULL) AS n",
    ).n;
    const home = await county.text(await county.get("/bureau"));
    expect(home).toContain(`有 ${total} 条录用待核实`);
    expect(home).toContain('href="/bureau/confirmations"');

    const mine = await cadre.text(await cadre.get("/bureau/confirmations"));
    expect(mine).toContain(`data-line="placement-${backdated}"`);
    const theirs = await otherCadre.text(await otherCadre.get("/bureau/confirmations"));
    expect(theirs).not.toContain(`data-line="placement-${backdated}"`);
    expect(theirs).not.toContain(`data-line="pending-${pending}"`);
    expect((await otherCadre.get(`/bureau/confirmations/placement/${backdated}`)).status).toBe(404);
    expect((await otherCadre.get(`/bureau/confirmations/pending/${pending}`)).status).toBe(404);
  });

  it("confirming the backdated start makes the placement count, with its history and an audit row naming the person", async () => {
    const before = await employedAtBaseline();
    await county.text(await county.get(`/bureau/confirmations/placement/${backdated}`));
    const res = await county.post(`/bureau/confirmations/placement/${backdated}/decide`, { decision: "confirm", note: "查过工资表" });
    expect(res.status).toBe(303);
    expect(one("SELECT needs_confirmation AS n, start_date AS s FROM placements WHERE id = ?", backdated)).toEqual({ n: 0, s: "2020-01-01" });
    expect(await employedAtBaseline()).toBe(before + 1);
    expect(one<{ reason: string }>("SELECT reason FROM placement_revisions WHERE placement_id = ? ORDER BY id DESC LIMIT 1", backdated).reason).toContain("查过工资表");
    const audit = one<{ actor_label: string; actor_user_id: number | null }>(
      "SELECT actor_label, actor_user_id FROM audit_log WHERE entity = 'placement' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      String(backdated),
    );
    expect(audit).toEqual({ actor_label: "county-confirm", actor_user_id: one<{ id: number }>("SELECT id FROM users WHERE login = 'county-confirm'").id });
    expect(await county.text(await county.get("/bureau/confirmations"))).not.toContain(`data-line="placement-${backdated}"`);
  });

  it("refusing a backdated start needs a reason, then starts the placement on the day it was recorded", async () => {
    const a = await applyThroughPublicForm(platform, { postingCode: posting, name: workers[2]!.name, phone: workers[2]!.phone });
    await hire(a, "2019-06-01");
    const id = one<{ id: number }>("SELECT id FROM placements WHERE worker_id = ?", workers[2]!.id).id;
    await cadre.text(await cadre.get(`/bureau/confirmations/placement/${id}`));
    const bare = await cadre.post(`/bureau/confirmations/placement/${id}/decide`, { decision: "recordedStart", note: "" });
    expect(bare.status).toBe(400);
    expect(await cadre.text(bare)).toContain("请写明驳回的理由");
    expect(one<{ n: number }>("SELECT needs_confirmation AS n FROM placements WHERE id = ?", id).n).toBe(1);
    expect((await cadre.post(`/bureau/confirmations/placement/${id}/decide`, { decision: "recordedStart", note: "本人说上月才来" })).status).toBe(303);
    expect(one("SELECT needs_confirmation AS n, start_date AS s FROM placements WHERE id = ?", id)).toEqual({ n: 0, s: TEST_TODAY });
    expect(one<{ actor_label: string }>("SELECT actor_label FROM audit_log WHERE entity = 'placement' AND entity_id = ? ORDER BY id DESC LIMIT 1", String(id)).actor_label).toBe("town-confirm");
  });

  it("matches a pending hire to the registry person found by name: the placement counts and the application is linked", async () => {
    const page = await county.text(await county.get(`/bureau/confirmations/pending/${pending}`));
    // The registry worker whose phone 王桂英 gave is offered, but it is the bureau's call.
    expect(page).toContain(`data-worker="${workers[1]!.id}"`);
    const found = await county.text(await county.get(`/bureau/confirmations/pending/${pending}?q=${encodeURIComponent(workers[3]!.name)}`));
    expect(found).toContain(`data-worker="${workers[3]!.id}"`);
    const res = await county.post(`/bureau/confirmations/pending/${pending}/match`, { workerId: String(workers[3]!.id), start: "given" });
    expect(res.status).toBe(303);
    const placement = one<{ id: number; needs_confirmation: number; employer_id: number }>("SELECT id, needs_confirmation, employer_id FROM placements WHERE worker_id = ?", workers[3]!.id);
    expect(placement).toMatchObject({ needs_confirmation: 0, employer_id: employer.id });
    expect(one<{ p: number }>("SELECT placement_id AS p FROM pending_hires WHERE id = ?", pending).p).toBe(placement.id);
    const application = one<{ worker_id: number; by: number }>(
      "SELECT worker_id, worker_linked_by_user_id AS by FROM applications WHERE id = (SELECT application_id FROM pending_hires WHERE id = ?)",
      pending,
    );
    expect(application.worker_id).toBe(workers[3]!.id);
    expect(application.by).toBe(one<{ id: number }>("SELECT id FROM users WHERE login = 'county-confirm'").id);
    const audits = all<{ entity: string; actor_label: string }>("SELECT entity, actor_label FROM audit_log ORDER BY id DESC LIMIT 3");
    expect(audits.map((a) => a.entity).sort()).toEqual(["application", "pending-hire", "placement"]);
    expect(audits.every((a) => a.actor_label === "county-confirm")).toBe(true);
    // The audit log keeps no phone of the person.
    expect(JSON.stringify(all("SELECT before, after FROM audit_log ORDER BY id DESC LIMIT 3"))).not.toContain(workers[1]!.phone);
    // Matched twice: the second is told it is done, nothing more is written.
    const again = await county.post(`/bureau/confirmations/pending/${pending}/match`, { workerId: String(workers[3]!.id), start: "given" });
    expect(again.status).toBe(303);
    expect(all("SELECT id FROM placements WHERE worker_id = ?", workers[3]!.id)).toHaveLength(1);
  });

  it("a cadre cannot match a pending hire to a worker of another town", async () => {
    const a = await applyThroughPublicForm(platform, { postingCode: posting, name: "外人甲", phone: "19900002222" });
    await hire(a, TEST_TODAY);
    const id = one<{ id: number }>("SELECT id FROM pending_hires WHERE application_id = ?", a).id;
    const stranger = one<{ id: number }>("SELECT w.id FROM workers w JOIN villages v ON v.id = w.village_id WHERE v.town_id <> ? ORDER BY w.id LIMIT 1", employer.townId).id;
    await cadre.text(await cadre.get(`/bureau/confirmations/pending/${id}`));
    expect((await cadre.post(`/bureau/confirmations/pending/${id}/match`, { workerId: String(stranger), start: "given" })).status).toBe(404);
    expect(one<{ p: number | null }>("SELECT placement_id AS p FROM pending_hires WHERE id = ?", id).p).toBeNull();
  });

  it("every change made here names its person: signed-in changes their account, anonymous applications the visitor", () => {
    const rows = all<{ actor_user_id: number | null; actor_label: string | null; entity: string; action: string }>(
      "SELECT actor_user_id, actor_label, entity, action FROM audit_log WHERE actor_label NOT IN ('demo', 'test') OR actor_label IS NULL",
    );
    expect(rows.length).toBeGreaterThan(10);
    const logins = new Map(all<{ id: number; login: string }>("SELECT id, login FROM users").map((u) => [u.login, u.id]));
    for (const r of rows) {
      expect(r.actor_label).toBeTruthy();
      if (r.actor_label === "web") expect([r.entity, r.action]).toEqual(["application", "create"]);
      // A person's change carries their account; other labels are the platform's own jobs.
      if (logins.has(r.actor_label!)) expect(r.actor_user_id).toBe(logins.get(r.actor_label!));
    }
    expect(rows.filter((r) => r.actor_user_id !== null).length).toBeGreaterThan(5);
  });
});
