/**
 * The monthly roster (花名册) of an employer: who worked there in a month, for how many days, and
 * the income that month — the document a workshop hands in for its subsidy. Pure.
 */
import { daysInMonth, epochDay, fromEpochDay, isIsoMonth } from "./calendar.ts";

export interface RosterPlacement {
  workerId: number;
  startDate: string;
  endDate: string | null;
  /** Monthly income in yuan, when recorded. */
  monthlyIncome: number | null;
}

export interface RosterLine {
  workerId: number;
  /** First and last day worked within the month. */
  from: string;
  to: string;
  /** Calendar days within the month covered by placements. */
  days: number;
  /** Income for those days: monthly income prorated by days (whole yuan); null when none recorded. */
  income: number | null;
}

/**
 * One line per worker who worked at least one day of `month` (YYYY-MM). Overlapping or adjacent
 * placements of the same worker are counted once per day.
 * @example rosterForMonth([{ workerId: 1, startDate: "2026-03-10", endDate: null, monthlyIncome: 3100 }], "2026-03")
 * // [{ workerId: 1, from: "2026-03-10", to: "2026-03-31", days: 22, income: 2200 }]
 */
export function rosterForMonth(placements: readonly RosterPlacement[], month: string): RosterLine[] {
  if (!isIsoMonth(month)) throw new Error(`not a month: ${month}`);
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
  const monthDays = daysInMonth(month);
  const byWorker = new Map<number, { days: Set<number>; incomeDays: number; income: number; hasIncome: boolean }>();
  for (const p of placements) {
    const from = p.startDate > first ? p.startDate : first;
    const to = p.endDate === null || p.endDate > last ? last : p.endDate;
    if (from > to) continue;
    const entry = byWorker.get(p.workerId) ?? { days: new Set<number>(), incomeDays: 0, income: 0, hasIncome: false };
    for (let d = epochDay(from); d <= epochDay(to); d++) {
      if (entry.days.has(d)) continue;
      entry.days.add(d);
      if (p.monthlyIncome !== null) {
        entry.income += p.monthlyIncome / monthDays;
        entry.hasIncome = true;
      }
    }
    byWorker.set(p.workerId, entry);
  }
  return [...byWorker.entries()]
    .map(([workerId, e]) => {
      const days = [...e.days].sort((a, b) => a - b);
      return {
        workerId,
        from: fromEpochDay(days[0]!),
        to: fromEpochDay(days[days.length - 1]!),
        days: days.length,
        income: e.hasIncome ? Math.round(e.income) : null,
      };
    })
    .sort((a, b) => a.workerId - b.workerId);
}
