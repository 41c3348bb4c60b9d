/**
 * The figures the bureau lives by (../shared/DOMAIN.md, "Figures the bureau lives by"), as plain
 * functions over plain arrays: the readable reference definition. db/queries/stats.ts computes the
 * same figures in SQL for a county of a million workers, and a test holds the two to agreement.
 * Result rows use the field names of the JSON API (docs/contract.md) so handlers pass them through.
 */
import { BUILT_IN_SETTINGS } from "../settings.ts";
import { addMonths, ageOn, monthEnd } from "../calendar.ts";
import {
  EMPLOYER_TYPES,
  EMPLOYMENT_FORMS,
  HOUSEHOLD_CATEGORIES,
  isAssisted,
  type EmployerType,
  type EmploymentForm,
  type HouseholdCategory,
  type LabourAbility,
  type PostingStatus,
} from "../enums.ts";

// ---------------------------------------------------------------------------------------------
// Input: the registry as the statistics see it.

export interface StatsHousehold {
  id: number;
  /** 户编号 */
  code: string;
  category: HouseholdCategory;
  town: string;
  village: string;
}

export interface StatsWorker {
  id: number;
  householdId: number;
  /** The town of the worker's own village (a worker belongs to it wherever they work). */
  town: string;
  /** YYYY-MM-DD */
  birthDate: string;
  labourAbility: LabourAbility;
  willingToWork: boolean;
}

export interface StatsEmployer {
  id: number;
  code: string;
  name: string;
  type: EmployerType;
  town: string;
}

export interface StatsPlacement {
  id: number;
  workerId: number;
  /** Null for work outside the registry; then employmentForm says what it is. */
  employerId: number | null;
  employmentForm: EmploymentForm | null;
  startDate: string;
  /** Null while working. */
  endDate: string | null;
}

export interface StatsPosting {
  employerId: number;
  headcount: number;
  status: PostingStatus;
}

export interface StatsRegistry {
  households: readonly StatsHousehold[];
  workers: readonly StatsWorker[];
  employers: readonly StatsEmployer[];
  placements: readonly StatsPlacement[];
  postings: readonly StatsPosting[];
}

// ---------------------------------------------------------------------------------------------
// Output: the rows of the JSON API.

/** 就业平台: an employer type, or the 就业形式 of work without an employer. */
export type Platform = EmployerType | EmploymentForm;
export const PLATFORMS: readonly Platform[] = [...EMPLOYER_TYPES, ...EMPLOYMENT_FORMS];

export const EMPLOYMENT_BREAKDOWNS = ["town", "platform", "category"] as const;
export type EmploymentBreakdown = (typeof EMPLOYMENT_BREAKDOWNS)[number];

/** The key of the row that sums the others. */
export const TOTAL_KEY = "total";

export interface EmploymentRow {
  key: string;
  /** 帮扶对象 labour force at D; null in rows by platform (a worker without work has no platform). */
  labour_force: number | null;
  /** Of them, employed at D. */
  employed: number;
  /** The same at the baseline date B, over today's registry (age at B, placements open at B). */
  employed_baseline: number;
}

export interface ZeroEmploymentHousehold {
  code: string;
  town: string;
  village: string;
  /** Labour-force members at D. */
  labour_force: number;
}

export interface WorkshopRow {
  code: string;
  name: string;
  type: EmployerType;
  /** Distinct people with a placement there open at D, whatever their age or category. */
  employed: number;
  /** Of them, people of 帮扶对象 households. */
  employed_assisted: number;
}

export interface PublicBenefitPosts {
  /** Headcount of the 公益性岗位 postings that are 招聘中. */
  posts_offered: number;
  /** Distinct people with a placement open at D at a 公益性岗位 employer. */
  people: number;
}

export interface TrendPoint {
  /** YYYY-MM */
  month: string;
  /** The month's last day, YYYY-MM-DD: the date the figures are taken at. */
  date: string;
  labour_force: number;
  employed: number;
}

/** Narrows every figure to one town (a town cadre's view). */
export interface TownScope {
  town?: string;
}

/** Workshop absorption is counted for these types. */
export const WORKSHOP_TYPES: readonly EmployerType[] = ["帮扶车间", "卫星工厂"];
/** The built-in baseline date; the one in force is the baselineDate setting (src/core/settings.ts). */
export const DEFAULT_BASELINE_DATE = BUILT_IN_SETTINGS.baselineDate;
/** Labour force: aged 16 or more at the date. */
export const LABOUR_FORCE_MIN_AGE = 16;
export const LABOUR_FORCE_ABILITIES: readonly LabourAbility[] = ["有劳动能力", "弱劳动力或半劳动力"];
export const TREND_MONTHS = 12;

// ---------------------------------------------------------------------------------------------
// Definitions

/**
 * The latest birth date of someone aged 16 or more at `date`: `birthDate <= cutoff` is the age
 * test, usable in SQL on a text column. (A cutoff like 2009-02-29 compares correctly as text.)
 */
