/**
 * The manager's and the bureau's pages changed for issue 10's staff items, in a real browser at
 * their real sizes (manager 360×740 with JavaScript off, bureau 1280): the roster's phones to
 * call, withdrawing a pending hire, the bureau refusing one and the manager reading why, the
 * one-person registry form with its errors beside the fields, and the audit log in Chinese.
 * Screenshots go to SCREENSHOT_DIR (default: the OS temp folder) for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { makeIdNumber } from "../../src/core/id-number.ts";
import { createAccount } from "../../src/use-cases/accounts.ts";
import { applyThroughPublicForm } from "../support/application-fixture.ts";
import { browserStage, phoneContext } from "../support/browser.ts";
import { TEST_TODAY } from "../support/test-platform.ts";
import { webClient } from "../support/web-client.ts";

const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), "jybf-staff-shots");
const PASSWORD = "手机上管车间的密码2026";
const STAFF = "县里的工作人员密码2026";

describe("the staff pages of issue 10 in a browser", () => {
  let hiredPhone = "";
  let strangerHire = 0;
  let gateHire = 0;
  let village = "";
  let townName = "";
  const stage = browserStage({ label: "browser-staff" }, async (platform) => {
    mkdirSync(SHOTS, { recursive: true });
    const one = <T,>(q: string, ...p: unknown[]) => platform.db.$client.prepare(q).get(...p) as T;
    const employer = one<{ code: string; id: number }>(
      "SELECT e.code, e.id FROM employers e WHERE e.type = '帮扶车间' AND EXISTS (SELECT 1 FROM postings p WHERE p.employer_id = e.id AND p.status = '招聘中' AND p.headcount >= 4) ORDER BY e.id LIMIT 1",
    );
    const posting = one<{ code: string }>("SELECT code FROM postings WHERE employer_id = ? AND status = '招聘中' AND headcount >= 4 ORDER BY id LIMIT 1", employer.id).code;
    const worker = one<{ name: string; phone: string }>(
      "SELECT name, phone FROM workers w WHERE phone IS NOT NULL AND (SELECT count(*) FROM workers x WHERE x.phone = w.phone) = 1 AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.worker_id = w.id) ORDER BY id LIMIT 1",
    );
    hiredPhone = worker.phone;
    const town = one<{ name: string; village: string }>("SELECT t.name, (SELECT name FROM villages WHERE town_id = t.id ORDER BY id LIMIT 1) AS village FROM towns t ORDER BY t.id LIMIT 1");
    village = town.village;
    townName = town.name;
    await createAccount(platform.db, { role: "manager", login: "13600000191", password: PASSWORD, employerCode: employer.code, by: { label: "test" } });
    await createAccount(platform.db, { role: "county", login: "county-staff-browser", password: STAFF, by: { label: "test" } });
    const manager = webClient(platform.app);
    await manager.login("13600000191", PASSWORD);
    const hire = async (id: number) => {
      await manager.text(await manager.get(`/manage/applicants/${id}/hire`));
      await manager.post(`/manage/applicants/${id}/hire`, { startDate: TEST_TODAY, monthlyIncome: "2300" });
    };
    await hire(await applyThroughPublicForm(platform, { postingCode: posting, name: worker.name, phone: worker.phone }));
    const stranger = await applyThroughPublicForm(platform, { postingCode: posting, name: "查无此人", phone: "19900007171" });
    await hire(stranger);
    strangerHire = one<{ id: number }>("SELECT id FROM pending_hires WHERE application_id = ?", stranger).id;
    await manager.text(await manager.get("/manage/roster"));
    await manager.post("/manage/roster", { name: "录错的人", phone: "19900007272", startDate: TEST_TODAY, monthlyIncome: "2000" });
    gateHire = one<{ id: number }>("SELECT id FROM pending_hires WHERE name = '录错的人'").id;
  });

  const noOverflow = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const signIn = async (page: Page, login: string, password: string) => {
    await page.goto(stage.served.baseUrl + "/login");
    await page.getByLabel("账号（手机号或用户名）").fill(login);
    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: "登录" }).click();
  };
  const desktop = () => stage.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });

  it("a manager calls their own staff from the roster and withdraws a hire recorded by mistake (360×740, no JavaScript)", async () => {
    const context = await phoneContext(stage.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "13600000191", PASSWORD);
    await page.waitForURL(/\/manage$/);
    await page.goto(stage.served.baseUrl + "/manage/roster");
    await expect(page.locator(`.roster-now a[href="tel:${hiredPhone}"]`).isVisible()).resolves.toBe(true);
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "manage-roster-phones-360.png"), fullPage: true });
    await page.goto(stage.served.baseUrl + `/manage/roster/pending/${gateHire}`);
    await page.getByLabel("撤销原因（可不填）").fill("录错了人");
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "manage-roster-withdraw-360.png"), fullPage: true });
    await page.getByRole("button", { name: "撤销录用" }).click();
    await page.waitForURL(/\/manage\/roster\?done=withdrawn$/);
    await expect(page.getByText("已撤销这条录用。").isVisible()).resolves.toBe(true);
    await expect(page.locator(`[data-line="pending-${gateHire}"]`).count()).resolves.toBe(0);
    await context.close();
  });

  it("the bureau refuses a pending hire: a reason is asked for beside the field, then the worklist says it is done (1280)", async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signIn(page, "county-staff-browser", STAFF);
    await page.waitForURL(/\/bureau$/);
    await page.goto(stage.served.baseUrl + `/bureau/confirmations/pending/${strangerHire}`);
    await page.getByRole("button", { name: "不予录用" }).click();
    await expect(page.locator("#reason-error").textContent()).resolves.toBe("请写明不予录用的原因");
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "bureau-reject-error-1280.png"), fullPage: true });
    await page.getByLabel("不予录用的原因").fill("台账和户籍均查无此人，请核实后重新登记");
    await page.getByRole("button", { name: "不予录用" }).click();
    await page.waitForURL(/\/bureau\/confirmations\?done=refused$/);
    await expect(page.getByText("已不予录用").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, "bureau-confirmations-after-1280.png"), fullPage: true });
    await context.close();
  });

  it("the manager reads why the bureau refused the hire (360×740)", async () => {
    const context = await phoneContext(stage.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "13600000191", PASSWORD);
    await page.waitForURL(/\/manage$/);
    await page.goto(stage.served.baseUrl + "/manage/roster");
    await expect(page.locator(".refusal-reason").first().textContent()).resolves.toContain("台账和户籍均查无此人");
    await noOverflow(page);
    await page.locator(".refused-hires").screenshot({ path: join(SHOTS, "manage-roster-refused-360.png") });
    await context.close();
  });

  it("the bureau registers one person: errors beside the fields with what was typed, then saved (1280; the form also fits a phone)", async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signIn(page, "county-staff-browser", STAFF);
    await page.waitForURL(/\/bureau$/);
    await page.goto(stage.served.baseUrl + "/bureau/workers");
    await page.getByRole("link", { name: "登记一人" }).click();
    await page.waitForURL(/\/bureau\/workers\/new$/);
    await page.getByLabel("户编号").fill("HH-BROWSER-1");
    await page.getByLabel("户类型").selectOption("脱贫户");
    await page.getByLabel("姓名").fill("刘新春");
    await page.getByLabel("身份证号").fill("36073219790412003");
    await page.getByLabel("联系电话").fill("1391234000");
    await page.getByLabel("乡镇").selectOption(townName);
    await page.getByLabel("村", { exact: true }).fill(village);
    await page.getByLabel("劳动能力").selectOption("有劳动能力");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator("#idNumber-error").isVisible()).resolves.toBe(true);
    await expect(page.locator("#phone-error").isVisible()).resolves.toBe(true);
    await expect(page.getByLabel("联系电话").inputValue()).resolves.toBe("1391234000");
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "bureau-registry-person-errors-1280.png"), fullPage: true });
    await page.getByLabel("身份证号").fill(makeIdNumber("360732", "1979-04-12", 31));
    await page.getByLabel("联系电话").fill("13912340001");
    await page.getByRole("button", { name: "保存" }).click();
    await page.waitForURL(/\/bureau\/workers\/\d+\/edit\?done=created$/);
    await expect(page.getByText("已登记。").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, "bureau-registry-person-saved-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "bureau-registry-person-360.png"), fullPage: true });
    await context.close();
  });

  it("the audit log shows the refusal and the registration in Chinese (1280)", async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signIn(page, "county-staff-browser", STAFF);
    await page.waitForURL(/\/bureau$/);
    await page.goto(stage.served.baseUrl + "/bureau/audit");
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("待核实的录用");
    expect(text).toContain("人社局不予录用");
    expect(text).not.toMatch(/hires reached|posting full|rejected/);
    await noOverflow(page);
    await page.screenshot({ path: join(SHOTS, "bureau-audit-1280.png"), fullPage: false });
    await context.close();
  });
});
