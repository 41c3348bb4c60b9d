/** Calendar days as the county lives them: China Standard Time, whatever the server's zone. */

const CHINA_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** The date in China at an instant, as YYYY-MM-DD. @example dateInChina(new Date("2026-11-22T17:00:00Z")) // "2026-11-23" */
export function dateInChina(at: Date): string {
  return CHINA_DAY.format(at);
}

/** A YYYY-MM-DD date as the number YYYYMMDD, for range filters. @example dayNumber("2026-11-23") // 20261123 */
export function dayNumber(date: string): number {
  return Number(date.replaceAll("-", ""));
}
