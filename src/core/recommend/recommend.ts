/**
 * Recommendations (岗位推荐), pure: for one registry worker, each open posting is either
 * excluded — for stated hard reasons (`年龄超过岗位上限` …) — or scored 0–100 with the reasons
 * behind the score, as codes the message catalogue (views/messages/matching.ts) words in plain
 * Chinese. One matcher for the API, the worker and household pages, risk alerts, a cadre's
 * worklist and a posting's candidates. When nothing suits, the answer says what would widen it.
 */
import type { LabourAbility, PayUnit, PhysicalDemand, PreferredArea, WorkingTime } from "../enums.ts";
import { ageOn } from "../calendar.ts";
import { distanceKm } from "../geo.ts";

/** Work further than this from the village is not recommended (家门口就业). */
export const RECOMMEND_MAX_KM = 30;
/** Recommendations given unless asked otherwise, and the most ever. */
export const RECOMMEND_DEFAULT_LIMIT = 10;
export const RECOMMEND_MAX_LIMIT = 50;
/** Day and hour pay compared with monthly pay as this many working days (8 hours each). */
export const WORKING_DAYS_A_MONTH = 22;
/** Monthly pay at or above which the pay part of the score is full. */
export const FULL_SCORE_PAY = 4000;

/** The parts of the score (they add up to 100). */
export const WEIGHTS = { distance: 40, skills: 20, pay: 15, time: 15, physical: 10 } as const;

export interface RecommendWorker {
  villageId: number;
  townId: number;
  lat: number;
  lng: number;
  birthDate: string;
  labourAbility: LabourAbility;
  willingToWork: boolean;
  skills: readonly string[];
  preferredArea: PreferredArea | null;
  availableTime: WorkingTime | null;
}

export interface RecommendPosting {
  code: string;
  title: string;
  employerName: string;
  townId: number;
  /** The employer's village; null when only its town is known. */
  villageId: number | null;
  /** The employer's place (or its village centre); null when unknown. */
  lat: number | null;
  lng: number | null;
  workingTime: WorkingTime;
  ageMin: number | null;
  ageMax: number | null;
  physicalDemand: PhysicalDemand | null;
  skills: readonly string[];
  payMin: number | null;
  payMax: number | null;
  payUnit: PayUnit;
  /** 截止日期; a posting past it is not open any more. */
  closingDate: string | null;
}

/** How far, the way people count it: in the village, in the town, elsewhere in the county. */
export type Nearness = "本村" | "本乡镇" | "本县";

/** Why a posting suits (each worded by the catalogue). */
export type Reason =
  | { code: "near"; nearness: Nearness; km: number }
  | { code: "timeFits"; time: WorkingTime; available: WorkingTime | null }
  | { code: "physicalFits"; demand: PhysicalDemand | null }
  | { code: "physicalDemanding"; demand: PhysicalDemand }
  | { code: "ageFits"; age: number; min: number | null; max: number | null }
  | { code: "skillsHeld"; skills: string[] }
  | { code: "skillsToLearn"; skills: string[] }
  | { code: "noSkillsNeeded" }
  | { code: "inPreferredArea"; area: PreferredArea }
  | { code: "pay"; min: number | null; max: number | null; unit: PayUnit }
  | { code: "payUnknown" };

/** Why a posting cannot be recommended at all (hard exclusions). */
export type Exclusion =
  | { code: "ageAboveMax"; age: number; max: number }
  | { code: "ageBelowMin"; age: number; min: number }
  | { code: "timeClash"; time: WorkingTime; available: WorkingTime }
  | { code: "tooHeavy"; demand: PhysicalDemand; ability: LabourAbility }
  | { code: "outsidePreferredArea"; area: PreferredArea; nearness: Nearness }
  | { code: "tooFar"; km: number }
  | { code: "placeUnknown" }
  | { code: "closed" };
export type ExclusionCode = Exclusion["code"];

/** Why nobody should be recommending work to this worker now. */
export type WorkerBlock = "notWilling" | "notLabourForce";

export type Assessment =
  | { suits: true; score: number; km: number; nearness: Nearness; reasons: Reason[] }
  | { suits: false; km: number | null; exclusions: Exclusion[] };

export interface Recommendation<P extends RecommendPosting = RecommendPosting> {
  posting: P;
  score: number;
  km: number;
  nearness: Nearness;
  reasons: Reason[];
}

/** What would widen an empty (or short) answer: postings that only this one exclusion keeps out. */
export interface Widening {
  exclusion: ExclusionCode;
  postings: number;
}

export interface RecommendationAnswer<P extends RecommendPosting = RecommendPosting> {
  hits: Recommendation<P>[];
  /** Set when the worker is not someone to recommend work to; hits is then empty. */
  blocked: WorkerBlock | null;
  /** Ways to widen, most postings first (only exclusions a single change would lift). */
  widen: Widening[];
  /** Open postings looked at. */
  considered: number;
}

