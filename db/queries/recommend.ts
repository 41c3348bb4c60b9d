/**
 * What the matcher reads (src/core/recommend): the open postings with their place (the
 * employer's coordinates, else its village centre), the open postings' version that tells the
 * in-memory index to reload (migration 0014_matching), and a worker or a household's members as
 * the matcher sees them. Raw SQL where a county's hundred thousand postings are read at once.
 */
import type { PayUnit, PhysicalDemand, WorkingTime, EmployerType } from "../../src/core/enums.ts";
import type { RecommendPosting, RecommendWorker } from "../../src/core/recommend/recommend.ts";
import { PostingIndexBuilder, type PostingIndex } from "../../src/core/recommend/posting-index.ts";
import type { Db } from "../client.ts";

/** Bumped by triggers on every change of postings, employers' places and villages' places. */
export function matchingVersion(db: Db): number {
  return (db.$client.prepare("SELECT version FROM matching_version WHERE id = 1").pluck().get() as number | undefined) ?? 0;
}

/** An open posting as the matcher and the pages showing its result read it. */
export interface MatchingPosting extends RecommendPosting {
  id: number;
  employerId: number;
  employerCode: string;
  employerType: EmployerType;
  town: string;
  village: string | null;
}

interface PostingRowSql {
  id: number;
  code: string;
  title: string;
  employerId: number;
  employerCode: string;
  employerName: string;
  employerType: EmployerType;
  townId: number;
  town: string;
  villageId: number | null;
  village: string | null;
  lat: number | null;
  lng: number | null;
  workingTime: WorkingTime;
  ageMin: number | null;
  ageMax: number | null;
  physicalDemand: PhysicalDemand | null;
  skills: string;
  payMin: number | null;
  payMax: number | null;
  payUnit: PayUnit;
  closingDate: string | null;
}

const POSTING_SQL = `
  SELECT p.id, p.code, p.title, e.id AS employerId, e.code AS employerCode, e.name AS employerName, e.type AS employerType,
         e.town_id AS townId, t.name AS town, e.village_id AS villageId, v.name AS village,
         coalesce(e.lat, v.lat) AS lat, coalesce(e.lng, v.lng) AS lng,
         p.working_time AS workingTime, p.age_min AS ageMin, p.age_max AS ageMax, p.physical_demand AS physicalDemand,
         p.skills, p.pay_min AS payMin, p.pay_max AS payMax, p.pay_unit AS payUnit, p.closing_date AS closingDate
  FROM postings p
  JOIN employers e ON e.id = p.employer_id
  JOIN towns t ON t.id = e.town_id
  LEFT JOIN villages v ON v.id = e.village_id`;

const toPosting = (r: PostingRowSql): MatchingPosting => ({ ...r, skills: JSON.parse(r.skills) as string[] });

/** Every open posting (招聘中) of the county, in id order. */
export function openPostingsForMatching(db: Db): MatchingPosting[] {
  return (db.$client.prepare(`${POSTING_SQL} WHERE p.status = '招聘中' ORDER BY p.id`).all() as PostingRowSql[]).map(toPosting);
}

/**
 * The open postings with these ids, as openPostingsForMatching reads them, by id (the posting
 * index's hits). The status is checked without its index (`+`): given the choice, SQLite walks
 * every open posting through postings_status_idx instead of looking the few ids up.
 */
export function postingsForMatchingByIds(db: Db, ids: readonly number[]): Map<number, MatchingPosting> {
  if (ids.length === 0) return new Map();
  const rows = db.$client.prepare(`${POSTING_SQL} WHERE p.id IN (${ids.map(() => "?").join(",")}) AND +p.status = '招聘中'`).all(...ids) as PostingRowSql[];
  return new Map(rows.map((r) => [r.id, toPosting(r)]));
}

type EmployerPlace = [townId: number, villageId: number | null, lat: number | null, lng: number | null];
type IndexRow = [id: number, code: string, employerId: number, workingTime: WorkingTime, ageMin: number | null, ageMax: number | null, physicalDemand: PhysicalDemand | null, skills: string, payMin: number | null, payMax: number | null, payUnit: PayUnit, closingDate: string | null];

/**
 * The open postings as the posting index (src/core/recommend/posting-index.ts) holds them: one
 * pass over the postings' own columns as plain rows (the status check without its index: the
 * open postings are most of the table, read in rowid order), the places from the employers —
 * the same postings and values openPostingsForMatching reads (its inner joins: an employer
 * and its town must exist).
 */