export function labourForceBirthCutoff(date: string): string {
  return String(Number(date.slice(0, 4)) - LABOUR_FORCE_MIN_AGE).padStart(4, "0") + date.slice(4);
}

/** 劳动力 in the statistics' sense: aged ≥ 16 at `date` and able (fully or partly) to work. */
export function inLabourForce(worker: Pick<StatsWorker, "birthDate" | "labourAbility">, date: string): boolean {
  return ageOn(worker.birthDate, date) >= LABOUR_FORCE_MIN_AGE && LABOUR_FORCE_ABILITIES.includes(worker.labourAbility);
}

/** A placement is open at `date` when it started on or before it and has not ended before it. */
export function openOn(placement: Pick<StatsPlacement, "startDate" | "endDate">, date: string): boolean {
  return placement.startDate <= date && (placement.endDate === null || placement.endDate >= date);
}

/** Of several placements open at once, the one with the latest start counts (then the newest row). */
function laterPlacement(a: StatsPlacement, b: StatsPlacement): StatsPlacement {
  if (a.startDate !== b.startDate) return a.startDate > b.startDate ? a : b;
  return a.id > b.id ? a : b;
}

/** The platform a placement is on. */
export function platformOf(placement: StatsPlacement, employers: ReadonlyMap<number, StatsEmployer>): Platform {
  if (placement.employerId !== null) {
    const employer = employers.get(placement.employerId);
    if (!employer) throw new Error(`placement ${placement.id}: unknown employer ${placement.employerId}`);
    return employer.type;
  }
  if (placement.employmentForm === null) throw new Error(`placement ${placement.id}: neither employer nor employment form`);
  return placement.employmentForm;
}

/** For each worker employed at `date`, the placement that counts (latest start). */
export function countingPlacements(placements: readonly StatsPlacement[], date: string): Map<number, StatsPlacement> {
  const counting = new Map<number, StatsPlacement>();
  for (const p of placements) {
    if (!openOn(p, date)) continue;
    const current = counting.get(p.workerId);
    counting.set(p.workerId, current ? laterPlacement(current, p) : p);
  }
  return counting;
}

/** Rows in the order pages show them: towns by name, categories and platforms in the domain's order, total last. */
export function orderEmploymentRows(by: EmploymentBreakdown, rows: EmploymentRow[]): EmploymentRow[] {
  const order: readonly string[] | undefined = by === "category" ? HOUSEHOLD_CATEGORIES : by === "platform" ? PLATFORMS : undefined;
  const rank = (key: string) => (key === TOTAL_KEY ? Number.MAX_SAFE_INTEGER : order ? order.indexOf(key) : 0);
  return [...rows].sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function indexById<T extends { id: number }>(items: readonly T[]): Map<number, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export interface EmploymentQuery extends TownScope {
  /** Reference date D, YYYY-MM-DD. */
  date: string;
  /** Baseline date B, YYYY-MM-DD. */
  baseline: string;
  by: EmploymentBreakdown;
}

/**
 * 帮扶对象劳动力就业 — the headline: labour force of 帮扶对象 households and how many of them are
 * employed at D and at B, by town, platform or household category, with a `total` row.
 * Town and category rows appear for every key that has 帮扶对象 workers in scope; platform rows
 * for every platform with someone employed at D or B. The total row always carries the labour force.
 */
export function employmentFigures(registry: StatsRegistry, query: EmploymentQuery): EmploymentRow[] {
  const households = indexById(registry.households);
  const employers = indexById(registry.employers);
  const atDate = countingPlacements(registry.placements, query.date);
  const atBaseline = countingPlacements(registry.placements, query.baseline);

  const rows = new Map<string, EmploymentRow>();
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, labour_force: query.by === "platform" ? null : 0, employed: 0, employed_baseline: 0 }));
    return r;
  };
  const total: EmploymentRow = { key: TOTAL_KEY, labour_force: 0, employed: 0, employed_baseline: 0 };

  for (const worker of registry.workers) {
    const household = households.get(worker.householdId);
    if (!household) throw new Error(`worker ${worker.id}: unknown household ${worker.householdId}`);
    if (!isAssisted(household.category)) continue;
    if (query.town !== undefined && worker.town !== query.town) continue;

    const inForce = inLabourForce(worker, query.date);
    const employedNow = inForce ? atDate.get(worker.id) : undefined;
    const employedThen = inLabourForce(worker, query.baseline) ? atBaseline.get(worker.id) : undefined;
    if (inForce) total.labour_force!++;
    if (employedNow) total.employed++;
    if (employedThen) total.employed_baseline++;

    if (query.by === "platform") {
      if (employedNow) row(platformOf(employedNow, employers)).employed++;
      if (employedThen) row(platformOf(employedThen, employers)).employed_baseline++;
    } else {
      const r = row(query.by === "town" ? worker.town : household.category);
      if (inForce) r.labour_force!++;
      if (employedNow) r.employed++;
      if (employedThen) r.employed_baseline++;
    }
  }
  return orderEmploymentRows(query.by, [...rows.values(), total]);
}

