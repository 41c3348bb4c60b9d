/**
 * Beijing time for people, UTC instants in storage. China keeps one time zone, UTC+8, without
 * daylight saving, so a fixed offset is exact.
 */
import { DAY_MS, epochDay } from "./calendar.ts";

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The instant a Beijing calendar day (plus `days`) begins, as an ISO string in UTC.
 * @example startOfChinaDay("2026-11-23") // "2026-11-22T16:00:00.000Z"
 */
export function startOfChinaDay(date: string, days = 0): string {
  return new Date((epochDay(date) + days) * DAY_MS - CHINA_OFFSET_MS).toISOString();
}

/**
 * `2026-11-23 14:05:09`, Beijing time, from a stored UTC instant; anything unparsable as given.
 * @example chinaTime("2026-11-23T06:05:09.123Z") // "2026-11-23 14:05:09"
 */
export function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + CHINA_OFFSET_MS).toISOString().replace("T", " ").slice(0, 19);
}

/**
 * The Beijing calendar date of a stored UTC instant, as YYYY-MM-DD — the one way a timestamp
 * becomes a date people read (views/format.ts shownDate); anything unparsable as given.
 * @example chinaDateOf("2026-12-01T18:27:00.000Z") // "2026-12-02"
 */
export function chinaDateOf(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : chinaDate(new Date(ms));
}

/** The Beijing calendar date at `now`, as YYYY-MM-DD. @example chinaDate(new Date("2026-11-22T17:00:00Z")) // "2026-11-23" */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date as the number YYYYMMDD, for range filters. @example dayNumber("2026-11-23") // 20261123 */
export function dayNumber(date: string): number {
  return Number(date.replaceAll("-", ""));
}

/** Milliseconds from `now` to the next time the clock in Beijing shows `hour`:00. @example msUntilChinaHour(new Date("2026-11-23T17:00:00Z"), 2) // 3 600 000 */
export function msUntilChinaHour(now: Date, hour: number): number {
  const beijing = new Date(now.getTime() + CHINA_OFFSET_MS);
  const today = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate(), hour) - CHINA_OFFSET_MS;
  return (today > now.getTime() ? today : today + DAY_MS) - now.getTime();
}
