import { describe, expect, it } from "vitest";
import { chinaDate } from "./dates.ts";

describe("chinaDate", () => {
  it.each([
    ["2026-11-22T15:59:59Z", "2026-11-22"],
    ["2026-11-22T16:00:00Z", "2026-11-23"],
    ["2026-12-31T20:00:00Z", "2027-01-01"],
  ])("%s is %s in China", (instant, expected) => {
    expect(chinaDate(new Date(instant))).toBe(expected);
  });
});
