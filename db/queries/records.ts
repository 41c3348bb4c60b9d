/**
 * Reading the records the account pages show (a manager's postings and applicants, a seeker's
 * applications, a worker of the registry), each with the owner fields the access policy
 * (src/core/policy.ts) decides on: employerId, townId, applicantUserId.
 */
import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { ListScope } from "../../src/core/policy.ts";
import type { Db } from "../client.ts";
import { alerts, applications, employers, households, placements, postings, towns, villages, workers } from "../schema.ts";

/** Longest list a page shows at once. */
export const MAX_LIST_ROWS = 200;

function postingScopeFilter(scope: ListScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "employer":
      return eq(postings.employerId, scope.employerId);
    default:
      return sql`0`;
  }
}

/** Postings in scope, newest first, with how many applied. */
export function postingsInScope(db: Db, scope: ListScope, limit = MAX_LIST_ROWS) {
  return db
    .select({
      id: postings.id,
      code: postings.code,
      title: postings.title,
      status: postings.status,
      employerId: postings.employerId,
      employerName: employers.name,
      applications: sql<number>`(SELECT count(*) FROM ${applications} WHERE ${applications.postingId} = ${postings.id})`,
    })
    .from(postings)
    .innerJoin(employers, eq(postings.employerId, employers.id))
    .where(postingScopeFilter(scope))
    .orderBy(desc(postings.id))
    .limit(limit)
    .all();
}

/** One posting by code with its employer's name (any status). */
export function postingByCode(db: Db, code: string) {
  return db
    .select({
      id: postings.id,
      code: postings.code,
      title: postings.title,
      description: postings.description,
      status: postings.status,
      employerId: postings.employerId,
      employerName: employers.name,
    })
    .from(postings)
    .innerJoin(employers, eq(postings.employerId, employers.id))
    .where(eq(postings.code, code))
    .get();
}

const applicationColumns = {
  id: applications.id,
  postingId: applications.postingId,
  postingCode: postings.code,
  postingTitle: postings.title,
  employerId: postings.employerId,
  employerName: employers.name,
  applicantName: applications.applicantName,
  applicantPhone: applications.applicantPhone,
  applicantVillage: applications.applicantVillage,
  applicantUserId: applications.applicantUserId,
  note: applications.note,
  status: applications.status,
  createdAt: applications.createdAt,
  /** The town of the registry worker who applied, when known (for town cadres). */
  workerTownId: villages.townId,
};

function selectApplications(db: Db) {
  return db
    .select(applicationColumns)
    .from(applications)
    .innerJoin(postings, eq(applications.postingId, postings.id))
    .innerJoin(employers, eq(postings.employerId, employers.id))
    .leftJoin(workers, eq(applications.workerId, workers.id))
    .leftJoin(villages, eq(workers.villageId, villages.id));
}

export type ApplicationRow = ReturnType<ReturnType<typeof selectApplications>["all"]>[number];

export function applicationsOfPosting(db: Db, postingId: number, limit = MAX_LIST_ROWS): ApplicationRow[] {
  return selectApplications(db).where(eq(applications.postingId, postingId)).orderBy(desc(applications.createdAt)).limit(limit).all();
}

export function applicationsOfUser(db: Db, userId: number, limit = MAX_LIST_ROWS): ApplicationRow[] {
  return selectApplications(db).where(eq(applications.applicantUserId, userId)).orderBy(desc(applications.createdAt)).limit(limit).all();
}

export function applicationById(db: Db, id: number): ApplicationRow | undefined {
  return selectApplications(db).where(eq(applications.id, id)).get();
}

/** A worker of the registry with their household and town; the ID number still encrypted. */
export function workerById(db: Db, id: number) {
  return db
    .select({
      id: workers.id,
      name: workers.name,
      idNumberCipher: workers.idNumberCipher,
      idNumberMasked: workers.idNumberMasked,
      phone: workers.phone,
      sex: workers.sex,
      birthDate: workers.birthDate,
      labourAbility: workers.labourAbility,
      townId: villages.townId,
      town: towns.name,
      village: villages.name,
      householdCode: households.code,
      category: households.category,
    })
    .from(workers)
    .innerJoin(villages, eq(workers.villageId, villages.id))
    .innerJoin(towns, eq(villages.townId, towns.id))
    .innerJoin(households, eq(workers.householdId, households.id))
    .where(and(eq(workers.id, id)))
    .get();
}

