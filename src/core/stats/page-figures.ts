/**
 * Every figure of the bureau's statistics page in one fused pass over the columns (columns.ts):
 * the three employment breakdowns at the date and the baseline, the zero-employment households'
 * count, workshop absorption, public-benefit posts and the 12-month trend. The separate functions
 * of columns.ts each scan the placements or the workers again (seven passes over a million rows,
 * and a Set of pairs for the workshops); here one pass over the placements and one over the
 * workers give them all, with no allocation a row. The answers must be exactly those of the
 * separate functions (and so of figures.ts): page-figures.test.ts holds them to it on random
 * registries. See docs/decisions/2026-12-02-stats-page-once-per-snapshot.md.
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

/** A month as one number (year × 12 + month) from a yyyymmdd date, so consecutive months differ by one. */
function monthNumber(date: number): number {
  return Math.floor(date / 10_000) * 12 + (Math.floor(date / 100) % 100);
}

/**
 * The page's figures at `query.date` against `query.baseline`, of `query.town` (the county when
 * absent): the same rows, order and numbers as employmentColumns (each breakdown),
 * zeroEmploymentColumns (its length), workshopColumns, publicBenefitColumns and trendColumns.
 */
export function pageFiguresColumns(columns: StatsColumns, query: PageFiguresQuery): PageFigures {
  const d = dateInt(query.date);
  const b = dateInt(query.baseline);
  const cutD = d - LABOUR_FORCE_MIN_AGE * 10_000;
  const cutB = b - LABOUR_FORCE_MIN_AGE * 10_000;
  const monthDates = monthEndsUpTo(query.date, TREND_MONTHS);
  const months = monthDates.map(dateInt);
  const monthCuts = months.map((m) => m - LABOUR_FORCE_MIN_AGE * 10_000);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const monthCount = months.length;
  const firstMonth = monthNumber(first);
  /**
   * The trend's month-ends within [s, en], as bits: the month-ends are the last days of
   * consecutive months, so the first one on or after s is s's own month's, and the last one on
   * or before en is en's month's when en is that day, else the month before.
   */
  const monthsWithin = (s: number, en: number): number => {
    const lo = Math.max(0, monthNumber(s) - firstMonth);
    let hi = monthNumber(en) - firstMonth;
    if (hi >= monthCount) hi = monthCount - 1;
    else if (hi >= 0 && months[hi]! > en) hi--;
    return hi < lo ? 0 : ((1 << (hi + 1)) - 1) & ~((1 << lo) - 1);
  };
  const town = query.town === undefined ? -1 : columns.towns.indexOf(query.town) < 0 ? -2 : columns.towns.indexOf(query.town);

  const e = columns.employers;
  const wCount = columns.workers.count;
  const { household, town: wTown, birth, ability, willing } = columns.workers;
  const category = columns.households.category;

  // Public-benefit employers in scope (by the employer's town) and the posts they offer.
  const publicInScope = new Uint8Array(e.count);
  let offered = 0;
  for (let i = 0; i < e.count; i++) {
    if (e.type[i] !== PUBLIC_BENEFIT || (town !== -1 && e.town[i] !== town)) continue;
    publicInScope[i] = 1;
    offered += e.openHeadcount[i]!;
  }

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
    if (s <= last && en >= first) monthBits[w]! |= monthsWithin(s, en);
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
  const townSeen = new Uint8Array(towns);
  const townLf = new Float64Array(towns);
  const townEmp = new Float64Array(towns);
  const townEmpB = new Float64Array(towns);
  const catSeen = new Uint8Array(CATEGORIES);
  const catLf = new Float64Array(CATEGORIES);
  const catEmp = new Float64Array(CATEGORIES);
  const catEmpB = new Float64Array(CATEGORIES);
  const platSeen = new Uint8Array(PLATFORMS.length);
  const platEmp = new Float64Array(PLATFORMS.length);
  const platEmpB = new Float64Array(PLATFORMS.length);
  /** Workers who enter the trend's labour force at each month-end, and workers by the months they worked while in it. */
  const trendFrom = new Float64Array(monthCount);
  const trendWorked = new Float64Array(1 << monthCount);
  let totalLf = 0;
  let totalEmp = 0;
  let totalEmpB = 0;
  /** Per household: 1 a willing labour-force member, 2 a member employed at D. */
  const householdFlags = new Uint8Array(columns.households.count);
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
    if (atDate[w]! >= 0) householdFlags[hh]! |= 2;
    if (inForce && willing[w] === 1) householdFlags[hh]! |= 1;
    const t = wTown[w]!;
    if (town !== -1 && t !== town) continue;
    const now = inForce ? atDate[w]! : -1;
    const then = able && born <= cutB ? atBaseline[w]! : -1;
    townSeen[t] = 1;
    catSeen[cat] = 1;
    if (inForce) totalLf++, townLf[t]!++, catLf[cat]!++;
    if (now >= 0) {
      totalEmp++, townEmp[t]!++, catEmp[cat]!++;
      const k = platformOf(now);
      platSeen[k] = 1;
      platEmp[k]!++;
    }
    if (then >= 0) {
      totalEmpB++, townEmpB[t]!++, catEmpB[cat]!++;
      const k = platformOf(then);
      platSeen[k] = 1;
      platEmpB[k]!++;
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

  const trendLf = new Float64Array(monthCount);
  const trendEmp = new Float64Array(monthCount);
  for (let m = 0, inForce = 0; m < monthCount; m++) trendLf[m] = inForce += trendFrom[m]!;
  for (let bits = 1; bits < trendWorked.length; bits++) {
    const n = trendWorked[bits]!;
    if (n === 0) continue;
    for (let m = 0; m < monthCount; m++) if (bits & (1 << m)) trendEmp[m]! += n;
  }

  // Zero-employment households: 帮扶对象, a willing labour-force member, nobody employed (scope: the household's town).
  const h = columns.households;
  let zero = 0;
  for (let i = 0; i < h.count; i++) {
    if (householdFlags[i] !== 1 || (town !== -1 && h.town[i] !== town)) continue;
    zero++;
  }

  const total: EmploymentRow = { key: TOTAL_KEY, labour_force: totalLf, employed: totalEmp, employed_baseline: totalEmpB };
  const rowsOf = (by: EmploymentBreakdown): EmploymentRow[] => {
    const rows: EmploymentRow[] = [];
    if (by === "platform") {
      for (let k = 0; k < PLATFORMS.length; k++) if (platSeen[k]) rows.push({ key: PLATFORMS[k]!, labour_force: null, employed: platEmp[k]!, employed_baseline: platEmpB[k]! });
    } else {
      const [names, seen, lf, emp, empB] = by === "town" ? [columns.towns, townSeen, townLf, townEmp, townEmpB] : [HOUSEHOLD_CATEGORIES, catSeen, catLf, catEmp, catEmpB];
      for (let k = 0; k < names.length; k++) if (seen[k]) rows.push({ key: names[k]!, labour_force: lf[k]!, employed: emp[k]!, employed_baseline: empB[k]! });
    }
    rows.push({ ...total });
    return orderEmploymentRows(by, rows);
  };

  const workshops: WorkshopRow[] = [];
  for (let o = 0; o < e.count; o++) {
    const i = e.byCode[o]!;
    if (WORKSHOP[e.type[i]!] === 0 || (town !== -1 && e.town[i] !== town)) continue;
    workshops.push({ code: e.code[i]!, name: e.name[i]!, type: EMPLOYER_TYPES[e.type[i]!]!, employed: workshopEmployed[i]!, employed_assisted: workshopAssisted[i]! });
  }

  return {
    breakdowns: Object.fromEntries(EMPLOYMENT_BREAKDOWNS.map((by) => [by, rowsOf(by)])) as Record<EmploymentBreakdown, EmploymentRow[]>,
    workshops,
    publicBenefit: { posts_offered: offered, people: publicPeople },
    trend: monthDates.map((date, m) => ({ month: date.slice(0, 7), date, labour_force: trendLf[m]!, employed: trendEmp[m]! })),
    zeroEmploymentHouseholds: zero,
  };
}
