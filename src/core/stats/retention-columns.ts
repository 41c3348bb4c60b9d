/**
 * Retention (稳岗) counted over the statistics' columnar snapshot (columns.ts): one pass over the
 * placements' start, end, employer and form columns, each placement's worker (town) and household
 * (category) read by position — no per-placement probe of a worker or household row, so the
 * county's every breakdown is milliseconds at a million workers where the SQL (db/queries/
 * retention.ts) took seconds. It returns exactly the groups the SQL returns (same keys, counts and
 * employer names; tests/retention-columns.test.ts holds the two together over generated counties),
 * and retention.ts turns them into rows. The snapshot already leaves 待核实 placements out.
 * See docs/decisions/2026-12-02-retention-from-snapshot.md.
 */
import { EMPLOYER_TYPES, EMPLOYMENT_FORMS, HOUSEHOLD_CATEGORIES } from "../enums.ts";
import { OPEN_END, dateInt, type StatsColumns } from "./columns.ts";
import { PLATFORMS } from "./figures.ts";
import {
  MAX_RETENTION_COHORTS,
  RETENTION_HORIZONS,
  RETENTION_TOTAL_KEY,
  cohortDue,
  retentionRows,
  type HorizonFigure,
  type RetentionBreakdown,
  type RetentionGroup,
  type RetentionHorizon,
  type RetentionRow,
} from "./retention.ts";

/** The cohorts, reference date and scope of a count (as db/queries/retention.ts's RetentionScope). */
export interface RetentionColumnsScope {
  /** Cohorts from…to, YYYY-MM inclusive. */
  from: string;
  to: string;
  /** Reference date: placements starting after it are left out. */
  date: string;
  /** The viewer's town (by name); the county when undefined. */
  town?: string | undefined;
  /** Only workers of 帮扶对象 households. */
  assisted?: boolean | undefined;
}

const GENERAL = HOUSEHOLD_CATEGORIES.indexOf("一般户");
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * retention.ts's `monthsAfter` on yyyymmdd integers: the same day `months` later, clamped to the
 * end of a shorter month.
 * @example monthsAfterInt(20260131, 1) // 20260228
 */
export function monthsAfterInt(date: number, months: number): number {
  const year = Math.floor(date / 10_000);
  const month = Math.floor(date / 100) % 100;
  const day = date % 100;
  const m = month - 1 + months;
  const y = year + Math.floor(m / 12);
  const mm = (m % 12) + 1;
  return y * 10_000 + mm * 100 + Math.min(day, daysIn(y, mm));
}

/** YYYY-MM → a month number (year × 12 + month − 1). */
const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthText = (n: number) => `${String(Math.floor(n / 12)).padStart(4, "0")}-${String((n % 12) + 1).padStart(2, "0")}`;

/**
 * The key of each key position of a breakdown, and each placement's key position. Keys are the
 * SQL's: by platform the employer's type or the 就业形式, by employer its code or the 就业形式,
 * by town the worker's town; "" for a placement with neither employer nor form.
 */
function keysOf(columns: StatsColumns, by: Exclude<RetentionBreakdown, "month">): { names: string[]; of(placement: number): number } {
  const { employer, form, worker } = columns.placements;
  if (by === "town") {
    const town = columns.workers.town;
    return { names: [...columns.towns], of: (i) => town[worker[i]!]! };
  }
  const outside = by === "platform" ? EMPLOYER_TYPES.length : columns.employers.count;
  const names = by === "platform" ? [...PLATFORMS, ""] : [...columns.employers.code, ...EMPLOYMENT_FORMS, ""];
  const none = outside + EMPLOYMENT_FORMS.length;
  const type = columns.employers.type;
  const platform = by === "platform";
  return {
    names,
    of(i) {
      const e = employer[i]!;
      if (e >= 0) return platform ? type[e]! : e;
      const f = form[i]!;
      return f >= 0 ? outside + f : none;
    },
  };
}

/** Counts per cohort × key position: started, then kept at each horizon (STRIDE numbers each). */
interface RetentionCounts {
  /** Month number (year × 12 + month − 1) of the first cohort, and how many cohorts. */
  first: number;
  cohorts: number;
  /** The key of each key position (for by month, one position). */
  keys: string[];
  counts: Int32Array;
}

const STRIDE = 1 + RETENTION_HORIZONS.length;

