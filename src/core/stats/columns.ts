/**
 * The figures of figures.ts over a columnar snapshot of the registry: typed arrays indexed by
 * position instead of one object a row, so a county of a million workers fits in a few tens of
 * megabytes and each figure is a few linear scans (tens of milliseconds) instead of a 1–3 s SQL
 * query. figures.ts stays the readable definition; these functions must return exactly what it
 * returns (same rows, order and tie rules), which tests/stats-columns.test.ts and columns.test.ts
 * hold them to. db/queries/stats-snapshot.ts loads a snapshot from the database.
 * See docs/decisions/2026-11-23-statistics-snapshot.md.
 */
import { EMPLOYER_TYPES, EMPLOYMENT_FORMS, HOUSEHOLD_CATEGORIES, LABOUR_ABILITIES } from "../enums.ts";
import {
  LABOUR_FORCE_ABILITIES,
  LABOUR_FORCE_MIN_AGE,
  PLATFORMS,
  TOTAL_KEY,
  TREND_MONTHS,
  WORKSHOP_TYPES,
  monthEndsUpTo,
  orderEmploymentRows,
  type DateQuery,
  type EmploymentQuery,
  type EmploymentRow,
  type PublicBenefitPosts,
  type StatsRegistry,
  type TrendPoint,
  type WorkshopRow,
  type ZeroEmploymentHousehold,
} from "./figures.ts";

/** The end date of a placement still open: later than any real date. */
export const OPEN_END = 99_991_231;

/** YYYY-MM-DD → yyyymmdd, so dates compare as integers. */
export function dateInt(date: string): number {
  // Digit by digit: this runs for every birth and placement date of the county at each load.
  // No helper closure: under tsx each call would also name it (Object.defineProperty), which the
  // profile of a load showed as a tenth of its time.
  return (
    (date.charCodeAt(0) - 48) * 10_000_000 +
    (date.charCodeAt(1) - 48) * 1_000_000 +
    (date.charCodeAt(2) - 48) * 100_000 +
    (date.charCodeAt(3) - 48) * 10_000 +
    (date.charCodeAt(5) - 48) * 1000 +
    (date.charCodeAt(6) - 48) * 100 +
    (date.charCodeAt(8) - 48) * 10 +
    (date.charCodeAt(9) - 48)
  );
}

export interface StatsColumns {
  /** Town names; every `town` column below is an index into it. */
  towns: readonly string[];
  /** Village names; households' `village` column indexes it. */
  villages: readonly string[];
  households: {
    count: number;
    code: readonly string[];
    /** Town of the household's village. */
    town: Int32Array;
    village: Int32Array;
    /** Index into HOUSEHOLD_CATEGORIES. */
    category: Uint8Array;
    /** Household indexes in the order of their codes (as JavaScript compares strings). */
    byCode: Int32Array;
  };
  workers: {
    count: number;
    household: Int32Array;
    /** Town of the worker's own village. */
    town: Int32Array;
    /** yyyymmdd */
    birth: Int32Array;
    /** Index into LABOUR_ABILITIES. */
    ability: Uint8Array;
    /** 1 when willing to work. */
    willing: Uint8Array;
  };
  /** In the order of their ids: of two placements starting the same day, the later index is the newer row. */
  placements: {
    count: number;
    worker: Int32Array;
    /** yyyymmdd */
    start: Int32Array;
    /** yyyymmdd, OPEN_END while working. */
    end: Int32Array;
    /** Employer index, or -1 for work outside the registry. */
    employer: Int32Array;
    /** Index into EMPLOYMENT_FORMS, or -1. */
    form: Int8Array;
  };
  employers: {
    count: number;
    code: readonly string[];
    name: readonly string[];
    /** Index into EMPLOYER_TYPES. */
    type: Uint8Array;
    town: Int32Array;
    /** Employer indexes in the order of their codes. */
    byCode: Int32Array;
    /** Headcount of the employer's postings that are 招聘中. */
    openHeadcount: Int32Array;
  };
}

/** Indexes 0..n-1 ordered by the strings (JavaScript's comparison, as figures.ts sorts). */
export function orderByString(values: readonly string[]): Int32Array {
  const order = Array.from({ length: values.length }, (_, i) => i);
  order.sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0));
  return Int32Array.from(order);
}

