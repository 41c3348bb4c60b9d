import { describe, expect, it } from "vitest";
import { createAccount } from "../../src/use-cases/accounts.ts";
import { browserStage, phoneContext } from "../support/browser.ts";

const PASSWORD = "手机上也能登录2026";

describe("signing in on a phone", () => {
  const stage = browserStage({ label: "browser-account", demoData: false }, async (platform) => {
    platform.db.$client.exec("INSERT INTO towns (name) VALUES ('双龙镇')");
    await createAccount(platform.db, { role: "town", login: "13812345678", password: PASSWORD, townName: "双龙镇", displayName: "李干部", by: { label: "test" } });
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`goes from login to the account page and out again (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await phoneContext(stage.browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(stage.served.baseUrl + "/");
      await page.getByRole("link", { name: "登录" }).click();
      await page.waitForURL(/\/login$/);

      await page.getByLabel("账号（手机号或用户名）").fill("13812345678");
      await page.getByLabel("密码").fill("wrong-password-1");
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page.locator("#login-error").textContent()).resolves.toContain("账号或密码不对");
      await expect(page.getByLabel("账号（手机号或用户名）").inputValue()).resolves.toBe("13812345678");

      await page.getByLabel("密码").fill(PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      // A town cadre lands on the bureau's home, with 我的账户 in the header.
      await page.waitForURL(/\/bureau$/);
      await page.getByRole("link", { name: "我的账户" }).click();
      await page.waitForURL(/\/account$/);
      await expect(page.locator("h1").textContent()).resolves.toBe("我的账户");
      await expect(page.locator(".account-login").textContent()).resolves.toContain("李干部");
      await expect(page.locator(".account-role").textContent()).resolves.toBe("乡镇干部");
      const cookies = await context.cookies();
      const session = cookies.find((c) => c.name === "jybf_session");
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe("Lax");

      const logout = page.getByRole("button", { name: "退出登录" });
      const box = await logout.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(48);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await logout.click();
      await page.waitForURL(/\/login\?out=1$/);
      await expect(page.locator(".notice").textContent()).resolves.toContain("您已退出登录");
      expect((await context.cookies()).some((c) => c.name === "jybf_session")).toBe(false);
      await page.goto(stage.served.baseUrl + "/account");
      await page.waitForURL(/\/login\?next=/);
      await context.close();
    });
  }
});
