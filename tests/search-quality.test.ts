/**
 * Search quality over a fixed county (tests/support/job-fixture.ts) with the expected results
 * written down: simplified and traditional input, synonyms of the field, typing slips, filters
 * and distance order — through the JSON API, against the real engine.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadJobFixture, OPEN_FIXTURE_CODES } from "./support/job-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ label: "search-quality", demoData: false });
  await loadJobFixture(platform);
});
afterAll(() => platform?.close());

interface Hit {
  code: string;
  distance_km?: number;
  employer: { type: string };
  town: string;
}

async function search(params: Record<string, string | number>): Promise<{ hits: Hit[]; total: number; degraded: boolean }> {
  const qs = new URLSearchParams(Object.entries({ limit: 50, ...params }).map(([k, v]) => [k, String(v)]));
  const res = await platform.app.request(`/api/v1/jobs?${qs}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { hits: Hit[]; total: number; degraded: boolean };
  expect(body.degraded).toBe(false);
  return body;
}

const codes = async (params: Record<string, string | number>) => (await search(params)).hits.map((h) => h.code).sort();

describe("search over the fixed county", () => {
  it("lists every open posting and none that is closed, full or past its closing date", async () => {
    expect(await codes({})).toEqual([...OPEN_FIXTURE_CODES].sort());
  });

  it.each([
    ["缝纫", ["F01", "F03", "F10"]],
    ["箱包", ["F01", "F02"]],
    ["护林员", ["F05"]],
    ["脐橙", ["F08"]],
    ["岭背镇", ["F01", "F02", "F11"]],
    ["新屋村", ["F03", "F09", "F10", "F08"]],
  ])("finds %s in titles, skills, employers and places", async (q, expected) => {
    expect(await codes({ q })).toEqual([...expected].sort());
  });

  it.each([
    ["縫紉", ["F01", "F03", "F10"]],
    ["幫扶車間", ["F01", "F02", "F03", "F09", "F10"]],
    ["電焊", ["F07"]],
    ["學徒", ["F10"]],
  ])("finds traditional %s as its simplified form, and traditional postings by simplified words", async (q, expected) => {
    expect(await codes({ q })).toEqual([...expected].sort());
  });

  it("finds a posting written in traditional characters by its simplified title", async () => {
    expect(await codes({ q: "缝纫学徒" })).toContain("F10");
    expect((await search({ q: "缝纫学徒" })).hits[0]!.code).toBe("F10");
  });

  it.each([
    ["扶贫车间", ["F01", "F02", "F03", "F09", "F10"]],
    ["家门口车间", ["F01", "F02", "F03", "F09", "F10"]],
    ["清洁", ["F04", "F12"]],
    ["环卫", ["F04", "F12"]],
    ["公益岗", ["F04", "F05", "F12"]],
    ["车缝", ["F01", "F03", "F10"]],
    ["管饭", ["F01", "F03", "F06", "F08"]],
  ])("finds the synonyms of %s", async (q, expected) => {
    expect(await codes({ q })).toEqual([...expected].sort());
  });

  it.each([
    ["逢纫", ["F01", "F03", "F10"]],
    ["保结", ["F04", "F12"]],
    ["电悍", ["F07"]],
  ])("forgives the typing slip %s", async (q, expected) => {
    expect(await codes({ q })).toEqual([...expected].sort());
  });

  it("does not turn one two-character word into another (电焊 is not 电子)", async () => {
    expect(await codes({ q: "电焊" })).toEqual(["F07"]);
    expect(await codes({ q: "电子" })).toEqual(["F09"]);
  });

  it("full-width and padded input reads like plain input", async () => {
    expect(await codes({ q: "　缝纫、  " })).toEqual(["F01", "F03", "F10"]);
  });

  it("filters by platform type, working time and age together", async () => {
    expect(await codes({ type: "帮扶车间", time: "全天" })).toEqual(["F01", "F03", "F09", "F10"]);
    // F09 has no age limit; F10 takes 16–45, F03 18–55, F01 18–60.
    expect(await codes({ type: "帮扶车间", time: "全天", age: 58 })).toEqual(["F01", "F09"]);
    expect(await codes({ age: 68 })).toEqual(["F02", "F09"]);
  });

  it("filters by benefits, every one asked for", async () => {
    expect(await codes({ benefit: "包吃,接送" })).toEqual(["F01", "F08"]);
  });

  it("orders by distance from a point, nearest first, with the distance on every hit", async () => {
    // At 西街村, the county seat: 城关镇 first, then 上坪村 (4.4 km), then 新屋村 (11.1 km).
    const { hits } = await search({ lat: 25.95, lng: 115.4 });
    const distances = hits.map((h) => h.distance_km!);
    expect(distances.every((d) => typeof d === "number")).toBe(true);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(new Set(hits.slice(0, 4).map((h) => h.town))).toEqual(new Set(["城关镇"]));
    expect(hits.at(-1)!.town).toBe("双龙镇");
    expect(hits.find((h) => h.code === "F01")!.distance_km).toBeCloseTo(4.4, 1);
  });

  it("orders the nearest matches of the words first, ahead of better-worded ones farther away", async () => {
    // 新屋村 is 11 km from 西街村, 上坪村 4.4 km: F01 (箱包缝纫工) before F03 (服装车工) and F10.
    const { hits } = await search({ q: "缝纫", lat: 25.95, lng: 115.4 });
    expect(hits.map((h) => h.code)).toEqual(["F01", expect.any(String), expect.any(String)]);
  });

  it("keeps to a radius around the point", async () => {
    expect(await codes({ lat: 25.95, lng: 115.4, radius_km: 5 })).toEqual(["F01", "F02", "F04", "F05", "F06", "F07", "F11", "F12"]);
    // 示范华彩食品 (F06, F07) has its own point, 1.1 km south-east of 西街村.
    expect(await codes({ lat: 25.95, lng: 115.4, radius_km: 2 })).toEqual(["F04", "F05", "F06", "F07", "F12"]);
    expect(await codes({ lat: 25.95, lng: 115.4, radius_km: 1 })).toEqual(["F04", "F05", "F12"]);
  });

  it("orders by pay a month, day pay counted as 22 days", async () => {
    const { hits } = await search({ sort: "pay" });
    // 电焊工 250 元/天 = 5500 a month leads; 护林员 1000 and 保洁 1100 trail.
    expect(hits[0]!.code).toBe("F07");
    expect(hits.slice(-2).map((h) => h.code).sort()).toEqual(["F04", "F05"]);
  });

  it("orders by newest", async () => {
    const { hits } = await search({ sort: "newest", limit: 3 });
    expect(hits.map((h) => h.code)).toEqual(["F12", "F11", "F10"]);
  });
});
