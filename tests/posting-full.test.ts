/**
 * Issue 10: a posting marked 已招满 says 已招满 on the public and manager pages (not "还需 N 人"),
 * and the manager is offered one action that tells everyone still waiting (未录用).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { applyThroughPublicForm } from "./support/application-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "招满提示测试密码2026";

describe("a full posting", () => {
  let platform: TestPlatform;
  let manager: WebClient;
  let posting: { id: number; code: string; headcount: number };
  const statuses = () =>
    (platform.db.$client.prepare("SELECT status FROM applications WHERE posting_id = ? ORDER BY id").all(posting.id) as { status: string }[]).map((r) => r.status);

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "posting-full" });
    // A recruiting posting with room left and nobody applied yet.
    posting = platform.db.$client
      .prepare(
        `SELECT p.id, p.code, p.headcount FROM postings p WHERE p.status = '招聘中' AND p.headcount >= 3
           AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.posting_id = p.id)
           AND (p.closing_date IS NULL OR p.closing_date >= '2026-11-23') ORDER BY p.id LIMIT 1`,
      )
      .get() as typeof posting;
    const employer = platform.db.$client.prepare("SELECT e.code FROM employers e JOIN postings p ON p.employer_id = e.id WHERE p.id = ?").get(posting.id) as { code: string };
    await createAccount(platform.db, { role: "manager", login: "manager-full", employerCode: employer.code, password: PASSWORD, by: { label: "test" } });
    manager = webClient(platform.app);
    expect((await manager.login("manager-full", PASSWORD)).status).toBe(303);
    await applyThroughPublicForm(platform, { postingCode: posting.code, name: "王芳", phone: "13912345678" });
    await applyThroughPublicForm(platform, { postingCode: posting.code, name: "李红", phone: "13912345679" });
  });
  afterAll(() => platform?.close());

  it("says 已招满 once marked full, offers to tell the remaining applicants, and does so in one action", async () => {
    const path = `/manage/postings/${posting.code}`;
    await manager.text(await manager.get(path));
    expect((await manager.post(`${path}/status`, { action: "full" })).status).toBe(303);

    const managerPage = await manager.text(await manager.get(path));
    expect(managerPage).not.toMatch(/还需 \d+ 人/);
    expect(managerPage).toContain('<span class="openings full">已招满</span>');
    expect(managerPage).toContain(messages.remainingApplicants.prompt(2));

    const publicPage = await (await platform.app.request(`/jobs/${posting.code}`)).text();
    expect(publicPage).not.toMatch(/还需 \d+ 人/);
    expect(publicPage).toContain('<span class="openings full">已招满</span>');

    const res = await manager.post(`${path}/decline-remaining`, {});
    expect(res.status).toBe(303);
    expect(statuses()).toEqual(["未录用", "未录用"]);
    const after = await manager.text(await manager.get(res.headers.get("location")!));
    expect(after).toContain(messages.remainingApplicants.declined(2));
    expect(after).not.toContain(messages.remainingApplicants.prompt(2));
    const audit = platform.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'application' AND after LIKE '%未录用%'").get() as { n: number };
    expect(audit.n).toBe(2);
  });

  it("refuses to decline the applicants of a posting that still recruits", async () => {
    const path = `/manage/postings/${posting.code}`;
    expect((await manager.post(`${path}/status`, { action: "reopen" })).status).toBe(303);
    await applyThroughPublicForm(platform, { postingCode: posting.code, name: "赵敏", phone: "13912345670" });
    expect((await manager.post(`${path}/decline-remaining`, {})).headers.get("location")).toContain("problem=status");
    expect(statuses().at(-1)).toBe("报名");
  });
});
