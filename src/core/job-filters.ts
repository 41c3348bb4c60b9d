/**
 * What a job seeker filters on, and how a posting matches: platform type, town, working time,
 * "my age", pay, benefits, distance and the closing date. Pure. The search engine gets the same
 * rules as filter expressions (src/search/job-search.ts); the plain database search that answers
 * while the engine is down applies them here, facet counts included, so both modes agree.
 */
import { dayNumber } from "./china-time.ts";
import type { EmployerType, PayUnit, WorkingTime } from "./enums.ts";
import { distanceKm, type GeoPoint } from "./geo.ts";

/** The benefits a seeker can ask for (DOMAIN.md, "包吃, 包住, 接送"); postings list others too. */
export const SEEKER_BENEFITS = ["包吃", "包住", "接送"] as const;
export type SeekerBenefit = (typeof SEEKER_BENEFITS)[number];

/** "At least this much a month" choices, in yuan. */
export const PAY_LEVELS = [2000, 3000, 4000] as const;
export type PayLevel = (typeof PAY_LEVELS)[number];

/** For comparing day and hourly pay with monthly pay: a month of full days. */
export const WORKING_DAYS_PER_MONTH = 22;
export const WORKING_HOURS_PER_DAY = 8;

/** Radius choices for "near me", in kilometres. */
export const RADIUS_CHOICES_KM = [5, 10, 20] as const;
/** The widest radius the API accepts. */
export const MAX_RADIUS_KM = 200;

/** The oldest and youngest age a seeker may give. */
export const MIN_SEEKER_AGE = 16;
export const MAX_SEEKER_AGE = 100;

/**
 * What a posting pays a month at best, so postings paid by the day, the hour or the piece can be
 * compared: day pay × 22, hour pay × 8 × 22; piece-rate figures are already monthly
 * (docs/contract.md, 计薪方式). Null when the pay is not given (面议).
 * @example monthlyPay(120, 150, "日") // 3300
 */
export function monthlyPay(payMin: number | null, payMax: number | null, unit: PayUnit): number | null {
  const best = payMax ?? payMin;
  if (best === null) return null;
  if (unit === "日") return best * WORKING_DAYS_PER_MONTH;
  if (unit === "时") return best * WORKING_HOURS_PER_DAY * WORKING_DAYS_PER_MONTH;
  return best;
}

/** The highest pay level a monthly figure reaches, 0 below the lowest. @example payLevel(3300) // 3000 */
export function payLevel(monthly: number | null): number {
  let level = 0;
  for (const candidate of PAY_LEVELS) if (monthly !== null && monthly >= candidate) level = candidate;
  return level;
}

/** Does a posting's age range take a person of this age? No limit on a side accepts anyone. */
export function acceptsAge(ageMin: number | null, ageMax: number | null, age: number): boolean {
  return (ageMin === null || ageMin <= age) && (ageMax === null || age <= ageMax);
}

/** Is a posting with this closing date still taking applications on `day` (both YYYY-MM-DD)? */
export function isOpenOn(closingDate: string | null, day: string): boolean {
  return closingDate === null || dayNumber(closingDate) >= dayNumber(day);
}

export interface JobFilters {
  type?: EmployerType;
  town?: string;
  time?: WorkingTime;
  /** The seeker's age: only postings whose age range accepts it. */
  age?: number;
  /** Every one of these benefits. */
  benefits?: readonly SeekerBenefit[];
  /** Monthly pay (see monthlyPay) of at least this. */
  payAtLeast?: PayLevel;
  /** Where the seeker is: a village centre or the phone's position. */
  origin?: GeoPoint;
  /** Only postings within this distance of the origin. */
  radiusKm?: number;
  /** Leave out postings whose closing date is before this day (YYYY-MM-DD). */
  openOn?: string;
}

/** The facts of a posting that filters look at. */
export interface JobFacts {
  type: EmployerType;
  town: string;
  workingTime: WorkingTime;
  ageMin: number | null;
  ageMax: number | null;
  benefits: readonly string[];
  monthlyPay: number | null;
  point: GeoPoint | null;
  closingDate: string | null;
}

/**
 * Facets where a seeker picks one value among several: their counts are taken with every other
 * filter applied but their own, so each choice shows how many postings picking it would give.
 */
export const DISJUNCTIVE_FACETS = ["type", "town", "time", "payAtLeast"] as const;
export type DisjunctiveFacet = (typeof DISJUNCTIVE_FACETS)[number];

/** Does a posting pass the filters (leaving out one facet's own filter when counting it)? */
export function matchesFilters(job: JobFacts, filters: JobFilters, ignore?: DisjunctiveFacet): boolean {
  if (filters.type && ignore !== "type" && job.type !== filters.type) return false;
  if (filters.town && ignore !== "town" && job.town !== filters.town) return false;
  if (filters.time && ignore !== "time" && job.workingTime !== filters.time) return false;
  if (filters.payAtLeast && ignore !== "payAtLeast" && payLevel(job.monthlyPay) < filters.payAtLeast) return false;
  if (filters.age !== undefined && !acceptsAge(job.ageMin, job.ageMax, filters.age)) return false;
  if (filters.benefits?.some((b) => !job.benefits.includes(b))) return false;
  if (filters.openOn && !isOpenOn(job.closingDate, filters.openOn)) return false;
  if (filters.origin && filters.radiusKm !== undefined) {
    if (!job.point || distanceKm(filters.origin, job.point) > filters.radiusKm) return false;
  }
  return true;
}

/** How many postings each filter choice would give. */
export interface FacetCounts {
  type: Partial<Record<EmployerType, number>>;
  town: Record<string, number>;
  time: Partial<Record<WorkingTime, number>>;
  /** Postings paying at least each level. */
  payAtLeast: Partial<Record<PayLevel, number>>;
  /** Postings, among the results, offering each benefit. */
  benefits: Partial<Record<SeekerBenefit, number>>;
}

function increment<K extends string | number>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Counts per pay level from counts per highest-level-reached (the engine's facet on payLevel). */
export function cumulativePayCounts(byLevel: Readonly<Record<string, number>>): Partial<Record<PayLevel, number>> {
  const counts: Partial<Record<PayLevel, number>> = {};
  for (const level of PAY_LEVELS) {
    const n = Object.entries(byLevel).reduce((sum, [reached, count]) => (Number(reached) >= level ? sum + count : sum), 0);
    if (n > 0) counts[level] = n;
  }
  return counts;
}

/**
 * The facet counts over a list of postings, as the search engine would give them for these
 * filters. Used while the engine is down.
 */
export function countFacets(jobs: readonly JobFacts[], filters: JobFilters): FacetCounts {
  const counts: FacetCounts = { type: {}, town: {}, time: {}, payAtLeast: {}, benefits: {} };
  const byLevel: Record<string, number> = {};
  for (const job of jobs) {
    if (matchesFilters(job, filters, "type")) increment(counts.type, job.type);
    if (matchesFilters(job, filters, "town")) increment(counts.town, job.town);
    if (matchesFilters(job, filters, "time")) increment(counts.time, job.workingTime);
    if (matchesFilters(job, filters, "payAtLeast")) increment(byLevel, String(payLevel(job.monthlyPay)));
    if (matchesFilters(job, filters)) {
      for (const benefit of SEEKER_BENEFITS) if (job.benefits.includes(benefit)) increment(counts.benefits, benefit);
    }
  }
  counts.payAtLeast = cumulativePayCounts(byLevel);
  return counts;
}
