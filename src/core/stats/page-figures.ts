/**
 * Every figure of the bureau's statistics page in one fused pass over the columns (columns.ts):
 * the three employment breakdowns at the date and the baseline, the zero-employment households'
 * count, workshop absorption, public-benefit posts and the 12-month trend. The separate functions
 * of columns.ts each scan the placements or the workers again (seven passes over a million rows,
 * and a Set of pairs for the workshops); here one pass over the placements and one over the
 * workers give them all, with no allocation a row. The answers must be exactly those of the
 * separate functions (and so of figures.ts): page-figures.test.ts holds them to it on random
 * registries.
 *
 * The pass leaves counters (PageState) from which the figures are read; after a patch of the
 * snapshot (patch.ts), pageStateAfter brings them to the new columns by taking out what the
 * workers whose rows or placements changed contributed and putting in what they contribute now,
 * instead of a pass over a million rows. See docs/decisions/2026-12-02-stats-page-once-per-snapshot.md.
 */
import { EMPLOYER_TYPES, HOUSEHOLD_CATEGORIES, LABOUR_ABILITIES } from "../enums.ts";
import { dateInt, type StatsColumns } from "./columns.ts";
import {
  EMPLOYMENT_BREAKDOWNS,
  LABOUR_FORCE_ABILITIES,
  LABOUR_FORCE_MIN_AGE,
  PLATFORMS,
  TOTAL_KEY,
  TREND_MONTHS,
  WORKSHOP_TYPES,
  monthEndsUpTo,
  orderEmploymentRows,
  type EmploymentBreakdown,
  type EmploymentRow,
  type PublicBenefitPosts,
  type TrendPoint,
  type WorkshopRow,
} from "./figures.ts";

/** What the statistics page shows, for one date, baseline and scope. */
export interface PageFigures {
  breakdowns: Record<EmploymentBreakdown, EmploymentRow[]>;
  workshops: WorkshopRow[];
  publicBenefit: PublicBenefitPosts;
  trend: TrendPoint[];
  /** 零就业家庭 at the date, in scope. */
  zeroEmploymentHouseholds: number;
}

export interface PageFiguresQuery {
  date: string;
  baseline: string;
  /** A town's name; the county when absent. */
  town?: string | undefined;
}

const GENERAL = HOUSEHOLD_CATEGORIES.indexOf("一般户");
const ABLE = Uint8Array.from(LABOUR_ABILITIES, (a) => (LABOUR_FORCE_ABILITIES.includes(a) ? 1 : 0));
const WORKSHOP = Uint8Array.from(EMPLOYER_TYPES, (t) => (WORKSHOP_TYPES.includes(t) ? 1 : 0));
const PUBLIC_BENEFIT = EMPLOYER_TYPES.indexOf("公益性岗位");
const CATEGORIES = HOUSEHOLD_CATEGORIES.length;
/** More workers touched than this since the counters' columns: a whole pass is cheaper. */
export const DERIVE_AT_MOST = 20_000;

/** A month as one number (year × 12 + month) from a yyyymmdd date, so consecutive months differ by one. */
function monthNumber(date: number): number {
  return Math.floor(date / 10_000) * 12 + (Math.floor(date / 100) % 100);
}

/** The dates of a query as integers, and the trend's month-ends. */
class Dates {
  readonly d: number;
  readonly b: number;
  readonly cutD: number;
  readonly cutB: number;
  readonly monthDates: string[];
  readonly months: number[];
  readonly monthCuts: number[];
  readonly first: number;
  readonly last: number;
  readonly firstMonth: number;
  constructor(query: PageFiguresQuery) {
    this.d = dateInt(query.date);
    this.b = dateInt(query.baseline);
    this.cutD = this.d - LABOUR_FORCE_MIN_AGE * 10_000;
    this.cutB = this.b - LABOUR_FORCE_MIN_AGE * 10_000;
    this.monthDates = monthEndsUpTo(query.date, TREND_MONTHS);
    this.months = this.monthDates.map(dateInt);
    this.monthCuts = this.months.map((m) => m - LABOUR_FORCE_MIN_AGE * 10_000);
    this.first = this.months[0]!;
    this.last = this.months[this.months.length - 1]!;
    this.firstMonth = monthNumber(this.first);
  }
  /**
   * The trend's month-ends within [s, en], as bits: the month-ends are the last days of
   * consecutive months, so the first one on or after s is s's own month's, and the last one on
   * or before en is en's month's when en is that day, else the month before.
   */
  monthsWithin(s: number, en: number): number {
    if (s > this.last || en < this.first) return 0;
    const count = this.months.length;
    const lo = Math.max(0, monthNumber(s) - this.firstMonth);
    let hi = monthNumber(en) - this.firstMonth;
    if (hi >= count) hi = count - 1;
    else if (hi >= 0 && this.months[hi]! > en) hi--;
    return hi < lo ? 0 : ((1 << (hi + 1)) - 1) & ~((1 << lo) - 1);
  }
}

