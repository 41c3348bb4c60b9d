/**
 * Retention (稳岗): of the placements that started in a month (a cohort), the share still open 3, 6
 * and 12 months later. Plain functions of plain data: the day rule of one placement, whether a
 * cohort is old enough to be measured at a horizon, and the rows of a breakdown from counts per
 * cohort and key (db/queries/retention.ts counts them in SQL by the same rule; a test holds the two
 * together). docs/decisions/2026-12-02-retention.md explains the choices.
 */
import { addMonths, daysInMonth, isIsoMonth, monthEnd } from "../calendar.ts";

/** The horizons measured, in months. */
export const RETENTION_HORIZONS = [3, 6, 12] as const;
export type RetentionHorizon = (typeof RETENTION_HORIZONS)[number];

/** Rows by cohort month, platform (employer type or 就业形式), employer, or the worker's town. */
export const RETENTION_BREAKDOWNS = ["month", "platform", "employer", "town"] as const;
export type RetentionBreakdown = (typeof RETENTION_BREAKDOWNS)[number];

/** The key of the row that sums the others (as in the other figures). */
export const RETENTION_TOTAL_KEY = "total";

/** At most this many cohorts in one query (ten years). */
export const MAX_RETENTION_COHORTS = 120;

/**
 * The same day `months` months after `date`, or the last day of that month when it is shorter
 * (a placement from 31 January reaches one month on 28 or 29 February).
 * @example monthsAfter("2026-08-31", 6) // "2027-02-28"
 */
export function monthsAfter(date: string, months: number): string {
  const month = addMonths(date.slice(0, 7), months);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(month));
  return `${month}-${String(day).padStart(2, "0")}`;
}

/**
 * A placement is kept at a horizon when it is still open on the day `months` months after its
 * start: no end, or an end on that day or later (both the start and the end day are days at
 * work, as "open at D" counts them). A placement from 2026-01-10 that ended on 2026-05-20 is kept
 * at 3 months (2026-04-10), not at 6 (2026-07-10).
 * @example keptAt({ startDate: "2026-01-10", endDate: "2026-04-10" }, 3) // true
 */
export function keptAt(placement: { startDate: string; endDate: string | null }, months: number): boolean {
  return placement.endDate === null || placement.endDate >= monthsAfter(placement.startDate, months);
}

/**
 * A cohort (YYYY-MM) is measured at a horizon once every placement of it has reached that horizon
 * by the reference date: the cohort's last day plus the horizon is not after `date`. Before that
 * the figure is "not yet" — a share of the placements old enough would change as the rest reach it.
 * @example cohortDue("2026-08", 3, "2026-11-23") // false (2026-11-30 is still ahead)
 */
export function cohortDue(cohort: string, months: number, date: string): boolean {
  return monthsAfter(monthEnd(`${cohort}-01`), months) <= date;
}

/**
 * The latest cohort measured at a horizon on `date` (the cohorts up to it are due).
 * @example latestDueCohort(3, "2026-11-23") // "2026-07"
 */
export function latestDueCohort(months: number, date: string): string {
  let cohort = date.slice(0, 7);
  while (!cohortDue(cohort, months, date)) cohort = addMonths(cohort, -1);
  return cohort;
}

