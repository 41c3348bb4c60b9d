import { describe, expect, it } from "vitest";
import { browserStage, phoneContext } from "../support/browser.ts";

describe("the home page on a phone", () => {
  const stage = browserStage({ label: "browser-home" });

  it("shows the demo county's newest open postings, each linking to its page", async () => {
    const context = await phoneContext(stage.browser);
    const page = await context.newPage();
    const response = await page.goto(stage.served.baseUrl + "/");
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toContain("就业帮扶");
    const cards = page.locator(".job-card");
    expect(await cards.count()).toBeGreaterThanOrEqual(5);
    const firstTitle = (await cards.first().locator(".job-title").textContent())?.trim();
    expect(firstTitle).toMatch(/\p{Script=Han}/u);
    await expect(cards.first().locator(".job-pay").textContent()).resolves.toMatch(/元|面议/);

    await cards.first().locator("a").click();
    await page.waitForURL(/\/jobs\/P\d+/);
    await expect(page.locator("h1").textContent()).resolves.toBe(firstTitle);
    await context.close();
  });

  it("offers big category buttons that lead to postings of that kind", async () => {
    const context = await phoneContext(stage.browser);
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/");
    const button = page.getByRole("link", { name: "公益性岗位", exact: true });
    const box = await button.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    await button.click();
    await page.waitForURL(/type=/);
    const badges = await page.locator(".job-card .badge").allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(["公益性岗位"]));
    await context.close();
  });

  it("searches with JavaScript off through the plain form", async () => {
    const context = await phoneContext(stage.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/");
    await page.fill("input[name=q]", "保洁");
    await page.click("form.search button[type=submit]");
    await page.waitForURL(/q=/);
    const titles = await page.locator(".job-card").allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.some((t) => t.includes("保洁"))).toBe(true);
    await context.close();
  });

  it("loads no script or style from another origin and fits the phone's width", async () => {
    const context = await phoneContext(stage.browser);
    const page = await context.newPage();
    const origins = new Set<string>();
    page.on("request", (request) => origins.add(new URL(request.url()).origin));
    await page.goto(stage.served.baseUrl + "/");
    await page.waitForLoadState("networkidle");
    expect([...origins]).toEqual([stage.served.baseUrl]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
