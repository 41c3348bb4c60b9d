import { describe, expect, it } from "vitest";
import { chinaDate, chinaDateOf, chinaTime, msUntilChinaHour, startOfChinaDay } from "./china-time.ts";

describe("startOfChinaDay", () => {
  it.each([
    ["a day begins at 16:00 UTC the day before", "2026-11-23", 0, "2026-11-22T16:00:00.000Z"],
    ["the next day, for an inclusive end date", "2026-11-23", 1, "2026-11-23T16:00:00.000Z"],
    ["across a year end", "2026-12-31", 1, "2026-12-31T16:00:00.000Z"],
    ["a leap day", "2028-02-29", 0, "2028-02-28T16:00:00.000Z"],
  ])("%s", (_name, date, days, expected) => {
    expect(startOfChinaDay(date, days)).toBe(expected);
  });
});

describe("chinaTime", () => {
  it.each([
    ["afternoon in Beijing", "2026-11-23T06:05:09.123Z", "2026-11-23 14:05:09"],
    ["after 16:00 UTC is already tomorrow", "2026-11-23T17:30:00.000Z", "2026-11-24 01:30:00"],
    ["something unparsable is shown as it is", "yesterday", "yesterday"],
  ])("%s", (_name, iso, expected) => {
    expect(chinaTime(iso)).toBe(expected);
  });
});

describe("chinaDate", () => {
  it.each([
    ["2026-11-22T15:59:59Z", "2026-11-22"],
    ["2026-11-22T16:00:00Z", "2026-11-23"],
    ["2026-12-31T20:00:00Z", "2027-01-01"],
  ])("%s is %s in China", (instant, expected) => {
    expect(chinaDate(new Date(instant))).toBe(expected);
  });
});

describe("msUntilChinaHour", () => {
  it.each([
    ["2026-11-23T17:00:00Z", 3_600_000], // 01:00 in Beijing: an hour to 02:00
    ["2026-11-23T18:00:00Z", 86_400_000], // exactly 02:00: the next day's
    ["2026-11-23T18:00:01Z", 86_399_000],
    ["2026-11-23T06:00:00Z", 12 * 3_600_000], // 14:00: twelve hours
  ])("from %s", (instant, ms) => {
    expect(msUntilChinaHour(new Date(instant), 2)).toBe(ms);
  });
});

describe("chinaDateOf", () => {
  it.each([
    ["18:27Z on 12-01 is 02:27 on 12-02 in Beijing", "2026-12-01T18:27:00.000Z", "2026-12-02"],
    ["15:59Z is still the same Beijing day", "2026-12-01T15:59:59.999Z", "2026-12-01"],
    ["16:00Z is the next Beijing day", "2026-12-01T16:00:00.000Z", "2026-12-02"],
    ["an offset instant", "2026-12-02T02:27:00+08:00", "2026-12-02"],
    ["the last night of a year", "2026-12-31T17:00:00Z", "2027-01-01"],
    ["something unparsable, as given", "bad", "bad"],
  ])("%s", (_n, iso, expected) => {
    expect(chinaDateOf(iso)).toBe(expected);
  });
});
