/**
 * An older seeker on a cheap phone (360×740) with JavaScript off (issue 10): every filter is one
 * tap, a distance without a place says so and leads to the place list, the application form
 * starts with the village of the search, and the receipt code shown after applying checks and
 * withdraws the application on 查询报名 without an account. Screenshots go to SCREENSHOT_DIR
 * (default: the OS temp folder) for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../views/messages.ts";
import { browserStage, phoneContext } from "../support/browser.ts";
import { loadJobFixture } from "../support/job-fixture.ts";

const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), "jybf-seeker-shots");
const stage = browserStage({ label: "browser-seeker-nojs", demoData: false }, async (platform) => {
  await loadJobFixture(platform);
});
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

const cards = (page: Page) => page.locator("#job-list .job-card").count();
/** The page is no wider than the phone: nothing runs off to the right. */
const fitsScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("a seeker with JavaScript off", () => {
  it("filters with one tap each, is told a distance needs a place, applies with the village filled, and checks and withdraws with the receipt", async () => {
    const context = await phoneContext(stage.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/jobs");
    expect(await cards(page)).toBe(12);

    // One tap on 5 公里以内 without a place: the page says so beside the place list, on the first screen.
    await page.click("details.filters summary");
    await page.locator("#filter-radius a.choice", { hasText: messages.search.radius(5) }).click();
    await page.waitForURL(/radius=5/);
    const notice = page.locator(".notice.origin-needed");
    await expect(notice.textContent()).resolves.toBe(messages.searchNotices.radiusNeedsOrigin);
    const box = await notice.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    await page.screenshot({ path: join(SHOTS, "jobs-radius-needs-place-360.png") });
    await page.selectOption("#village", { label: "西街村" });
    await page.getByRole("button", { name: messages.chips.chooseVillage }).click();
    await page.waitForURL(/village=/);
    expect(await page.locator(".notice.origin-needed").count()).toBe(0);
    // Within 5 km of 西街村: 城关镇 (0 km) and 上坪村 (4.4 km), not 新屋村 (11 km).
    const places = await page.locator(".job-place").allTextContents();
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((p) => !p.includes("新屋村"))).toBe(true);

    // Filters: each chip is one tap, the chosen one marked, and the search kept.
    // The panel stays open while something in it is chosen.
    await page.locator("#filter-radius a.choice", { hasText: messages.search.radiusAny }).click();
    await page.waitForURL((url) => !url.searchParams.has("radius"));
    await page.screenshot({ path: join(SHOTS, "jobs-first-screen-360.png") });
    await page.click("details.filters summary");
    await page.locator("#filter-type a.choice", { hasText: "家门口车间" }).click();
    await page.waitForURL(/type=/);
    expect(await cards(page)).toBe(5);
    await page.locator("#filter-time a.choice", { hasText: "全天班" }).click();
    await page.waitForURL(/time=/);
    expect(await cards(page)).toBe(4);
    // The new page opens at the results: the tap's effect is on screen, with what is chosen.
    const count = await page.locator("#job-list .count").boundingBox();
    expect(count!.y).toBeGreaterThanOrEqual(0);
    expect(count!.y + count!.height).toBeLessThanOrEqual(740);
    await expect(page.locator("#job-list .chosen").textContent()).resolves.toContain("全天班");
    await page.screenshot({ path: join(SHOTS, "jobs-after-tap-360.png") });
    expect(new URL(page.url()).searchParams.get("village")).not.toBeNull();
    await expect(page.locator("#filter-time a.choice[aria-current]").textContent()).resolves.toContain("全天班");
    const chip = await page.locator("#filter-time a.choice").first().boundingBox();
    expect(chip!.height).toBeGreaterThanOrEqual(44);
    expect(await fitsScreen(page)).toBe(true);
    await page.screenshot({ path: join(SHOTS, "jobs-filters-chips-360.png"), fullPage: true });

    // The job's form starts with the village of the search.
    await page.getByRole("link", { name: /箱包缝纫工/ }).click();
    await page.waitForURL(/\/jobs\/F01\?village=/);
    expect(await page.inputValue("#apply-village")).toBe("西街村");
    await page.fill("#apply-name", "曾秀兰");
    await page.fill("#apply-phone", "13907970777");
    await page.locator("#apply").screenshot({ path: join(SHOTS, "apply-form-prefilled-360.png") });
    await page.click("form.apply button[type=submit]");
    await expect(page.locator("h1").textContent()).resolves.toBe(messages.apply.doneTitle);
    const code = (await page.locator("#receipt-code").textContent())!.trim();
    expect(code).toMatch(/^\d{4}-\d{4}$/);
    expect(await fitsScreen(page)).toBe(true);
    await page.screenshot({ path: join(SHOTS, "applied-receipt-360.png"), fullPage: true });

    // 查询报名 with phone and code: masked, and withdrawn with one more tap.
    await page.getByRole("link", { name: messages.receipt.link }).click();
    await page.waitForURL(/\/applications\/check$/);
    await page.fill("#check-phone", "13907970777");
    await page.fill("#check-code", code);
    await page.screenshot({ path: join(SHOTS, "check-form-360.png"), fullPage: true });
    await page.getByRole("button", { name: messages.receipt.submit }).click();
    await expect(page.locator(".receipt-found").textContent()).resolves.toContain("箱包缝纫工");
    const found = (await page.locator(".receipt-found").textContent())!;
    expect(found).toContain("曾*兰");
    expect(found).toContain("139****0777");
    expect(found).not.toContain("13907970777");
    await page.screenshot({ path: join(SHOTS, "check-found-360.png"), fullPage: true });
    await page.getByRole("button", { name: messages.receipt.withdraw }).click();
    await expect(page.locator(".receipt-found .notice").textContent()).resolves.toBe(messages.receipt.withdrawn);
    await expect(page.locator(".receipt-found .badge").textContent()).resolves.toBe("已撤回");
    expect(await fitsScreen(page)).toBe(true);
    await page.screenshot({ path: join(SHOTS, "check-withdrawn-360.png"), fullPage: true });
    await context.close();
  });
});
