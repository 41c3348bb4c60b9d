/**
 * The settings page in a real browser with JavaScript off: an admin fixes a refused value beside
 * its field and saves; the value in force changes and the page fits a phone.
 */
import { describe, expect, it } from "vitest";
import { createAccount } from "../../src/use-cases/accounts.ts";
import { currentSettings } from "../../src/use-cases/settings.ts";
import { browserStage, phoneContext } from "../support/browser.ts";

const PASSWORD = "管理员改设置用2026";

describe("the settings page on a phone without JavaScript", () => {
  const stage = browserStage({ label: "browser-settings", demoData: false }, async (platform) => {
    await createAccount(platform.db, { role: "admin", login: "admin", password: PASSWORD, by: { label: "test" } });
  });

  it("refuses a bad notice period beside the field, keeps it, and saves the corrected one", async () => {
    const context = await phoneContext(stage.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/login");
    await page.getByLabel("账号（手机号或用户名）").fill("admin");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/bureau$/);

    await page.goto(stage.served.baseUrl + "/bureau/settings");
    const notice = page.getByLabel("补贴公示天数");
    await notice.fill("45");
    await page.getByRole("button", { name: "保存设置" }).click();
    await expect(page.locator("#noticeDays-error").textContent()).resolves.toBe("应在 1 到 30 之间");
    await expect(notice.inputValue()).resolves.toBe("45");
    await expect(notice.getAttribute("aria-invalid")).resolves.toBe("true");

    await notice.fill("10");
    await page.getByRole("button", { name: "保存设置" }).click();
    await page.waitForURL(/\/bureau\/settings\?saved=1$/);
    await expect(page.locator(".notice").textContent()).resolves.toContain("已保存 1 项修改");
    await expect(page.locator(".setting-noticeDays").textContent()).resolves.toBe("10");
    expect(currentSettings(stage.platform.db).noticeDays).toBe(10);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
