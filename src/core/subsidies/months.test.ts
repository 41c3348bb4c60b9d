import { describe, expect, it } from "vitest";
import { countedMonths, coveredDaysByMonth, dayIndex, lastDayOfMonth, type DaySpan } from "./months.ts";

const YEAR = ["2025-01-01", "2025-12-31"] as const;
const s = (start: string, end: string | null): DaySpan => ({ start, end });

describe("countedMonths (DOMAIN.md, Counting months)", () => {
  it.each<[string, DaySpan[], string[]]>([
    ["the DOMAIN example 2025-03-17…2025-05-10 counts March (15 days) and April, not May (10 days)", [s("2025-03-17", "2025-05-10")], ["2025-03", "2025-04"]],
    ["exactly 15 days, both ends counted (03-01…03-15)", [s("2025-03-01", "2025-03-15")], ["2025-03"]],
    ["14 days do not count (03-01…03-14)", [s("2025-03-01", "2025-03-14")], []],
    ["15 days at the end of a 31-day month (03-17…03-31)", [s("2025-03-17", "2025-03-31")], ["2025-03"]],
    ["February 2025 from the 14th: 15 days", [s("2025-02-14", "2025-02-28")], ["2025-02"]],
    ["February 2025 from the 15th: 14 days", [s("2025-02-15", "2025-03-01")], []],
    ["a one-day placement counts one day", [s("2025-06-10", "2025-06-10")], []],
    ["overlapping placements count a day once: 03-01…03-10 and 03-05…03-14 are 14 days", [s("2025-03-01", "2025-03-10"), s("2025-03-05", "2025-03-14")], []],
    ["the same placement twice is still 14 days", [s("2025-03-01", "2025-03-14"), s("2025-03-01", "2025-03-14")], []],
    ["spells that add up: 03-01…03-07 and 03-20…03-27 are 15 days", [s("2025-03-01", "2025-03-07"), s("2025-03-20", "2025-03-27")], ["2025-03"]],
    ["spells that touch (03-01…03-07, 03-08…03-15) are 15 days", [s("2025-03-01", "2025-03-07"), s("2025-03-08", "2025-03-15")], ["2025-03"]],
    ["an open placement covers to the end of the range", [s("2025-12-10", null)], ["2025-12"]],
    ["a placement from before the range counts from its first day", [s("2024-06-01", "2025-01-15")], ["2025-01"]],
    ["a placement after the range counts nothing", [s("2026-01-01", null)], []],
    ["a placement that ended before the range counts nothing", [s("2024-01-01", "2024-12-31")], []],
    ["end before start (never stored) counts nothing", [s("2025-03-20", "2025-03-01")], []],
  ])("%s", (_label, spans, months) => {
    expect(countedMonths(spans, ...YEAR).map((m) => m.month)).toEqual(months);
  });

  it("gives the covered days of every month, counted or not", () => {
    expect(coveredDaysByMonth([s("2025-03-17", "2025-05-10")], ...YEAR)).toEqual([
      { month: "2025-03", days: 15 },
      { month: "2025-04", days: 30 },
      { month: "2025-05", days: 10 },
    ]);
  });

  it("clips to a one-month range", () => {
    expect(coveredDaysByMonth([s("2025-01-01", null)], "2025-03-01", "2025-03-31")).toEqual([{ month: "2025-03", days: 31 }]);
  });

  it("counts a whole leap year as 366 days", () => {
    const total = coveredDaysByMonth([s("2024-01-01", "2024-12-31")], "2024-01-01", "2024-12-31").reduce((n, m) => n + m.days, 0);
    expect(total).toBe(366);
  });

  it("knows month ends and refuses impossible dates", () => {
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2025-02")).toBe("2025-02-28");
    expect(lastDayOfMonth("2025-12")).toBe("2025-12-31");
    expect(() => dayIndex("2025-02-29")).toThrow();
    expect(() => dayIndex("2025-3-1")).toThrow();
  });
});
