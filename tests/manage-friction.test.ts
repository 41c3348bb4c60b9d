/**
 * Issue 10, the manager's friction: the posting form's error banner names each field to fix (with
 * a link to it), and the preview shows the place, skills and physical demand a seeker will see.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { applyThroughPublicForm } from "./support/application-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "用工方摩擦测试密码2026";

describe("the manager's posting form", () => {
  let platform: TestPlatform;
  let manager: WebClient;
  let employer: { code: string; town: string };

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "manage-friction" });
    employer = platform.db.$client
      .prepare("SELECT e.code, t.name AS town FROM employers e JOIN towns t ON t.id = e.town_id WHERE e.type = '帮扶车间' ORDER BY e.id LIMIT 1")
      .get() as typeof employer;
    await createAccount(platform.db, { role: "manager", login: "manager-friction", employerCode: employer.code, password: PASSWORD, by: { label: "test" } });
    manager = webClient(platform.app);
    expect((await manager.login("manager-friction", PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  const base = { payUnit: "月", workingTime: "全天", description: "缝制童装" };

  it("lists each field to fix in the error banner, linking to it", async () => {
    await manager.text(await manager.get("/manage/postings/new"));
    const res = await manager.post("/manage/postings/new", { ...base, title: "", headcount: "0", intent: "save" });
    expect(res.status).toBe(400);
    const html = await res.text();
    const banner = html.match(/<div class="notice error error-summary"[\s\S]*?<\/div>/)?.[0] ?? "";
    expect(banner).toContain(messages.workshop.fixErrors);
    expect(banner).toContain(`href="#f-title"`);
    expect(banner).toContain(`${messages.workshop.fields.title}：`);
    expect(banner).toContain(`href="#f-headcount"`);
  });

  it("previews the place, skills and physical demand", async () => {
    await manager.text(await manager.get("/manage/postings/new"));
    const res = await manager.post("/manage/postings/new", { ...base, title: "缝纫工", headcount: "3", skills: "缝纫、锁边", physicalDemand: "轻", intent: "preview" });
    const html = await res.text();
    const preview = html.match(/<section class="preview"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(preview).toContain(`<dt>${messages.job.place}</dt>`);
    expect(preview).toContain(employer.town);
    expect(preview).toContain("缝纫、锁边");
    expect(preview).toContain(messages.job.physicalLevel["轻"]!);
  });

  it("filters the applicants by posting and stage, the dashboard's counts linking there", async () => {
    const posting = platform.db.$client
      .prepare("SELECT p.code FROM postings p JOIN employers e ON e.id = p.employer_id WHERE e.code = ? AND p.status = '招聘中' AND (p.closing_date IS NULL OR p.closing_date >= '2026-11-23') ORDER BY p.id LIMIT 1")
      .get(employer.code) as { code: string };
    await applyThroughPublicForm(platform, { postingCode: posting.code, name: "周桂兰", phone: "13712345671" });
    const dashboard = await manager.text(await manager.get("/manage"));
    expect(dashboard).toContain(`href="/manage/applicants?status=${encodeURIComponent("报名")}"`);
    const waiting = await manager.text(await manager.get(`/manage/applicants?status=${encodeURIComponent("报名")}&posting=${posting.code}`));
    expect(waiting).toContain("周桂兰");
    const hired = await manager.text(await manager.get(`/manage/applicants?status=${encodeURIComponent("已录用")}&posting=${posting.code}`));
    expect(hired).not.toContain("周桂兰");
    expect(hired).toContain(`<option value="${posting.code}" selected="">`);
  });
});
