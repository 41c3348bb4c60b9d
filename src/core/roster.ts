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
 * One line per worker who worked at least one day of `month` (YYYY-MM), counting only days up to
 * `today` when given (a month still running counts the days that have happened: on 12-02 the
 * December roster counts 2 days, and someone who started today one day, never a whole month).
 * Overlapping or adjacent placements of the same worker are counted once per day.
 * @example rosterForMonth([{ workerId: 1, startDate: "2026-03-10", endDate: null, monthlyIncome: 3100 }], "2026-03")
 * // [{ workerId: 1, from: "2026-03-10", to: "2026-03-31", days: 22, income: 2200 }]
 */
export function rosterForMonth(placements: readonly RosterPlacement[], month: string, today?: string): RosterLine[] {
  if (!isIsoMonth(month)) throw new Error(`not a month: ${month}`);
  const first = `${month}-01`;
  const monthEnd = `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
  const last = today !== undefined && today < monthEnd ? today : monthEnd;
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

/** Why a roster cannot be made for `month` on `today`: malformed, or a month that has not begun. */
export function rosterMonthProblem(month: string, today: string): "malformed" | "future" | null {
  if (!isIsoMonth(month)) return "malformed";
  return month > today.slice(0, 7) ? "future" : null;
}

/** The totals row of a roster: people, days worked, income (yuan, lines without income left out). */
export function rosterTotals(lines: readonly Pick<RosterLine, "days" | "income">[]): { people: number; days: number; income: number } {
  return {
    people: lines.length,
    days: lines.reduce((n, l) => n + l.days, 0),
    income: lines.reduce((n, l) => n + (l.income ?? 0), 0),
  };
}
