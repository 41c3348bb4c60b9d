import { describe, expect, it } from "vitest";
import { daysInMonth } from "./calendar.ts";
import { rosterForMonth, rosterMonthProblem, rosterTotals, type RosterPlacement } from "./roster.ts";

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

describe("the month so far (today inside the month)", () => {
  it.each([
    ["on 12-02 the December file counts 2 days, not 31", [p(1, "2025-01-01", null, 3100)], "2026-12-02", { days: 2, income: 200, to: "2026-12-02" }],
    ["someone who started today counts one day, not a prorated month", [p(1, "2026-12-02", null, 3100)], "2026-12-02", { days: 1, income: 100, from: "2026-12-02" }],
    ["a month that has ended counts in full", [p(1, "2025-01-01", null, 3100)], "2027-01-05", { days: 31, income: 3100 }],
  ])("%s", (_label, placements, today, expected) => {
    const [line] = rosterForMonth(placements, "2026-12", today);
    expect(line).toMatchObject({ workerId: 1, ...expected });
  });

  it("leaves out someone starting later this month", () => {
    expect(rosterForMonth([p(1, "2026-12-10", null)], "2026-12", "2026-12-02")).toEqual([]);
  });

  it.each([
    ["a month ahead", "2030-01", "2026-12-02", "future"],
    ["next month", "2027-01", "2026-12-02", "future"],
    ["this month", "2026-12", "2026-12-02", null],
    ["a past month", "2020-01", "2026-12-02", null],
    ["a malformed month", "2026-13", "2026-12-02", "malformed"],
  ] as const)("a roster month: %s", (_label, month, today, expected) => {
    expect(rosterMonthProblem(month, today)).toBe(expected);
  });

  it("totals the lines: people, days and income", () => {
    const lines = rosterForMonth([p(1, "2025-01-01", null, 3100), p(2, "2026-03-10", null, 3100), p(3, "2026-03-01", null, null)], "2026-03");
    expect(rosterTotals(lines)).toEqual({ people: 3, days: 31 + 22 + 31, income: 3100 + 2200 });
  });
});
