/**
 * The statistics page's figures are rendered once per snapshot, date, baseline and town
 * (views/pages/bureau/stats.tsx statsFiguresHtml) and the per-user shell around them each time:
 * over HTTP on the demo county, two county staff get the same figures with their own CSRF token,
 * a town cadre never gets the county's figures (nor the county the cadre's), another date is its
 * own page, and after a change the very next page and API answer have it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employmentColumns } from "../src/core/stats/columns.ts";
import { createAccount, createApiToken } from "../src/use-cases/accounts.ts";
import { startTestPlatform, TEST_TODAY, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const B = "2020-12-31";
const PASSWORD = "统计页面缓存测试密码2026";

describe("the statistics page kept per snapshot", () => {
  let platform: TestPlatform;
  let countyA: WebClient;
  let countyB: WebClient;
  let cadre: WebClient;
  let town = "";
  let token = "";

  /** The employed figure of the page's headline (the first link to the employed people at D). */
  const headline = (html: string, date = TEST_TODAY) => Number(new RegExp(`figure=employed&amp;date=${date}">(\\d+)</a>`).exec(html)?.[1]);
  /** The figures part of a page: everything after the date form. */
  const figuresOf = (html: string) => html.slice(html.indexOf("</form>"), html.indexOf("</main>"));
  const page = async (client: WebClient, date = TEST_TODAY) => {
    const res = await client.get(`/bureau/stats?date=${date}&baseline=${B}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  const expected = async (scope: { town?: string } = {}, date = TEST_TODAY) =>
    employmentColumns((await platform.statistics.fresh()).columns, { date, baseline: B, by: "town", ...scope }).at(-1)!.employed;
  const viaApi = async () => {
    const res = await platform.app.request(`/api/v1/stats/employment?date=${TEST_TODAY}&baseline=${B}&by=town`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { rows: { key: string; employed: number }[] }).rows.at(-1)!.employed;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "stats-page-cache" });
    town = (platform.db.$client.prepare("SELECT t.name FROM towns t ORDER BY t.id LIMIT 1").pluck().get() as string) ?? "";
    await createAccount(platform.db, { role: "county", login: "county-a", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "county", login: "county-b", password: PASSWORD, by: { label: "test" } });
    await createAccount(platform.db, { role: "town", login: "cadre", password: PASSWORD, townName: town, by: { label: "test" } });
    token = createApiToken(platform.db, { role: "county", name: "page-cache", by: { label: "test" } }).token;
    countyA = webClient(platform.app);
    countyB = webClient(platform.app);
    cadre = webClient(platform.app);
    for (const [client, login] of [[countyA, "county-a"], [countyB, "county-b"], [cadre, "cadre"]] as const) expect((await client.login(login, PASSWORD)).status).toBe(303);
    await platform.statistics.fresh();
  });
  afterAll(() => platform?.close());

  it("gives two county viewers the same figures, each with their own CSRF token", async () => {
    const a = await page(countyA);
    const tokenA = countyA.csrf!;
    const b = await page(countyB);
    const tokenB = countyB.csrf!;
    expect(tokenA).toBeTruthy();
    expect(tokenB).toBeTruthy();
    expect(tokenA).not.toBe(tokenB);
    expect(a).toContain(tokenA);
    expect(a).not.toContain(tokenB);
    expect(b).toContain(tokenB);
    expect(b).not.toContain(tokenA);
    expect(figuresOf(b)).toBe(figuresOf(a));
    expect(figuresOf(a)).not.toContain(tokenA);
    expect(headline(a)).toBe(await expected());
  });

  it("never serves the county's figures to a town cadre, nor the cadre's to the county", async () => {
    const county = await page(countyA);
    const ofTown = await page(cadre);
    const countyAgain = await page(countyB);
    expect(headline(ofTown)).toBe(await expected({ town }));
    expect(headline(ofTown)).toBeLessThan(headline(county));
    expect(ofTown).toContain(`统计范围：${town}`);
    expect(ofTown).not.toContain('href="/bureau/stats/subsidies"');
    expect(headline(countyAgain)).toBe(headline(county));
    expect(countyAgain).toContain('href="/bureau/stats/subsidies"');
  });

  it("keeps another date's page apart", async () => {
    const earlier = "2026-06-15"; // not a month end: no trend link carries it
    const html = await page(countyA, earlier);
    expect(headline(html, earlier)).toBe(await expected({}, earlier));
    expect(html).toContain(`value="${earlier}"`);
    expect(headline(await page(countyA))).toBe(await expected());
  });

  it("shows a placement ended, then recorded again, in the very next page and API answer", async () => {
    const before = headline(await page(countyA));
    const townBefore = headline(await page(cadre));
    const placement = platform.db.$client
      .prepare(
        `SELECT p.id FROM placements p JOIN workers w ON w.id = p.worker_id JOIN households h ON h.id = w.household_id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id
         WHERE t.name = ? AND h.category <> '一般户' AND w.labour_ability = '有劳动能力' AND w.birth_date <= '1990-01-01' AND p.end_date IS NULL AND p.needs_confirmation = 0 AND p.start_date < ?
           AND (SELECT count(*) FROM placements o WHERE o.worker_id = p.worker_id AND o.end_date IS NULL) = 1
         ORDER BY p.id LIMIT 1`,
      )
      .pluck()
      .get(town, TEST_TODAY) as number;
    expect(placement).toBeGreaterThan(0);
    platform.db.$client.prepare("UPDATE placements SET end_date = '2026-11-01' WHERE id = ?").run(placement);
    expect(headline(await page(countyA))).toBe(before - 1);
    expect(headline(await page(cadre))).toBe(townBefore - 1);
    expect(await viaApi()).toBe(before - 1);
    platform.db.$client.prepare("UPDATE placements SET end_date = NULL WHERE id = ?").run(placement);
    expect(await viaApi()).toBe(before);
    expect(headline(await page(countyB))).toBe(before);
    expect(headline(await page(cadre))).toBe(townBefore);
  });
});
