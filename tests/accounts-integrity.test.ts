/**
 * Issue 10, accounts: weak and common passwords are refused (stricter for staff), each role
 * lands on its work after signing in with the way there in the header, the login page shows a
 * seeker without an account the way forward and who to ask for a forgotten password, and
 * applications made before signing in with the account's phone (and name) appear in 我的报名.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountInputError, createAccount } from "../src/use-cases/accounts.ts";
import { applyThroughPublicForm } from "./support/application-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient } from "./support/web-client.ts";

describe("accounts", () => {
  let platform: TestPlatform;
  let employerCode: string;
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "accounts-integrity" });
    employerCode = (platform.db.$client.prepare("SELECT code FROM employers ORDER BY id LIMIT 1").get() as { code: string }).code;
  });
  afterAll(() => platform?.close());

  it.each([
    ["county", "11111111", "tooShort"],
    ["county", "12345678", "tooShort"],
    ["county", "1234567890", "common"],
    ["admin", "3917460285", "onlyDigits"],
    ["town", "password123", "common"],
    ["seeker", "12345678", "common"],
    ["seeker", "woaini1314", "common"],
    ["manager", "88888888", "common"],
    ["seeker", "abc", "tooShort"],
  ] as const)("refuses a %s account with the password %s (%s)", async (role, password, problem) => {
    const login = `${role}-${password}`;
    const scope = role === "manager" ? { employerCode } : role === "town" ? { townName: (platform.db.$client.prepare("SELECT name FROM towns LIMIT 1").get() as { name: string }).name } : {};
    const error = await createAccount(platform.db, { role, login, password, ...scope, by: { label: "test" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountInputError);
    expect((error as AccountInputError).problem).toBe(problem);
    expect(platform.db.$client.prepare("SELECT count(*) n FROM users WHERE login = ?").get(login)).toEqual({ n: 0 });
  });

  it("refuses a common new password on the account page, saying why", async () => {
    const created = await createAccount(platform.db, { role: "county", login: "county-weak", by: { label: "test" } });
    const web = webClient(platform.app);
    await web.login("county-weak", created.oneTimePassword!);
    await web.text(await web.get("/account"));
    const res = await web.post("/account/password", { currentPassword: created.oneTimePassword!, newPassword: "qwertyuiop", confirmPassword: "qwertyuiop" });
    expect(res.status).toBe(400);
    expect(await web.text(res)).toContain("这个密码太常见");
  });

  it.each([
    ["manager", "/manage", "用工管理"],
    ["county", "/bureau", "工作台"],
    ["seeker", "/account/applications", "我的报名"],
  ] as const)("a %s lands on %s after signing in, with the way there in the header", async (role, path, label) => {
    const login = role === "seeker" ? "13500000051" : `${role}-lands`;
    const password = "落地页面测试密码2026";
    await createAccount(platform.db, { role, login, password, ...(role === "manager" ? { employerCode } : {}), by: { label: "test" } });
    const web = webClient(platform.app);
    const res = await web.login(login, password);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(path);
    const page = await web.get(path);
    expect(page.status).toBe(200);
    const html = await web.text(page);
    const header = html.slice(html.indexOf('<header class="site-header"'), html.indexOf("</header>"));
    expect(header).toContain(`href="${path}"`);
    expect(header).toContain(label);
    // Going to /login again while signed in leads to the work too.
    expect((await web.get("/login")).headers.get("Location")).toBe(path);
  });

  it("shows a seeker without an account the way forward, and who to ask about a forgotten password", async () => {
    const html = await (await platform.app.request("/login")).text();
    expect(html).toContain('href="/jobs"');
    expect(html).toContain("不用账号也能报名");
    expect(html).toContain("忘记密码");
    expect(html).toContain("乡镇");
  });

  it("lists in 我的报名 the applications made before signing in with the account's phone and name, not a household member's", async () => {
    const postings = (platform.db.$client.prepare("SELECT code FROM postings WHERE status = '招聘中' AND (closing_date IS NULL OR closing_date >= '2026-11-23') ORDER BY id LIMIT 2").all() as { code: string }[]).map((p) => p.code);
    const phone = "13500000061";
    await applyThroughPublicForm(platform, { postingCode: postings[0]!, name: "李春花", phone });
    // Her mother-in-law applied with the same phone.
    await applyThroughPublicForm(platform, { postingCode: postings[1]!, name: "张桂兰", phone });
    await createAccount(platform.db, { role: "seeker", login: phone, password: "求职者的密码很长2026", displayName: "李春花", by: { label: "test" } });
    const web = webClient(platform.app);
    expect((await web.login(phone, "求职者的密码很长2026")).status).toBe(303);
    const mine = await web.text(await web.get("/account/applications"));
    const own = platform.db.$client.prepare("SELECT id FROM applications WHERE applicant_phone = ? ORDER BY id").all(phone) as { id: number }[];
    expect(mine).toContain(`href="/account/applications/${own[0]!.id}"`);
    expect(mine).not.toContain(`href="/account/applications/${own[1]!.id}"`);
    const rows = platform.db.$client.prepare("SELECT applicant_name AS name, applicant_user_id AS u FROM applications WHERE applicant_phone = ? ORDER BY id").all(phone) as { name: string; u: number | null }[];
    expect(rows.map((r) => [r.name, r.u !== null])).toEqual([
      ["李春花", true],
      ["张桂兰", false],
    ]);
    const audit = platform.db.$client.prepare("SELECT actor_label FROM audit_log WHERE entity = 'application' ORDER BY id DESC LIMIT 1").get() as { actor_label: string };
    expect(audit.actor_label).toBe(phone);
  });
});