/**
 * The counters the page's figures are read from, of `columns` at one date, baseline and scope.
 * Mutable: pageStateAfter moves them to newer columns in place.
 */
export interface PageState {
  columns: StatsColumns;
  query: PageFiguresQuery;
  dates: Dates;
  /** Scope town index: -1 county, -2 a town nobody is in. */
  town: number;
  /** 帮扶对象 workers in scope by town and by category (a row is shown when it has any). */
  townCount: Float64Array;
  townLf: Float64Array;
  townEmp: Float64Array;
  townEmpB: Float64Array;
  catCount: Float64Array;
  catLf: Float64Array;
  catEmp: Float64Array;
  catEmpB: Float64Array;
  platEmp: Float64Array;
  platEmpB: Float64Array;
  totals: Float64Array; // [labour force, employed, employed at baseline]
  trendLf: Float64Array;
  trendEmp: Float64Array;
  /** Per household (帮扶对象 only): willing labour-force members, and members employed at D. */
  householdWilling: Int32Array;
  householdEmployed: Int32Array;
  zero: number;
  /** Per employer: distinct people with a placement open at D (workshops only), and of them 帮扶对象. */
  workshopEmployed: Int32Array;
  workshopAssisted: Int32Array;
  publicPeople: number;
}

function scopeTownOf(columns: StatsColumns, query: PageFiguresQuery): number {
  if (query.town === undefined) return -1;
  const i = columns.towns.indexOf(query.town);
  return i < 0 ? -2 : i;
}

/** 1 at the public-benefit employers in scope (by the employer's town). */
function publicInScopeOf(columns: StatsColumns, town: number): Uint8Array {
  const e = columns.employers;
  const inScope = new Uint8Array(e.count);
  for (let i = 0; i < e.count; i++) if (e.type[i] === PUBLIC_BENEFIT && (town === -1 || e.town[i] === town)) inScope[i] = 1;
  return inScope;
}

