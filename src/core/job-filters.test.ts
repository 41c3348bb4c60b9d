import { describe, expect, it } from "vitest";
import { acceptsAge, countFacets, cumulativePayCounts, isOpenOn, matchesFilters, monthlyPay, payLevel, type JobFacts } from "./job-filters.ts";

const job = (facts: Partial<JobFacts>): JobFacts => ({
  type: "帮扶车间",
  town: "岭背镇",
  workingTime: "全天",
  ageMin: null,
  ageMax: null,
  benefits: [],
  monthlyPay: null,
  point: null,
  closingDate: null,
  ...facts,
});

describe("monthlyPay and payLevel", () => {
  it.each([
    [2000, 3000, "月", 3000],
    [120, 150, "日", 3300],
    [null, 20, "时", 3520],
    [2800, null, "计件", 2800],
    [null, null, "月", null],
  ] as const)("pays %s–%s per %s as %s a month at best", (min, max, unit, expected) => {
    expect(monthlyPay(min, max, unit)).toBe(expected);
  });

  it.each([
    [null, 0],
    [1999, 0],
    [2000, 2000],
    [3960, 3000],
    [5500, 4000],
  ])("puts %s at level %s", (monthly, level) => {
    expect(payLevel(monthly)).toBe(level);
  });
});

describe("acceptsAge and isOpenOn", () => {
  it.each([
    [18, 60, 60, true],
    [18, 60, 61, false],
    [null, 50, 16, true],
    [40, null, 39, false],
    [null, null, 90, true],
  ])("a %s–%s posting takes a person of %s: %s", (min, max, age, expected) => {
    expect(acceptsAge(min, max, age)).toBe(expected);
  });

  it("keeps a posting open through its closing day", () => {
    expect(isOpenOn("2026-11-23", "2026-11-23")).toBe(true);
    expect(isOpenOn("2026-11-22", "2026-11-23")).toBe(false);
    expect(isOpenOn(null, "2026-11-23")).toBe(true);
  });
});

describe("matchesFilters", () => {
  const sewing = job({ ageMin: 18, ageMax: 55, benefits: ["包吃", "接送"], monthlyPay: 3500, point: { lat: 25.99, lng: 115.4 }, closingDate: "2026-12-31" });

  it.each([
    [{}, true],
    [{ type: "帮扶车间" as const, town: "岭背镇", time: "全天" as const }, true],
    [{ type: "公益性岗位" as const }, false],
    [{ age: 55 }, true],
    [{ age: 56 }, false],
    [{ benefits: ["包吃", "接送"] as const }, true],
    [{ benefits: ["包吃", "包住"] as const }, false],
    [{ payAtLeast: 3000 as const }, true],
    [{ payAtLeast: 4000 as const }, false],
    [{ origin: { lat: 25.95, lng: 115.4 }, radiusKm: 5 }, true],
    [{ origin: { lat: 25.95, lng: 115.4 }, radiusKm: 4 }, false],
    [{ openOn: "2027-01-01" }, false],
  ])("applies %j: %s", (filters, expected) => {
    expect(matchesFilters(sewing, filters)).toBe(expected);
  });

  it("leaves a posting without a place out of a radius", () => {
    expect(matchesFilters(job({}), { origin: { lat: 25.95, lng: 115.4 }, radiusKm: 100 })).toBe(false);
  });
});

describe("countFacets", () => {
  const jobs = [
    job({ type: "帮扶车间", workingTime: "全天", monthlyPay: 3000, benefits: ["包吃"] }),
    job({ type: "帮扶车间", workingTime: "灵活", monthlyPay: 2200 }),
    job({ type: "公益性岗位", town: "城关镇", workingTime: "半天", monthlyPay: 1000, benefits: ["包吃", "接送"] }),
  ];

  it("counts a chosen facet without its own filter, and the others with it", () => {
    const counts = countFacets(jobs, { type: "帮扶车间" });
    expect(counts.type).toEqual({ 帮扶车间: 2, 公益性岗位: 1 });
    expect(counts.time).toEqual({ 全天: 1, 灵活: 1 });
    expect(counts.town).toEqual({ 岭背镇: 2 });
    expect(counts.payAtLeast).toEqual({ 2000: 2, 3000: 1 });
    expect(counts.benefits).toEqual({ 包吃: 1 });
  });

  it("adds pay levels up from the levels reached", () => {
    expect(cumulativePayCounts({ 0: 4, 2000: 3, 3000: 2, 4000: 1 })).toEqual({ 2000: 6, 3000: 3, 4000: 1 });
  });
});
