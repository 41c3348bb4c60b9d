/**
 * Candidates for a posting (the reverse of recommendations, same matcher): registry people who
 * would suit it — willing, not employed at the date, fit, near — zero-employment households
 * first, then other 帮扶对象, then by score; each with the matcher's reasons. Bureau staff only,
 * within their list scope (a town cadre: their town's people). A manager never sees these people:
 * they get how many suitable people live nearby and may ask the posting's town to refer them —
 * a referral request for the cadres' worklist, audited in its transaction.
 */
import type { Db } from "../../db/client.ts";
import {
  candidatesInVillage,
  countCandidatesInVillage,
  householdsWithEmployment,
  insertReferralRequest,
  openReferralRequest,
  villagePlaces,
  type CandidateFilter,
} from "../../db/queries/candidates.ts";
import { postingForMatching, type MatchingPosting } from "../../db/queries/recommend.ts";
import { isAssisted, type HouseholdCategory } from "../core/enums.ts";
import { distanceKm } from "../core/geo.ts";
import { listScope, type Actor, type Resource } from "../core/policy.ts";
import { assessPosting, nearnessOf, RECOMMEND_MAX_KM, type Reason } from "../core/recommend/recommend.ts";
import { authorUserId, recordChange, type ChangeAuthor } from "./audit-trail.ts";

/** Candidates shown on a posting's page, and how many are scored to choose them. */
export const CANDIDATES_SHOWN = 30;
export const CANDIDATE_POOL = 300;
/** "Nearby" for the count a manager sees. */
export const NEARBY_KM = 15;

export interface Candidate {
  id: number;
  name: string;
  idNumberMasked: string;
  householdId: number;
  householdCode: string;
  category: string;
  zeroEmployment: boolean;
  assisted: boolean;
  score: number;
  km: number;
  reasons: Reason[];
}

/** The birth dates the posting's age limits can take at `today` (a little wide; the core decides). */
function birthBounds(posting: Pick<MatchingPosting, "ageMin" | "ageMax">, today: string) {
  const year = Number(today.slice(0, 4));
  const rest = today.slice(4);
  return {
    bornFrom: posting.ageMax === null ? null : `${year - posting.ageMax - 1}${rest}`,
    bornTo: posting.ageMin === null ? null : `${year - posting.ageMin}${rest}`,
  };
}

/** Villages within `km` of the posting, nearest first, with the filter for each. */
function villageFilters(db: Db, posting: MatchingPosting, today: string, km: number, townId?: number): CandidateFilter[] {
  if (posting.lat === null || posting.lng === null) return [];
  const place = { lat: posting.lat, lng: posting.lng };
  const bounds = birthBounds(posting, today);
  return villagePlaces(db)
    .filter((v) => townId === undefined || v.townId === townId)
    .map((v) => ({ v, km: v.id === posting.villageId ? 0 : distanceKm(v, place) }))
    .filter((x) => x.km <= km)
    .sort((a, b) => a.km - b.km || a.v.id - b.v.id)
    .map(({ v }) => ({
      villageId: v.id,
      nearness: nearnessOf({ villageId: v.id, townId: v.townId }, posting),
      date: today,
      ...bounds,
      workingTime: posting.workingTime,
      physicalDemand: posting.physicalDemand,
    }));
}

/** A posting by code with what decides who may read its applicants (its employer). */
export function postingForCandidates(deps: { db: Db }, code: string) {
  const posting = postingForMatching(deps.db, code);
  return posting && { posting, resource: { type: "posting", employerId: posting.employerId } satisfies Resource };
}

/**
 * The candidates `actor` may see for the posting at `today`, best first.
 * `townOnly` when the list is held to the viewer's town.
 * @example postingCandidates({ db }, { posting, actor, today: "2026-11-23" }).candidates.map((c) => c.name)
 */
export function postingCandidates(deps: { db: Db }, props: { posting: MatchingPosting; actor: Actor; today: string }): { candidates: Candidate[]; townOnly: boolean } {
  const scope = listScope(props.actor, "worker");
  if (scope.kind !== "all" && scope.kind !== "town") return { candidates: [], townOnly: false };
  const filters = villageFilters(deps.db, props.posting, props.today, RECOMMEND_MAX_KM, scope.kind === "town" ? scope.townId : undefined);
  const pool: Candidate[] = [];
  let fetched = 0;
  for (const filter of filters) {
    if (fetched >= CANDIDATE_POOL) break;
    const people = candidatesInVillage(deps.db, filter, CANDIDATE_POOL - fetched);
    fetched += people.length;
    for (const person of people) {
      const a = assessPosting(person, props.posting, props.today);
      if (!a.suits) continue;
      const assisted = isAssisted(person.category as HouseholdCategory);
      pool.push({ id: person.id, name: person.name, idNumberMasked: person.idNumberMasked, householdId: person.householdId, householdCode: person.householdCode, category: person.category, zeroEmployment: assisted, assisted, score: a.score, km: a.km, reasons: a.reasons });
    }
  }
  // Zero-employment: a 帮扶对象 household with no member employed (the candidate is willing and in the labour force).
  const employed = householdsWithEmployment(deps.db, [...new Set(pool.filter((c) => c.assisted).map((c) => c.householdId))], props.today);
  for (const c of pool) c.zeroEmployment = c.assisted && !employed.has(c.householdId);
  const candidates = pool
    .sort((a, b) => Number(b.zeroEmployment) - Number(a.zeroEmployment) || Number(b.assisted) - Number(a.assisted) || b.score - a.score || a.km - b.km || a.id - b.id)
    .slice(0, CANDIDATES_SHOWN);
  return { candidates, townOnly: scope.kind === "town" };
}

/** How many suitable registry people live within NEARBY_KM of the posting (what a manager may know). */
export function suitableNearbyCount(deps: { db: Db }, props: { posting: MatchingPosting; today: string }): number {
  return villageFilters(deps.db, props.posting, props.today, NEARBY_KM).reduce((sum, f) => sum + countCandidatesInVillage(deps.db, f), 0);
}

export type ReferralResult = { outcome: "requested"; id: number } | { outcome: "already-requested" };

/**
 * A manager asks the posting's town to refer suitable people: one open request per posting and
 * town (the database refuses a second), with its audit row.
 */
export function requestReferral(deps: { db: Db }, props: { posting: MatchingPosting; note?: string | undefined; by: ChangeAuthor; today: string }): ReferralResult {
  return deps.db.transaction((tx): ReferralResult => {
    if (openReferralRequest(tx, props.posting.id, props.posting.townId)) return { outcome: "already-requested" };
    const row = insertReferralRequest(tx, {
      postingId: props.posting.id,
      townId: props.posting.townId,
      requestedByUserId: authorUserId(props.by),
      note: props.note || null,
      requestedDate: props.today,
    });
    recordChange(tx, props.by, { action: "create", entity: "referral-request", entityId: row.id, after: { postingCode: props.posting.code, townId: props.posting.townId } });
    return { outcome: "requested", id: row.id };
  });
}