const ABLE: readonly LabourAbility[] = ["有劳动能力", "弱劳动力或半劳动力"];

/** Whether someone available `available` can take a posting of `time` hours. */
export function timeFits(available: WorkingTime | null, time: WorkingTime): boolean {
  if (available === null || available === "全天") return true;
  // Half a day or flexible hours: a full-day job does not fit.
  return time !== "全天";
}

/** 本村 / 本乡镇 / 本县 of a posting seen from the worker's village. */
export function nearnessOf(worker: Pick<RecommendWorker, "villageId" | "townId">, posting: Pick<RecommendPosting, "villageId" | "townId">): Nearness {
  if (posting.villageId !== null && posting.villageId === worker.villageId) return "本村";
  return posting.townId === worker.townId ? "本乡镇" : "本县";
}

function withinPreferred(area: PreferredArea | null, nearness: Nearness): boolean {
  if (area === "本村") return nearness === "本村";
  if (area === "本乡镇") return nearness !== "本县";
  return true;
}

/** Monthly equivalent of a pay figure (piece rates are taken as given per month), or null. */
export function monthlyPay(amount: number | null, unit: PayUnit): number | null {
  if (amount === null) return null;
  if (unit === "日") return amount * WORKING_DAYS_A_MONTH;
  if (unit === "时") return amount * WORKING_DAYS_A_MONTH * 8;
  return amount;
}

/** The distance part of the score: 本村 full; otherwise by km, with a tenth more within the town. */
export function distancePart(nearness: Nearness, km: number): number {
  let part = nearness === "本村" ? WEIGHTS.distance : WEIGHTS.distance * 0.9 * Math.max(0, 1 - km / RECOMMEND_MAX_KM);
  if (nearness === "本乡镇") part += WEIGHTS.distance * 0.1;
  return part;
}

/** The hours part: the worker's own hours count fully; a job asking less than they could give, most of it. */
export function timePart(available: WorkingTime | null, time: WorkingTime): number {
  return WEIGHTS.time * (available === null || available === time ? 1 : 0.7);
}

/** The physical part: 中 for a weak worker counts 0.3. */
export function physicalPart(ability: LabourAbility, demand: PhysicalDemand | null): number {
  return ability !== "有劳动能力" && demand === "中" ? WEIGHTS.physical * 0.3 : WEIGHTS.physical;
}

/** The skills part: the share of the wanted skills held; none wanted 0.6. */
export function skillsPart(held: readonly string[], wanted: readonly string[]): number {
  if (wanted.length === 0) return WEIGHTS.skills * 0.6;
  const set = new Set(held);
  return WEIGHTS.skills * (wanted.filter((s) => set.has(s)).length / wanted.length);
}

/** The pay part: the monthly equivalent against FULL_SCORE_PAY; 面议 (no figure) 0.3. */
export function payPart(posting: Pick<RecommendPosting, "payMin" | "payMax" | "payUnit">): number {
  const pay = monthlyPay(posting.payMax ?? posting.payMin, posting.payUnit);
  return pay === null ? WEIGHTS.pay * 0.3 : WEIGHTS.pay * Math.min(1, pay / FULL_SCORE_PAY);
}

/** Why work is not to be recommended to this worker at all, or null. */
export function workerBlock(worker: Pick<RecommendWorker, "willingToWork" | "labourAbility">): WorkerBlock | null {
  if (!ABLE.includes(worker.labourAbility)) return "notLabourForce";
  if (!worker.willingToWork) return "notWilling";
  return null;
}

/**
 * One posting for one worker at `today`: every hard exclusion that applies (all of them, so that
 * "what would widen it" can tell postings only one rule keeps out), or the score and reasons.
 * @example assessPosting(worker, posting, "2026-11-23") // { suits: false, exclusions: [{ code: "ageAboveMax", age: 62, max: 55 }], … }
 */
