/**
 * Issue 10's changed pages in a real browser, at their real sizes: the login page and a
 * manager's landing and roster (a backdated hire saying why it waits) and a seeker's 我的报名 on
 * a 360×740 phone, the bureau's confirmation worklist and home at 1280. Nothing runs off screen;
 * screenshots go to SCREENSHOT_DIR (default: the OS temp folder) for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../src/use-cases/accounts.ts";
import { applyThroughPublicForm } from "../support/application-fixture.ts";
import { browserStage, phoneContext } from "../support/browser.ts";
import { TEST_TODAY } from "../support/test-platform.ts";
import { webClient } from "../support/web-client.ts";

const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), "jybf-integrity-shots");
const PASSWORD = "手机上管车间的密码2026";
const STAFF = "县里的工作人员密码2026";

describe("issue 10's pages in a browser", () => {
  let seekerPhone = "";
  const stage = browserStage({ label: "browser-integrity" }, async (platform) => {
    mkdirSync(SHOTS, { recursive: true });
    const one = <T,>(q: string, ...p: unknown[]) => platform.db.$client.prepare(q).get(...p) as T;
    const employer = one<{ code: string; id: number }>("SELECT e.code, e.id FROM employers e WHERE e.type = '帮扶车间' AND EXISTS (SELECT 1 FROM postings p WHERE p.employer_id = e.id AND p.status = '招聘中' AND p.headcount >= 3) ORDER BY e.id LIMIT 1");
    const posting = one<{ code: string }>("SELECT code FROM postings WHERE employer_id = ? AND status = '招聘中' AND headcount >= 3 ORDER BY id LIMIT 1", employer.id).code;
    const worker = one<{ name: string; phone: string }>(
      "SELECT name, phone FROM workers w WHERE phone IS NOT NULL AND (SELECT count(*) FROM workers x WHERE x.phone = w.phone) = 1 AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.worker_id = w.id) ORDER BY id LIMIT 1",
    );
    seekerPhone = worker.phone;
    await createAccount(platform.db, { role: "manager", login: "13600000091", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    await createAccount(platform.db, { role: "county", login: "county-browser", password: STAFF, by: { label: "test" } });
    await createAccount(platform.db, { role: "seeker", login: worker.phone, password: PASSWORD, displayName: worker.name, by: { label: "test" } });
    // The seeker applied before having an account; the manager hires her, backdated to 2020.
    const applicationId = await applyThroughPublicForm(platform, { postingCode: posting, name: worker.name, phone: worker.phone });
    await applyThroughPublicForm(platform, { postingCode: posting, name: "王桂英", phone: "19900004444" });
    const manager = webClient(platform.app);
    await manager.login("13600000091", PASSWORD);
    await manager.text(await manager.get(`/manage/applicants/${applicationId}/hire`));
    await manager.post(`/manage/applicants/${applicationId}/hire`, { startDate: "2020-01-01", monthlyIncome: "2300" });
  });

  const noOverflow = async (page: import("playwright-core").Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  it("the login page shows the way forward without an account and who resets a password (360×740)", async () => {
    const context = await phoneContext(stage.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/login");
    await expect(page.getByRole("link", { name: "去找工作" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("忘记密码？").isVisible()).resolves.toBe(true);
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "login-360.png"), fullPage: true });
    await context.close();
  });

  it("a manager lands on 用工管理 and the roster says why a backdated hire waits (360×740)", async () => {
    const context = await phoneContext(stage.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/login");
    await page.getByLabel("账号（手机号或用户名）").fill("13600000091");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/manage$/);
    await expect(page.locator(".site-header").getByRole("link", { name: "用工管理" }).isVisible()).resolves.toBe(true);
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "manage-home-360.png") });
    await page.goto(stage.served.baseUrl + "/manage/roster");
    await expect(page.locator(".pending-reason").first().textContent()).resolves.toContain("上岗日期早于 31 天前");
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "manage-roster-360.png"), fullPage: true });
    await context.close();
  });

  it("a seeker lands on 我的报名 and sees the application made before signing in, with its Beijing date (360×740)", async () => {
    const context = await phoneContext(stage.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/login");
    await page.getByLabel("账号（手机号或用户名）").fill(seekerPhone);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/account\/applications$/);
    await expect(page.locator(".record-card").count()).resolves.toBe(1);
    await expect(page.locator(".record-card").textContent()).resolves.toContain(`${TEST_TODAY} 报名`);
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "my-applications-360.png"), fullPage: true });
    await context.close();
  });

  it("the bureau's home and confirmation worklist at 1280, each line saying why", async () => {
    const context = await stage.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/login");
    await page.getByLabel("账号（手机号或用户名）").fill("county-browser");
    await page.getByLabel("密码").fill(STAFF);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/bureau$/);
    await expect(page.locator("[data-figure=confirmations]").textContent()).resolves.toMatch(/有 \d+ 条录用待核实/);
    await page.screenshot({ path: join(SHOTS, "bureau-home-1280.png") });
    await page.getByRole("link", { name: "去核实" }).click();
    await page.waitForURL(/\/bureau\/confirmations$/);
    await expect(page.locator(".confirmation").first().isVisible()).resolves.toBe(true);
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "bureau-confirmations-1280.png"), fullPage: true });
    await page.locator(".confirmation a").first().click();
    await page.waitForURL(/\/bureau\/confirmations\/(placement|pending)\/\d+$/);
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "bureau-confirmation-line-1280.png"), fullPage: true });
    await context.close();
  });
});