/** The counters of the page at `query` over `columns`: one pass over the placements, one over the workers. */
export function pageState(columns: StatsColumns, query: PageFiguresQuery): PageState {
  const dates = new Dates(query);
  const { d, b, cutD, cutB, monthCuts, first, last } = dates;
  const monthCount = dates.months.length;
  const town = scopeTownOf(columns, query);
  const e = columns.employers;
  const wCount = columns.workers.count;
  const { household, town: wTown, birth, ability, willing } = columns.workers;
  const category = columns.households.category;
  const publicInScope = publicInScopeOf(columns, town);

  // One pass over the placements: the counting placement at D and at B (latest start, then the
  // newest row), a bit a month-end for the trend, workshop absorption and public-benefit people.
  const atDate = new Int32Array(wCount).fill(-1);
  const atBaseline = new Int32Array(wCount).fill(-1);
  const monthBits = new Int32Array(wCount);
  /** The first workshop a worker was counted at (+1; 0 none): a second placement there counts nobody again. */
  const firstWorkshop = new Int32Array(wCount);
  /** Pairs beyond each worker's first workshop (rare: open placements at two workshops at once). */
  let otherPairs: Set<number> | undefined;
  const workshopEmployed = new Int32Array(e.count);
  const workshopAssisted = new Int32Array(e.count);
  const inPublicBenefit = new Uint8Array(wCount);
  let publicPeople = 0;
  const { worker, start, end, employer, count } = columns.placements;
  for (let i = 0; i < count; i++) {
    const s = start[i]!;
    const en = end[i]!;
    const w = worker[i]!;
    if (s <= b && en >= b) {
      const current = atBaseline[w]!;
      if (current < 0 || s >= start[current]!) atBaseline[w] = i;
    }
    if (s <= last && en >= first) monthBits[w]! |= dates.monthsWithin(s, en);
    if (s > d || en < d) continue;
    const current = atDate[w]!;
    if (current < 0 || s >= start[current]!) atDate[w] = i;
    const emp = employer[i]!;
    if (emp < 0) continue;
    if (WORKSHOP[e.type[emp]!] === 1) {
      const f = firstWorkshop[w]! - 1;
      let counts = false;
      if (f < 0) {
        firstWorkshop[w] = emp + 1;
        counts = true;
      } else if (f !== emp) {
        const pair = emp * wCount + w;
        otherPairs ??= new Set();
        if (!otherPairs.has(pair)) {
          otherPairs.add(pair);
          counts = true;
        }
      }
      if (counts) {
        workshopEmployed[emp]!++;
        if (category[household[w]!] !== GENERAL) workshopAssisted[emp]!++;
      }
    } else if (publicInScope[emp] === 1 && inPublicBenefit[w] === 0) {
      inPublicBenefit[w] = 1;
      publicPeople++;
    }
  }

  // One pass over the workers: the breakdowns, the trend, and what each household needs.
  const towns = columns.towns.length;
  const state: PageState = {
    columns,
    query,
    dates,
    town,
    townCount: new Float64Array(towns),
    townLf: new Float64Array(towns),
    townEmp: new Float64Array(towns),
    townEmpB: new Float64Array(towns),
    catCount: new Float64Array(CATEGORIES),
    catLf: new Float64Array(CATEGORIES),
    catEmp: new Float64Array(CATEGORIES),
    catEmpB: new Float64Array(CATEGORIES),
    platEmp: new Float64Array(PLATFORMS.length),
    platEmpB: new Float64Array(PLATFORMS.length),
    totals: new Float64Array(3),
    trendLf: new Float64Array(monthCount),
    trendEmp: new Float64Array(monthCount),
    householdWilling: new Int32Array(columns.households.count),
    householdEmployed: new Int32Array(columns.households.count),
    zero: 0,
    workshopEmployed,
    workshopAssisted,
    publicPeople,
  };
  const { townCount, townLf, townEmp, townEmpB, catCount, catLf, catEmp, catEmpB, platEmp, platEmpB, totals, householdWilling, householdEmployed } = state;
  /** Workers who enter the trend's labour force at each month-end, and workers by the months they worked while in it. */
  const trendFrom = new Float64Array(monthCount);
  const trendWorked = new Float64Array(1 << monthCount);
  const platformOf = (p: number) => {
    const emp = employer[p]!;
    return emp >= 0 ? e.type[emp]! : EMPLOYER_TYPES.length + columns.placements.form[p]!;
  };
  for (let w = 0; w < wCount; w++) {
    const hh = household[w]!;
    const cat = category[hh]!;
    if (cat === GENERAL) continue;
    const able = ABLE[ability[w]!] === 1;
    const born = birth[w]!;
    const inForce = able && born <= cutD;
    if (atDate[w]! >= 0) householdEmployed[hh]!++;
    if (inForce && willing[w] === 1) householdWilling[hh]!++;
    const t = wTown[w]!;
    if (town !== -1 && t !== town) continue;
    const now = inForce ? atDate[w]! : -1;
    const then = able && born <= cutB ? atBaseline[w]! : -1;
    townCount[t]!++;
    catCount[cat]!++;
    if (inForce) totals[0]!++, townLf[t]!++, catLf[cat]!++;
    if (now >= 0) {
      totals[1]!++, townEmp[t]!++, catEmp[cat]!++;
      platEmp[platformOf(now)]!++;
    }
    if (then >= 0) {
      totals[2]!++, townEmpB[t]!++, catEmpB[cat]!++;
      platEmpB[platformOf(then)]!++;
    }
    if (able && born <= monthCuts[monthCount - 1]!) {
      // In the labour force from the first month-end they are 16 at on (the cut-offs rise):
      // counted by that month and the months they worked from it, summed up month by month below.
      let from = 0;
      while (born > monthCuts[from]!) from++;
      trendFrom[from]!++;
      trendWorked[monthBits[w]! & ~((1 << from) - 1)]!++;
    }
  }
  for (let m = 0, inForce = 0; m < monthCount; m++) state.trendLf[m] = inForce += trendFrom[m]!;
  for (let bits = 1; bits < trendWorked.length; bits++) {
    const n = trendWorked[bits]!;
    if (n === 0) continue;
    for (let m = 0; m < monthCount; m++) if (bits & (1 << m)) state.trendEmp[m]! += n;
  }

  // Zero-employment households: 帮扶对象, a willing labour-force member, nobody employed (scope: the household's town).
  const h = columns.households;
  for (let i = 0; i < h.count; i++) if (isZero(state, columns, i)) state.zero++;
  return state;
}

