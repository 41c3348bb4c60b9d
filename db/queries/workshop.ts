/**
 * Reading and writing what a workshop manager keeps: their postings, applicants, hires
 * (placements and pending hires), roster and employer profile. Every function takes the
 * employer it is for, or returns the owner fields (employerId) the access policy decides on.
 */
import { and, desc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { ApplicationStatus, PostingStatus } from "../../src/core/enums.ts";
import type { Db } from "../client.ts";
import {
  applications,
  employers,
  households,
  pendingHires,
  placementRevisions,
  placements,
  postings,
  towns,
  villages,
  workers,
} from "../schema.ts";
import { MAX_LIST_ROWS } from "./records.ts";

/** A database or a transaction. */
type Tx = Pick<Db, "select" | "insert" | "update">;

// ——— postings ———

export type PostingRecord = typeof postings.$inferSelect;

/** The highest posting code of the form P<digits> (numeric order), for the next one. */
export function highestPostingCode(db: Tx): string | null {
  const row = db
    .select({ code: postings.code })
    .from(postings)
    .where(sql`${postings.code} GLOB 'P[0-9]*'`)
    .orderBy(sql`CAST(substr(${postings.code}, 2) AS INTEGER) DESC`)
    .limit(1)
    .get();
  return row?.code ?? null;
}

export function postingRecordByCode(db: Tx, code: string): PostingRecord | undefined {
  return db.select().from(postings).where(eq(postings.code, code)).get();
}

export function postingRecordById(db: Tx, id: number): PostingRecord | undefined {
  return db.select().from(postings).where(eq(postings.id, id)).get();
}

// Postings and employers are written in one place: db/queries/postings.ts.

/** SQL: is a placement (or pending hire) of this table open on `today`? */
const openOn = (endDate: typeof placements.endDate | typeof pendingHires.endDate, today: string) => or(isNull(endDate), gte(endDate, today));

/** People working now from a posting: open placements and open, unconfirmed pending hires. */
export function workingFromPosting(db: Tx, postingId: number, today: string): number {
  const placed = db.select({ n: sql<number>`count(*)` }).from(placements).where(and(eq(placements.postingId, postingId), openOn(placements.endDate, today))).get()!.n;
  const pending = db
    .select({ n: sql<number>`count(*)` })
    .from(pendingHires)
    .where(and(eq(pendingHires.postingId, postingId), isNull(pendingHires.placementId), isNull(pendingHires.closedAs), openOn(pendingHires.endDate, today)))
    .get()!.n;
  return placed + pending;
}

// ——— applicants ———

/**
 * Does the applicant come from a 帮扶对象 household? Known only when the application is linked to
 * a registry worker (on name and phone, or by the bureau): a phone alone is not an identity.
 */
const assistedApplicant = sql<number>`EXISTS (SELECT 1 FROM ${workers} w JOIN ${households} h ON h.id = w.household_id
  WHERE w.id = ${applications.workerId} AND h.category <> '一般户')`;

const manageApplicationColumns = {
  id: applications.id,
  postingId: applications.postingId,
  postingCode: postings.code,
  postingTitle: postings.title,
  employerId: postings.employerId,
  workerId: applications.workerId,
  applicantName: applications.applicantName,
  applicantPhone: applications.applicantPhone,
  applicantVillage: applications.applicantVillage,
  applicantUserId: applications.applicantUserId,
  note: applications.note,
  managerNote: applications.managerNote,
  status: applications.status,
  createdAt: applications.createdAt,
  assisted: assistedApplicant,
  /** Set when a cadre applied on the worker's behalf (代办). */
  consentMethod: applications.consentMethod,
};

function selectManagedApplications(db: Tx) {
  return db.select(manageApplicationColumns).from(applications).innerJoin(postings, eq(applications.postingId, postings.id));
}

/** An employer's applicants, newest first; of one posting when given. */
export function applicantsOfEmployer(db: Tx, employerId: number, postingId?: number, limit = MAX_LIST_ROWS) {
  return selectManagedApplications(db)
    .where(and(eq(postings.employerId, employerId), postingId === undefined ? undefined : eq(applications.postingId, postingId)))
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(limit)
    .all();
}

export function managedApplicationById(db: Tx, id: number) {
  return selectManagedApplications(db).where(eq(applications.id, id)).get();
}

export type ManagedApplicationRow = NonNullable<ReturnType<typeof managedApplicationById>>;

export function setApplication(tx: Tx, id: number, values: { status?: ApplicationStatus; managerNote?: string | null; workerId?: number }, at: Date): void {
  tx.update(applications).set({ ...values, updatedAt: at.toISOString() }).where(eq(applications.id, id)).run();
}

/** Applications per pipeline stage of an employer. */
export function stageCountsOfEmployer(db: Tx, employerId: number): Record<string, number> {
  const rows = db
    .select({ status: applications.status, n: sql<number>`count(*)` })
    .from(applications)
    .innerJoin(postings, eq(applications.postingId, postings.id))
    .where(eq(postings.employerId, employerId))
    .groupBy(applications.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Registry workers with this phone and their names (a phone may be shared in a household). */
export function workersByPhone(db: Tx, phone: string): { id: number; name: string }[] {
  return db.select({ id: workers.id, name: workers.name }).from(workers).where(eq(workers.phone, phone)).limit(20).all();
}

// ——— placements and pending hires ———

export type PlacementRecord = typeof placements.$inferSelect;
export type PendingHireRecord = typeof pendingHires.$inferSelect;

export function insertPlacement(tx: Tx, values: typeof placements.$inferInsert): PlacementRecord {
  return tx.insert(placements).values(values).returning().get();
}

export function insertPendingHire(tx: Tx, values: typeof pendingHires.$inferInsert): PendingHireRecord {
  return tx.insert(pendingHires).values(values).returning().get();
}

export function placementRecordById(db: Tx, id: number): PlacementRecord | undefined {
  return db.select().from(placements).where(eq(placements.id, id)).get();
}

export function pendingHireById(db: Tx, id: number): PendingHireRecord | undefined {
  return db.select().from(pendingHires).where(eq(pendingHires.id, id)).get();
}

/** Changes a placement after writing its previous version to placement_revisions. */
export function revisePlacement(tx: Tx, previous: PlacementRecord, values: Partial<typeof placements.$inferInsert>, revision: { reason: string; byUserId: number | null }, at: Date): PlacementRecord {
  tx.insert(placementRevisions).values({ placementId: previous.id, previous, reason: revision.reason, byUserId: revision.byUserId }).run();
  return tx.update(placements).set({ ...values, updatedAt: at.toISOString() }).where(eq(placements.id, previous.id)).returning().get();
}

export function updatePendingHire(tx: Tx, id: number, values: Partial<typeof pendingHires.$inferInsert>, at: Date): PendingHireRecord {
  return tx.update(pendingHires).set({ ...values, updatedAt: at.toISOString() }).where(eq(pendingHires.id, id)).returning().get();
}

export function revisionsOfPlacement(db: Tx, placementId: number) {
  return db.select().from(placementRevisions).where(eq(placementRevisions.placementId, placementId)).orderBy(placementRevisions.id).all();
}

/** Is this worker already working at this employer on `today`? */
export function isOnRoster(db: Tx, employerId: number, workerId: number, today: string): boolean {
  return (
    db
      .select({ id: placements.id })
      .from(placements)
      .where(and(eq(placements.employerId, employerId), eq(placements.workerId, workerId), openOn(placements.endDate, today)))
      .get() !== undefined
  );
}

/** One line of the roster: a placement of a registry worker, or a pending hire. */
export interface RosterRow {
  kind: "placement" | "pending";
  id: number;
  /** The registry worker (null for a pending hire). */
  workerId: number | null;
  name: string;
  phone: string | null;
  village: string | null;
  /** The worker's own town, for the phone rule of the policy (null for a pending hire). */
  townId: number | null;
  /** The worker's ID number, masked and encrypted (null for a pending hire: the registry does not hold it). */
  idNumberMasked: string | null;
  idNumberCipher: string | null;
  assisted: boolean;
  needsConfirmation: boolean;
  /** Why it waits for the bureau, as stored (comma-separated; a pending hire also waits for the person). */
  confirmationReason: string | null;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  monthlyIncome: number | null;
  postingCode: string | null;
}

/** An employer's roster lines overlapping [from, to] (dates, inclusive; `to` null = no limit). */
export function rosterRows(db: Tx, employerId: number, from: string | null, to: string | null): RosterRow[] {
  const placed = db
    .select({
      id: placements.id,
      workerId: placements.workerId,
      name: workers.name,
      phone: workers.phone,
      idNumberMasked: workers.idNumberMasked,
      idNumberCipher: workers.idNumberCipher,
      village: villages.name,
      townId: villages.townId,
      category: households.category,
      needsConfirmation: placements.needsConfirmation,
      confirmationReason: placements.confirmationReason,
      startDate: placements.startDate,
      endDate: placements.endDate,
      endReason: placements.endReason,
      monthlyIncome: placements.monthlyIncome,
      postingCode: postings.code,
    })
    .from(placements)
    .innerJoin(workers, eq(placements.workerId, workers.id))
    .innerJoin(households, eq(workers.householdId, households.id))
    .innerJoin(villages, eq(workers.villageId, villages.id))
    .leftJoin(postings, eq(placements.postingId, postings.id))
    .where(
      and(
        eq(placements.employerId, employerId),
        to === null ? undefined : lte(placements.startDate, to),
        from === null ? undefined : openOn(placements.endDate, from),
      ),
    )
    .orderBy(desc(placements.startDate), desc(placements.id))
    .all();
  const pending = db
    .select({
      id: pendingHires.id,
      name: pendingHires.name,
      phone: pendingHires.phone,
      confirmationReason: pendingHires.confirmationReason,
      startDate: pendingHires.startDate,
      endDate: pendingHires.endDate,
      endReason: pendingHires.endReason,
      monthlyIncome: pendingHires.monthlyIncome,
      postingCode: postings.code,
    })
    .from(pendingHires)
    .leftJoin(postings, eq(pendingHires.postingId, postings.id))
    .where(
      and(
        eq(pendingHires.employerId, employerId),
        isNull(pendingHires.placementId),
        // A refused or withdrawn hire is on no roster (closedPendingHires lists the refusals).
        isNull(pendingHires.closedAs),
        to === null ? undefined : lte(pendingHires.startDate, to),
        from === null ? undefined : openOn(pendingHires.endDate, from),
      ),
    )
    .orderBy(desc(pendingHires.startDate), desc(pendingHires.id))
    .all();
  return [
    ...placed.map(({ category, ...r }) => ({ ...r, kind: "placement" as const, assisted: category !== "一般户" })),
    ...pending.map((r) => ({ ...r, kind: "pending" as const, workerId: null, village: null, townId: null, idNumberMasked: null, idNumberCipher: null, assisted: false, needsConfirmation: true })),
  ].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0));
}

// ——— dashboard ———

export function dashboardCounts(db: Tx, employerId: number, today: string, since: string) {
  const openPostings = db.select({ n: sql<number>`count(*)` }).from(postings).where(and(eq(postings.employerId, employerId), eq(postings.status, "招聘中"))).get()!.n;
  const newApplicants = db
    .select({ n: sql<number>`count(*)` })
    .from(applications)
    .innerJoin(postings, eq(applications.postingId, postings.id))
    .where(and(eq(postings.employerId, employerId), gte(applications.createdAt, since)))
    .get()!.n;
  const working = rosterRows(db, employerId, today, today);
  // A person counts once however many open lines they have.
  const people = new Map<string, boolean>();
  for (const r of working) people.set(r.workerId !== null ? `w${r.workerId}` : `h${r.id}`, r.assisted);
  return {
    openPostings,
    newApplicants,
    workingNow: people.size,
    workingAssisted: [...people.values()].filter(Boolean).length,
    stages: stageCountsOfEmployer(db, employerId),
  };
}

// ——— employer profile ———

export type EmployerRecord = typeof employers.$inferSelect;

export function employerProfile(db: Tx, employerId: number) {
  const employer = db.select().from(employers).where(eq(employers.id, employerId)).get();
  if (!employer) return undefined;
  const town = db.select({ name: towns.name }).from(towns).where(eq(towns.id, employer.townId)).get();
  const core = employer.coreFactoryId ? db.select({ code: employers.code, name: employers.name }).from(employers).where(eq(employers.id, employer.coreFactoryId)).get() : undefined;
  const villageOptions = db.select({ id: villages.id, name: villages.name, lat: villages.lat, lng: villages.lng }).from(villages).where(eq(villages.townId, employer.townId)).orderBy(villages.name).all();
  return { employer, town: town?.name ?? "", coreFactory: core ?? null, villages: villageOptions };
}

export type { PostingStatus };