/** One pass over the placements of the range in scope; undefined when nothing can be counted (no cohort, a town not in the county). */
function countRetention(columns: StatsColumns, by: RetentionBreakdown, scope: RetentionColumnsScope): RetentionCounts | undefined {
  const first = monthNumber(scope.from);
  const cohorts = monthNumber(scope.to) - first + 1;
  let town = -1;
  if (scope.town !== undefined) town = columns.towns.indexOf(scope.town);
  if (cohorts <= 0 || (town === -1 && scope.town !== undefined)) return undefined;
  // Starts from the first day of `from` to the 31st of `to` (as the SQL compares the text) and not after the date.
  const lowest = dateInt(`${scope.from}-01`);
  const highest = Math.min(Number(scope.to.slice(0, 4)) * 10_000 + Number(scope.to.slice(5, 7)) * 100 + 31, dateInt(scope.date));
  const assisted = scope.assisted === true;

  const keys = by === "month" ? { names: [""], of: () => 0 } : keysOf(columns, by);
  const width = keys.names.length;
  const counts = new Int32Array(cohorts * width * STRIDE);
  const { worker, start, end, count } = columns.placements;
  const wTown = columns.workers.town;
  const wHousehold = columns.workers.household;
  const category = columns.households.category;
  const [h3, h6, h12] = RETENTION_HORIZONS;
  for (let i = 0; i < count; i++) {
    const s = start[i]!;
    if (s < lowest || s > highest) continue;
    const w = worker[i]!;
    if (town >= 0 && wTown[w] !== town) continue;
    if (assisted && category[wHousehold[w]!] === GENERAL) continue;
    const year = Math.floor(s / 10_000);
    const cohort = year * 12 + (Math.floor(s / 100) % 100) - 1 - first;
    const at = (cohort * width + keys.of(i)) * STRIDE;
    counts[at]!++;
    const e = end[i]!;
    if (e === OPEN_END) {
      counts[at + 1]!++;
      counts[at + 2]!++;
      counts[at + 3]!++;
      continue;
    }
    if (e >= monthsAfterInt(s, h3)) counts[at + 1]!++;
    if (e >= monthsAfterInt(s, h6)) counts[at + 2]!++;
    if (e >= monthsAfterInt(s, h12)) counts[at + 3]!++;
  }
  return { first, cohorts, keys: keys.names, counts };
}

/** The employers met (a placement counted at their position), by code with their names, as the SQL names them. */
function employerNamesOf(columns: StatsColumns, counted: RetentionCounts): Map<string, string> {
  const names = new Map<string, string>();
  const width = counted.keys.length;
  for (let k = 0; k < columns.employers.count; k++)
    for (let c = 0; c < counted.cohorts; c++)
      if (counted.counts[(c * width + k) * STRIDE]! > 0) {
        names.set(counted.keys[k]!, columns.employers.name[k]!);
        break;
      }
  return names;
}

/**
 * Counts per cohort and key for a breakdown over the snapshot (by month the key is the cohort),
 * and for the employer breakdown the names of the employers met: what db/queries/retention.ts's
 * `retentionGroups` returns from the database. Groups with no placement are left out, as a GROUP BY
 * leaves them out; the order of the groups is not part of the answer (retentionRows orders rows).
 * @example retentionGroupsFromColumns(columns, "platform", { from: "2025-01", to: "2026-11", date: "2026-11-23" })
 */
export function retentionGroupsFromColumns(
  columns: StatsColumns,
  by: RetentionBreakdown,
  scope: RetentionColumnsScope,
): { groups: RetentionGroup[]; names: Map<string, string> } {
  const counted = countRetention(columns, by, scope);
  if (!counted) return { groups: [], names: new Map() };
  const { counts, keys } = counted;
  const width = keys.length;
  // Key positions that spell the same key (an employer's code equal to a 就业形式) make one
  // group, as the SQL's groups by key name merge them; keys are otherwise unique.
  const merge = new Set(keys).size < width ? new Map<string, RetentionGroup>() : undefined;
  const groups: RetentionGroup[] = [];
  for (let c = 0; c < counted.cohorts; c++) {
    const cohort = monthText(counted.first + c);
    for (let k = 0; k < width; k++) {
      const at = (c * width + k) * STRIDE;
      const started = counts[at]!;
      if (started === 0) continue;
      const key = by === "month" ? cohort : keys[k]!;
      const group: RetentionGroup = { cohort, key, started, kept: { 3: counts[at + 1]!, 6: counts[at + 2]!, 12: counts[at + 3]! } };
      const same = merge?.get(`${cohort}|${key}`);
      if (same) {
        same.started += group.started;
        for (const h of RETENTION_HORIZONS) same.kept[h] += group.kept[h];
        continue;
      }
      merge?.set(`${cohort}|${key}`, group);
      groups.push(group);
    }
  }
  return { groups, names: by === "employer" ? employerNamesOf(columns, counted) : new Map() };
}

