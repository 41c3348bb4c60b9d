/**
 * Risk alerts (防返贫预警): raised when a placement change leaves a 帮扶对象 household without
 * work or below the income line, then assigned to a town cadre, followed up with notes and closed
 * with an outcome. Every write is one transaction with its audit row.
 *
 * Callers: the manager's departure (src/use-cases/manage-roster.ts), staff ending a placement on
 * the worker page (placement-end.ts), the spreadsheet import of placements (import-spreadsheet.ts),
 * and a daily sweep of every 帮扶对象 household (sweepRiskAlerts) for what changes without a
 * placement changing: a member turning 16, a corrected labour ability, a household new to the registry.
 */
import type { Db } from "../../db/client.ts";
import {
  alertRecordById,
  assistedHouseholdIds,
  assigneesOfTown,
  householdHasConfirmedPlacement,
  householdHasOpenPlacement,
  householdIdOfWorker,
  householdsWithPlacementsEndedSince,
  insertAlert,
  insertAlertNote,
  openAlertKinds,
  openAlertsOfHousehold,
  riskHousehold,
  updateAlert,
  type AlertRecord,
} from "../../db/queries/alerts.ts";
import { alertsDue, type AlertOutcome } from "../core/alerts.ts";
import { assignmentProblem, closeProblem, type AssignmentProblem, type CloseProblem } from "../core/alert-follow-up.ts";
import { dayAfter } from "../core/calendar.ts";
import { chinaDate } from "../core/china-time.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { currentSettings } from "./settings.ts";

/** A database or a transaction. */
type Tx = Parameters<typeof riskHousehold>[0];

export interface RaiseOptions {
  /** Who changed the placements (the audit row of the alert names them); default `system`. */
  by?: ChangeAuthor;
  /** Yuan per person per month; default: the incomeLinePerPersonMonth setting in force. */
  incomeLinePerPersonMonth?: number;
}

/**
 * Inside the transaction that changed placements: raises the alerts the households' placements
 * now call for at `date` (one open alert of a kind per household at most). Returns the new alerts.
 * @example db.transaction((tx) => { endPlacement(tx, …); raiseAlertsAfterPlacementChange(tx, [householdId], "2026-11-24"); });
 */
export function raiseAlertsAfterPlacementChange(tx: Tx, householdIds: readonly number[], date: string, options: RaiseOptions = {}): AlertRecord[] {
  const raised: AlertRecord[] = [];
  const incomeLinePerPersonMonth = options.incomeLinePerPersonMonth ?? currentSettings(tx).incomeLinePerPersonMonth;
  for (const householdId of new Set(householdIds)) {
    const household = riskHousehold(tx, householdId);
    if (!household) continue;
    const due = alertsDue({
      household: { code: household.code, category: household.category, size: household.size, members: household.members },
      placements: household.placements,
      date,
      incomeLinePerPersonMonth,
      open: openAlertKinds(tx, householdId),
    });
    for (const detail of due) {
      const alert = insertAlert(tx, { householdId, townId: household.townId, kind: detail.kind, detail, raisedDate: date, status: "open" });
      recordChange(tx, options.by ?? { label: "system" }, { action: "create", entity: "alert", entityId: alert.id, after: alert });
      raised.push(alert);
    }
  }
  return raised;
}

/**
 * Inside the transaction that started work for a worker (a manager's hire, the bureau confirming
 * one): the household's open zero-employment alerts close with the outcome 已就业 once a confirmed
 * placement of the household is open on `date` — the rule a cadre closing it by hand meets
 * (closeProblem). A start still ahead closes nothing yet (the cadre closes it, or the next hire
 * does). Returns the closed alerts; each has its audit row.
 * @example db.transaction((tx) => { hireOntoRoster(tx, …); closeAlertsAfterWorkStarts(tx, { workerId, date: today, note: "录用：缝纫工", by, now }); });
 */
export function closeAlertsAfterWorkStarts(tx: Tx, props: { workerId: number; date: string; note: string; by: ChangeAuthor; now: Date }): AlertRecord[] {
  const householdId = householdIdOfWorker(tx, props.workerId);
  if (householdId === undefined) return [];
  const closed: AlertRecord[] = [];
  for (const before of openAlertsOfHousehold(tx, householdId, "zero-employment")) {
    const until = props.date > before.raisedDate ? props.date : before.raisedDate;
    if (closeProblem(before, "已就业", householdHasConfirmedPlacement(tx, householdId, props.date, until))) continue;
    const after = updateAlert(
      tx,
      before.id,
      { status: "closed", closedDate: props.date, outcome: "已就业", outcomeNote: props.note, actedDate: actedOn(before, props.date) },
      props.now,
    );
    recordChange(tx, props.by, { action: "update", entity: "alert", entityId: after.id, before, after });
    closed.push(after);
  }
  return closed;
}

/**
 * The date a placement ending on `endDate` is judged at: the first day without that work, or
 * today when that is already past.
 */
export function alertDateAfterEnd(endDate: string, today: string): string {
  const next = dayAfter(endDate);
  return next > today ? next : today;
}

/** The worker's household, for callers that know only the worker. */
export function householdsOfWorkers(tx: Tx, workerIds: readonly number[]): number[] {
  return workerIds.map((id) => householdIdOfWorker(tx, id)).filter((id): id is number => id !== undefined);
}

