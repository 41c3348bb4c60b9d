/**
 * Issue 10, "figures people can read": county staff at a desk (1280 px) read the workshop chart
 * with every name inside the chart and the trend chart with labelled axes, month labels and
 * printed values; a town cadre on a 360 px phone uses the statistics date form without the page
 * running off screen. Screenshots go to the test's temporary directory for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../src/use-cases/accounts.ts";
import { browserStage, phoneContext } from "../support/browser.ts";

const PASSWORD = "看懂统计图的密码2026";
export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? join(process.cwd(), "data", "screenshots");

async function signIn(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(baseUrl + "/login?next=%2Fbureau%2Fstats");
  await page.getByLabel("账号（手机号或用户名）").fill(login);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/bureau\/stats$/);
}

describe("figures people can read", () => {
  let town = "";
  const stage = browserStage({ label: "browser-figures" }, async (platform) => {
    town = (platform.db.$client.prepare("SELECT name FROM towns ORDER BY id LIMIT 1").get() as { name: string }).name;
    await createAccount(platform.db, { role: "county", login: "county-figures", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "town-figures", password: PASSWORD, townName: town, by: { label: "test" } });
    // A workshop with a long name, as counties write them.
    platform.db.$client.prepare("UPDATE employers SET name = ? WHERE id = (SELECT id FROM employers WHERE type = '帮扶车间' ORDER BY id LIMIT 1)").run("于都县岭背镇易地搬迁安置点第二帮扶车间（服装加工）");
  });

  it("on a desk, every workshop name starts inside the chart and the trend chart labels its axes and prints its values", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const context = await stage.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    await signIn(page, stage.served.baseUrl, "county-figures");

    const workshops = page.locator("#workshops svg.bar-chart");
    await workshops.waitFor();
    const labelBoxes = await workshops.locator("text.chart-label").evaluateAll((els) => els.map((el) => { const b = (el as SVGGraphicsElement).getBBox(); return { x: b.x, width: b.width }; }));
    expect(labelBoxes.length).toBeGreaterThan(0);
    for (const box of labelBoxes) expect(box.x).toBeGreaterThanOrEqual(0);
    // The full name stays readable in the table.
    await expect(page.locator("#workshops table").innerText()).resolves.toContain("于都县岭背镇易地搬迁安置点第二帮扶车间（服装加工）");
    await workshops.screenshot({ path: join(SCREENSHOTS, "workshops-1280.png") });

    const trend = page.locator("#trend svg.line-chart");
    const points = await page.locator("#trend tbody tr").count();
    expect(await trend.locator("text.chart-point-value").count()).toBe(points);
    const monthLabels = await trend.locator("text.chart-tick").allTextContents();
    expect(monthLabels.filter((t) => /^\d{1,2}月$/.test(t)).length).toBe(points);
    expect(monthLabels.filter((t) => /^\d+$/.test(t)).length).toBeGreaterThanOrEqual(3);
    await expect(trend.locator("text.chart-axis-title").allTextContents()).resolves.toEqual(["已就业（人）", expect.stringMatching(/^月份（\d{4}-\d{2} 至 \d{4}-\d{2}）$/)]);
    // The values the table lists are the ones printed on the chart.
    const employed = await page.locator("#trend tbody tr td:nth-child(3)").allInnerTexts();
    await expect(trend.locator("text.chart-point-value").allTextContents()).resolves.toEqual(employed);
    await trend.screenshot({ path: join(SCREENSHOTS, "trend-1280.png") });
    await context.close();
  });

  it("on a 360 px phone, the town cadre's statistics date form fits the screen", async () => {
    const context = await phoneContext(stage.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, stage.served.baseUrl, "town-figures");
    await page.locator("form.stats-form").waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const form = await page.locator("form.stats-form").boundingBox();
    expect(form!.x + form!.width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, "stats-town-360.png"), fullPage: false });
    await context.close();
  });
});
