import { describe, expect, it } from "vitest";
import { addDays, addMonths, ageOn, dayAfter, daysBetween, daysInMonth, epochDay, fromEpochDay, isIsoDate, isIsoMonth, monthEnd } from "./calendar.ts";

describe("calendar", () => {
  it.each([
    ["2026-11-23", true],
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2026-02-29", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["2026-1-05", false],
    ["2026-01-05 ", false],
    ["20260105", false],
    ["", false],
  ])("%j is a real YYYY-MM-DD date: %s", (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it.each([
    ["2026-11", true],
    ["2026-12", true],
    ["2026-13", false],
    ["2026-00", false],
    ["2026-1", false],
  ])("%j is a YYYY-MM month: %s", (value, expected) => expect(isIsoMonth(value)).toBe(expected));

  it.each([
    ["1970-01-01", 0],
    ["1970-01-02", 1],
    ["1969-12-31", -1],
    ["2000-03-01", 11017],
    ["2026-11-23", 20780],
  ])("day number of %s is %i, and back", (date, day) => {
    expect(epochDay(date)).toBe(day);
    expect(fromEpochDay(day)).toBe(date);
  });

  it("agrees with Date on every day of four centuries", () => {
    for (let day = -30_000; day < 120_000; day += 7) {
      const viaDate = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(fromEpochDay(day)).toBe(viaDate);
      expect(epochDay(viaDate)).toBe(day);
    }
  });

  it("refuses a date of another shape", () => expect(() => epochDay("2026/11/23")).toThrow(/YYYY-MM-DD/));

  it.each([
    ["2026-02-28", 1, "2026-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-11-23", 31, "2026-12-24"],
    ["2026-11-23", 0, "2026-11-23"],
  ])("%s plus %i days is %s", (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it("the day after is one day on", () => {
    expect(dayAfter("2026-02-28")).toBe("2026-03-01");
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
  });

  it.each([
    ["2026-11-01", "2026-11-23", 22],
    ["2026-11-23", "2026-11-01", -22],
    ["2024-02-28", "2024-03-01", 2],
    ["2025-12-31", "2026-01-01", 1],
  ])("from %s to %s is %i days", (from, to, days) => expect(daysBetween(from, to)).toBe(days));

  it.each([
    ["2026-02", 28],
    ["2028-02", 29],
    ["2100-02", 28],
    ["2000-02", 29],
    ["2026-04", 30],
    ["2026-12", 31],
  ])("%s has %i days", (month, days) => expect(daysInMonth(month)).toBe(days));

  it.each([
    ["2024-02-10", "2024-02-29"],
    ["2026-02-01", "2026-02-28"],
    ["2026-11-30", "2026-11-30"],
    ["2026-12-05", "2026-12-31"],
  ])("the month of %s ends on %s", (date, end) => expect(monthEnd(date)).toBe(end));

  it.each([
    ["2026-01", -2, "2025-11"],
    ["2026-11", 2, "2027-01"],
    ["2026-12", 0, "2026-12"],
    ["2026-03", -15, "2024-12"],
    ["2026-03", 24, "2028-03"],
  ])("%s moved %i months is %s", (month, months, expected) => expect(addMonths(month, months)).toBe(expected));

  it.each([
    ["2010-11-23", "2026-11-23", 16],
    ["2010-11-23", "2026-11-22", 15],
    ["2008-02-29", "2024-02-28", 15],
    ["2008-02-29", "2024-02-29", 16],
    ["2004-02-29", "2021-02-28", 16],
    ["2004-02-29", "2021-03-01", 17],
  ])("someone born %s is %s years old on %s", (birth, on, age) => expect(ageOn(birth, on)).toBe(age));
});