/** The cohorts from `from` to `to` (YYYY-MM, inclusive), oldest first. */
export function cohortMonths(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to && months.length < MAX_RETENTION_COHORTS; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** Counts of one cohort and key: the placements that started, and those kept at each horizon. */
export interface RetentionGroup {
  /** YYYY-MM */
  cohort: string;
  /** The breakdown's key (a platform, an employer's code or a 就业形式, a town); the cohort for by month. */
  key: string;
  started: number;
  kept: Record<RetentionHorizon, number>;
}

/** One horizon of a row: measured (with the placements old enough, those kept and the share) or not yet. */
export type HorizonFigure =
  | { months: RetentionHorizon; status: "measured"; placements: number; retained: number; rate: number | null }
  | { months: RetentionHorizon; status: "not_yet"; placements: null; retained: null; rate: null };

export interface RetentionRow {
  key: string;
  /** Placements that started in the row's cohorts. */
  started: number;
  horizons: HorizonFigure[];
}

/** The placements a reference function groups (the SQL counts the same from the table). */
export interface RetentionPlacement {
  startDate: string;
  endDate: string | null;
  key: string;
}

/**
 * Counts per cohort and key, the readable reference of what db/queries/retention.ts counts.
 * Placements outside from…to or starting after `date` are left out.
 */
export function groupPlacements(placements: readonly RetentionPlacement[], range: { from: string; to: string; date: string }): RetentionGroup[] {
  const groups = new Map<string, RetentionGroup>();
  for (const p of placements) {
    const cohort = p.startDate.slice(0, 7);
    if (cohort < range.from || cohort > range.to || p.startDate > range.date) continue;
    const id = `${cohort}|${p.key}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { cohort, key: p.key, started: 0, kept: { 3: 0, 6: 0, 12: 0 } }));
    g.started += 1;
    for (const h of RETENTION_HORIZONS) if (keptAt(p, h)) g.kept[h] += 1;
  }
  return [...groups.values()];
}

/** Whether a cohort is due at each horizon on `date` (RETENTION_HORIZONS order), worked out once a cohort. */
type DueAt = (cohort: string) => readonly boolean[];

function dueAt(date: string): DueAt {
  const memo = new Map<string, boolean[]>();
  return (cohort) => {
    let due = memo.get(cohort);
    if (!due) memo.set(cohort, (due = RETENTION_HORIZONS.map((h) => cohortDue(cohort, h, date))));
    return due;
  };
}

function rowOf(key: string, groups: readonly RetentionGroup[], due: DueAt): RetentionRow {
  let started = 0;
  // Per horizon: cohorts due, placements of them, those kept.
  const dueGroups = [0, 0, 0];
  const placements = [0, 0, 0];
  const retained = [0, 0, 0];
  for (const g of groups) {
    started += g.started;
    const d = due(g.cohort);
    for (let i = 0; i < RETENTION_HORIZONS.length; i++) {
      if (!d[i]) continue;
      dueGroups[i]!++;
      placements[i]! += g.started;
      retained[i]! += g.kept[RETENTION_HORIZONS[i]!];
    }
  }
  const horizons = RETENTION_HORIZONS.map((months, i): HorizonFigure =>
    // Rows pool cohorts: a horizon is "not yet" only when none of the row's cohorts has reached it.
    dueGroups[i] === 0
      ? { months, status: "not_yet", placements: null, retained: null, rate: null }
      : { months, status: "measured", placements: placements[i]!, retained: retained[i]!, rate: placements[i]! > 0 ? retained[i]! / placements[i]! : null },
  );
  return { key, started, horizons };
}

/**
 * The rows of a breakdown and the total row (last). By month: one row per cohort from…to, empty
 * months included (a month with no placement started is measured with a share of "—" once due,
 * "not yet" before). Other breakdowns pool the cohorts of the range: each horizon counts the
 * placements of the cohorts that have reached it; rows by most placements started, then key.
 * @example retentionRows(groups, { by: "month", from: "2025-01", to: "2025-12", date: "2026-11-23" })
 */
export function retentionRows(groups: readonly RetentionGroup[], query: { by: RetentionBreakdown; from: string; to: string; date: string }): RetentionRow[] {
  const inRange = groups.filter((g) => g.cohort >= query.from && g.cohort <= query.to);
  const due = dueAt(query.date);
  const rows: RetentionRow[] = [];
  if (query.by === "month") {
    for (const cohort of cohortMonths(query.from, query.to)) {
      const own = inRange.filter((g) => g.cohort === cohort);
      // An empty month is still a cohort: its horizons are due or not by the calendar alone.
      const figures = own.length > 0 ? own : [{ cohort, key: cohort, started: 0, kept: { 3: 0, 6: 0, 12: 0 } }];
      rows.push(rowOf(cohort, figures, due));
    }
  } else {
    const byKey = new Map<string, RetentionGroup[]>();
    for (const g of inRange) {
      const list = byKey.get(g.key);
      if (list) list.push(g);
      else byKey.set(g.key, [g]);
    }
    for (const [key, list] of byKey) rows.push(rowOf(key, list, due));
    rows.sort((a, b) => b.started - a.started || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  const allCohorts = cohortMonths(query.from, query.to).map((cohort) => ({ cohort, key: RETENTION_TOTAL_KEY, started: 0, kept: { 3: 0, 6: 0, 12: 0 } }));
  rows.push(rowOf(RETENTION_TOTAL_KEY, [...allCohorts, ...inRange], due));
  return rows;
}

/** The default range at a reference date: the 24 cohorts up to the date's month. */
export function defaultRetentionRange(date: string): { from: string; to: string } {
  const to = date.slice(0, 7);
  return { from: addMonths(to, -23), to };
}

/** What can be wrong with a range: the codes views/problems.ts words. */
export type RetentionRangeProblem = "badMonth" | "fromAfterTo" | "toAfterDate" | "rangeTooLong";

/** Checks a range of cohorts against the reference date. */
export function checkRetentionRange(range: { from: string; to: string }, date: string): RetentionRangeProblem | undefined {
  if (!isIsoMonth(range.from) || !isIsoMonth(range.to)) return "badMonth";
  if (range.from > range.to) return "fromAfterTo";
  if (range.to > date.slice(0, 7)) return "toAfterDate";
  if (addMonths(range.from, MAX_RETENTION_COHORTS - 1) < range.to) return "rangeTooLong";
  return undefined;
}

/** The parameters of the retention figures (`GET /api/v1/stats/retention` and the bureau's page), after defaults. */
export interface RetentionQuery {
  date: string;
  from: string;
  to: string;
  by: RetentionBreakdown;
  assisted: boolean;
}

/** Fills the range's defaults: `to` the date's month, `from` 23 months before `to`. */
export function retentionRange(q: { date: string; from?: string | undefined; to?: string | undefined }): { from: string; to: string } {
  const to = q.to ?? q.date.slice(0, 7);
  return { from: q.from ?? addMonths(isIsoMonth(to) ? to : q.date.slice(0, 7), -23), to };
}
