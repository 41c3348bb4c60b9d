import { describe, expect, it } from "vitest";
import { daysInMonth } from "./calendar.ts";
import { rosterForMonth, type RosterPlacement } from "./roster.ts";

const p = (workerId: number, startDate: string, endDate: string | null, monthlyIncome: number | null = 3100): RosterPlacement => ({
  workerId,
  startDate,
  endDate,
  monthlyIncome,
});

describe("rosterForMonth", () => {
  it.each([
    ["the whole month", [p(1, "2025-01-01", null)], { days: 31, income: 3100, from: "2026-03-01", to: "2026-03-31" }],
    ["joined mid-month", [p(1, "2026-03-10", null)], { days: 22, income: 2200, from: "2026-03-10", to: "2026-03-31" }],
    ["left mid-month (end date is a day worked)", [p(1, "2025-01-01", "2026-03-05")], { days: 5, income: 500, from: "2026-03-01", to: "2026-03-05" }],
    ["started on the last day", [p(1, "2026-03-31", null)], { days: 1, income: 100, from: "2026-03-31", to: "2026-03-31" }],
    ["no income recorded", [p(1, "2026-03-01", null, null)], { days: 31, income: null }],
    ["two overlapping placements count each day once", [p(1, "2026-03-01", "2026-03-20"), p(1, "2026-03-15", null, null)], { days: 31, income: 2000 }],
  ])("%s", (_label, placements, expected) => {
    const [line] = rosterForMonth(placements, "2026-03");
    expect(line).toMatchObject({ workerId: 1, ...expected });
  });

  it("leaves out placements outside the month", () => {
    expect(rosterForMonth([p(1, "2026-04-01", null), p(2, "2025-01-01", "2026-02-28")], "2026-03")).toEqual([]);
  });

  it("lists each worker once, ordered", () => {
    expect(rosterForMonth([p(3, "2026-03-01", null), p(2, "2026-03-01", null)], "2026-03").map((l) => l.workerId)).toEqual([2, 3]);
  });

  it("knows February of a leap year", () => {
    expect(daysInMonth("2028-02")).toBe(29);
    expect(daysInMonth("2026-02")).toBe(28);
  });

  it("refuses a malformed month", () => {
    expect(() => rosterForMonth([], "2026-13")).toThrow();
  });
});