function isZero(state: PageState, columns: StatsColumns, household: number): boolean {
  const h = columns.households;
  return (
    h.category[household] !== GENERAL &&
    state.householdWilling[household]! > 0 &&
    state.householdEmployed[household] === 0 &&
    (state.town === -1 || h.town[household] === state.town)
  );
}

/** The page's figures from its counters (names, codes and open posts from the counters' columns). */
export function pageFiguresOf(state: PageState): PageFigures {
  const { columns, town } = state;
  const [totalLf, totalEmp, totalEmpB] = state.totals as unknown as [number, number, number];
  const total: EmploymentRow = { key: TOTAL_KEY, labour_force: totalLf, employed: totalEmp, employed_baseline: totalEmpB };
  const rowsOf = (by: EmploymentBreakdown): EmploymentRow[] => {
    const rows: EmploymentRow[] = [];
    if (by === "platform") {
      for (let k = 0; k < PLATFORMS.length; k++) {
        if (state.platEmp[k]! > 0 || state.platEmpB[k]! > 0) rows.push({ key: PLATFORMS[k]!, labour_force: null, employed: state.platEmp[k]!, employed_baseline: state.platEmpB[k]! });
      }
    } else {
      const [names, seen, lf, emp, empB] =
        by === "town"
          ? [columns.towns, state.townCount, state.townLf, state.townEmp, state.townEmpB]
          : [HOUSEHOLD_CATEGORIES, state.catCount, state.catLf, state.catEmp, state.catEmpB];
      for (let k = 0; k < names.length; k++) if (seen[k]! > 0) rows.push({ key: names[k]!, labour_force: lf[k]!, employed: emp[k]!, employed_baseline: empB[k]! });
    }
    rows.push({ ...total });
    return orderEmploymentRows(by, rows);
  };

  const e = columns.employers;
  const workshops: WorkshopRow[] = [];
  let offered = 0;
  for (let o = 0; o < e.count; o++) {
    const i = e.byCode[o]!;
    if (e.type[i] === PUBLIC_BENEFIT && (town === -1 || e.town[i] === town)) offered += e.openHeadcount[i]!;
    if (WORKSHOP[e.type[i]!] === 0 || (town !== -1 && e.town[i] !== town)) continue;
    workshops.push({ code: e.code[i]!, name: e.name[i]!, type: EMPLOYER_TYPES[e.type[i]!]!, employed: state.workshopEmployed[i]!, employed_assisted: state.workshopAssisted[i]! });
  }

  return {
    breakdowns: Object.fromEntries(EMPLOYMENT_BREAKDOWNS.map((by) => [by, rowsOf(by)])) as Record<EmploymentBreakdown, EmploymentRow[]>,
    workshops,
    publicBenefit: { posts_offered: offered, people: state.publicPeople },
    trend: state.dates.monthDates.map((date, m) => ({ month: date.slice(0, 7), date, labour_force: state.trendLf[m]!, employed: state.trendEmp[m]! })),
    zeroEmploymentHouseholds: state.zero,
  };
}

/**
 * The page's figures at `query.date` against `query.baseline`, of `query.town` (the county when
 * absent): the same rows, order and numbers as employmentColumns (each breakdown),
 * zeroEmploymentColumns (its length), workshopColumns, publicBenefitColumns and trendColumns.
 */
