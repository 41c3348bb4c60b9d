/**
 * The retention page in a browser: county staff at a desk (1280) and on a phone (360) see the
 * charts, the table with 未到期 for recent months and no sideways scrolling of the page itself;
 * a retained count leads to the placements behind it. Screenshots to SCREENSHOT_DIR.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../src/use-cases/accounts.ts";
import { browserStage, phoneContext } from "../support/browser.ts";

const PASSWORD = "稳岗浏览器测试密码2026";
const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), "jybf-retention-shots");

describe("the retention page", () => {
  const stage = browserStage({ label: "browser-retention" }, async (platform) => {
    await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
  });

  for (const desktop of [true, false]) {
    it(`shows charts, the table with 未到期, and the placements behind a number (${desktop ? "1280" : "360"})`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      const context = desktop ? await stage.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" }) : await phoneContext(stage.browser);
      const page = await context.newPage();
      await page.goto(stage.served.baseUrl + "/login");
      await page.getByLabel("账号（手机号或用户名）").fill("county");
      await page.getByLabel("密码").fill(PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL(/\/bureau/);
      await page.goto(stage.served.baseUrl + "/bureau/stats");
      await page.getByRole("link", { name: /稳岗情况/ }).click();
      await page.waitForURL(/\/bureau\/stats\/retention$/);
      await expect(page.locator("svg.bar-chart").count()).resolves.toBe(3);
      await expect(page.locator("td.not-yet").count()).resolves.toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SHOTS, `retention-${desktop ? 1280 : 360}.png`), fullPage: true });
      const kept = page.locator("tr.total a[href*='measure=kept_3']");
      const count = (await kept.textContent())!.trim();
      await kept.click();
      await page.waitForURL(/\/bureau\/stats\/retention\/people/);
      await expect(page.locator(".count").textContent()).resolves.toBe(`共 ${count} 条就业记录`);
      await page.screenshot({ path: join(SHOTS, `retention-people-${desktop ? 1280 : 360}.png`) });
      await context.close();
    });
  }
});
