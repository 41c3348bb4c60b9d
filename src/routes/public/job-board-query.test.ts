import { describe, expect, it } from "vitest";
import { jobsHref, originParams, parseJobBoardQuery } from "./job-board-query.ts";

describe("a search as the URL of /jobs carries it", () => {
  it("reads every field of the form, empty ones as not set", () => {
    const query = parseJobBoardQuery(
      { q: " 缝纫 ", type: "帮扶车间", town: "", time: "全天", age: "58", pay: "3000", sort: "", village: "", radius: "", lat: "", lng: "", offset: "20" },
      { benefit: ["包吃", "接送"] },
    );
    expect(query).toEqual({ q: "缝纫", type: "帮扶车间", time: "全天", age: 58, pay: 3000, benefit: ["包吃", "接送"], offset: 20 });
  });

  it("drops what does not parse instead of refusing the page", () => {
    const query = parseJobBoardQuery({ type: "工厂", age: "5", pay: "2500", radius: "7", village: "x", offset: "-20", sort: "best" }, { benefit: ["包吃", "按摩"] });
    expect(query).toEqual({ q: "", benefit: ["包吃"] });
  });

  it("keeps the phone's position to about 100 m", () => {
    expect(parseJobBoardQuery({ lat: "25.951234", lng: "115.40066" }, {})).toMatchObject({ lat: 25.951, lng: 115.401 });
  });

  it("writes a short address with only what is set, benefits repeated", () => {
    expect(jobsHref({ q: "缝纫", benefit: ["包吃", "接送"], offset: 0, type: undefined })).toBe(`/jobs?q=${encodeURIComponent("缝纫")}&benefit=${encodeURIComponent("包吃")}&benefit=${encodeURIComponent("接送")}`);
    expect(jobsHref({})).toBe("/jobs");
  });

  it("carries where the seeker is: the phone's position before the village", () => {
    expect(originParams({ village: 3 })).toEqual({ village: 3 });
    expect(originParams({ village: 3, lat: 25.9, lng: 115.4 })).toEqual({ lat: 25.9, lng: 115.4 });
    expect(originParams({})).toEqual({});
  });
});
