/**
 * The open postings as the matcher scores them, in a compact form built once per postings
 * version: one typed array per feature, with the values many postings share (places, skill
 * sets, closing dates) interned, so that answering a worker is one allocation-free pass that
 * computes each shared value once (a distance per place, a skills share per skill set, a hard
 * rule per working time …) instead of assessing 100,000 posting objects one by one.
 *
 * Same answers as `recommend` over the same postings — same exclusions, same score parts added
 * in the same order (recommend.ts's `distancePart` … `payPart`), same ranking, same widening;
 * the reasons of the postings shown come from `assessPosting` itself. posting-index.test.ts
 * checks the two against each other on generated counties. Pure: no I/O.
 */
import { ageOn } from "../calendar.ts";
import { PHYSICAL_DEMANDS, WORKING_TIMES, type PhysicalDemand, type WorkingTime } from "../enums.ts";
import { distanceKm } from "../geo.ts";
import {
  assessPosting,
  distancePart,
  payPart,
  physicalPart,
  RECOMMEND_DEFAULT_LIMIT,
  RECOMMEND_MAX_KM,
  skillsPart,
  timeFits,
  timePart,
  workerBlock,
  type ExclusionCode,
  type Nearness,
  type RecommendationAnswer,
  type RecommendPosting,
  type RecommendWorker,
  type Widening,
} from "./recommend.ts";

/** What the index keeps of a posting: what the matcher scores, and the id to fetch the rest by. */
export type IndexedPosting = Omit<RecommendPosting, "title" | "employerName"> & { id: number };

export interface PostingIndex {
  readonly size: number;
  readonly ids: Float64Array;
  readonly codes: readonly string[];
  readonly town: Int32Array;
  /** The employer's village id, -1 when unknown. */
  readonly village: Float64Array;
  /** Index into placeLat/placeLng, -1 when the place is unknown. */
  readonly place: Int32Array;
  readonly placeLat: Float64Array;
  readonly placeLng: Float64Array;
  /** Index into WORKING_TIMES. */
  readonly time: Uint8Array;
  /** Index into PHYSICAL_DEMANDS, NO_DEMAND when none is stated. */
  readonly demand: Uint8Array;
  /** NaN when there is no limit (every comparison with NaN is false: no exclusion). */
  readonly ageMin: Float64Array;
  readonly ageMax: Float64Array;
  /** Index into skillSets. */
  readonly skillSet: Int32Array;
  readonly skillSets: readonly (readonly string[])[];
  /** Index into closingDates, -1 when the posting has no closing date. */
  readonly closing: Int32Array;
  readonly closingDates: readonly string[];
  /** The pay part of the score (a property of the posting alone). */
  readonly pay: Float64Array;
}

const NO_DEMAND = PHYSICAL_DEMANDS.length;
const TIME_INDEX = new Map<WorkingTime, number>(WORKING_TIMES.map((t, i) => [t, i]));
const DEMAND_INDEX = new Map<PhysicalDemand, number>(PHYSICAL_DEMANDS.map((d, i) => [d, i]));

/** Builds a PostingIndex row by row (the database's rows are fed in without an object each). */
export class PostingIndexBuilder {
  private readonly ids: number[] = [];
  private readonly codes: string[] = [];
  private readonly town: number[] = [];
  private readonly village: number[] = [];
  private readonly place: number[] = [];
  private readonly placeLat: number[] = [];
  private readonly placeLng: number[] = [];
  private readonly placeKeys = new Map<number, Map<number, number>>();
  private readonly time: number[] = [];
  private readonly demand: number[] = [];
  private readonly ageMin: number[] = [];
  private readonly ageMax: number[] = [];
  private readonly skillSet: number[] = [];
  private readonly skillSets: (readonly string[])[] = [];
  private readonly skillKeys = new Map<string, number>();
  private readonly skillRefs = new Map<readonly string[], number>();
  private readonly closing: number[] = [];
  private readonly closingDates: string[] = [];
  private readonly closingKeys = new Map<string, number>();
  private readonly pay: number[] = [];