/** Position of each name in a list built as names are met. */
export function interner(): { names: string[]; index(name: string): number } {
  const names: string[] = [];
  const positions = new Map<string, number>();
  return {
    names,
    index(name) {
      let i = positions.get(name);
      if (i === undefined) positions.set(name, (i = names.push(name) - 1));
      return i;
    },
  };
}

/** The columns of a plain registry (figures.ts's input): for tests and small counties. */
export function columnsFromRegistry(registry: StatsRegistry): StatsColumns {
  const towns = interner();
  const villages = interner();
  const hIndex = new Map(registry.households.map((h, i) => [h.id, i]));
  const eIndex = new Map(registry.employers.map((e, i) => [e.id, i]));
  const wIndex = new Map(registry.workers.map((w, i) => [w.id, i]));
  const placements = [...registry.placements].sort((a, b) => a.id - b.id);
  const openHeadcount = new Int32Array(registry.employers.length);
  for (const p of registry.postings) if (p.status === "招聘中") openHeadcount[eIndex.get(p.employerId)!]! += p.headcount;
  const hCodes = registry.households.map((h) => h.code);
  const eCodes = registry.employers.map((e) => e.code);
  return {
    towns: towns.names,
    villages: villages.names,
    households: {
      count: registry.households.length,
      code: hCodes,
      town: Int32Array.from(registry.households, (h) => towns.index(h.town)),
      village: Int32Array.from(registry.households, (h) => villages.index(h.village)),
      category: Uint8Array.from(registry.households, (h) => HOUSEHOLD_CATEGORIES.indexOf(h.category)),
      byCode: orderByString(hCodes),
    },
    workers: {
      count: registry.workers.length,
      household: Int32Array.from(registry.workers, (w) => hIndex.get(w.householdId)!),
      town: Int32Array.from(registry.workers, (w) => towns.index(w.town)),
      birth: Int32Array.from(registry.workers, (w) => dateInt(w.birthDate)),
      ability: Uint8Array.from(registry.workers, (w) => LABOUR_ABILITIES.indexOf(w.labourAbility)),
      willing: Uint8Array.from(registry.workers, (w) => (w.willingToWork ? 1 : 0)),
    },
    placements: {
      count: placements.length,
      worker: Int32Array.from(placements, (p) => wIndex.get(p.workerId)!),
      start: Int32Array.from(placements, (p) => dateInt(p.startDate)),
      end: Int32Array.from(placements, (p) => (p.endDate === null ? OPEN_END : dateInt(p.endDate))),
      employer: Int32Array.from(placements, (p) => (p.employerId === null ? -1 : eIndex.get(p.employerId)!)),
      form: Int8Array.from(placements, (p) => (p.employmentForm === null ? -1 : EMPLOYMENT_FORMS.indexOf(p.employmentForm))),
    },
    employers: {
      count: registry.employers.length,
      code: eCodes,
      name: registry.employers.map((e) => e.name),
      type: Uint8Array.from(registry.employers, (e) => EMPLOYER_TYPES.indexOf(e.type)),
      town: Int32Array.from(registry.employers, (e) => towns.index(e.town)),
      byCode: orderByString(eCodes),
      openHeadcount,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

const GENERAL = HOUSEHOLD_CATEGORIES.indexOf("一般户");
/** 1 at the LABOUR_ABILITIES indexes that count towards the labour force. */
const ABLE = Uint8Array.from(LABOUR_ABILITIES, (a) => (LABOUR_FORCE_ABILITIES.includes(a) ? 1 : 0));
const WORKSHOP = Uint8Array.from(EMPLOYER_TYPES, (t) => (WORKSHOP_TYPES.includes(t) ? 1 : 0));
const PUBLIC_BENEFIT = EMPLOYER_TYPES.indexOf("公益性岗位");

/** The town index of a scope: -1 for the whole county, -2 for a town with nobody in it. */
function scopeTown(columns: StatsColumns, scope: { town?: string }): number {
  if (scope.town === undefined) return -1;
  const i = columns.towns.indexOf(scope.town);
  return i < 0 ? -2 : i;
}

/** The latest birth date (yyyymmdd) of someone aged 16 or more at `date` (as labourForceBirthCutoff). */
function birthCutoff(date: number): number {
  return date - LABOUR_FORCE_MIN_AGE * 10_000;
}

/**
 * The counting placements already worked out, by the placements and workers they were worked out
 * over (a snapshot's tables never change; a patch makes new ones) and the date: a statistics page
 * asks for the same date six times (three breakdowns, each at the date and the baseline).
 */
const countingMemo = new WeakMap<StatsColumns["placements"], WeakMap<StatsColumns["workers"], Map<number, Int32Array>>>();
/** Dates remembered per pair of tables. */
const COUNTING_DATES = 8;

/**
 * For each worker, the index of the placement that counts at `date` (latest start, then the newest
 * row), or -1 when not employed. Read-only: the array is shared by every caller of the same
 * snapshot and date.
 */
export function countingPlacementIndexes(columns: StatsColumns, date: number): Int32Array {
  let byWorkers = countingMemo.get(columns.placements);
  if (!byWorkers) countingMemo.set(columns.placements, (byWorkers = new WeakMap()));
  let byDate = byWorkers.get(columns.workers);
  if (!byDate) byWorkers.set(columns.workers, (byDate = new Map()));
  let best = byDate.get(date);
  if (!best) {
    best = computeCountingPlacements(columns, date);
    if (byDate.size >= COUNTING_DATES) byDate.delete(byDate.keys().next().value!);
    byDate.set(date, best);
  }
  return best;
}

function computeCountingPlacements(columns: StatsColumns, date: number): Int32Array {
  const { worker, start, end, count } = columns.placements;
  const best = new Int32Array(columns.workers.count).fill(-1);
  for (let i = 0; i < count; i++) {
    const s = start[i]!;
    if (s > date || end[i]! < date) continue;
    const w = worker[i]!;
    const current = best[w]!;
    // Placements are in id order: on the same start day the later index is the newer row.
    if (current < 0 || s >= start[current]!) best[w] = i;
  }
  return best;
}

/** The PLATFORMS index of a placement. */
function platformIndex(columns: StatsColumns, placement: number): number {
  const e = columns.placements.employer[placement]!;
  return e >= 0 ? columns.employers.type[e]! : EMPLOYER_TYPES.length + columns.placements.form[placement]!;
}

// ---------------------------------------------------------------------------------------------
// The figures

/** employmentFigures of figures.ts over columns. */
export function employmentColumns(columns: StatsColumns, query: EmploymentQuery): EmploymentRow[] {
  const d = dateInt(query.date);
  const b = dateInt(query.baseline);
  const cutD = birthCutoff(d);
  const cutB = birthCutoff(b);
  const town = scopeTown(columns, query);
  const atDate = countingPlacementIndexes(columns, d);
  const atBaseline = countingPlacementIndexes(columns, b);
  const { household, town: wTown, birth, ability, count } = columns.workers;
  const category = columns.households.category;
  const byPlatform = query.by === "platform";
  const keys = byPlatform ? PLATFORMS.length : query.by === "town" ? columns.towns.length : HOUSEHOLD_CATEGORIES.length;
  const seen = new Uint8Array(keys);
  const lf = new Float64Array(keys);
  const emp = new Float64Array(keys);
  const empB = new Float64Array(keys);
  let totalLf = 0;
  let totalEmp = 0;
  let totalEmpB = 0;

  for (let w = 0; w < count; w++) {
    const cat = category[household[w]!]!;
    if (cat === GENERAL) continue;
    const t = wTown[w]!;
    if (town !== -1 && t !== town) continue;
    const able = ABLE[ability[w]!] === 1;
    const inForce = able && birth[w]! <= cutD;
    const now = inForce ? atDate[w]! : -1;
    const then = able && birth[w]! <= cutB ? atBaseline[w]! : -1;
    if (inForce) totalLf++;
    if (now >= 0) totalEmp++;
    if (then >= 0) totalEmpB++;
    if (byPlatform) {
      if (now >= 0) {
        const k = platformIndex(columns, now);
        seen[k] = 1;
        emp[k]!++;
      }
      if (then >= 0) {
        const k = platformIndex(columns, then);
        seen[k] = 1;
        empB[k]!++;
      }
    } else {
      const k = query.by === "town" ? t : cat;
      seen[k] = 1;
      if (inForce) lf[k]!++;
      if (now >= 0) emp[k]!++;
      if (then >= 0) empB[k]!++;
    }
  }

  const names: readonly string[] = byPlatform ? PLATFORMS : query.by === "town" ? columns.towns : HOUSEHOLD_CATEGORIES;
  const rows: EmploymentRow[] = [];
  for (let k = 0; k < keys; k++) {
    if (!seen[k]) continue;
    rows.push({ key: names[k]!, labour_force: byPlatform ? null : lf[k]!, employed: emp[k]!, employed_baseline: empB[k]! });
  }
  rows.push({ key: TOTAL_KEY, labour_force: totalLf, employed: totalEmp, employed_baseline: totalEmpB });
  return orderEmploymentRows(query.by, rows);
}

/** zeroEmploymentHouseholds of figures.ts over columns. */
export function zeroEmploymentColumns(columns: StatsColumns, query: DateQuery): { households: ZeroEmploymentHousehold[] } {
  const d = dateInt(query.date);
  const cut = birthCutoff(d);
  const town = scopeTown(columns, query);
  const employed = countingPlacementIndexes(columns, d);
  const h = columns.households;
  const lf = new Int32Array(h.count);
  const willing = new Uint8Array(h.count);
  const working = new Uint8Array(h.count);
  const { household, birth, ability, willing: wWilling, count } = columns.workers;
  for (let w = 0; w < count; w++) {
    const hh = household[w]!;
    if (employed[w]! >= 0) working[hh] = 1;
    if (ABLE[ability[w]!] === 1 && birth[w]! <= cut) {
      lf[hh]!++;
      if (wWilling[w] === 1) willing[hh] = 1;
    }
  }
  const households: ZeroEmploymentHousehold[] = [];
  for (let o = 0; o < h.count; o++) {
    const i = h.byCode[o]!;
    if (h.category[i] === GENERAL || willing[i] === 0 || working[i] === 1) continue;
    if (town !== -1 && h.town[i] !== town) continue;
    households.push({ code: h.code[i]!, town: columns.towns[h.town[i]!]!, village: columns.villages[h.village[i]!]!, labour_force: lf[i]! });
  }
  return { households };
}

/** workshopAbsorption of figures.ts over columns. */
export function workshopColumns(columns: StatsColumns, query: DateQuery): { rows: WorkshopRow[] } {
  const d = dateInt(query.date);
  const town = scopeTown(columns, query);
  const e = columns.employers;
  const { worker, start, end, employer, count } = columns.placements;
  const employed = new Int32Array(e.count);
  const assisted = new Int32Array(e.count);
  // A person counts once at an employer however many placements there are open: each worker's
  // first workshop (+1) in an array, the pairs beyond it (rare) in a Set — a Set of every pair
  // was most of this figure's time at a million workers.
  const firstWorkshop = new Int32Array(columns.workers.count);
  let pairs: Set<number> | undefined;
  const { household } = columns.workers;
  const category = columns.households.category;
  for (let i = 0; i < count; i++) {
    const emp = employer[i]!;
    if (emp < 0 || WORKSHOP[e.type[emp]!] === 0 || start[i]! > d || end[i]! < d) continue;
    const w = worker[i]!;
    const first = firstWorkshop[w]! - 1;
    if (first === emp) continue;
    if (first < 0) firstWorkshop[w] = emp + 1;
    else {
      const pair = emp * columns.workers.count + w;
      pairs ??= new Set();
      if (pairs.has(pair)) continue;
      pairs.add(pair);
    }
    employed[emp]!++;
    if (category[household[w]!] !== GENERAL) assisted[emp]!++;
  }
  const rows: WorkshopRow[] = [];
  for (let o = 0; o < e.count; o++) {
    const i = e.byCode[o]!;
    if (WORKSHOP[e.type[i]!] === 0 || (town !== -1 && e.town[i] !== town)) continue;
    rows.push({ code: e.code[i]!, name: e.name[i]!, type: EMPLOYER_TYPES[e.type[i]!]!, employed: employed[i]!, employed_assisted: assisted[i]! });
  }
  return { rows };
}

/** publicBenefitPosts of figures.ts over columns. */
export function publicBenefitColumns(columns: StatsColumns, query: DateQuery): PublicBenefitPosts {
  const d = dateInt(query.date);
  const town = scopeTown(columns, query);
  const e = columns.employers;
  const inScope = new Uint8Array(e.count);
  let offered = 0;
  for (let i = 0; i < e.count; i++) {
    if (e.type[i] !== PUBLIC_BENEFIT || (town !== -1 && e.town[i] !== town)) continue;
    inScope[i] = 1;
    offered += e.openHeadcount[i]!;
  }
  const { worker, start, end, employer, count } = columns.placements;
  const counted = new Uint8Array(columns.workers.count);
  let people = 0;
  for (let i = 0; i < count; i++) {
    const emp = employer[i]!;
    if (emp < 0 || inScope[emp] === 0 || start[i]! > d || end[i]! < d) continue;
    const w = worker[i]!;
    if (counted[w] === 0) (counted[w] = 1), people++;
  }
  return { posts_offered: offered, people };
}

/** employmentTrend of figures.ts over columns: one pass over placements gives a bit a month. */
export function trendColumns(columns: StatsColumns, query: DateQuery & { months?: number }): { rows: TrendPoint[] } {
  const dates = monthEndsUpTo(query.date, query.months ?? TREND_MONTHS);
  const ints = dates.map(dateInt);
  const cuts = ints.map(birthCutoff);
  const town = scopeTown(columns, query);
  if (dates.length > 31) throw new Error("trend: at most 31 months");
  const open = new Int32Array(columns.workers.count);
  const { worker, start, end, count } = columns.placements;
  const n = ints.length;
  if (n === 0) return { rows: [] };
  // The month-ends are the last days of consecutive months: those inside [s, e] are a run, from
  // s's own month to e's (or the one before, when e is not its month's last day).
  const monthOf = (date: number) => Math.floor(date / 10_000) * 12 + (Math.floor(date / 100) % 100);
  const firstMonth = monthOf(ints[0]!);
  const first = ints[0]!;
  const last = ints[n - 1]!;
  for (let i = 0; i < count; i++) {
    const s = start[i]!;
    const e = end[i]!;
    if (s > last || e < first) continue;
    const lo = Math.max(0, monthOf(s) - firstMonth);
    let hi = monthOf(e) - firstMonth;
    if (hi >= n) hi = n - 1;
    else if (ints[hi]! > e) hi--;
    if (hi >= lo) open[worker[i]!]! |= ((1 << (hi + 1)) - 1) & ~((1 << lo) - 1);
  }
  const lf = new Float64Array(dates.length);
  const emp = new Float64Array(dates.length);
  // Workers by the first month-end they are 16 at (the cut-offs rise) and by the months they
  // worked from it: counted once a worker, spread over the months after the pass.
  // (Up to 16 months; a longer trend counts month by month.)
  const byHistogram = n <= 16;
  const from = new Float64Array(n);
  const worked = new Float64Array(byHistogram ? 1 << n : 0);
  const { household, town: wTown, birth, ability } = columns.workers;
  const category = columns.households.category;
  for (let w = 0; w < columns.workers.count; w++) {
    if (category[household[w]!] === GENERAL || ABLE[ability[w]!] === 0) continue;
    if (town !== -1 && wTown[w] !== town) continue;
    const born = birth[w]!;
    if (!byHistogram) {
      for (let m = 0; m < n; m++) {
        if (born > cuts[m]!) continue;
        lf[m]!++;
        if (open[w]! & (1 << m)) emp[m]!++;
      }
      continue;
    }
    if (born > cuts[n - 1]!) continue;
    let m = 0;
    while (born > cuts[m]!) m++;
    from[m]!++;
    worked[open[w]! & ~((1 << m) - 1)]!++;
  }
  for (let m = 0, inForce = 0; byHistogram && m < n; m++) lf[m] = inForce += from[m]!;
  for (let bits = 1; bits < worked.length; bits++) {
    const people = worked[bits]!;
    if (people !== 0) for (let m = 0; m < n; m++) if (bits & (1 << m)) emp[m]! += people;
  }
  return { rows: dates.map((date, m) => ({ month: date.slice(0, 7), date, labour_force: lf[m]!, employed: emp[m]! })) };
}
