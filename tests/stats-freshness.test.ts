/**
 * Figures fresh at the next request, over HTTP (issue 11): a placement recorded by a manager's
 * hire, a placement ended by the bureau, and a backdated hire confirmed are each in the very next
 * figure of the API and of the statistics page, and the service got there by patching its snapshot
 * from the change log (migration 0016), not by loading the registry again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, createApiToken } from "../src/use-cases/accounts.ts";
import { applyThroughPublicForm } from "./support/application-fixture.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "统计新鲜度测试密码2026";
const BASELINE = "2020-12-31";

describe("figures after a change, over HTTP", () => {
  let platform: TestPlatform;
  let manager: WebClient;
  let county: WebClient;
  let token = "";
  let employer: { id: number; code: string; townId: number };
  let posting = "";
  let workers: { id: number; name: string; phone: string }[] = [];
  const one = <T,>(query: string, ...params: unknown[]) => platform.db.$client.prepare(query).get(...params) as T;

  /** The county's employment total at TEST_TODAY from the API. */
  const viaApi = async () => {
    const res = await platform.app.request(`/api/v1/stats/employment?date=${TEST_TODAY}&baseline=${BASELINE}&by=town`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { key: string; employed: number; employed_baseline: number }[] };
    return body.rows.find((r) => r.key === "total")!;
  };
  /** The statistics page's headline employed figure links to its people: the number there. */
  const onPage = async () => county.text(await county.get(`/bureau/stats?date=${TEST_TODAY}&baseline=${BASELINE}`));
  const loads = () => platform.logLines.filter((l) => l.includes("statistics snapshot loaded")).length;
  const patches = () => platform.logLines.filter((l) => l.includes("statistics snapshot patched")).length;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "stats-freshness" });
    employer = one(
      `SELECT e.id, e.code, e.town_id AS townId FROM employers e
       WHERE e.type = '帮扶车间' AND EXISTS (SELECT 1 FROM postings p WHERE p.employer_id = e.id AND p.status = '招聘中' AND p.headcount >= 5) ORDER BY e.id LIMIT 1`,
    );
    posting = one<{ code: string }>("SELECT code FROM postings WHERE employer_id = ? AND status = '招聘中' AND headcount >= 5 ORDER BY id LIMIT 1", employer.id).code;
    workers = platform.db.$client
      .prepare(
        `SELECT w.id, w.name, w.phone FROM workers w JOIN households h ON h.id = w.household_id JOIN villages v ON v.id = w.village_id
         WHERE v.town_id = ? AND h.category <> '一般户' AND w.phone IS NOT NULL AND w.labour_ability = '有劳动能力' AND w.birth_date <= '1990-01-01'
           AND (SELECT count(*) FROM workers o WHERE o.phone = w.phone) = 1 AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.worker_id = w.id)
         ORDER BY w.id LIMIT 2`,
      )
      .all(employer.townId) as typeof workers;
    expect(workers).toHaveLength(2);
    await createAccount(platform.db, { role: "manager", login: "13700000031", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    await createAccount(platform.db, { role: "county", login: "county-fresh", password: PASSWORD, by: { label: "test" } });
    token = createApiToken(platform.db, { role: "county", name: "freshness", by: { label: "test" } }).token;
    manager = webClient(platform.app);
    county = webClient(platform.app);
    expect((await manager.login("13700000031", PASSWORD)).status).toBe(303);
    expect((await county.login("county-fresh", PASSWORD)).status).toBe(303);
    await platform.statistics.fresh();
  });
  afterAll(() => platform?.close());

  const hire = async (applicationId: number, startDate: string) => {
    await manager.text(await manager.get(`/manage/applicants/${applicationId}/hire`));
    expect((await manager.post(`/manage/applicants/${applicationId}/hire`, { startDate, monthlyIncome: "2300" })).status).toBe(303);
  };

  it("a placement recorded is in the next figure of the API and of the page, patched rather than reloaded", async () => {
    const before = await viaApi();
    expect(await onPage()).toContain(`>${before.employed}</a>`);
    const [loaded, patched] = [loads(), patches()];

    const application = await applyThroughPublicForm(platform, { postingCode: posting, name: workers[0]!.name, phone: workers[0]!.phone });
    await hire(application, TEST_TODAY);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM placements WHERE worker_id = ? AND needs_confirmation = 0", workers[0]!.id).n).toBe(1);

    expect((await viaApi()).employed).toBe(before.employed + 1);
    expect(await onPage()).toContain(`>${before.employed + 1}</a>`);
    expect(loads()).toBe(loaded);
    expect(patches()).toBeGreaterThan(patched);
  });

  it("a placement ended is out of the next figure", async () => {
    // A counted worker (assisted household, able, of age) at work in one placement only, since before yesterday.
    const placement = one<{ id: number; workerId: number }>(
      `SELECT p.id, p.worker_id AS workerId FROM placements p JOIN workers w ON w.id = p.worker_id JOIN households h ON h.id = w.household_id
       WHERE p.needs_confirmation = 0 AND p.end_date IS NULL AND p.start_date < '2026-11-22' AND h.category <> '一般户'
         AND w.labour_ability = '有劳动能力' AND w.birth_date <= '1990-01-01'
         AND (SELECT count(*) FROM placements o WHERE o.worker_id = p.worker_id AND (o.end_date IS NULL OR o.end_date >= ?)) = 1
       ORDER BY p.id LIMIT 1`,
      TEST_TODAY,
    );
    const before = await viaApi();
    const res = await county.post(`/bureau/workers/${placement.workerId}/placements/${placement.id}/end`, { endDate: "2026-11-22", reason: "家庭原因" });
    expect(res.status).toBe(303);
    expect((await viaApi()).employed).toBe(before.employed - 1);
  });

  it("a backdated hire counts once the bureau confirms it, in the next figure", async () => {
    const application = await applyThroughPublicForm(platform, { postingCode: posting, name: workers[1]!.name, phone: workers[1]!.phone });
    await hire(application, "2020-06-01");
    const placement = one<{ id: number; needs: number }>("SELECT id, needs_confirmation AS needs FROM placements WHERE worker_id = ?", workers[1]!.id);
    expect(placement.needs).toBe(1);
    const before = await viaApi();
    await county.text(await county.get(`/bureau/confirmations/placement/${placement.id}`));
    expect((await county.post(`/bureau/confirmations/placement/${placement.id}/decide`, { decision: "confirm", note: "查过工资表" })).status).toBe(303);
    const after = await viaApi();
    expect(after.employed).toBe(before.employed + 1);
    expect(after.employed_baseline).toBe(before.employed_baseline + 1);
  });
});
