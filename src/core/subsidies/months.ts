/**
 * Counting months, the one rule every subsidy kind uses (../shared/DOMAIN.md, "Counting months"):
 * a calendar month counts when the placements a policy looks at cover at least 15 of its days,
 * both the start and the end day counted, each day once however many placements are open on it.
 * Dates are `YYYY-MM-DD` calendar days (no time zone: a placement's dates are Beijing days).
 */
import { epochDay, fromEpochDay, isIsoDate, monthEnd } from "../calendar.ts";

/** A placement's days: `end` null while it is still open. */
export interface DaySpan {
  start: string;
  end: string | null;
}

/** A month that counted, with the days that made it count (for the line's snapshot). */
export interface CountedMonth {
  month: string;
  days: number;
}

/** A month counts from this many covered days. */
export const MIN_DAYS_IN_MONTH = 15;

// Calendar arithmetic is src/core/calendar.ts's; these names are the subsidy code's words for it.

/** Days since 1970-01-01 of a calendar date; throws on anything but a real YYYY-MM-DD date. */
export function dayIndex(date: string): number {
  if (!isIsoDate(date)) throw new Error(`not a date: ${date}`);
  return epochDay(date);
}

/** The calendar date of a day index. @example dateOfDay(dayIndex("2025-03-17")) // "2025-03-17" */
export function dateOfDay(day: number): string {
  return fromEpochDay(day);
}

/** The last day of a `YYYY-MM` month. @example lastDayOfMonth("2024-02") // "2024-02-29" */
export function lastDayOfMonth(month: string): string {
  return monthEnd(`${month}-01`);
}

/**
 * The covered days of every month between `from` and `to` (inclusive): the union of the spans,
 * clipped to that range, split by calendar month. Months with no covered day are left out.
 * @example coveredDaysByMonth([{ start: "2025-03-17", end: "2025-05-10" }], "2025-01-01", "2025-12-31")
 *   // [{ month: "2025-03", days: 15 }, { month: "2025-04", days: 30 }, { month: "2025-05", days: 10 }]
 */
export function coveredDaysByMonth(spans: readonly DaySpan[], from: string, to: string): CountedMonth[] {
  const lo = dayIndex(from);
  const hi = dayIndex(to);
  const clipped = spans
    .map((s) => [Math.max(dayIndex(s.start), lo), Math.min(s.end === null ? hi : dayIndex(s.end), hi)] as const)
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  // Union: merge spans that overlap or touch, so a day is counted once.
  const merged: [number, number][] = [];
  for (const [a, b] of clipped) {
    const last = merged.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const days = new Map<string, number>();
  for (const [a, b] of merged) {
    let day = a;
    while (day <= b) {
      const month = dateOfDay(day).slice(0, 7);
      const monthEnd = Math.min(dayIndex(lastDayOfMonth(month)), b);
      days.set(month, (days.get(month) ?? 0) + (monthEnd - day + 1));
      day = monthEnd + 1;
    }
  }
  return [...days.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([month, n]) => ({ month, days: n }));
}

/**
 * The months between `from` and `to` that count: at least 15 covered days.
 * @example countedMonths([{ start: "2025-03-17", end: "2025-05-10" }], "2025-01-01", "2025-12-31")
 *   // [{ month: "2025-03", days: 15 }, { month: "2025-04", days: 30 }]
 */
export function countedMonths(spans: readonly DaySpan[], from: string, to: string): CountedMonth[] {
  return coveredDaysByMonth(spans, from, to).filter((m) => m.days >= MIN_DAYS_IN_MONTH);
}
