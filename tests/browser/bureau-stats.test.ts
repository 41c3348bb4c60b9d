/**
 * County staff on a phone: sign in, open the statistics, see the SVG chart with its table, click
 * a number and see the people behind it (masked). With JavaScript on and off.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BASELINE_DATE } from "../../src/core/stats/figures.ts";
import { employmentStats } from "../../db/queries/stats.ts";
import { createAccount } from "../../src/use-cases/accounts.ts";
import { launchBrowser, phoneContext, serveApp, type ServedApp } from "../support/browser.ts";
import { startTestPlatform, type TestPlatform, TEST_TODAY } from "../support/test-platform.ts";

const PASSWORD = "县里看统计的密码2026";

describe("county staff read the statistics on a phone", () => {
  let platform: TestPlatform;
  let served: ServedApp;
  let browser: Browser;
  const today = TEST_TODAY;

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "browser-stats", today });
    await createAccount(platform.db, { role: "county", login: "county-stats", password: PASSWORD, by: { label: "test" } });
    served = await serveApp(platform.app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await platform?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`opens the statistics, sees chart and table, and follows a number to its people (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await phoneContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(served.baseUrl + "/login?next=%2Fbureau%2Fstats");
      await page.getByLabel("账号（手机号或用户名）").fill("county-stats");
      await page.getByLabel("密码").fill(PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL(/\/bureau\/stats$/);

      await page.getByRole("heading", { name: "就业统计", level: 1 }).waitFor();
      const section = page.locator("#by-town");
      await section.locator("svg.bar-chart").waitFor();
      expect(await section.locator("svg.bar-chart rect.chart-bar").count()).toBeGreaterThan(0);
      const box = await section.locator("svg.bar-chart").boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.width).toBeLessThanOrEqual(360);

      const rows = employmentStats(platform.db, { date: today, baseline: DEFAULT_BASELINE_DATE, by: "town" });
      const town = rows.find((r) => r.key !== "total" && r.employed > 0)!;
      const row = section.locator("tbody tr", { hasText: town.key });
      await expect(row.locator("td").nth(2).innerText()).resolves.toBe(String(town.employed));

      await row.locator("td").nth(2).getByRole("link").click();
      await page.waitForURL(/\/bureau\/stats\/people\?/);
      await expect(page.locator(".count").innerText()).resolves.toBe(`共 ${town.employed} 人`);
      const first = page.locator(".people-table tbody tr").first();
      await expect(first.locator("td").nth(1).innerText()).resolves.toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      await expect(first.locator("td").nth(2).innerText()).resolves.toContain(town.key);
      await context.close();
    });
  }
});