  add(p: IndexedPosting): void {
    const time = TIME_INDEX.get(p.workingTime);
    const demand = p.physicalDemand === null ? NO_DEMAND : DEMAND_INDEX.get(p.physicalDemand);
    if (time === undefined || demand === undefined) throw new Error(`posting ${p.code}: unknown working time or physical demand`);
    this.ids.push(p.id);
    this.codes.push(p.code);
    this.town.push(p.townId);
    this.village.push(p.villageId ?? -1);
    if (p.lat === null || p.lng === null) this.place.push(-1);
    else {
      let byLng = this.placeKeys.get(p.lat);
      if (byLng === undefined) this.placeKeys.set(p.lat, (byLng = new Map()));
      let at = byLng.get(p.lng);
      if (at === undefined) {
        at = this.placeLat.length;
        byLng.set(p.lng, at);
        this.placeLat.push(p.lat);
        this.placeLng.push(p.lng);
      }
      this.place.push(at);
    }
    this.time.push(time);
    this.demand.push(demand);
    this.ageMin.push(p.ageMin ?? NaN);
    this.ageMax.push(p.ageMax ?? NaN);
    // The same array (a reader's cache) is looked up by identity; else by its names, joined by a
    // control character no skill name holds.
    let set = this.skillRefs.get(p.skills);
    if (set === undefined) {
      const skillKey = p.skills.join("\u0001");
      set = this.skillKeys.get(skillKey);
      if (set === undefined) {
        set = this.skillSets.length;
        this.skillKeys.set(skillKey, set);
        this.skillSets.push([...p.skills]);
      }
      this.skillRefs.set(p.skills, set);
    }
    this.skillSet.push(set);
    if (p.closingDate === null) this.closing.push(-1);
    else {
      let at = this.closingKeys.get(p.closingDate);
      if (at === undefined) {
        at = this.closingDates.length;
        this.closingKeys.set(p.closingDate, at);
        this.closingDates.push(p.closingDate);
      }
      this.closing.push(at);
    }
    this.pay.push(payPart(p));
  }

  build(): PostingIndex {
    return {
      size: this.ids.length,
      ids: Float64Array.from(this.ids),
      codes: this.codes,
      town: Int32Array.from(this.town),
      village: Float64Array.from(this.village),
      place: Int32Array.from(this.place),
      placeLat: Float64Array.from(this.placeLat),
      placeLng: Float64Array.from(this.placeLng),
      time: Uint8Array.from(this.time),
      demand: Uint8Array.from(this.demand),
      ageMin: Float64Array.from(this.ageMin),
      ageMax: Float64Array.from(this.ageMax),
      skillSet: Int32Array.from(this.skillSet),
      skillSets: this.skillSets,
      closing: Int32Array.from(this.closing),
      closingDates: this.closingDates,
      pay: Float64Array.from(this.pay),
    };
  }
}

/** The index of `postings` (each needs an id). */
export function buildPostingIndex(postings: Iterable<IndexedPosting>): PostingIndex {
  const builder = new PostingIndexBuilder();
  for (const p of postings) builder.add(p);
  return builder.build();
}

// One bit per hard exclusion.
const EXCLUSION_BITS: readonly ExclusionCode[] = ["closed", "ageAboveMax", "ageBelowMin", "timeClash", "tooHeavy", "placeUnknown", "tooFar", "outsidePreferredArea"];
const [CLOSED, AGE_ABOVE, AGE_BELOW, TIME_CLASH, TOO_HEAVY, PLACE_UNKNOWN, TOO_FAR, OUTSIDE] = EXCLUSION_BITS.map((_, i) => 1 << i) as [number, number, number, number, number, number, number, number];
const NEARNESS: readonly Nearness[] = ["本村", "本乡镇", "本县"];

/** One hit of the index: the posting's position in it, and what the ranking and the page need. */
export interface IndexHit {
  at: number;
  id: number;
  score: number;
  km: number;
  nearness: Nearness;
}

export interface IndexAnswer {
  hits: IndexHit[];
  blocked: RecommendationAnswer["blocked"];
  widen: Widening[];
  considered: number;
}

/** The best so far, best first (a short sorted list: most postings lose to its last at once). */
interface Top {
  at: number[];
  score: number[];
  km: number[];
  code: string[];
}

/** Whether a posting of this score, km and code ranks before the k-th of `top`. */
function ahead(top: Top, k: number, score: number, km: number, code: string): boolean {
  const o = top.score[k]!;
  if (score !== o) return score > o;
  const ok = top.km[k]!;
  if (km !== ok) return km < ok;
  return code < top.code[k]!;
}

/**
 * The best `limit` postings of the index for `worker` at `today` — what `recommend` ranks first,
 * without the reasons (see recommendFromIndex for the full answer).
 */
