/**
 * The job board's pages in-process: facet counts that show what each choice would give, the
 * htmx fragment with its out-of-band counts and short address, distances carried to a job's
 * page, the QR code, and no inline style anywhere (the Content-Security-Policy forbids it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicOrigin } from "../src/routes/public/job-board.tsx";
import { messages } from "../views/messages.ts";
import { loadJobFixture } from "./support/job-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

let platform: TestPlatform;
let xijie: number;

beforeAll(async () => {
  platform = await startTestPlatform({ label: "job-board", demoData: false });
  await loadJobFixture(platform);
  xijie = (platform.db.$client.prepare("SELECT id FROM villages WHERE name = '西街村'").get() as { id: number }).id;
});
afterAll(() => platform?.close());

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await platform.app.request(path, { headers });
  expect(res.status).toBe(200);
  return { html: await res.text(), headers: res.headers };
};
const enc = encodeURIComponent;
/** The count shown beside a choice (a chip linking to the search with `name=value`) labelled `label`. */
const countOf = (html: string, name: string, value: string, label: string) =>
  Number(
    html.match(new RegExp(`<a class="choice" href="[^"]*(?:[?&]|&amp;)${name}=${enc(value)}[^"]*"[^>]*><span>${label}</span><span class="n(?: zero)?">(\\d+)<`))?.[1],
  );

describe("the results page", () => {
  it("counts each choice with the other filters applied, not its own", async () => {
    const { html } = await page(`/jobs?type=${enc("帮扶车间")}&time=${enc("全天")}`);
    expect(html).toContain(messages.search.resultsCount(4));
    // Other types, still under 全天: 公益性岗位 F12, 用工企业 F06 + F07.
    expect(countOf(html, "type", "帮扶车间", "家门口车间")).toBe(4);
    expect(countOf(html, "type", "公益性岗位", "公益性岗位")).toBe(1);
    expect(countOf(html, "type", "用工企业", "企业招工")).toBe(2);
    // Other working times, still among 帮扶车间: F02 is 灵活.
    expect(countOf(html, "time", "灵活", "时间灵活")).toBe(1);
    expect(countOf(html, "time", "半天", "半天班")).toBe(0);
    // Benefits among the results: F01 包吃 接送, F03 包吃 包住.
    expect(countOf(html, "benefit", "包吃", "包吃")).toBe(2);
    expect(countOf(html, "town", "双龙镇", "双龙镇")).toBe(3);
  });

  it("counts pay levels, day pay as 22 days a month", async () => {
    const { html } = await page("/jobs");
    // ≥ 3000: F01 3500, F03 3600, F06 3200, F09 3000, F07 250×22 = 5500, F08 150×22 = 3300, F11 180×22 = 3960.
    expect(countOf(html, "pay", "3000", "每月 3000 元以上")).toBe(7);
    expect(countOf(html, "pay", "4000", "每月 4000 元以上")).toBe(1);
  });

  it("returns the list and the refreshed counts out of band when htmx asks, with a short address", async () => {
    const { html, headers } = await page(`/jobs?q=${enc("缝纫")}&type=&town=&time=&age=&sort=relevance&village=&radius=&lat=&lng=`, {
      "HX-Request": "true",
      "HX-Target": "job-list",
    });
    expect(html).not.toContain("<html");
    expect(html).toMatch(/^<div id="job-list"/);
    for (const id of ["filter-type", "filter-time", "filter-town", "filter-pay", "filter-benefits"]) {
      expect(html).toMatch(new RegExp(`id="${id}"[^>]*hx-swap-oob="true"`));
    }
    expect(headers.get("HX-Push-Url")).toBe(`/jobs?q=${enc("缝纫")}&sort=relevance`);
    expect(headers.get("Vary")).toContain("HX-Target");
  });

  it("orders by distance from a chosen village and carries it to the job's page", async () => {
    const { html } = await page(`/jobs?village=${xijie}`);
    const distances = [...html.matchAll(/class="distance">距离 ([\d.]+) (公里|米)</g)].map((m) => (m[2] === "米" ? Number(m[1]) / 1000 : Number(m[1])));
    expect(distances).toHaveLength(12);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(html).toContain(`href="/jobs/F01?village=${xijie}"`);
    const job = await page(`/jobs/F01?village=${xijie}`);
    expect(job.html).toContain("离西街村 4.4 公里");
  });

  it("asks where the seeker is when they sort by distance without saying", async () => {
    const { html } = await page("/jobs?sort=distance");
    expect(html).toContain(messages.search.distanceNeedsOrigin);
  });

  it("works through a plain form: every control has a name the server reads, and chosen chips ride along as hidden fields", async () => {
    const chosen = `/jobs?type=${enc("帮扶车间")}&time=${enc("全天")}&town=${enc("双龙镇")}&pay=2000&benefit=${enc("包吃")}&sort=newest&radius=5&village=${xijie}`;
    const { html } = await page(chosen);
    expect(html).toMatch(/<form id="job-search" class="search" action="\/jobs" method="get"/);
    for (const name of ["q", "sort", "village", "radius", "lat", "lng", "age", "type", "time", "town", "pay", "benefit"]) {
      expect(html).toContain(`name="${name}"`);
    }
    expect(html).toContain(`<input type="hidden" name="type" value="帮扶车间"/>`);
    expect(html).toContain(`<input type="hidden" name="benefit" value="包吃"/>`);
  });
});

describe("a job's page", () => {
  it("shows what a person needs to decide, and the buttons that need the browser start hidden", async () => {
    const { html } = await page("/jobs/F07");
    expect(html).toContain("200–250 元/天");
    expect(html).toContain(messages.job.payHow["日"]);
    expect(html).toContain("22–50 岁");
    expect(html).toContain(messages.job.physicalLevel["中"]);
    expect(html).toMatch(/<button type="button" id="read-aloud"[^>]*hidden/);
    expect(html).toMatch(/<button type="button" id="print-page"[^>]*hidden/);
    expect(html).toContain('src="/jobs/F07/qr.svg"');
    expect(html).toContain('class="apply"');
  });

  it("points QR codes at PUBLIC_URL when set, else at the address the request came to", () => {
    expect(publicOrigin({ publicUrl: "https://jiuye.example.gov.cn" }, "http://127.0.0.1:3000/jobs/F07/qr.svg")).toBe("https://jiuye.example.gov.cn");
    expect(publicOrigin({}, "http://192.168.1.5:3000/jobs/F07/qr.svg")).toBe("http://192.168.1.5:3000");
  });

  it("serves a QR code of the page as SVG", async () => {
    const res = await platform.app.request("/jobs/F07/qr.svg");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/svg+xml");
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toMatch(/ style=/);
    expect((await platform.app.request("/jobs/NOPE/qr.svg")).status).toBe(404);
  });

  it("uses no inline style or script on any page", async () => {
    for (const path of ["/", "/jobs", `/jobs?village=${xijie}&type=${enc("帮扶车间")}`, "/jobs/F01", "/jobs/F14"]) {
      const { html } = await page(path);
      expect(html, path).not.toMatch(/ style=|<style|<script>|<script [^>]*>[^<]/);
    }
  });
});
