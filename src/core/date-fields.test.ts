import { describe, expect, it } from "vitest";
import { readDate } from "./calendar.ts";
import { checkDate, dateFieldSchema, dateRangeProblem, DATE_FIELDS, type DateField } from "./date-fields.ts";

const TODAY = "2026-11-23";

describe("readDate, the one date parser", () => {
  it.each([
    ["2026-11-23", "2026-11-23"],
    [" 2026-11-23 ", "2026-11-23"],
    ["2024-02-29", "2024-02-29"],
    ["2026/3/1", "2026-03-01"],
    ["2026.03.01", "2026-03-01"],
    ["2026年3月1日", "2026-03-01"],
    ["２０２６－０３－０１", "2026-03-01"],
    ["2026-03-01 08:30", "2026-03-01"],
    ["2026-03-01T08:30:00", "2026-03-01"],
  ])("reads %j as %s", (input, expected) => expect(readDate(input)).toBe(expected));

  it.each([
    "2026-02-31", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-12-32", "2026-04-31", "2026-01-00",
    "0000-00-00", "9999-99-99", "0999-12-31", "20261123", "2026-11", "2026-11-23x", "明天", "", "2026-1-1-1",
    "+2026-01-01", "2026-0x1-01",
  ])("refuses %j, without throwing", (input) => expect(readDate(input)).toBeUndefined());

  it.each([null, undefined, 45123, new Date("2026-01-01T00:00:00Z"), "2026-01-01".repeat(10)])("refuses a non-date value %j", (input) => expect(readDate(input)).toBeUndefined());
});

describe("the range of each date field (today 2026-11-23)", () => {
  const cases: [DateField, string, string | undefined][] = [
    ["birthDate", "1980-05-06", undefined],
    ["birthDate", "2026-11-23", undefined],
    ["birthDate", "2026-11-24", "birthInFuture"],
    ["birthDate", "2100-01-01", "birthInFuture"],
    ["birthDate", "1906-11-23", undefined],
    ["birthDate", "1906-11-22", "birthTooEarly"],
    ["birthDate", "1900-01-01", "birthTooEarly"],
    ["placementStart", "1990-01-01", undefined],
    ["placementStart", "1989-12-31", "dateTooEarly"],
    ["placementStart", "1900-01-01", "dateTooEarly"],
    ["placementStart", "2026-12-24", undefined],
    ["placementStart", "2026-12-25", "startTooFar"],
    ["placementEnd", "2026-11-23", undefined],
    ["placementEnd", "2026-11-24", "endInFuture"],
    ["placementEnd", "9999-12-31", "endInFuture"],
    ["placementEnd", "1980-01-01", "dateTooEarly"],
    ["followUp", "2026-11-23", undefined],
    ["followUp", "2026-11-24", "dateInFuture"],
    ["followUp", "1970-01-01", "dateTooEarly"],
    ["recognition", "2026-11-23", undefined],
    ["recognition", "2027-01-01", "dateInFuture"],
    ["recognition", "1989-01-01", "dateTooEarly"],
    ["closing", "2027-11-24", undefined],
    ["closing", "2027-11-25", "closingTooFar"],
    ["policy", "2030-12-31", undefined],
    ["policy", "2036-11-23", undefined],
    ["policy", "2036-11-24", "dateTooFarAhead"],
    ["statistics", "2020-12-31", undefined],
    ["statistics", "2026-11-23", undefined],
    ["statistics", "2030-01-01", "dateInFuture"],
    ["statistics", "1900-01-01", "dateTooEarly"],
    ["filter", "1900-01-01", undefined],
    ["filter", "2030-01-01", undefined],
  ];
  it.each(cases)("%s %s → %s", (field, date, problem) => expect(dateRangeProblem(field, date, TODAY)).toBe(problem));

  it("a birth date 120 years back from 29 February 2020 may be 28 February 1900 (1900 is no leap year)", () => {
    expect(dateRangeProblem("birthDate", "1900-02-28", "2020-02-29")).toBeUndefined();
    expect(dateRangeProblem("birthDate", "1900-02-27", "2020-02-29")).toBe("birthTooEarly");
  });

  it.each(DATE_FIELDS)("%s refuses an impossible date as not a date", (field) => {
    for (const bad of ["2026-02-31", "2026-13-01", "0000-00-00", "9999-99-99"]) expect(checkDate(field, bad, TODAY)).toEqual({ ok: false, problem: "date" });
  });
});

describe("dateFieldSchema", () => {
  it("gives the date or the problem code", () => {
    expect(dateFieldSchema("followUp", TODAY).parse("2026/11/1")).toBe("2026-11-01");
    expect(dateFieldSchema("followUp", TODAY).safeParse("2026-11-24").error?.issues[0]?.message).toBe("dateInFuture");
    expect(dateFieldSchema("followUp", TODAY).safeParse(undefined).error?.issues[0]?.message).toBe("date");
  });

  it("reads today at each parse when given a function", () => {
    let today = "2026-11-23";
    const schema = dateFieldSchema("statistics", () => today);
    expect(schema.safeParse("2026-11-24").success).toBe(false);
    today = "2026-11-24";
    expect(schema.safeParse("2026-11-24").success).toBe(true);
  });
});
