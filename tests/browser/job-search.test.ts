/**
 * A job seeker on a phone, over the fixed county: searching as they type (simplified, traditional,
 * the field's synonyms), filtering, nearest first from their village or their position, opening a
 * job and applying — and the same search and application with JavaScript off.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { messages } from "../../views/messages.ts";
import { browserStage, PHONE, phoneContext } from "../support/browser.ts";
import { loadJobFixture } from "../support/job-fixture.ts";

const stage = browserStage({ label: "browser-search", demoData: false }, async (platform) => {
  await loadJobFixture(platform);
});

const titles = (page: Page) => page.locator("#job-list .job-title").allTextContents();

/** Opens the results page and marks the document, so a later check can tell htmx swapped the list rather than a new page loading. */
async function openResults(page: Page, path = "/jobs") {
  await page.goto(stage.served.baseUrl + path);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
}
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

/** Types into the search box and waits for the list to show what was typed. */
async function typeSearch(page: Page, words: string) {
  await page.fill("#q", words);
  await page.waitForURL((url) => url.searchParams.get("q") === words);
  await page.waitForFunction(() => !document.querySelector("#job-list.htmx-request, .htmx-request #job-list"));
}

describe("searching on a phone", () => {
  it("updates the list as one types, and the address follows", async () => {
    const context = await phoneContext(stage.browser);
    const page = await context.newPage();
    await openResults(page);
    expect(await page.locator(".job-card").count()).toBe(12);

    await typeSearch(page, "缝纫");
    await expect.poll(() => titles(page)).toEqual(expect.arrayContaining(["箱包缝纫工", "服装车工", "縫紉學徒"]));
    expect(await page.locator(".job-card").count()).toBe(3);
    expect(await sameDocument(page)).toBe(true);
    await context.close();
  });

  it("finds simplified postings from traditional input, and the field's synonyms", async () => {
    const context = await phoneContext(stage.browser);
    const page = await context.newPage();
    await openResults(page);

    await typeSearch(page, "縫紉");
    await expect.poll(() => titles(page)).toContain("箱包缝纫工");

    await typeSearch(page, "扶贫车间");
    await expect.poll(async () => (await titles(page)).sort()).toEqual(["剪线头", "服装车工", "电子元件组装", "箱包缝纫工", "縫紉學徒"].sort());

    await typeSearch(page, "清洁");
    await expect.poll(async () => (await titles(page)).sort()).toEqual(["环卫工", "道路保洁员"]);
    await context.close();
  });

  it("filters by type, working time and age, with the counts following, and goes back step by step", async () => {
    const context = await phoneContext(stage.browser);
    const page = await context.newPage();
    await openResults(page);
    await page.click("details.filters summary");

    await page.locator("#filter-type a.choice", { hasText: "家门口车间" }).click();
    await page.waitForURL(/type=/);
    await expect.poll(() => page.locator(".job-card").count()).toBe(5);

    await page.locator("#filter-time a.choice", { hasText: "全天班" }).click();
    await page.waitForURL(/time=/);
    await expect.poll(() => page.locator(".job-card").count()).toBe(4);
    // The counts follow: under 家门口车间, one posting is 灵活.
    await expect.poll(() => page.locator("a.choice", { hasText: "时间灵活" }).locator(".n").textContent()).toBe("1");
    // The chips' links follow too (refreshed out of band): the next tap keeps both choices.
    await expect.poll(() => page.locator("#filter-time a.choice", { hasText: "时间灵活" }).getAttribute("href")).toMatch(/type=.*time=/);

    await page.fill("#age", "58");
    await page.waitForURL(/age=58/);
    await expect.poll(async () => (await titles(page)).sort()).toEqual(["电子元件组装", "箱包缝纫工"]);
    expect(await page.locator("details.filters").getAttribute("open")).not.toBeNull();
    expect(await sameDocument(page)).toBe(true);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has("age"));
    await expect.poll(() => page.locator(".job-card").count()).toBe(4);
    await context.close();
  });

  it("orders by distance from a chosen village, with the distance on every card, and carries it to the job", async () => {
    const context = await phoneContext(stage.browser);
    const page = await context.newPage();
    await openResults(page);
    await page.selectOption("#village", { label: "西街村" });
    await page.waitForURL(/village=/);
    await expect.poll(() => page.locator("#job-list .distance").count()).toBe(12);
    const towns = await page.locator(".job-place").allTextContents();
    expect(towns[0]).toContain("城关镇");
    expect(towns.at(-1)).toContain("双龙镇");

    await page.getByRole("link", { name: /箱包缝纫工/ }).click();
    await page.waitForURL(/\/jobs\/F01\?village=/);
    await expect(page.locator(".facts .distance").textContent()).resolves.toContain("离西街村 4.4 公里");
    await context.close();
  });

  it("orders by distance from the phone's position when the person allows it", async () => {
    const context = await stage.browser.newContext({
      ...PHONE,
      permissions: ["geolocation"],
      geolocation: { latitude: 26.05, longitude: 115.4 },
    });
    const page = await context.newPage();
    await openResults(page);
    await page.getByRole("button", { name: messages.search.locate }).click();
    await page.waitForURL(/lat=26\.05/);
    await expect.poll(() => page.locator(".job-place").first().textContent()).toContain("双龙镇");
    await context.close();
  });

  it("opens a job, reads what it needs, and applies", async () => {
    const context = await phoneContext(stage.browser);
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/jobs?q=" + encodeURIComponent("护林"));
    await page.getByRole("link", { name: /生态护林员/ }).click();
    await page.waitForURL(/\/jobs\/F05/);
    await expect(page.locator("h1").textContent()).resolves.toBe("生态护林员");
    expect(await page.locator("img[src$='qr.svg']").count()).toBe(1);
    // The browser has speech synthesis, so the read-aloud button shows.
    expect(await page.locator("#read-aloud").isVisible()).toBe(true);

    await page.fill("#apply-name", "黄冬梅");
    await page.fill("#apply-phone", "1390797");
    await page.click("form.apply button[type=submit]");
    await expect(page.locator("#apply-phone-error").textContent()).resolves.toBe(messages.apply.errors.phoneInvalid);
    expect(await page.inputValue("#apply-name")).toBe("黄冬梅");

    await page.fill("#apply-phone", "13907970123");
    await page.click("form.apply button[type=submit]");
    await expect(page.locator("h1").textContent()).resolves.toBe(messages.apply.doneTitle);
    await expect(page.locator("body").textContent()).resolves.toContain("13907970123");
    await context.close();
  });
});

