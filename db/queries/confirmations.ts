/**
 * The bureau's confirmation worklist (待核实): placements marked `needs_confirmation` and pending
 * hires of people not matched to the registry, each with the town that decides who sees it (a
 * placement: the worker's own town; a pending hire: the employer's, the person's being unknown),
 * and the writes that confirm them. See docs/decisions/2026-12-01-hire-confirmation.md.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { applications, employers, households, pendingHires, placements, postings, towns, villages, workers } from "../schema.ts";

/** A database or a transaction. */
type Tx = Pick<Db, "select" | "insert" | "update">;

/** At most this many lines of each kind on the worklist page (oldest first: they waited longest). */
export const MAX_WORKLIST_ROWS = 200;

export interface PlacementToConfirm {
  id: number;
  workerId: number;
  workerName: string;
  idNumberMasked: string;
  village: string;
  townId: number;
  town: string;
  householdCode: string;
  employerId: number | null;
  employerName: string | null;
  postingCode: string | null;
  startDate: string;
  endDate: string | null;
  monthlyIncome: number | null;
  confirmationReason: string | null;
  createdAt: string;
}

export interface PendingHireToConfirm {
  id: number;
  name: string;
  phone: string;
  employerId: number;
  employerName: string;
  /** The employer's town: the person's own is unknown until they are matched. */
  townId: number;
  town: string;
  postingCode: string | null;
  applicationId: number | null;
  applicantVillage: string | null;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  monthlyIncome: number | null;
  confirmationReason: string | null;
  createdAt: string;
}

function selectPlacements(db: Tx) {
  return db
    .select({
      id: placements.id,
      workerId: placements.workerId,
      workerName: workers.name,
      idNumberMasked: workers.idNumberMasked,
      village: villages.name,
      townId: villages.townId,
      town: towns.name,
      householdCode: households.code,
      employerId: placements.employerId,
      employerName: employers.name,
      postingCode: postings.code,
      startDate: placements.startDate,
      endDate: placements.endDate,
      monthlyIncome: placements.monthlyIncome,
      confirmationReason: placements.confirmationReason,
      createdAt: placements.createdAt,
    })
    .from(placements)
    .innerJoin(workers, eq(placements.workerId, workers.id))
    .innerJoin(villages, eq(workers.villageId, villages.id))
    .innerJoin(towns, eq(villages.townId, towns.id))
    .innerJoin(households, eq(workers.householdId, households.id))
    .leftJoin(employers, eq(placements.employerId, employers.id))
    .leftJoin(postings, eq(placements.postingId, postings.id));
}

function selectPendingHires(db: Tx) {
  return db
    .select({
      id: pendingHires.id,
      name: pendingHires.name,
      phone: pendingHires.phone,
      employerId: pendingHires.employerId,
      employerName: employers.name,
      townId: employers.townId,
      town: towns.name,
      postingCode: postings.code,
      applicationId: pendingHires.applicationId,
      applicantVillage: applications.applicantVillage,
      startDate: pendingHires.startDate,
      endDate: pendingHires.endDate,
      endReason: pendingHires.endReason,
      monthlyIncome: pendingHires.monthlyIncome,
      confirmationReason: pendingHires.confirmationReason,
      createdAt: pendingHires.createdAt,
    })
    .from(pendingHires)
    .innerJoin(employers, eq(pendingHires.employerId, employers.id))
    .innerJoin(towns, eq(employers.townId, towns.id))
    .leftJoin(postings, eq(pendingHires.postingId, postings.id))
    .leftJoin(applications, eq(pendingHires.applicationId, applications.id));
}

/** Placements waiting for confirmation, of one town's workers or (null) the county's. */
export function placementsToConfirm(db: Tx, townId: number | null, limit = MAX_WORKLIST_ROWS): PlacementToConfirm[] {
  return selectPlacements(db)
    .where(and(eq(placements.needsConfirmation, true), townId === null ? undefined : eq(villages.townId, townId)))
    .orderBy(placements.createdAt, placements.id)
    .limit(limit)
    .all();
}

/** Pending hires not yet matched to a registry worker, at one town's employers or (null) the county's. */
export function pendingHiresToConfirm(db: Tx, townId: number | null, limit = MAX_WORKLIST_ROWS): PendingHireToConfirm[] {
  return selectPendingHires(db)
    .where(and(isNull(pendingHires.placementId), isNull(pendingHires.closedAs), townId === null ? undefined : eq(employers.townId, townId)))
    .orderBy(pendingHires.createdAt, pendingHires.id)
    .limit(limit)
    .all();
}