/** One horizon of a row from its sums: "not yet" when none of the row's cohorts is due there. */
function horizonOf(months: RetentionHorizon, due: number, placements: number, retained: number): HorizonFigure {
  if (due === 0) return { months, status: "not_yet", placements: null, retained: null, rate: null };
  return { months, status: "measured", placements, retained, rate: placements > 0 ? retained / placements : null };
}

/**
 * The rows of retention.ts's `retentionRows` over the groups of retentionGroupsFromColumns, summed
 * straight from the counts (no object a group: by employer that is some 70,000 of them at a
 * million workers), with the employer names; the same rows, order and total (the tests hold the
 * two together). A range longer than MAX_RETENTION_COHORTS takes the groups' way.
 * @example retentionRowsFromColumns(columns, { by: "employer", from: "2024-12", to: "2026-11", date: "2026-11-23", assisted: false })
 */
export function retentionRowsFromColumns(columns: StatsColumns, query: RetentionColumnsScope & { by: RetentionBreakdown }): { rows: RetentionRow[]; names: Map<string, string> } {
  const counted = countRetention(columns, query.by, query);
  if (!counted || counted.cohorts > MAX_RETENTION_COHORTS) {
    const { groups, names } = retentionGroupsFromColumns(columns, query.by, query);
    return { rows: retentionRows(groups, query), names };
  }
  const { counts, keys, cohorts } = counted;
  const width = keys.length;
  const H = RETENTION_HORIZONS.length;
  // Whether each cohort is due at each horizon on the date.
  const due = new Uint8Array(cohorts * H);
  for (let c = 0; c < cohorts; c++) {
    const cohort = monthText(counted.first + c);
    RETENTION_HORIZONS.forEach((h, i) => (due[c * H + i] = cohortDue(cohort, h, query.date) ? 1 : 0));
  }
  const rows: RetentionRow[] = [];
  // The total: every cohort of the range decides whether a horizon is due, placements or not.
  const total = { started: 0, due: [0, 0, 0], placements: [0, 0, 0], retained: [0, 0, 0] };
  for (let c = 0; c < cohorts; c++) for (let i = 0; i < H; i++) total.due[i]! += due[c * H + i]!;

  if (query.by === "month") {
    for (let c = 0; c < cohorts; c++) {
      const at = c * STRIDE;
      const started = counts[at]!;
      total.started += started;
      const horizons = RETENTION_HORIZONS.map((h, i) => {
        if (due[c * H + i]) {
          total.placements[i]! += started;
          total.retained[i]! += counts[at + 1 + i]!;
        }
        return horizonOf(h, due[c * H + i]!, started, counts[at + 1 + i]!);
      });
      rows.push({ key: monthText(counted.first + c), started, horizons });
    }
  } else {
    // Positions spelling the same key are one row (as the groups merge them).
    const canonical = new Map<string, number>();
    const sums = new Float64Array(width * (1 + 3 * H));
    const seen = new Uint8Array(width);
    for (let k = 0; k < width; k++) {
      let r = canonical.get(keys[k]!);
      if (r === undefined) canonical.set(keys[k]!, (r = k));
      const row = r * (1 + 3 * H);
      for (let c = 0; c < cohorts; c++) {
        const at = (c * width + k) * STRIDE;
        const started = counts[at]!;
        if (started === 0) continue;
        seen[r] = 1;
        sums[row]! += started;
        for (let i = 0; i < H; i++) {
          if (!due[c * H + i]) continue;
          sums[row + 1 + i]!++;
          sums[row + 1 + H + i]! += started;
          sums[row + 1 + 2 * H + i]! += counts[at + 1 + i]!;
        }
      }
    }
    for (let r = 0; r < width; r++) {
      if (!seen[r]) continue;
      const row = r * (1 + 3 * H);
      const started = sums[row]!;
      total.started += started;
      const horizons = RETENTION_HORIZONS.map((h, i) => {
        total.placements[i]! += sums[row + 1 + H + i]!;
        total.retained[i]! += sums[row + 1 + 2 * H + i]!;
        return horizonOf(h, sums[row + 1 + i]!, sums[row + 1 + H + i]!, sums[row + 1 + 2 * H + i]!);
      });
      rows.push({ key: keys[r]!, started, horizons });
    }
    rows.sort((a, b) => b.started - a.started || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  rows.push({ key: RETENTION_TOTAL_KEY, started: total.started, horizons: RETENTION_HORIZONS.map((h, i) => horizonOf(h, total.due[i]!, total.placements[i]!, total.retained[i]!)) });
  return { rows, names: query.by === "employer" ? employerNamesOf(columns, counted) : new Map() };
}
