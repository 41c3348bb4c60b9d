/**
 * Registry people who could take a posting (candidates), village by village: willing, in the
 * labour force, not employed at the date, and passing in SQL every hard rule of the matcher that
 * is the worker's (age limits as birth-date bounds, hours, physical demand, preferred area for the
 * village's nearness) — so a count is the number of suitable people, and a list only needs the
 * core's score. Also: which of some households have a member employed at the date, and the
 * referral requests managers send to a town.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { Nearness } from "../../src/core/recommend/recommend.ts";
import type { PhysicalDemand, WorkingTime } from "../../src/core/enums.ts";
import { employers, postings, referralRequests, towns, users } from "../schema.ts";
import type { MatchingWorker } from "./recommend.ts";

type Tx = Pick<Db, "select" | "insert" | "update">;

export interface CandidateFilter {
  villageId: number;
  nearness: Nearness;
  date: string;
  /** Birth dates that may pass the posting's age limits (inclusive), or null for no bound. */
  bornFrom: string | null;
  bornTo: string | null;
  workingTime: WorkingTime;
  physicalDemand: PhysicalDemand | null;
}

function where(f: CandidateFilter): { sql: string; params: unknown[] } {
  const parts = [
    "w.village_id = ?",
    "w.willing_to_work = 1",
    "w.labour_ability IN ('有劳动能力', '弱劳动力或半劳动力')",
    "NOT EXISTS (SELECT 1 FROM placements p WHERE p.worker_id = w.id AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?))",
  ];
  const params: unknown[] = [f.villageId, f.date, f.date];
  if (f.bornFrom) (parts.push("w.birth_date >= ?"), params.push(f.bornFrom));
  if (f.bornTo) (parts.push("w.birth_date <= ?"), params.push(f.bornTo));
  if (f.workingTime === "全天") parts.push("(w.available_time IS NULL OR w.available_time = '全天')");
  if (f.physicalDemand === "重") parts.push("w.labour_ability = '有劳动能力'");
  if (f.nearness === "本乡镇") parts.push("(w.preferred_area IS NULL OR w.preferred_area <> '本村')");
  if (f.nearness === "本县") parts.push("(w.preferred_area IS NULL OR w.preferred_area NOT IN ('本村', '本乡镇'))");
  return { sql: parts.join(" AND "), params };
}

/** How many suitable people a village holds for the filter. */
export function countCandidatesInVillage(db: Db, f: CandidateFilter): number {
  const { sql, params } = where(f);
  return db.$client.prepare(`SELECT count(*) FROM workers w WHERE ${sql}`).pluck().get(...params) as number;
}

/** Up to `limit` suitable people of a village, as the matcher reads them. */
export function candidatesInVillage(db: Db, f: CandidateFilter, limit: number): (MatchingWorker & { idNumberMasked: string })[] {
  const { sql, params } = where(f);
  const rows = db.$client
    .prepare(
      `SELECT w.id, w.name, w.id_number_masked AS idNumberMasked, w.household_id AS householdId, h.code AS householdCode, h.category,
              w.village_id AS villageId, v.town_id AS townId, v.lat, v.lng, w.birth_date AS birthDate,
              w.labour_ability AS labourAbility, w.willing_to_work AS willingToWork, w.skills,
              w.preferred_area AS preferredArea, w.available_time AS availableTime
       FROM workers w JOIN villages v ON v.id = w.village_id JOIN households h ON h.id = w.household_id
       WHERE ${sql} ORDER BY w.id LIMIT ?`,
    )
    .all(...params, limit) as (Omit<MatchingWorker, "skills" | "willingToWork"> & { skills: string; willingToWork: number; idNumberMasked: string })[];
  return rows.map((r) => ({ ...r, willingToWork: r.willingToWork === 1, skills: JSON.parse(r.skills) as string[] }));
}

/** Of these households, those with a member employed at `date`. */
export function householdsWithEmployment(db: Db, householdIds: readonly number[], date: string): Set<number> {
  if (householdIds.length === 0) return new Set();
  const rows = db.$client
    .prepare(
      `SELECT DISTINCT w.household_id FROM workers w JOIN placements p ON p.worker_id = w.id
       WHERE w.household_id IN (${householdIds.map(() => "?").join(",")}) AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?)`,
    )
    .pluck()
    .all(...householdIds, date, date) as number[];
  return new Set(rows);
}

/** Every village with its town and centre, for ordering by distance from a posting. */
export function villagePlaces(db: Db): { id: number; townId: number; lat: number; lng: number }[] {
  return db.$client.prepare("SELECT id, town_id AS townId, lat, lng FROM villages ORDER BY id").all() as { id: number; townId: number; lat: number; lng: number }[];
}

export function openReferralRequest(db: Tx, postingId: number, townId: number) {
  return db
    .select()
    .from(referralRequests)
    .where(and(eq(referralRequests.postingId, postingId), eq(referralRequests.townId, townId), eq(referralRequests.status, "open")))
    .get();
}

export function insertReferralRequest(tx: Tx, values: typeof referralRequests.$inferInsert) {
  return tx.insert(referralRequests).values(values).returning().get();
}

/** A town's open referral requests, oldest first, with the posting and who asked. */
export function openReferralRequestsOfTown(db: Tx, townId: number) {
  return db
    .select({
      id: referralRequests.id,
      postingCode: postings.code,
      postingTitle: postings.title,
      employerName: employers.name,
      town: towns.name,
      requestedDate: referralRequests.requestedDate,
      note: referralRequests.note,
      requestedBy: users.displayName,
    })
    .from(referralRequests)
    .innerJoin(postings, eq(postings.id, referralRequests.postingId))
    .innerJoin(employers, eq(employers.id, postings.employerId))
    .innerJoin(towns, eq(towns.id, referralRequests.townId))
    .leftJoin(users, eq(users.id, referralRequests.requestedByUserId))
    .where(and(eq(referralRequests.townId, townId), eq(referralRequests.status, "open")))
    .orderBy(asc(referralRequests.requestedDate), asc(referralRequests.id))
    .all();
}
