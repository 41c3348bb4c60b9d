/**
 * Workshops (帮扶车间, 卫星工厂) and their recognition (认定) history for the bureau's employer
 * pages: the list in a town scope, one employer, its history, and the writes of a decision.
 */
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { RecognitionStatus } from "../../src/core/enums.ts";
import type { ListScope } from "../../src/core/policy.ts";
import { WORKSHOP_TYPES } from "../../src/core/stats/figures.ts";
import type { Db } from "../client.ts";
import { employerRecognitions, employers, towns, users, villages } from "../schema.ts";

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