export function placementToConfirm(db: Tx, id: number): PlacementToConfirm | undefined {
  return selectPlacements(db).where(and(eq(placements.id, id), eq(placements.needsConfirmation, true))).get();
}

export function pendingHireToConfirm(db: Tx, id: number): PendingHireToConfirm | undefined {
  return selectPendingHires(db).where(and(eq(pendingHires.id, id), isNull(pendingHires.placementId), isNull(pendingHires.closedAs))).get();
}

/** How many lines wait for confirmation (the bureau home's figure), of one town or the county. */
export function confirmationCount(db: Tx, townId: number | null): number {
  const placed = db
    .select({ n: sql<number>`count(*)` })
    .from(placements)
    .innerJoin(workers, eq(placements.workerId, workers.id))
    .innerJoin(villages, eq(workers.villageId, villages.id))
    .where(and(eq(placements.needsConfirmation, true), townId === null ? undefined : eq(villages.townId, townId)))
    .get()!.n;
  const pending = db
    .select({ n: sql<number>`count(*)` })
    .from(pendingHires)
    .innerJoin(employers, eq(pendingHires.employerId, employers.id))
    .where(and(isNull(pendingHires.placementId), isNull(pendingHires.closedAs), townId === null ? undefined : eq(employers.townId, townId)))
    .get()!.n;
  return placed + pending;
}

/** A registry worker as a match candidate: their own town decides who may match to them. */
export function matchCandidate(db: Tx, workerId: number) {
  return db
    .select({ id: workers.id, name: workers.name, townId: villages.townId, phone: workers.phone })
    .from(workers)
    .innerJoin(villages, eq(workers.villageId, villages.id))
    .where(eq(workers.id, workerId))
    .get();
}

/** Registry workers holding this phone (match candidates for a pending hire), with where they live. */
export function workersWithPhone(db: Tx, phone: string, townId: number | null) {
  return db
    .select({ id: workers.id, name: workers.name, idNumberMasked: workers.idNumberMasked, town: towns.name, village: villages.name, householdCode: households.code })
    .from(workers)
    .innerJoin(villages, eq(workers.villageId, villages.id))
    .innerJoin(towns, eq(villages.townId, towns.id))
    .innerJoin(households, eq(workers.householdId, households.id))
    .where(and(eq(workers.phone, phone), townId === null ? undefined : eq(villages.townId, townId)))
    .orderBy(workers.id)
    .limit(20)
    .all();
}

/** Links an application to a registry worker on the bureau's word (who did it is kept). */
export function linkApplication(tx: Tx, applicationId: number, workerId: number, byUserId: number | null, at: Date): void {
  tx.update(applications).set({ workerId, workerLinkedByUserId: byUserId, updatedAt: at.toISOString() }).where(eq(applications.id, applicationId)).run();
}

/** An application as the bureau links it: its posting's employer and its current link. */
export function applicationToLink(db: Tx, id: number) {
  return db
    .select({
      id: applications.id,
      applicantName: applications.applicantName,
      applicantPhone: applications.applicantPhone,
      applicantVillage: applications.applicantVillage,
      workerId: applications.workerId,
      postingCode: postings.code,
      postingTitle: postings.title,
      employerName: employers.name,
      townId: employers.townId,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .innerJoin(postings, eq(applications.postingId, postings.id))
    .innerJoin(employers, eq(postings.employerId, employers.id))
    .where(eq(applications.id, id))
    .get();
}

/**
 * Applications not linked to the registry although a registry worker holds their phone (the name
 * differs): for the bureau to link or leave. Of one town's employers or the county's; newest first.
 */
export function unlinkedApplicationsWithRegistryPhone(db: Tx, townId: number | null, limit = 50) {
  return db
    .select({
      id: applications.id,
      applicantName: applications.applicantName,
      postingCode: postings.code,
      employerName: employers.name,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .innerJoin(postings, eq(applications.postingId, postings.id))
    .innerJoin(employers, eq(postings.employerId, employers.id))
    .where(
      and(
        isNull(applications.workerId),
        sql`EXISTS (SELECT 1 FROM ${workers} w WHERE w.phone = ${applications.applicantPhone})`,
        townId === null ? undefined : eq(employers.townId, townId),
      ),
    )
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(limit)
    .all();
}
