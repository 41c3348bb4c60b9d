/**
 * Workshops (帮扶车间, 卫星工厂) and their recognition (认定) history for the bureau's employer
 * pages: the list in a town scope, one employer, its history, and the writes of a decision.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { ASSISTED_CATEGORIES } from "../../src/core/enums.ts";
import type { RecognitionStatus } from "../../src/core/enums.ts";
import type { ListScope } from "../../src/core/policy.ts";
import { WORKSHOP_TYPES } from "../../src/core/stats/figures.ts";
import type { Db } from "../client.ts";
import { employerRecognitions, employers, households, placements, towns, users, villages, workers } from "../schema.ts";

/** A database or a transaction. */
type Tx = Pick<Db, "select" | "insert" | "update">;

const employerColumns = {
  id: employers.id,
  code: employers.code,
  name: employers.name,
  type: employers.type,
  townId: employers.townId,
  town: towns.name,
  village: villages.name,
  address: employers.address,
  contactName: employers.contactName,
  recognition: employers.recognition,
};

/** Workshops in scope, by code; optionally only those of one recognition status. */
export function workshopsInScope(db: Tx, scope: ListScope, filter: { recognition?: RecognitionStatus | undefined; townId?: number | undefined }) {
  if (scope.kind !== "all" && scope.kind !== "town") return [];
  // (A town scope narrows to the workshops located in the town.)
  const where: SQL[] = [inArray(employers.type, [...WORKSHOP_TYPES])];
  if (scope.kind === "town") where.push(eq(employers.townId, scope.townId));
  if (filter.townId !== undefined) where.push(eq(employers.townId, filter.townId));
  if (filter.recognition) where.push(eq(employers.recognition, filter.recognition));
  return db
    .select(employerColumns)
    .from(employers)
    .innerJoin(towns, eq(towns.id, employers.townId))
    .leftJoin(villages, eq(villages.id, employers.villageId))
    .where(and(...where))
    .orderBy(asc(employers.code))
    .all();
}

export function employerWithPlaceByCode(db: Tx, code: string) {
  return db
    .select(employerColumns)
    .from(employers)
    .innerJoin(towns, eq(towns.id, employers.townId))
    .leftJoin(villages, eq(villages.id, employers.villageId))
    .where(eq(employers.code, code))
    .get();
}

export function recognitionHistory(db: Tx, employerId: number) {
  return db
    .select({
      id: employerRecognitions.id,
      status: employerRecognitions.status,
      effectiveDate: employerRecognitions.effectiveDate,
      note: employerRecognitions.note,
      by: users.login,
      at: employerRecognitions.createdAt,
    })
    .from(employerRecognitions)
    .leftJoin(users, eq(users.id, employerRecognitions.byUserId))
    .where(eq(employerRecognitions.employerId, employerId))
    .orderBy(desc(employerRecognitions.effectiveDate), desc(employerRecognitions.id))
    .all();
}

export function insertRecognition(tx: Tx, values: typeof employerRecognitions.$inferInsert) {
  return tx.insert(employerRecognitions).values(values).returning().get();
}

export function setEmployerRecognition(tx: Tx, employerId: number, status: RecognitionStatus, at: Date) {
  return tx.update(employers).set({ recognition: status, updatedAt: at.toISOString() }).where(eq(employers.id, employerId)).returning().get();
}

/**
 * Per employer, the distinct people with a placement there open at `date` and, of them, the
 * 帮扶对象 (the statistics' workshop absorption, read live for the recognition pages).
 */
export function employeeCounts(db: Tx, employerIds: readonly number[], date: string): Map<number, { employed: number; assisted: number }> {
  const counts = new Map<number, { employed: number; assisted: number }>();
  if (employerIds.length === 0) return counts;
  const assisted = sql.join(ASSISTED_CATEGORIES.map((c) => sql`${c}`), sql`, `);
  const rows = db
    .select({
      employerId: placements.employerId,
      employed: sql<number>`count(DISTINCT ${placements.workerId})`,
      assisted: sql<number>`count(DISTINCT CASE WHEN ${households.category} IN (${assisted}) THEN ${placements.workerId} END)`,
    })
    .from(placements)
    .innerJoin(workers, eq(workers.id, placements.workerId))
    .innerJoin(households, eq(households.id, workers.householdId))
    .where(and(inArray(placements.employerId, [...employerIds]), sql`${placements.startDate} <= ${date}`, sql`(${placements.endDate} IS NULL OR ${placements.endDate} >= ${date})`))
    .groupBy(placements.employerId)
    .all();
  for (const r of rows) if (r.employerId !== null) counts.set(r.employerId, { employed: r.employed, assisted: r.assisted });
  return counts;
}