/**
 * After a spreadsheet import of placements (which writes in its own batches): the alerts for the
 * households whose placements were written since `sinceIso` with an end date. One transaction.
 * importSpreadsheet calls it at the end of a placements import, so the upload and `npm run import` both raise them.
 */
export function raiseAlertsAfterImport(deps: { db: Db }, props: { sinceIso: string; today: string }): AlertRecord[] {
  return deps.db.transaction((tx) => {
    const raised: AlertRecord[] = [];
    for (const h of householdsWithPlacementsEndedSince(deps.db, props.sinceIso)) {
      raised.push(...raiseAlertsAfterPlacementChange(tx, [h.householdId], alertDateAfterEnd(h.endDate, props.today), { by: { label: "import" } }));
    }
    return raised;
  });
}

function actedOn(alert: AlertRecord, today: string): string {
  return alert.actedDate ?? today;
}

export type AssignResult = { ok: true; alert: AlertRecord } | { ok: false; problem: AssignmentProblem | "notFound" };

/** Assigns an open alert to a cadre of its own town or to county staff (or to nobody); otherwise says why not. */
export function alertAssigner(deps: { db: Db }, props: { alertId: number; userId: number | null; by: ChangeAuthor; now: Date }): AssignResult {
  const now = props.now;
  return deps.db.transaction((tx): AssignResult => {
    const before = alertRecordById(tx, props.alertId);
    if (!before) return { ok: false, problem: "notFound" };
    const problem = assignmentProblem(before, props.userId, assigneesOfTown(tx, before.townId).map((u) => u.id));
    if (problem) return { ok: false, problem };
    const after = updateAlert(tx, before.id, { assignedUserId: props.userId, actedDate: actedOn(before, chinaDate(now)) }, now);
    recordChange(tx, props.by, { action: "update", entity: "alert", entityId: after.id, before, after });
    return { ok: true, alert: after };
  });
}

/** Adds a follow-up note (visit, call) to an alert; counts as acting on it. */
export function alertNoteWriter(deps: { db: Db }, props: { alertId: number; note: string; date: string; by: ChangeAuthor; now: Date }): void {
  const now = props.now;
  deps.db.transaction((tx) => {
    const before = alertRecordById(tx, props.alertId);
    if (!before) return;
    const note = insertAlertNote(tx, {
      alertId: before.id,
      authorUserId: "userId" in props.by ? props.by.userId : null,
      authorLabel: "userId" in props.by ? props.by.login : props.by.label,
      noteDate: props.date,
      note: props.note,
    });
    if (before.actedDate === null) updateAlert(tx, before.id, { actedDate: chinaDate(now) }, now);
    recordChange(tx, props.by, { action: "create", entity: "alert-note", entityId: note.id, after: note });
  });
}

export type CloseResult = { ok: true; alert: AlertRecord } | { ok: false; problem: CloseProblem | "notFound" };

/**
 * Closes an open alert with its outcome (结果) and a note; 已就业 only with a placement open on
 * `date` in the household (src/core/alert-follow-up.ts closeProblem). Otherwise says why not.
 */
export function alertCloser(
  deps: { db: Db },
  props: { alertId: number; outcome: AlertOutcome; note: string | null; date: string; by: ChangeAuthor; now: Date },
): CloseResult {
  const now = props.now;
  return deps.db.transaction((tx): CloseResult => {
    const before = alertRecordById(tx, props.alertId);
    if (!before) return { ok: false, problem: "notFound" };
    // The placement whose end raised the alert does not count: at work means still at work after the alert's day.
    const until = props.date > before.raisedDate ? props.date : before.raisedDate;
    const problem = closeProblem(before, props.outcome, householdHasOpenPlacement(tx, before.householdId, props.date, until));
    if (problem) return { ok: false, problem };
    const after = updateAlert(
      tx,
      before.id,
      { status: "closed", closedDate: props.date, outcome: props.outcome, outcomeNote: props.note, actedDate: actedOn(before, chinaDate(now)) },
      now,
    );
    recordChange(tx, props.by, { action: "update", entity: "alert", entityId: after.id, before, after });
    return { ok: true, alert: after };
  });
}

/** Households a sweep evaluates per transaction; between two, the event loop serves requests. */
export const SWEEP_BATCH_HOUSEHOLDS = 500;

/**
 * Evaluates every 帮扶对象 household at `today` and raises the alerts due, one transaction per
 * batch. Households with an open alert of a kind get no second one. Returns how many were raised.
 */
export async function sweepRiskAlerts(deps: { db: Db }, today: string, options: RaiseOptions = {}): Promise<number> {
  let raised = 0;
  let afterId = 0;
  for (;;) {
    const ids = assistedHouseholdIds(deps.db, afterId, SWEEP_BATCH_HOUSEHOLDS);
    if (ids.length === 0) return raised;
    raised += deps.db.transaction((tx) => raiseAlertsAfterPlacementChange(tx, ids, today, { by: { label: "system" }, ...options })).length;
    afterId = ids[ids.length - 1]!;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The hour (Beijing time) of the nightly sweep. */
export const NIGHTLY_SWEEP_HOUR = 2;