export function assessPosting(worker: RecommendWorker, posting: RecommendPosting, today: string, options: AssessOptions = {}): Assessment {
  const exclusions: Exclusion[] = [];
  if (posting.closingDate !== null && posting.closingDate < today) exclusions.push({ code: "closed" });
  const age = options.age ?? ageOn(worker.birthDate, today);
  if (posting.ageMax !== null && age > posting.ageMax) exclusions.push({ code: "ageAboveMax", age, max: posting.ageMax });
  if (posting.ageMin !== null && age < posting.ageMin) exclusions.push({ code: "ageBelowMin", age, min: posting.ageMin });
  if (!timeFits(worker.availableTime, posting.workingTime)) exclusions.push({ code: "timeClash", time: posting.workingTime, available: worker.availableTime! });
  if (posting.physicalDemand === "重" && worker.labourAbility !== "有劳动能力") exclusions.push({ code: "tooHeavy", demand: "重", ability: worker.labourAbility });

  let km: number | null = null;
  const nearness = nearnessOf(worker, posting);
  if (posting.lat === null || posting.lng === null) {
    exclusions.push({ code: "placeUnknown" });
  } else {
    km = nearness === "本村" ? 0 : distanceKm(worker, { lat: posting.lat, lng: posting.lng });
    if (km > RECOMMEND_MAX_KM) exclusions.push({ code: "tooFar", km });
  }
  if (worker.preferredArea !== null && !withinPreferred(worker.preferredArea, nearness)) {
    exclusions.push({ code: "outsidePreferredArea", area: worker.preferredArea, nearness });
  }
  if (exclusions.length > 0 || km === null) return { suits: false, km, exclusions };

  const reasons: Reason[] = [];
  // Scoring a county's postings builds reasons only for the few that are shown.
  const add = options.withoutReasons ? NO_REASON : (r: Reason) => void reasons.push(r);
  add({ code: "near", nearness, km });
  // The parts are added in this order by the posting index too (posting-index.ts): same sums, same rounding.
  let score = distancePart(nearness, km);

  if (worker.preferredArea !== null && worker.preferredArea !== "不限") add({ code: "inPreferredArea", area: worker.preferredArea });

  add({ code: "timeFits", time: posting.workingTime, available: worker.availableTime });
  score += timePart(worker.availableTime, posting.workingTime);

  if (worker.labourAbility !== "有劳动能力" && posting.physicalDemand === "中") add({ code: "physicalDemanding", demand: "中" });
  else add({ code: "physicalFits", demand: posting.physicalDemand });
  score += physicalPart(worker.labourAbility, posting.physicalDemand);

  if (posting.ageMin !== null || posting.ageMax !== null) add({ code: "ageFits", age, min: posting.ageMin, max: posting.ageMax });

  if (posting.skills.length === 0) {
    add({ code: "noSkillsNeeded" });
  } else if (!options.withoutReasons) {
    const held = new Set(worker.skills);
    const have = posting.skills.filter((s) => held.has(s));
    const lack = posting.skills.filter((s) => !held.has(s));
    if (have.length > 0) add({ code: "skillsHeld", skills: have });
    if (lack.length > 0) add({ code: "skillsToLearn", skills: lack });
  }
  score += skillsPart(worker.skills, posting.skills);

  const pay = monthlyPay(posting.payMax ?? posting.payMin, posting.payUnit);
  if (pay === null) add({ code: "payUnknown" });
  else add({ code: "pay", min: posting.payMin, max: posting.payMax, unit: posting.payUnit });
  score += payPart(posting);
  return { suits: true, score: Math.round(score), km, nearness, reasons };
}

export interface AssessOptions {
  /** The worker's age at `today`, when the caller computed it once for many postings. */
  age?: number;
  /** Score only: the reasons are left empty. */
  withoutReasons?: boolean;
}

const NO_REASON = (_: Reason) => {};

/** Best first: score, then nearer, then the posting's code. */
export function byRank(a: Recommendation, b: Recommendation): number {
  return b.score - a.score || a.km - b.km || (a.posting.code < b.posting.code ? -1 : a.posting.code > b.posting.code ? 1 : 0);
}

/**
 * The best `limit` open postings for `worker` at `today`, with what would widen the answer.
 * `postings` are the open postings (招聘中) to look at — all of the county's, or a prefiltered
 * few: those further than RECOMMEND_MAX_KM may be left out beforehand.
 * @example recommend(worker, postings, "2026-11-23").hits.map((h) => h.posting.code)
 */
export function recommend<P extends RecommendPosting>(worker: RecommendWorker, postings: readonly P[], today: string, limit = RECOMMEND_DEFAULT_LIMIT): RecommendationAnswer<P> {
  const blocked = workerBlock(worker);
  if (blocked) return { hits: [], blocked, widen: [], considered: 0 };
  const hits: Recommendation<P>[] = [];
  const onlyBy = new Map<ExclusionCode, number>();
  const quick = { age: ageOn(worker.birthDate, today), withoutReasons: true };
  for (const posting of postings) {
    const a = assessPosting(worker, posting, today, quick);
    if (a.suits) hits.push({ posting, score: a.score, km: a.km, nearness: a.nearness, reasons: a.reasons });
    else if (a.exclusions.length === 1) {
      const code = a.exclusions[0]!.code;
      onlyBy.set(code, (onlyBy.get(code) ?? 0) + 1);
    }
  }
  hits.sort(byRank);
  // A closed posting or one with no known place is not something the worker could change.
  const widen = [...onlyBy]
    .filter(([code]) => code !== "closed" && code !== "placeUnknown")
    .map(([exclusion, count]) => ({ exclusion, postings: count }))
    .sort((a, b) => b.postings - a.postings || a.exclusion.localeCompare(b.exclusion));
  // The reasons of the postings shown, assessed again in full.
  const shown = hits.slice(0, limit).map((h) => {
    const a = assessPosting(worker, h.posting, today, { age: quick.age });
    return { ...h, reasons: a.suits ? a.reasons : [] };
  });
  return { hits: shown, blocked: null, widen, considered: postings.length };
}