export function rankIndex(worker: RecommendWorker, index: PostingIndex, today: string, limit = RECOMMEND_DEFAULT_LIMIT): IndexAnswer {
  const blocked = workerBlock(worker);
  if (blocked) return { hits: [], blocked, widen: [], considered: 0 };
  const age = ageOn(worker.birthDate, today);
  const n = index.size;

  // Everything that depends on the worker and one shared value, once.
  const closedAt = index.closingDates.map((d) => d < today);
  const clash = WORKING_TIMES.map((t) => !timeFits(worker.availableTime, t));
  const timeParts = WORKING_TIMES.map((t) => timePart(worker.availableTime, t));
  const demands = [...PHYSICAL_DEMANDS, null];
  const heavy = demands.map((d) => d === "重" && worker.labourAbility !== "有劳动能力");
  const physicalParts = demands.map((d) => physicalPart(worker.labourAbility, d));
  const skillsParts = index.skillSets.map((wanted) => skillsPart(worker.skills, wanted));
  const outside = NEARNESS.map((near) => {
    const area = worker.preferredArea;
    if (area === "本村") return near !== "本村";
    if (area === "本乡镇") return near === "本县";
    return false;
  });
  const placeKm = new Float64Array(index.placeLat.length);
  for (let k = 0; k < placeKm.length; k++) placeKm[k] = distanceKm(worker, { lat: index.placeLat[k]!, lng: index.placeLng[k]! });

  const onlyBy = new Int32Array(EXCLUSION_BITS.length);
  const top: Top = { at: [], score: [], km: [], code: [] };
  const keep = Math.max(0, limit);
  const { town, village, place, time, demand, ageMin, ageMax, skillSet, closing, pay, codes } = index;
  const wv = worker.villageId;
  const wt = worker.townId;
  const maxKm = RECOMMEND_MAX_KM;

  for (let i = 0; i < n; i++) {
    let mask = 0;
    const c = closing[i]!;
    if (c >= 0 && closedAt[c]) mask |= CLOSED;
    if (age > ageMax[i]!) mask |= AGE_ABOVE;
    if (age < ageMin[i]!) mask |= AGE_BELOW;
    const t = time[i]!;
    if (clash[t]) mask |= TIME_CLASH;
    const d = demand[i]!;
    if (heavy[d]) mask |= TOO_HEAVY;
    const v = village[i]!;
    const near = v !== -1 && v === wv ? 0 : town[i] === wt ? 1 : 2;
    const pl = place[i]!;
    let km = 0;
    if (pl < 0) mask |= PLACE_UNKNOWN;
    else {
      km = near === 0 ? 0 : placeKm[pl]!;
      if (km > maxKm) mask |= TOO_FAR;
    }
    if (outside[near]) mask |= OUTSIDE;
    if (mask !== 0) {
      if ((mask & (mask - 1)) === 0) onlyBy[31 - Math.clz32(mask)]!++;
      continue;
    }
    if (keep === 0) continue;
    let s = distancePart(NEARNESS[near]!, km);
    s += timeParts[t]!;
    s += physicalParts[d]!;
    s += skillsParts[skillSet[i]!]!;
    s += pay[i]!;
    const score = Math.round(s);
    // Where it would go among the best so far (recommend.ts's byRank: score, then km, then code).
    const code = codes[i]!;
    let j = top.at.length;
    if (j === keep && !ahead(top, j - 1, score, km, code)) continue;
    while (j > 0 && ahead(top, j - 1, score, km, code)) j--;
    top.at.splice(j, 0, i);
    top.score.splice(j, 0, score);
    top.km.splice(j, 0, km);
    top.code.splice(j, 0, code);
    if (top.at.length > keep) {
      top.at.pop();
      top.score.pop();
      top.km.pop();
      top.code.pop();
    }
  }

  const widen: Widening[] = [];
  onlyBy.forEach((count, bit) => {
    const exclusion = EXCLUSION_BITS[bit]!;
    if (count > 0 && exclusion !== "closed" && exclusion !== "placeUnknown") widen.push({ exclusion, postings: count });
  });
  widen.sort((a, b) => b.postings - a.postings || a.exclusion.localeCompare(b.exclusion));
  const hits = top.at.map((at, k) => {
    const v = village[at]!;
    const near = v !== -1 && v === wv ? 0 : town[at] === wt ? 1 : 2;
    return { at, id: index.ids[at]!, score: top.score[k]!, km: top.km[k]!, nearness: NEARNESS[near]! };
  });
  return { hits, blocked: null, widen, considered: n };
}

/**
 * The same answer as `recommend(worker, postings, today, limit)` where `index` was built from
 * those postings: `postingsById` gives the whole posting of each hit (read only for the few
 * shown), whose reasons `assessPosting` then words.
 * @example recommendFromIndex(worker, index, "2026-11-23", 10, (ids) => new Map(ids.map((id) => [id, byId.get(id)!])))
 */
export function recommendFromIndex<P extends RecommendPosting>(
  worker: RecommendWorker,
  index: PostingIndex,
  today: string,
  limit: number,
  postingsById: (ids: readonly number[]) => ReadonlyMap<number, P>,
): RecommendationAnswer<P> {
  const ranked = rankIndex(worker, index, today, limit);
  if (ranked.hits.length === 0) return { hits: [], blocked: ranked.blocked, widen: ranked.widen, considered: ranked.considered };
  const found = postingsById(ranked.hits.map((h) => h.id));
  const age = ageOn(worker.birthDate, today);
  const hits = ranked.hits.flatMap((h) => {
    const posting = found.get(h.id);
    if (!posting) return [];
    const a = assessPosting(worker, posting, today, { age });
    return [{ posting, score: h.score, km: h.km, nearness: h.nearness, reasons: a.suits ? a.reasons : [] }];
  });
  return { hits, blocked: null, widen: ranked.widen, considered: ranked.considered };
}