/** A manager's roster (在岗名单): placements at one employer, open ones first, newest first. */
export function rosterOfEmployer(db: Db, employerId: number, limit = MAX_LIST_ROWS) {
  return db
    .select({
      id: placements.id,
      workerName: workers.name,
      village: villages.name,
      startDate: placements.startDate,
      endDate: placements.endDate,
      monthlyIncome: placements.monthlyIncome,
    })
    .from(placements)
    .innerJoin(workers, eq(placements.workerId, workers.id))
    .innerJoin(villages, eq(workers.villageId, villages.id))
    .where(eq(placements.employerId, employerId))
    .orderBy(sql`${placements.endDate} IS NOT NULL`, desc(placements.startDate))
    .limit(limit)
    .all();
}

/**
 * What a registry search asks for: the keyed hash of a whole ID number (exact, never partial), or
 * a text matched against names, village names and the household code.
 */
export type RegistrySearch = { idNumberHash: string } | { phone: string } | { text: string; typed?: string | undefined };

/** One page of the registry's workers in scope (a town's, or all), by id; ID numbers masked. */
export function workersInScope(db: Db, scope: ListScope, page: { limit: number; offset: number }, search?: RegistrySearch) {
  const inScope = scope.kind === "all" ? undefined : scope.kind === "town" ? eq(villages.townId, scope.townId) : sql`0`;
  const matching =
    search === undefined
      ? undefined
      : "idNumberHash" in search
        ? eq(workers.idNumberHash, search.idNumberHash)
        : "phone" in search
          ? eq(workers.phone, search.phone)
          : or(
              ...[search.text, ...(search.typed ? [search.typed] : [])].flatMap((text) => [
                sql`${workers.name} LIKE ${likePattern(text)} ESCAPE '\\'`,
                sql`${villages.name} LIKE ${likePattern(text)} ESCAPE '\\'`,
                eq(households.code, text),
              ]),
            );
  const filter = and(inScope, matching);
  const rows = db
    .select({
      id: workers.id,
      name: workers.name,
      idNumberMasked: workers.idNumberMasked,
      phone: workers.phone,
      town: towns.name,
      village: villages.name,
      householdCode: households.code,
    })
    .from(workers)
    .innerJoin(villages, eq(workers.villageId, villages.id))
    .innerJoin(towns, eq(villages.townId, towns.id))
    .innerJoin(households, eq(workers.householdId, households.id))
    .where(filter)
    .orderBy(workers.id)
    .limit(page.limit + 1)
    .offset(page.offset)
    .all();
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

/** A household of the registry with its town, and its members (ID numbers masked). */
export function householdByCode(db: Db, code: string) {
  const household = db
    .select({
      id: households.id,
      code: households.code,
      category: households.category,
      relocated: households.relocated,
      size: households.size,
      townId: villages.townId,
      town: towns.name,
      village: villages.name,
    })
    .from(households)
    .innerJoin(villages, eq(households.villageId, villages.id))
    .innerJoin(towns, eq(villages.townId, towns.id))
    .where(eq(households.code, code))
    .get();
  if (!household) return undefined;
  const members = db
    .select({ id: workers.id, name: workers.name, idNumberMasked: workers.idNumberMasked, labourAbility: workers.labourAbility })
    .from(workers)
    .where(eq(workers.householdId, household.id))
    .orderBy(workers.id)
    .all();
  return { ...household, members };
}

/** `%text%` for LIKE, with the wildcards a person may type taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
}

/** Applications made by (or linked to) these workers, newest first, with the posting's title. */
export function applicationsOfWorkers(db: Db, workerIds: readonly number[]) {
  if (workerIds.length === 0) return [];
  return db
    .select({
      id: applications.id,
      workerId: applications.workerId,
      postingCode: postings.code,
      postingTitle: postings.title,
      status: applications.status,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .innerJoin(postings, eq(applications.postingId, postings.id))
    .where(inArray(applications.workerId, [...workerIds]))
    .orderBy(desc(applications.createdAt))
    .limit(MAX_LIST_ROWS)
    .all();
}

/** The household's risk alerts, newest first. */
export function alertsOfHousehold(db: Db, householdId: number) {
  return db
    .select({ id: alerts.id, kind: alerts.kind, status: alerts.status, raisedDate: alerts.raisedDate, closedDate: alerts.closedDate })
    .from(alerts)
    .where(eq(alerts.householdId, householdId))
    .orderBy(desc(alerts.raisedDate), desc(alerts.id))
    .all();
}

/**
 * The first-registered member's name of each household code (the registry keeps no 户主 field;
 * imports list the head first), for lists that show households by a person, not only a code.
 */
export function firstMemberNames(db: Db, codes: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = db
      .select({ code: households.code, name: workers.name, id: workers.id })
      .from(workers)
      .innerJoin(households, eq(workers.householdId, households.id))
      .where(inArray(households.code, codes.slice(i, i + 500)))
      .orderBy(workers.id)
      .all();
    for (const r of rows) if (!names.has(r.code)) names.set(r.code, r.name);
  }
  return names;
}
