import { describe, expect, it } from "vitest";
import { effectiveSort, engineFilter, engineSort, type JobQuery } from "./job-search.ts";

const origin = { lat: 25.95, lng: 115.4 };

describe("the engine's filter and sort for a query", () => {
  it("writes every filter, quoting values", () => {
    expect(
      engineFilter({ type: "帮扶车间", town: 'a"b', time: "半天", payAtLeast: 3000, age: 58, benefits: ["包吃", "接送"], openOn: "2026-11-23", origin, radiusKm: 5 }),
    ).toEqual([
      'type = "帮扶车间"',
      'town = "a\\"b"',
      'workingTime = "半天"',
      "payLevel >= 3000",
      "ageMin <= 58",
      "ageMax >= 58",
      'benefits = "包吃"',
      'benefits = "接送"',
      "closesOn >= 20261123",
      "_geoRadius(25.95, 115.4, 5000)",
    ]);
  });

  it("leaves out one facet's own filter when counting it", () => {
    expect(engineFilter({ type: "帮扶车间", time: "半天" }, "type")).toEqual(['workingTime = "半天"']);
  });

  it.each<[Pick<JobQuery, "q" | "sort" | "origin">, string, string[]]>([
    [{}, "relevance", ["publishedAt:desc"]],
    [{ q: "缝纫" }, "relevance", []],
    [{ origin }, "distance", ["_geoPoint(25.95, 115.4):asc"]],
    [{ sort: "distance" }, "relevance", ["publishedAt:desc"]],
    [{ q: "缝纫", sort: "pay" }, "pay", ["monthlyPay:desc"]],
    [{ q: "缝纫", sort: "newest", origin }, "newest", ["publishedAt:desc"]],
  ])("orders %j by %s", (query, sort, engine) => {
    expect(effectiveSort(query)).toBe(sort);
    expect(engineSort(query)).toEqual(engine);
  });
});
