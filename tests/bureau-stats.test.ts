/**
 * The bureau's statistics pages over HTTP on the demo county: the figures shown are the SQL
 * figures, every number leads to as many people as it says, a town cadre sees their own town
 * everywhere, tables download as .csv and .xlsx, and the zero-employment list filters by town.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peopleBehindFigure } from "../db/queries/stats-people.ts";
import { employmentStats, publicBenefitPostStats, workshopStats, zeroEmploymentStats } from "../db/queries/stats.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const D = "2026-11-23";
const B = "2020-12-31";
const PASSWORD = "统计页面测试密码2026";

describe("bureau statistics pages", () => {
  let platform: TestPlatform;
  let county: WebClient;
  let cadre: WebClient;
  let town = "";
  let otherTown = "";

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "bureau-stats", today: D });
    const towns = employmentStats(platform.db, { date: D, baseline: B, by: "town" }).filter((r) => r.key !== "total");
    town = towns[0]!.key;
    otherTown = towns[1]!.key;
    await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "cadre", password: PASSWORD, townName: town, by: { label: "test" } });
    county = webClient(platform.app);
    cadre = webClient(platform.app);
    expect((await county.login("county", PASSWORD)).status).toBe(303);
    expect((await cadre.login("cadre", PASSWORD)).status).toBe(303);
  });
  afterAll(() => platform?.close());

  const total = (path: string) => /共 (\d+) 人/.exec(path)?.[1];

  it("shows the headline, the breakdowns with charts and tables, workshops, public-benefit posts and the trend", async () => {
    const res = await county.get(`/bureau/stats?date=${D}&baseline=${B}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const all = employmentStats(platform.db, { date: D, baseline: B, by: "town" }).at(-1)!;
    expect(html).toContain(`>${all.labour_force}</a>`);
    expect(html).toContain(`>${all.employed}</a>`);
    expect(html.match(/<svg class="chart bar-chart"/g)!.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('<svg class="chart line-chart"');
    expect(html).not.toMatch(/style=/);
    for (const row of employmentStats(platform.db, { date: D, baseline: B, by: "platform" })) expect(html).toContain(`<td>${row.key === "total" ? "合计" : row.key}</td>`);
    for (const w of workshopStats(platform.db, { date: D }).rows.slice(0, 3)) expect(html).toContain(`<td>${w.code}</td>`);
    expect(html).toContain(`>${publicBenefitPostStats(platform.db, { date: D }).people}</a>`);
    expect(html).toContain("统计范围：全县");
    expect(html).toContain(`<a href="/bureau/zero-employment?date=${D}">${zeroEmploymentStats(platform.db, { date: D }).households.length}</a>`);
  });

  it("refuses a bad date with the message next to the form, showing today's figures", async () => {
    const res = await county.get("/bureau/stats?date=2026-02-30");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("日期格式不对");
    const late = await county.get(`/bureau/stats?date=2020-01-01&baseline=${D}`);
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("基线日期不能晚于统计日期");
  });

  it("leads every number of a breakdown to as many people as it says", async () => {
    for (const by of ["town", "platform", "category"] as const) {
      for (const row of employmentStats(platform.db, { date: D, baseline: B, by })) {
        const key = row.key === "total" ? {} : { by, key: row.key };
        const count = (figure: "labour_force" | "employed", date: string) => peopleBehindFigure(platform.db, { figure, date, ...key }, { limit: 1, offset: 0 }).total;
        expect(count("employed", D), `${by} ${row.key}`).toBe(row.employed);
        expect(count("employed", B), `${by} ${row.key} baseline`).toBe(row.employed_baseline);
        if (row.labour_force !== null) expect(count("labour_force", D)).toBe(row.labour_force);
      }
    }
    for (const w of workshopStats(platform.db, { date: D }).rows) {
      expect(peopleBehindFigure(platform.db, { figure: "workshop", date: D, employer: w.code }, { limit: 1, offset: 0 }).total).toBe(w.employed);
      expect(peopleBehindFigure(platform.db, { figure: "workshop_assisted", date: D, employer: w.code }, { limit: 1, offset: 0 }).total).toBe(w.employed_assisted);
    }
    expect(peopleBehindFigure(platform.db, { figure: "public_benefit", date: D }, { limit: 1, offset: 0 }).total).toBe(publicBenefitPostStats(platform.db, { date: D }).people);
  });

  it("lists the people behind a number, masked and paged", async () => {
    const row = employmentStats(platform.db, { date: D, baseline: B, by: "town" }).find((r) => r.key === town)!;
    const res = await county.get(`/bureau/stats/people?figure=employed&date=${D}&by=town&key=${encodeURIComponent(town)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(total(html)).toBe(String(row.employed));
    expect(html).toMatch(/\d{4}\*{10}[\dX]{4}/);
    expect(html.match(/<tr>/g)!.length - 1).toBe(Math.min(50, row.employed));
    if (row.employed > 50) expect(html).toContain("offset=50");
    expect((await county.get("/bureau/stats/people?figure=nonsense")).status).toBe(404);
  });

  it("offers the spreadsheet link only to those who may import", async () => {
    expect(await (await county.get("/bureau/stats")).text()).toContain('href="/bureau/import"');
    expect(await (await cadre.get("/bureau/stats")).text()).not.toContain('href="/bureau/import"');
  });

  it("keeps a town cadre to their own town on every page and download", async () => {
    const page = await (await cadre.get(`/bureau/stats?date=${D}&baseline=${B}`)).text();
    expect(page).toContain(`统计范围：${town}`);
    expect(page).not.toContain(`<td>${otherTown}</td>`);
    const mine = employmentStats(platform.db, { date: D, baseline: B, by: "town", town }).at(-1)!;
    expect(page).toContain(`>${mine.employed}</a>`);

    const other = await (await cadre.get(`/bureau/stats/people?figure=employed&date=${D}&by=town&key=${encodeURIComponent(otherTown)}`)).text();
    expect(total(other)).toBe("0");
    const all = await (await cadre.get(`/bureau/stats/people?figure=employed&date=${D}`)).text();
    expect(total(all)).toBe(String(mine.employed));

    const csv = await (await cadre.get(`/bureau/stats/tables/town?date=${D}&baseline=${B}&format=csv`)).text();
    expect(csv).toContain(town);
    expect(csv).not.toContain(otherTown);

    const zero = await (await cadre.get(`/bureau/zero-employment?date=${D}&town=${encodeURIComponent(otherTown)}`)).text();
    const expected = zeroEmploymentStats(platform.db, { date: D, town }).households;
    expect(zero).toContain(`共 ${expected.length} 户`);
    for (const h of zeroEmploymentStats(platform.db, { date: D, town: otherTown }).households) expect(zero).not.toContain(`>${h.code}</a>`);
  });

  it("downloads each table as .csv (UTF-8 with BOM) and .xlsx", async () => {
    for (const table of ["town", "platform", "category", "workshops", "public-benefit", "trend"]) {
      const csv = await county.get(`/bureau/stats/tables/${table}?date=${D}&baseline=${B}&format=csv`);
      expect(csv.status, table).toBe(200);
      expect(csv.headers.get("Content-Type")).toMatch(/text\/csv/);
      expect(csv.headers.get("Content-Disposition")).toMatch(/attachment/);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const xlsx = await county.get(`/bureau/stats/tables/${table}?date=${D}&baseline=${B}&format=xlsx`);
      expect(xlsx.status).toBe(200);
      expect(new TextDecoder().decode(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2))).toBe("PK");
    }
    const text = await (await county.get(`/bureau/stats/tables/town?date=${D}&baseline=${B}&format=csv`)).text();
    const all = employmentStats(platform.db, { date: D, baseline: B, by: "town" }).at(-1)!;
    expect(text).toContain(`合计,${all.labour_force},${all.employed},${all.employed_baseline}`);
    expect((await county.get(`/bureau/stats/tables/nonsense?format=csv`)).status).toBe(404);
  });

  it("lists zero-employment households to work through, filtered by town, each linking to its household", async () => {
    const everyone = zeroEmploymentStats(platform.db, { date: D }).households;
    const html = await (await county.get(`/bureau/zero-employment?date=${D}`)).text();
    expect(html).toContain(`共 ${everyone.length} 户`);
    expect(html).toContain(`href="/bureau/households/${encodeURIComponent(everyone[0]!.code)}"`);
    const inTown = zeroEmploymentStats(platform.db, { date: D, town: otherTown }).households;
    const filtered = await (await county.get(`/bureau/zero-employment?date=${D}&town=${encodeURIComponent(otherTown)}`)).text();
    expect(filtered).toContain(`共 ${inTown.length} 户`);
    const csv = await (await county.get(`/bureau/zero-employment?date=${D}&town=${encodeURIComponent(otherTown)}&format=csv`)).text();
    expect(csv.trim().split("\r\n")).toHaveLength(inTown.length + 1);
    expect((await county.get("/bureau/zero-employment?town=不存在的镇")).status).toBe(400);
  });
});
