import { describe, expect, it } from "vitest";
import { dateInChina, dayNumber } from "./dates.ts";

describe("dates of the county", () => {
  it("takes the day in China, eight hours ahead of UTC", () => {
    expect(dateInChina(new Date("2026-11-22T15:59:59Z"))).toBe("2026-11-22");
    expect(dateInChina(new Date("2026-11-22T16:00:00Z"))).toBe("2026-11-23");
  });
  it("turns a date into a number that sorts like it", () => {
    expect(dayNumber("2026-11-23")).toBe(20261123);
  });
});