describe("with JavaScript off", () => {
  it("searches, filters and applies through plain forms", async () => {
    const context = await phoneContext(stage.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(stage.served.baseUrl + "/jobs");
    expect(await page.locator("#locate").isVisible()).toBe(false);

    await page.fill("#q", "縫紉");
    await page.click("form.search .search-row button[type=submit]");
    await page.waitForURL(/q=/);
    expect((await titles(page)).sort()).toEqual(["服装车工", "箱包缝纫工", "縫紉學徒"].sort());

    await page.click("details.filters summary");
    // Each chip is one tap: a link to the same search with that choice made.
    await page.locator("#filter-type a.choice", { hasText: "家门口车间" }).click();
    await page.waitForURL(/type=/);
    await page.locator("#filter-time a.choice", { hasText: "全天班" }).click();
    await page.waitForURL(/time=/);
    await page.fill("#age", "50");
    await page.click(".form-end button[type=submit]");
    await page.waitForURL(/age=50/);
    expect((await titles(page)).sort()).toEqual(["服装车工", "箱包缝纫工"].sort());

    await page.getByRole("link", { name: /服装车工/ }).click();
    await page.waitForURL(/\/jobs\/F03/);
    expect(await page.locator("#read-aloud").isVisible()).toBe(false);
    await page.fill("#apply-name", "曾秀兰");
    await page.fill("#apply-phone", "13907970456");
    await page.click("form.apply button[type=submit]");
    await expect(page.locator("h1").textContent()).resolves.toBe(messages.apply.doneTitle);

    // Sending the form again (a reload) says kindly it was done already.
    await page.goBack();
    await page.fill("#apply-name", "曾秀兰");
    await page.fill("#apply-phone", "13907970456");
    await page.click("form.apply button[type=submit]");
    await expect(page.locator("h1").textContent()).resolves.toBe(messages.apply.alreadyTitle);
    await context.close();
  });
});