export function pageFiguresColumns(columns: StatsColumns, query: PageFiguresQuery): PageFigures {
  return pageFiguresOf(pageState(columns, query));
}

// ---------------------------------------------------------------------------------------------
// Moving the counters to newer columns

/** Do the typed arrays agree on their first `n` entries? */
function samePrefix(a: ArrayLike<number>, b: ArrayLike<number>, n: number): boolean {
  if (a === b) return true;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function grown<T extends Int32Array>(a: T, n: number): T {
  if (a.length === n) return a;
  const out = new (a.constructor as new (n: number) => T)(n);
  out.set(a);
  return out;
}

/**
 * The workers (positions, the same in both) whose contribution may differ between `from` and
 * `to`, or undefined when the counters cannot follow (towns, villages, a household's category or
 * town, an employer's type or town changed, or rows of households, workers or employers went or
 * moved) or more than DERIVE_AT_MOST workers are touched.
 */
function touchedWorkers(from: StatsColumns, to: StatsColumns): number[] | undefined {
  if (from.towns !== to.towns || from.villages !== to.villages) return undefined;
  const touched = new Set<number>();
  const touch = (w: number) => {
    touched.add(w);
    return touched.size <= DERIVE_AT_MOST;
  };
  const [fh, th] = [from.households, to.households];
  if (fh !== th && (th.count < fh.count || !samePrefix(fh.category, th.category, fh.count) || !samePrefix(fh.town, th.town, fh.count))) return undefined;
  const [fe, te] = [from.employers, to.employers];
  if (fe !== te && (te.count < fe.count || !samePrefix(fe.type, te.type, fe.count) || !samePrefix(fe.town, te.town, fe.count))) return undefined;
  const [fw, tw] = [from.workers, to.workers];
  if (fw !== tw) {
    if (tw.count < fw.count) return undefined;
    for (let w = 0; w < fw.count; w++) {
      if (fw.household[w] !== tw.household[w] || fw.town[w] !== tw.town[w] || fw.birth[w] !== tw.birth[w] || fw.ability[w] !== tw.ability[w] || fw.willing[w] !== tw.willing[w]) {
        if (!touch(w)) return undefined;
      }
    }
    for (let w = fw.count; w < tw.count; w++) if (!touch(w)) return undefined;
  }
  const [fp, tp] = [from.placements, to.placements];
  if (fp !== tp) {
    const common = Math.min(fp.count, tp.count);
    for (let i = 0; i < common; i++) {
      if (fp.worker[i] !== tp.worker[i] || fp.start[i] !== tp.start[i] || fp.end[i] !== tp.end[i] || fp.employer[i] !== tp.employer[i] || fp.form[i] !== tp.form[i]) {
        if (!touch(fp.worker[i]!) || !touch(tp.worker[i]!)) return undefined;
      }
    }
    for (let i = common; i < fp.count; i++) if (!touch(fp.worker[i]!)) return undefined;
    for (let i = common; i < tp.count; i++) if (!touch(tp.worker[i]!)) return undefined;
  }
  return [...touched];
}

/** The placements of each worker flagged in `flags`, in index order. */
function placementsOf(columns: StatsColumns, flags: Uint8Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const { worker, count } = columns.placements;
  for (let i = 0; i < count; i++) {
    const w = worker[i]!;
    if (w >= flags.length || flags[w] === 0) continue;
    let list = out.get(w);
    if (!list) out.set(w, (list = []));
    list.push(i);
  }
  return out;
}

/** Adds (sign 1) or takes out (sign −1) what worker `w` of `columns`, with its `placements`, counts for. */
function contribute(state: PageState, columns: StatsColumns, publicInScope: Uint8Array, w: number, placements: readonly number[], sign: number): void {
  const { d, b, cutD, cutB, monthCuts } = state.dates;
  const e = columns.employers;
  const p = columns.placements;
  const hh = columns.workers.household[w]!;
  const cat = columns.households.category[hh]!;
  let now = -1;
  let then = -1;
  let bits = 0;
  let inPublic = false;
  const workshops: number[] = [];
  for (const i of placements) {
    const s = p.start[i]!;
    const en = p.end[i]!;
    if (s <= b && en >= b && (then < 0 || s >= p.start[then]!)) then = i;
    bits |= state.dates.monthsWithin(s, en);
    if (s > d || en < d) continue;
    if (now < 0 || s >= p.start[now]!) now = i;
    const emp = p.employer[i]!;
    if (emp < 0) continue;
    if (WORKSHOP[e.type[emp]!] === 1) {
      if (!workshops.includes(emp)) {
        workshops.push(emp);
        state.workshopEmployed[emp]! += sign;
        if (cat !== GENERAL) state.workshopAssisted[emp]! += sign;
      }
    } else if (publicInScope[emp] === 1) inPublic = true;
  }
  if (inPublic) state.publicPeople += sign;
  if (cat === GENERAL) return;
  const able = ABLE[columns.workers.ability[w]!] === 1;
  const born = columns.workers.birth[w]!;
  const inForce = able && born <= cutD;
  if (now >= 0) state.householdEmployed[hh]! += sign;
  if (inForce && columns.workers.willing[w] === 1) state.householdWilling[hh]! += sign;
  const t = columns.workers.town[w]!;
  if (state.town !== -1 && t !== state.town) return;
  const platformOf = (i: number) => (p.employer[i]! >= 0 ? e.type[p.employer[i]!]! : EMPLOYER_TYPES.length + p.form[i]!);
  state.townCount[t]! += sign;
  state.catCount[cat]! += sign;
  if (inForce) (state.totals[0]! += sign), (state.townLf[t]! += sign), (state.catLf[cat]! += sign);
  if (inForce && now >= 0) {
    (state.totals[1]! += sign), (state.townEmp[t]! += sign), (state.catEmp[cat]! += sign);
    state.platEmp[platformOf(now)]! += sign;
  }
  if (able && born <= cutB && then >= 0) {
    (state.totals[2]! += sign), (state.townEmpB[t]! += sign), (state.catEmpB[cat]! += sign);
    state.platEmpB[platformOf(then)]! += sign;
  }
  if (!able) return;
  for (let m = 0; m < monthCuts.length; m++) {
    if (born > monthCuts[m]!) continue;
    state.trendLf[m]! += sign;
    if (bits & (1 << m)) state.trendEmp[m]! += sign;
  }
}

/**
 * `state` moved to `columns` (in place; the same object is returned), or undefined when it cannot
 * follow (see touchedWorkers): then compute pageState afresh. Only the workers whose rows or
 * placements differ are read: what each counted in the old columns is taken out, what it counts
 * in the new ones put in, and the households they belong to are looked at again.
 */
export function pageStateAfter(state: PageState, columns: StatsColumns): PageState | undefined {
  const from = state.columns;
  if (from === columns) return state;
  const touched = touchedWorkers(from, columns);
  if (!touched) return undefined;
  const flags = new Uint8Array(columns.workers.count);
  for (const w of touched) flags[w] = 1;
  const before = placementsOf(from, flags);
  const after = placementsOf(columns, flags);
  // Both sets of employers agree on their common rows' types and towns (touchedWorkers), so one scope does for both.
  const publicInScope = publicInScopeOf(columns, state.town);
  state.householdWilling = grown(state.householdWilling, columns.households.count);
  state.householdEmployed = grown(state.householdEmployed, columns.households.count);
  state.workshopEmployed = grown(state.workshopEmployed, columns.employers.count);
  state.workshopAssisted = grown(state.workshopAssisted, columns.employers.count);
  // The households touched, and whether each was zero-employment before.
  const households = new Map<number, boolean>();
  for (const w of touched) {
    for (const hh of [w < from.workers.count ? from.workers.household[w]! : -1, columns.workers.household[w]!]) {
      if (hh >= 0 && !households.has(hh)) households.set(hh, hh < from.households.count && isZero(state, from, hh));
    }
  }
  const none: number[] = [];
  for (const w of touched) if (w < from.workers.count) contribute(state, from, publicInScope, w, before.get(w) ?? none, -1);
  for (const w of touched) contribute(state, columns, publicInScope, w, after.get(w) ?? none, 1);
  for (const [hh, wasZero] of households) state.zero += (isZero(state, columns, hh) ? 1 : 0) - (wasZero ? 1 : 0);
  state.columns = columns;
  return state;
}
