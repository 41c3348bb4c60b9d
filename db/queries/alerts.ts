/**
 * Reading and writing risk alerts (防返贫预警) and what they stand on: a household's members and
 * placements for the risk rules, the alerts and their notes for the pages (an alert's suggested
 * postings come from the one matcher, src/use-cases/recommendations.ts). Lists take the policy's ListScope.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, sql, type SQL } from "drizzle-orm";
import type { AlertKind, AlertStatus } from "../../src/core/alerts.ts";
import type { ListScope } from "../../src/core/policy.ts";
import type { Db } from "../client.ts";
import { alertNotes, alerts, households, placements, towns, users, villages, workers } from "../schema.ts";

/** A database or a transaction. */
type Tx = Pick<Db, "select" | "insert" | "update">;

export type AlertRecord = typeof alerts.$inferSelect;

/** The household a worker belongs to. */
export function householdIdOfWorker(db: Tx, workerId: number): number | undefined {
  return db.select({ id: workers.householdId }).from(workers).where(eq(workers.id, workerId)).get()?.id;
}

/** A household as the risk rules and the matcher read it: members with their place, and every placement of theirs. */
export function riskHousehold(db: Tx, householdId: number) {
  const household = db
    .select({ id: households.id, code: households.code, category: households.category, size: households.size, townId: villages.townId })
    .from(households)
    .innerJoin(villages, eq(villages.id, households.villageId))
    .where(eq(households.id, householdId))
    .get();
  if (!household) return undefined;
  const members = db
    .select({
      id: workers.id,
      birthDate: workers.birthDate,
      labourAbility: workers.labourAbility,
      willingToWork: workers.willingToWork,
      availableTime: workers.availableTime,
      lat: villages.lat,
      lng: villages.lng,
    })
    .from(workers)
    .innerJoin(villages, eq(villages.id, workers.villageId))
    .where(eq(workers.householdId, householdId))
    .orderBy(asc(workers.id))
    .all();
  const memberPlacements =
    members.length === 0
      ? []
      : db
          .select({ workerId: placements.workerId, startDate: placements.startDate, endDate: placements.endDate, monthlyIncome: placements.monthlyIncome })
          .from(placements)
          .where(inArray(placements.workerId, members.map((m) => m.id)))
          .all();
  return { ...household, members, placements: memberPlacements };
}

export function openAlertKinds(db: Tx, householdId: number): AlertKind[] {
  return db
    .select({ kind: alerts.kind })
    .from(alerts)
    .where(and(eq(alerts.householdId, householdId), eq(alerts.status, "open")))
    .all()
    .map((r) => r.kind);
}

export function insertAlert(tx: Tx, values: typeof alerts.$inferInsert): AlertRecord {
  return tx.insert(alerts).values(values).returning().get();
}

/** The household's open alerts of a kind (a hire closes its zero-employment ones). */
export function openAlertsOfHousehold(db: Tx, householdId: number, kind: AlertKind): AlertRecord[] {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.householdId, householdId), eq(alerts.status, "open"), eq(alerts.kind, kind)))
    .all();
}

export function alertRecordById(db: Tx, id: number): AlertRecord | undefined {
  return db.select().from(alerts).where(eq(alerts.id, id)).get();
}

export function updateAlert(tx: Tx, id: number, values: Partial<typeof alerts.$inferInsert>, at: Date): AlertRecord {
  return tx
    .update(alerts)
    .set({ ...values, updatedAt: at.toISOString() })
    .where(eq(alerts.id, id))
    .returning()
    .get();
}

export function insertAlertNote(tx: Tx, values: typeof alertNotes.$inferInsert) {
  return tx.insert(alertNotes).values(values).returning().get();
}

const alertColumns = {
  id: alerts.id,
  kind: alerts.kind,
  detail: alerts.detail,
  status: alerts.status,
  townId: alerts.townId,
  town: towns.name,
  householdId: alerts.householdId,
  householdCode: households.code,
  category: households.category,
  village: villages.name,
  assignedUserId: alerts.assignedUserId,
  assignedLogin: users.login,
  assignedName: users.displayName,
  raisedDate: alerts.raisedDate,
  actedDate: alerts.actedDate,
  closedDate: alerts.closedDate,
  outcome: alerts.outcome,
  outcomeNote: alerts.outcomeNote,
};

function selectAlerts(db: Tx) {
  return db
    .select(alertColumns)
    .from(alerts)
    .innerJoin(households, eq(households.id, alerts.householdId))
    .innerJoin(villages, eq(villages.id, households.villageId))
    .innerJoin(towns, eq(towns.id, alerts.townId))
    .leftJoin(users, eq(users.id, alerts.assignedUserId));
}

export type AlertRow = ReturnType<ReturnType<typeof selectAlerts>["all"]>[number];

export function alertById(db: Tx, id: number): AlertRow | undefined {
  return selectAlerts(db).where(eq(alerts.id, id)).get();
}

export interface AlertFilter {
  status?: AlertStatus | undefined;
  townId?: number | undefined;
  kind?: AlertKind | undefined;
  /** Only open alerts nobody acted on, raised on or before this date. */
  unactedSince?: string | undefined;
  /** Only alerts assigned to this account. */
  assignedUserId?: number | undefined;
}

