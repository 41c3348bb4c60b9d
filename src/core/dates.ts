/** Calendar dates as the county means them: China Standard Time (UTC+8, no daylight saving). */

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The date in China at `now`, as YYYY-MM-DD. @example chinaDate(new Date("2026-11-22T17:00:00Z")) // "2026-11-23" */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