export interface DateQuery extends TownScope {
  /** Reference date D, YYYY-MM-DD. */
  date: string;
}

/**
 * 零就业家庭: 帮扶对象 households with at least one labour-force member willing to work and no
 * member at all employed at D (a member outside the labour force who works still counts). By code.
 */
export function zeroEmploymentHouseholds(registry: StatsRegistry, query: DateQuery): { households: ZeroEmploymentHousehold[] } {
  const employed = countingPlacements(registry.placements, query.date);
  const members = new Map<number, StatsWorker[]>();
  for (const w of registry.workers) {
    const list = members.get(w.householdId);
    if (list) list.push(w);
    else members.set(w.householdId, [w]);
  }
  const result: ZeroEmploymentHousehold[] = [];
  for (const household of registry.households) {
    if (!isAssisted(household.category)) continue;
    if (query.town !== undefined && household.town !== query.town) continue;
    const people = members.get(household.id) ?? [];
    const labourForce = people.filter((w) => inLabourForce(w, query.date));
    if (!labourForce.some((w) => w.willingToWork)) continue;
    if (people.some((w) => employed.has(w.id))) continue;
    result.push({ code: household.code, town: household.town, village: household.village, labour_force: labourForce.length });
  }
  result.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { households: result };
}

/**
 * 吸纳就业: for every 帮扶车间 and 卫星工厂 (in the scope's town), the distinct people with a
 * placement there open at D, and of them the 帮扶对象 workers. By code; workshops with nobody included.
 */
export function workshopAbsorption(registry: StatsRegistry, query: DateQuery): { rows: WorkshopRow[] } {
  const households = indexById(registry.households);
  const workers = indexById(registry.workers);
  const people = new Map<number, Set<number>>();
  for (const p of registry.placements) {
    if (p.employerId === null || !openOn(p, query.date)) continue;
    const set = people.get(p.employerId);
    if (set) set.add(p.workerId);
    else people.set(p.employerId, new Set([p.workerId]));
  }
  const rows: WorkshopRow[] = [];
  for (const e of registry.employers) {
    if (!WORKSHOP_TYPES.includes(e.type)) continue;
    if (query.town !== undefined && e.town !== query.town) continue;
    const here = [...(people.get(e.id) ?? [])];
    const assisted = here.filter((id) => {
      const w = workers.get(id);
      const h = w && households.get(w.householdId);
      return h !== undefined && isAssisted(h.category);
    });
    rows.push({ code: e.code, name: e.name, type: e.type, employed: here.length, employed_assisted: assisted.length });
  }
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { rows };
}

/**
 * 公益性岗位: posts offered (headcount of the 招聘中 postings of 公益性岗位 employers) and the distinct
 * people in such posts at D. A town scope counts the employers located in that town.
 */
export function publicBenefitPosts(registry: StatsRegistry, query: DateQuery): PublicBenefitPosts {
  const inScope = new Set(
    registry.employers.filter((e) => e.type === "公益性岗位" && (query.town === undefined || e.town === query.town)).map((e) => e.id),
  );
  let offered = 0;
  for (const p of registry.postings) if (p.status === "招聘中" && inScope.has(p.employerId)) offered += p.headcount;
  const people = new Set<number>();
  for (const p of registry.placements) if (p.employerId !== null && inScope.has(p.employerId) && openOn(p, query.date)) people.add(p.workerId);
  return { posts_offered: offered, people: people.size };
}

/** The last `count` month-ends on or before `date`, oldest first. */
export function monthEndsUpTo(date: string, count: number): string[] {
  // A month not over yet does not count: start from the previous one.
  const last = monthEnd(date) === date ? date.slice(0, 7) : addMonths(date.slice(0, 7), -1);
  const ends: string[] = [];
  for (let i = count - 1; i >= 0; i--) ends.push(monthEnd(`${addMonths(last, -i)}-01`));
  return ends;
}

/**
 * The monthly trend of the headline: 帮扶对象 labour force and employed at the last day of each of
 * the last twelve months that have ended by D (D's own month when D is its last day).
 */
export function employmentTrend(registry: StatsRegistry, query: DateQuery & { months?: number }): { rows: TrendPoint[] } {
  return {
    rows: monthEndsUpTo(query.date, query.months ?? TREND_MONTHS).map((date) => {
      const total = employmentFigures(registry, { date, baseline: date, by: "category", ...(query.town !== undefined ? { town: query.town } : {}) }).find(
        (r) => r.key === TOTAL_KEY,
      )!;
      return { month: date.slice(0, 7), date, labour_force: total.labour_force!, employed: total.employed };
    }),
  };
}