/** Alerts in the viewer's scope, open first, oldest first; one more row than asked tells of a next page. */
export function alertsInScope(db: Tx, scope: ListScope, filter: AlertFilter, page: { limit: number; offset: number }): { rows: AlertRow[]; hasMore: boolean } {
  if (scope.kind !== "all" && scope.kind !== "town") return { rows: [], hasMore: false };
  const where: SQL[] = [];
  if (scope.kind === "town") where.push(eq(alerts.townId, scope.townId));
  if (filter.status) where.push(eq(alerts.status, filter.status));
  if (filter.townId !== undefined) where.push(eq(alerts.townId, filter.townId));
  if (filter.kind) where.push(eq(alerts.kind, filter.kind));
  if (filter.assignedUserId !== undefined) where.push(eq(alerts.assignedUserId, filter.assignedUserId));
  if (filter.unactedSince) where.push(eq(alerts.status, "open"), isNull(alerts.actedDate), lte(alerts.raisedDate, filter.unactedSince));
  const rows = selectAlerts(db)
    .where(and(...where))
    .orderBy(desc(sql`${alerts.status} = 'open'`), asc(alerts.raisedDate), asc(alerts.id))
    .limit(page.limit + 1)
    .offset(page.offset)
    .all();
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

export function notesOfAlert(db: Tx, alertId: number) {
  return db
    // Signed with the person's name where the account has one (the login otherwise).
    .select({ id: alertNotes.id, author: sql<string>`coalesce(${users.displayName}, ${alertNotes.authorLabel})`, date: alertNotes.noteDate, note: alertNotes.note })
    .from(alertNotes)
    .leftJoin(users, eq(users.id, alertNotes.authorUserId))
    .where(eq(alertNotes.alertId, alertId))
    .orderBy(asc(alertNotes.id))
    .all();
}

/**
 * Whom an alert of the town may be assigned to: the town's cadres and the county's staff (active
 * accounts), cadres first.
 */
export function assigneesOfTown(db: Tx, townId: number) {
  return db
    .select({ id: users.id, login: users.login, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), sql`((${users.role} = 'town' AND ${users.townId} = ${townId}) OR ${users.role} = 'county')`))
    .orderBy(desc(sql`${users.role} = 'town'`), asc(users.login))
    .all();
}

/**
 * Whether any member of the household has a placement that started by `date` (YYYY-MM-DD) and
 * is open on `until` (no end, or an end on or after it).
 */
/** As householdHasOpenPlacement, counting only placements the bureau need not confirm (待核实 ones wait). */
export function householdHasConfirmedPlacement(db: Tx, householdId: number, date: string, until: string = date): boolean {
  const row = db
    .select({ id: placements.id })
    .from(placements)
    .innerJoin(workers, eq(workers.id, placements.workerId))
    .where(
      and(
        eq(workers.householdId, householdId),
        eq(placements.needsConfirmation, false),
        lte(placements.startDate, date),
        sql`(${placements.endDate} IS NULL OR ${placements.endDate} >= ${until})`,
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

export function householdHasOpenPlacement(db: Tx, householdId: number, date: string, until: string = date): boolean {
  const row = db
    .select({ id: placements.id })
    .from(placements)
    .innerJoin(workers, eq(workers.id, placements.workerId))
    .where(and(eq(workers.householdId, householdId), lte(placements.startDate, date), sql`(${placements.endDate} IS NULL OR ${placements.endDate} >= ${until})`))
    .limit(1)
    .get();
  return row !== undefined;
}

/** The town's cadres (active accounts), whom an alert of the town may be assigned to. */
export function cadresOfTown(db: Tx, townId: number) {
  return db
    .select({ id: users.id, login: users.login, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, "town"), eq(users.townId, townId), isNull(users.disabledAt)))
    .orderBy(asc(users.login))
    .all();
}

/** Members of the household, for an alert's page (masked ID numbers). */
export function membersOfHousehold(db: Tx, householdId: number) {
  return db
    .select({ id: workers.id, name: workers.name, idNumberMasked: workers.idNumberMasked, labourAbility: workers.labourAbility, birthDate: workers.birthDate, availableTime: workers.availableTime, phone: workers.phone })
    .from(workers)
    .where(eq(workers.householdId, householdId))
    .orderBy(asc(workers.id))
    .all();
}

/** Households with a placement that was written since `sinceIso` and carries an end date, with the latest end date. */
export function householdsWithPlacementsEndedSince(db: Db, sinceIso: string): { householdId: number; endDate: string }[] {
  return db.$client
    .prepare(
      `SELECT w.household_id AS householdId, max(p.end_date) AS endDate
       FROM placements p JOIN workers w ON w.id = p.worker_id
       WHERE p.updated_at >= ? AND p.end_date IS NOT NULL
       GROUP BY w.household_id`,
    )
    .all(sinceIso) as { householdId: number; endDate: string }[];
}

/** Ids of the 帮扶对象 households (every category but 一般户), in id order, from `afterId` on. */
export function assistedHouseholdIds(db: Tx, afterId: number, limit: number): number[] {
  return db
    .select({ id: households.id })
    .from(households)
    .where(and(ne(households.category, "一般户"), gt(households.id, afterId)))
    .orderBy(households.id)
    .limit(limit)
    .all()
    .map((h) => h.id);
}
