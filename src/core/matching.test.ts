import { describe, expect, it } from "vitest";
import { ageFits, suitablePostings, timeFits, type MatchPosting, type MatchSeeker } from "./matching.ts";

const D = "2026-11-23";
const home = { lat: 25.9, lng: 115.4 };
const seeker = (id: number, birthDate: string, availableTime: MatchSeeker["availableTime"]): MatchSeeker => ({ id, birthDate, availableTime, ...home });
const posting = (code: string, over: Partial<MatchPosting> = {}): MatchPosting => ({
  code,
  title: `岗位${code}`,
  employerName: "车间",
  town: "甲镇",
  workingTime: "灵活",
  ageMin: null,
  ageMax: null,
  ...home,
  ...over,
});

describe("timeFits", () => {
  it.each([
    [null, "全天", true],
    ["全天", "半天", true],
    ["半天", "全天", false],
    ["半天", "灵活", true],
    ["灵活", "半天", true],
    ["灵活", "全天", false],
  ] as const)("someone available %s and a %s posting: %s", (available, time, fits) => expect(timeFits(available, time)).toBe(fits));
});

describe("ageFits", () => {
  it.each([
    [null, null, true],
    [18, 60, true],
    [18, 55, false],
    [60, null, false],
  ])("a 58-year-old and ages %s–%s: %s", (ageMin, ageMax, fits) => expect(ageFits({ birthDate: "1968-01-01" }, { ageMin, ageMax }, D)).toBe(fits));
});

describe("suitablePostings", () => {
  const seekers = [seeker(1, "1968-01-01", "半天"), seeker(2, "1990-05-05", "全天")];

  it("keeps postings near home, in hours and ages that fit someone, nearest first", () => {
    const found = suitablePostings(
      seekers,
      [
        posting("far", { lat: 27.0 }),
        posting("near-2", { lat: 25.95 }),
        posting("near-1", { lat: 25.91 }),
        posting("full-day-young", { workingTime: "全天", ageMax: 40 }),
        posting("full-day-old", { workingTime: "全天", ageMin: 50 }),
        posting("nowhere", { lat: null, lng: null }),
      ],
      D,
    );
    expect(found.map((m) => m.code)).toEqual(["full-day-young", "near-1", "near-2"]);
    expect(found[0]!.seekerIds).toEqual([2]);
    expect(found[1]!.seekerIds).toEqual([1, 2]);
  });

  it("suggests nothing without seekers, and at most the limit", () => {
    expect(suitablePostings([], [posting("a")], D)).toEqual([]);
    expect(suitablePostings(seekers, [posting("a"), posting("b"), posting("c")], D, 2)).toHaveLength(2);
  });
});

