/**
 * Every date a person reads is a Beijing date from one formatter: an application made at 02:27
 * Beijing time on 12-02 (18:27Z on 12-01) shows 12-02 to the manager, on the seeker's 我的报名
 * and on the household page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clockStartingAt } from "../src/clock.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient } from "./support/web-client.ts";

const PASSWORD = "求职者自己的密码2026";

describe("dates are Beijing dates", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "beijing-dates", now: clockStartingAt("2026-12-01T18:27:00Z") });
  });
  afterAll(() => platform?.close());

  it("an application at 02:27 Beijing on 12-02 shows 12-02 on the manager's page, 我的报名 and the household page", async () => {
    const one = <T,>(q: string, ...p: unknown[]) => platform.db.$client.prepare(q).get(...p) as T;
    const posting = one<{ code: string; employer: string }>(
      "SELECT p.code, e.code AS employer FROM postings p JOIN employers e ON e.id = p.employer_id WHERE p.status = '招聘中' AND (p.closing_date IS NULL OR p.closing_date >= '2026-12-02') ORDER BY p.id LIMIT 1",
    );
    const worker = one<{ name: string; phone: string; household: string }>(
      `SELECT w.name, w.phone, h.code AS household FROM workers w JOIN households h ON h.id = w.household_id
       WHERE w.phone IS NOT NULL AND (SELECT count(*) FROM workers o WHERE o.phone = w.phone) = 1 ORDER BY w.id LIMIT 1`,
    );
    await createAccount(platform.db, { role: "seeker", login: worker.phone, password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "manager", login: "13700000031", password: "车间负责人的密码2026", employerCode: posting.employer, by: { label: "test" } });
    await createAccount(platform.db, { role: "county", login: "county-dates", password: "县里的工作人员密码2026", by: { label: "test" } });

    const seeker = webClient(platform.app);
    expect((await seeker.login(worker.phone, PASSWORD)).status).toBe(303);
    await seeker.text(await seeker.get(`/jobs/${posting.code}`));
    expect((await seeker.post(`/jobs/${posting.code}/apply`, { name: worker.name, phone: worker.phone })).status).toBe(200);
    const stored = one<{ id: number; created_at: string }>("SELECT id, created_at FROM applications WHERE applicant_phone = ?", worker.phone);
    expect(stored.created_at.slice(0, 13)).toBe("2026-12-01T18");

    const mine = await seeker.text(await seeker.get("/account/applications"));
    expect(mine).toContain("2026-12-02");
    const detail = await seeker.text(await seeker.get(`/account/applications/${stored.id}`));
    expect(detail).toContain("2026-12-02");
    expect(detail).not.toContain("2026-12-01");

    const manager = webClient(platform.app);
    expect((await manager.login("13700000031", "车间负责人的密码2026")).status).toBe(303);
    expect(await manager.text(await manager.get("/manage/applicants"))).toContain("2026-12-02 报名");

    const county = webClient(platform.app);
    expect((await county.login("county-dates", "县里的工作人员密码2026")).status).toBe(303);
    const household = await county.text(await county.get(`/bureau/households/${worker.household}`));
    expect(household).toContain("2026-12-02 报名");
    expect(household).not.toContain("2026-12-01 报名");
  });
});