export function openPostingsIndex(db: Db): PostingIndex {
  const places = new Map<number, EmployerPlace>();
  const employerRows = db.$client
    .prepare(`SELECT e.id, e.town_id, e.village_id, coalesce(e.lat, v.lat), coalesce(e.lng, v.lng) FROM employers e JOIN towns t ON t.id = e.town_id LEFT JOIN villages v ON v.id = e.village_id`)
    .raw()
    .all() as [number, ...EmployerPlace][];
  for (const [id, ...place] of employerRows) places.set(id, place);
  const skills = new Map<string, string[]>();
  const builder = new PostingIndexBuilder();
  const rows = db.$client
    .prepare(`SELECT id, code, employer_id, working_time, age_min, age_max, physical_demand, skills, pay_min, pay_max, pay_unit, closing_date FROM postings WHERE +status = '招聘中' ORDER BY id`)
    .raw();
  for (const r of rows.iterate() as IterableIterator<IndexRow>) {
    const place = places.get(r[2]);
    if (!place) continue;
    let held = skills.get(r[7]);
    if (!held) skills.set(r[7], (held = JSON.parse(r[7]) as string[]));
    builder.add({
      id: r[0], code: r[1], townId: place[0], villageId: place[1], lat: place[2], lng: place[3],
      workingTime: r[3], ageMin: r[4], ageMax: r[5], physicalDemand: r[6], skills: held, payMin: r[8], payMax: r[9], payUnit: r[10], closingDate: r[11],
    });
  }
  return builder.build();
}

/** One posting (any status) as the matcher reads it, by code. */
export function postingForMatching(db: Db, code: string): (MatchingPosting & { status: string; headcount: number }) | undefined {
  const row = db.$client.prepare(`SELECT q.*, p.status, p.headcount FROM (${POSTING_SQL} WHERE p.code = ?) q JOIN postings p ON p.id = q.id`).get(code) as
    | (PostingRowSql & { status: string; headcount: number })
    | undefined;
  return row ? { ...toPosting(row), status: row.status, headcount: row.headcount } : undefined;
}

/** A worker as the matcher reads them, with what the pages show beside the answer. */
export interface MatchingWorker extends RecommendWorker {
  id: number;
  name: string;
  householdId: number;
  householdCode: string;
  category: string;
}

interface WorkerRowSql {
  id: number;
  name: string;
  householdId: number;
  householdCode: string;
  category: string;
  villageId: number;
  townId: number;
  lat: number;
  lng: number;
  birthDate: string;
  labourAbility: RecommendWorker["labourAbility"];
  willingToWork: number;
  skills: string;
  preferredArea: RecommendWorker["preferredArea"];
  availableTime: RecommendWorker["availableTime"];
}

const WORKER_SQL = `
  SELECT w.id, w.name, w.household_id AS householdId, h.code AS householdCode, h.category,
         w.village_id AS villageId, v.town_id AS townId, v.lat, v.lng, w.birth_date AS birthDate,
         w.labour_ability AS labourAbility, w.willing_to_work AS willingToWork, w.skills,
         w.preferred_area AS preferredArea, w.available_time AS availableTime
  FROM workers w
  JOIN villages v ON v.id = w.village_id
  JOIN households h ON h.id = w.household_id`;

const toWorker = (r: WorkerRowSql): MatchingWorker => ({ ...r, willingToWork: r.willingToWork === 1, skills: JSON.parse(r.skills) as string[] });

export function matchingWorkerById(db: Db, id: number): MatchingWorker | undefined {
  const row = db.$client.prepare(`${WORKER_SQL} WHERE w.id = ?`).get(id) as WorkerRowSql | undefined;
  return row && toWorker(row);
}

export function matchingWorkerByIdNumberHash(db: Db, hash: string): MatchingWorker | undefined {
  const row = db.$client.prepare(`${WORKER_SQL} WHERE w.id_number_hash = ?`).get(hash) as WorkerRowSql | undefined;
  return row && toWorker(row);
}

/** The members of a household, in id order. */
export function matchingWorkersOfHousehold(db: Db, householdId: number): MatchingWorker[] {
  return (db.$client.prepare(`${WORKER_SQL} WHERE w.household_id = ? ORDER BY w.id`).all(householdId) as WorkerRowSql[]).map(toWorker);
}

/** Household ids by code (the worklist's households come by code from the statistics). */
export function householdIdsByCode(db: Db, codes: readonly string[]): Map<string, number> {
  if (codes.length === 0) return new Map();
  const rows = db.$client.prepare(`SELECT code, id FROM households WHERE code IN (${codes.map(() => "?").join(",")})`).all(...codes) as { code: string; id: number }[];
  return new Map(rows.map((r) => [r.code, r.id]));
}
