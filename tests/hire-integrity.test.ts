/**
 * Issue 10, data integrity: a manager cannot rewrite the county's history (a backdated hire waits
 * for the bureau and does not count until confirmed), and a phone is not an identity (an
 * applicant is tied to a registry worker on name and phone only).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employmentStats } from "../db/queries/stats.ts";
import { employmentColumns } from "../src/core/stats/columns.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { applyThroughPublicForm } from "./support/application-fixture.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "车间负责人的密码2026";
const BASELINE = "2020-12-31";

describe("hires the bureau must confirm, and applicants linked on name and phone", () => {
  let platform: TestPlatform;
  let web: WebClient;
  let employer: { id: number; code: string };
  let postings: string[];
  /** An assisted registry worker, working nowhere, with a phone of her own. */
  let worker: { id: number; name: string; phone: string; household: string };
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;
  const baselineTotal = async () => employmentColumns((await platform.statistics.fresh()).columns, { date: TEST_TODAY, baseline: BASELINE, by: "town" }).at(-1)!;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "hire-integrity" });
    employer = one(
      `SELECT e.id, e.code FROM employers e WHERE e.type = '帮扶车间'
       AND (SELECT count(*) FROM postings p WHERE p.employer_id = e.id AND p.status = '招聘中' AND p.headcount >= 3) >= 2 ORDER BY e.id LIMIT 1`,
    );
    postings = (
      platform.db.$client
        .prepare("SELECT code FROM postings WHERE employer_id = ? AND status = '招聘中' AND headcount >= 3 ORDER BY id LIMIT 2")
        .all(employer.id) as { code: string }[]
    ).map((p) => p.code);
    worker = one(
      `SELECT w.id, w.name, w.phone, h.code AS household FROM workers w JOIN households h ON h.id = w.household_id
       WHERE h.category <> '一般户' AND w.phone IS NOT NULL AND w.labour_ability = '有劳动能力' AND w.birth_date <= '1990-01-01'
         AND (SELECT count(*) FROM workers o WHERE o.phone = w.phone) = 1
         AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.worker_id = w.id)
       ORDER BY w.id LIMIT 1`,
    );
    await createAccount(platform.db, { role: "manager", login: "13700000011", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    web = webClient(platform.app);
    expect((await web.login("13700000011", PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  it("a hire backdated to 2020 waits for the bureau, says why on the roster, and leaves the baseline figures alone", async () => {
    const before = await baselineTotal();
    const sqlBefore = employmentStats(platform.db, { date: TEST_TODAY, baseline: BASELINE, by: "town" }).at(-1)!;
    const applicationId = await applyThroughPublicForm(platform, { postingCode: postings[0]!, name: worker.name, phone: worker.phone });
    expect(one<{ worker_id: number | null }>("SELECT worker_id FROM applications WHERE id = ?", applicationId).worker_id).toBe(worker.id);
    await web.text(await web.get(`/manage/applicants/${applicationId}/hire`));
    expect((await web.post(`/manage/applicants/${applicationId}/hire`, { startDate: "2020-01-01", monthlyIncome: "2300" })).status).toBe(303);
    expect(one("SELECT needs_confirmation AS n, confirmation_reason AS r FROM placements WHERE worker_id = ?", worker.id)).toEqual({
      n: 1,
      r: "backdated,beforeApplication",
    });
    expect(await baselineTotal()).toEqual(before);
    expect(employmentStats(platform.db, { date: TEST_TODAY, baseline: BASELINE, by: "town" }).at(-1)).toEqual(sqlBefore);
    const roster = await web.text(await web.get("/manage/roster"));
    expect(roster).toContain("待人社局核实");
    expect(roster).toContain("上岗日期早于 31 天前");
  });

  it("a hire starting today of a registry worker counts at once", async () => {
    const other = one<{ id: number; name: string; phone: string }>(
      `SELECT w.id, w.name, w.phone FROM workers w WHERE w.phone IS NOT NULL AND (SELECT count(*) FROM workers o WHERE o.phone = w.phone) = 1
         AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.worker_id = w.id) AND w.id <> ? ORDER BY w.id DESC LIMIT 1`,
      worker.id,
    );
    const applicationId = await applyThroughPublicForm(platform, { postingCode: postings[1]!, name: other.name, phone: other.phone });
    await web.text(await web.get(`/manage/applicants/${applicationId}/hire`));
    expect((await web.post(`/manage/applicants/${applicationId}/hire`, { startDate: TEST_TODAY, monthlyIncome: "2300" })).status).toBe(303);
    expect(one("SELECT needs_confirmation AS n, confirmation_reason AS r FROM placements WHERE worker_id = ?", other.id)).toEqual({ n: 0, r: null });
  });

  it("王桂英 applying with 黄秀梅's phone is not 黄秀梅: no badge, not on her household page, and can be hired", async () => {
    const applicationId = await applyThroughPublicForm(platform, { postingCode: postings[1]!, name: "王桂英", phone: worker.phone });
    expect(one<{ worker_id: number | null }>("SELECT worker_id FROM applications WHERE id = ?", applicationId).worker_id).toBeNull();

    const applicants = await web.text(await web.get(`/manage/applicants`));
    const card = applicants.slice(applicants.indexOf("王桂英"), applicants.indexOf("王桂英") + 200);
    expect(card).not.toContain("帮扶对象家庭");

    await createAccount(platform.db, { role: "county", login: "county-integrity", password: "县里的工作人员密码2026", by: { label: "test" } });
    const bureau = webClient(platform.app);
    expect((await bureau.login("county-integrity", "县里的工作人员密码2026")).status).toBe(303);
    const household = await bureau.text(await bureau.get(`/bureau/households/${worker.household}`));
    expect(household).not.toContain(postings[1]!);

    // 黄秀梅 is already on this employer's roster (the backdated hire); 王桂英 is someone else.
    await web.text(await web.get(`/manage/applicants/${applicationId}/hire`));
    const hire = await web.post(`/manage/applicants/${applicationId}/hire`, { startDate: TEST_TODAY, monthlyIncome: "2200" });
    expect(hire.status).toBe(303);
    expect(hire.headers.get("Location")).not.toContain("alreadyOnRoster");
    expect(one("SELECT name, placement_id AS p FROM pending_hires WHERE application_id = ?", applicationId)).toEqual({ name: "王桂英", p: null });
  });
});
