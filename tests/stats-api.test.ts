/**
 * The statistics of the JSON API from the outside: each token kind against each endpoint, a town
 * token's figures narrowed to its town, bad parameters, missing and wrong tokens. Figures are
 * held to db/queries/stats.ts (itself held to the reference in tests/stats-queries.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employmentStats, workshopStats, zeroEmploymentStats } from "../db/queries/stats.ts";
import { createApiToken } from "../src/use-cases/accounts.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

const D = "2026-11-23";

describe("GET /api/v1/stats/…", () => {
  let platform: TestPlatform;
  const tokens: Record<"county" | "town" | "department", string> = { county: "", town: "", department: "" };
  let town = "";

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "stats-api", today: D });
    // The town with the most zero-employment households, so its scope is visible.
    town = zeroEmploymentStats(platform.db, { date: D }).households.map((h) => h.town).sort()[0]!;
    const by = { label: "test" };
    tokens.county = createApiToken(platform.db, { role: "county", name: "县民政局", by }).token;
    tokens.town = createApiToken(platform.db, { role: "town", townName: town, name: "镇政府", by }).token;
    tokens.department = createApiToken(platform.db, { role: "department", name: "住建局", by }).token;
  });
  afterAll(() => platform?.close());

  const get = (path: string, token?: string) =>
    platform.app.request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  it("gives a county token the county's employment by town, platform and category", async () => {
    for (const by of ["town", "platform", "category"] as const) {
      const res = await get(`/api/v1/stats/employment?date=${D}&baseline=2020-12-31&by=${by}`, tokens.county);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { rows: { key: string; labour_force: number | null }[] };
      expect(body).toEqual({ rows: employmentStats(platform.db, { date: D, baseline: "2020-12-31", by }) });
      expect(body.rows.at(-1)!.key).toBe("total");
      if (by === "platform") expect(body.rows.filter((r) => r.key !== "total").every((r) => r.labour_force === null)).toBe(true);
    }
  });

  it("defaults the breakdown to town and the baseline to 2020-12-31", async () => {
    const body = await (await get(`/api/v1/stats/employment?date=${D}`, tokens.county)).json();
    expect(body).toEqual({ rows: employmentStats(platform.db, { date: D, baseline: "2020-12-31", by: "town" }) });
  });

  it("narrows a town token's figures to its own town", async () => {
    const employment = (await (await get(`/api/v1/stats/employment?date=${D}`, tokens.town)).json()) as { rows: { key: string }[] };
    expect(employment.rows.map((r) => r.key)).toEqual([town, "total"]);
    expect(employment).toEqual({ rows: employmentStats(platform.db, { date: D, baseline: "2020-12-31", by: "town", town }) });

    const zero = (await (await get(`/api/v1/stats/zero-employment?date=${D}`, tokens.town)).json()) as { households: { town: string }[] };
    expect(zero.households.length).toBeGreaterThan(0);
    expect(zero.households.every((h) => h.town === town)).toBe(true);
    expect(zero).toEqual(zeroEmploymentStats(platform.db, { date: D, town }));

    const workshops = await (await get(`/api/v1/stats/workshops?date=${D}`, tokens.town)).json();
    expect(workshops).toEqual(workshopStats(platform.db, { date: D, town }));
  });

  it("gives a county token every zero-employment household and workshop", async () => {
    const zero = (await (await get(`/api/v1/stats/zero-employment?date=${D}`, tokens.county)).json()) as { households: { town: string }[] };
    expect(zero).toEqual(zeroEmploymentStats(platform.db, { date: D }));
    expect(new Set(zero.households.map((h) => h.town)).size).toBeGreaterThan(1);
    expect(await (await get(`/api/v1/stats/workshops?date=${D}`, tokens.county)).json()).toEqual(workshopStats(platform.db, { date: D }));
  });

  it("lets a department token read the county's aggregates but not the list of households", async () => {
    expect((await get(`/api/v1/stats/employment?date=${D}&by=category`, tokens.department)).status).toBe(200);
    expect((await get(`/api/v1/stats/workshops?date=${D}`, tokens.department)).status).toBe(200);
    const refused = await get(`/api/v1/stats/zero-employment?date=${D}`, tokens.department);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/无权/);
  });

  it("shows a placement ended in the registry in the next answer, once the snapshot has reloaded", async () => {
    const url = `/api/v1/stats/employment?date=${D}&baseline=2020-12-31&by=town`;
    const before = ((await (await get(url, tokens.county)).json()) as { rows: { key: string; employed: number }[] }).rows.at(-1)!;
    // An employed 帮扶对象 labour-force worker whose open placements all began before yesterday.
    const worker = platform.db.$client
      .prepare(
        `SELECT w.id FROM workers w JOIN households h ON h.id = w.household_id JOIN placements p ON p.worker_id = w.id
         WHERE h.category <> '一般户' AND w.labour_ability IN ('有劳动能力', '弱劳动力或半劳动力') AND w.birth_date <= '2010-11-23'
           AND p.start_date <= @d AND (p.end_date IS NULL OR p.end_date >= @d)
         GROUP BY w.id HAVING max(p.start_date) < '2026-11-22' ORDER BY w.id LIMIT 1`,
      )
      .pluck()
      .get({ d: D }) as number;
    platform.db.$client.prepare("UPDATE placements SET end_date = '2026-11-22' WHERE worker_id = ? AND (end_date IS NULL OR end_date >= ?)").run(worker, D);
    await platform.statistics.fresh();
    const after = ((await (await get(url, tokens.county)).json()) as { rows: { key: string; employed: number }[] }).rows.at(-1)!;
    expect(after.employed).toBe(before.employed - 1);
    expect(after).toEqual(employmentStats(platform.db, { date: D, baseline: "2020-12-31", by: "town" }).at(-1));
  });

  it("answers 401 without a token and with an unknown one", async () => {
    for (const path of ["/api/v1/stats/employment", "/api/v1/stats/zero-employment", "/api/v1/stats/workshops"]) {
      const res = await get(path);
      expect(res.status).toBe(401);
      expect((await res.json()).message).toMatch(/令牌/);
      expect((await get(path, "jyt_nonsense")).status).toBe(401);
    }
  });

  it("answers 400 with a message in Chinese for a bad parameter", async () => {
    const cases: [string, RegExp][] = [
      ["/api/v1/stats/employment?date=2026-13-01", /日期格式不对/],
      ["/api/v1/stats/employment?date=yesterday", /日期格式不对/],
      ["/api/v1/stats/employment?by=village", /by 只能是/],
      [`/api/v1/stats/employment?date=2020-01-01&baseline=${D}`, /基线日期不能晚于/],
      ["/api/v1/stats/zero-employment?date=2026-02-30", /日期格式不对/],
      ["/api/v1/stats/workshops?date=20261123", /日期格式不对/],
    ];
    for (const [path, message] of cases) {
      const res = await get(path, tokens.county);
      expect(res.status, path).toBe(400);
      expect((await res.json()).message).toMatch(message);
    }
  });
});
