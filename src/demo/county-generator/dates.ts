/**
 * Timestamps of the generated rows (calendar arithmetic itself is src/core/calendar.ts).
 * Part of the county generator (src/demo/county-generator.ts).
 */
import { DAY_MS } from "../../core/calendar.ts";

/** An ISO timestamp on `day` (a day number) at a Beijing-time hour and minute. */
export function isoTimestamp(day: number, hourBeijing: number, minute: number, second: number): string {
  return new Date(day * DAY_MS + ((hourBeijing - 8) * 60 + minute) * 60_000 + second * 1000).toISOString();
}
