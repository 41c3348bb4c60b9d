/**
 * The bureau's confirmations (待核实, issue 10 and issue 12's "pending hires first"): a placement
 * waiting for confirmation is confirmed as recorded, or its backdated start is refused (it then
 * starts on the day it was recorded) or it is moved to the right registry person; a pending hire
 * is matched to a registry worker, which makes the placement; an application is linked to a
 * registry worker on the bureau's word. Each is one transaction with its audit rows; a confirmed
 * placement counts in the figures (the registry version changes) and, later, in subsidies.
 * The route has checked the records' towns against the policy; see
 * docs/decisions/2026-12-01-hire-confirmation.md.
 */
import type { Db } from "../../db/client.ts";
import { applicationToLink, linkApplication, pendingHireToConfirm, placementToConfirm } from "../../db/queries/confirmations.ts";
import { insertPlacement, isOnRoster, pendingHireById, placementRecordById, revisePlacement, updatePendingHire } from "../../db/queries/workshop.ts";
import { chinaDate, chinaDateOf } from "../core/china-time.ts";
import { confirmationReasonText, parseConfirmationReasons } from "../core/hire-rules.ts";
import { authorUserId, recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { closeAlertsAfterWorkStarts } from "./risk-alerts.ts";
import { messages } from "../../views/messages.ts";

export type ConfirmationResult = { ok: true } | { ok: false; problem: "gone" | "alreadyOnRoster" | "endsBeforeRecorded" };

/** What the bureau decides about a placement waiting for confirmation. */
export type PlacementDecision =
  /** Confirmed as the manager recorded it. */
  | { kind: "confirm" }
  /** The backdated start is refused: the placement starts on the day it was recorded. */
  | { kind: "recordedStart" }
  /** It is another registry person's placement (a phone matched the wrong one). */
  | { kind: "otherWorker"; workerId: number };

/** Confirms a placement (or refuses its start, or moves it to the right person) and writes the audit row. */
export function placementConfirmer(deps: { db: Db }, props: { placementId: number; decision: PlacementDecision; note: string; by: ChangeAuthor; now: Date }): ConfirmationResult {
  return deps.db.transaction((tx): ConfirmationResult => {
    if (!placementToConfirm(tx, props.placementId)) return { ok: false, problem: "gone" };
    const before = placementRecordById(tx, props.placementId)!;
    const values: { needsConfirmation: false; startDate?: string; workerId?: number } = { needsConfirmation: false };
    const d = props.decision;
    if (d.kind === "recordedStart") {
      const recordedOn = chinaDateOf(before.createdAt);
      if (before.endDate !== null && before.endDate < recordedOn) return { ok: false, problem: "endsBeforeRecorded" };
      if (recordedOn > before.startDate) values.startDate = recordedOn;
    }
    if (d.kind === "otherWorker" && d.workerId !== before.workerId) {
      if (before.employerId !== null && isOnRoster(tx, before.employerId, d.workerId, chinaDate(props.now))) return { ok: false, problem: "alreadyOnRoster" };
      values.workerId = d.workerId;
    }
    const reason = `人社局核实：${{ confirm: "确认", recordedStart: "驳回补录的上岗日期，按登记当天起算", otherWorker: "改为台账中的另一人" }[d.kind]}${props.note ? `（${props.note}）` : ""}`;
    const after = revisePlacement(tx, before, values, { reason, byUserId: authorUserId(props.by) }, props.now);
    recordChange(tx, props.by, { at: props.now, action: "update", entity: "placement", entityId: after.id, before, after: { ...after, reason } });
    // Confirmed work that has started closes the household's zero-employment alert (已就业).
    const today = chinaDate(props.now);
    if (after.startDate <= today && (after.endDate === null || after.endDate >= today)) {
      closeAlertsAfterWorkStarts(tx, { workerId: after.workerId, date: today, note: messages.alertClosing.byHire, by: props.by, now: props.now });
    }
    return { ok: true };
  });
}

/**
 * Matches a pending hire to a registry worker: the placement is made (confirmed, counting from
 * now on), the pending hire points to it, and the application it came from is linked to the
 * worker. `start` "recorded" refuses a backdated start (the day the hire was recorded instead).
 */
export function pendingHireMatcher(
  deps: { db: Db },
  props: { pendingHireId: number; workerId: number; start: "given" | "recorded"; note: string; by: ChangeAuthor; now: Date },
): ConfirmationResult {
  return deps.db.transaction((tx): ConfirmationResult => {
    if (!pendingHireToConfirm(tx, props.pendingHireId)) return { ok: false, problem: "gone" };
    const before = pendingHireById(tx, props.pendingHireId)!;
    const today = chinaDate(props.now);
    const open = before.endDate === null || before.endDate >= today;
    if (open && isOnRoster(tx, before.employerId, props.workerId, today)) return { ok: false, problem: "alreadyOnRoster" };
    const recordedOn = chinaDateOf(before.createdAt);
    let startDate = before.startDate;
    if (props.start === "recorded" && recordedOn > startDate) {
      if (before.endDate !== null && before.endDate < recordedOn) return { ok: false, problem: "endsBeforeRecorded" };
      startDate = recordedOn;
    }
    const placement = insertPlacement(tx, {
      workerId: props.workerId,
      employerId: before.employerId,
      postingId: before.postingId,
      startDate,
      endDate: before.endDate,
      endReason: before.endReason,
      monthlyIncome: before.monthlyIncome,
      needsConfirmation: false,
      // Kept for the history: why it waited (the person, and any start reasons).
      confirmationReason: confirmationReasonText(["identity", ...parseConfirmationReasons(before.confirmationReason).filter((r) => r !== "identity")]),
      createdByUserId: before.createdByUserId,
      createdAt: props.now.toISOString(),
      updatedAt: props.now.toISOString(),
    });
    recordChange(tx, props.by, { at: props.now, action: "create", entity: "placement", entityId: placement.id, after: { ...placement, fromPendingHire: before.id, note: props.note || undefined } });
    if (startDate <= today && open) closeAlertsAfterWorkStarts(tx, { workerId: props.workerId, date: today, note: messages.alertClosing.byHire, by: props.by, now: props.now });
    const after = updatePendingHire(tx, before.id, { placementId: placement.id }, props.now);
    // The audit log keeps no phone of a person outside the registry.
    recordChange(tx, props.by, { at: props.now, action: "update", entity: "pending-hire", entityId: before.id, before: { placementId: null }, after: { placementId: after.placementId, workerId: props.workerId } });
    if (before.applicationId !== null) {
      const application = applicationToLink(tx, before.applicationId);
      if (application && application.workerId !== props.workerId) {
        linkApplication(tx, before.applicationId, props.workerId, authorUserId(props.by), props.now);
        recordChange(tx, props.by, { at: props.now, action: "update", entity: "application", entityId: before.applicationId, before: { workerId: application.workerId }, after: { workerId: props.workerId, linkedBy: "bureau" } });
      }
    }
    return { ok: true };
  });
}

/** Links an application to a registry worker on the bureau's word (its badge and household page follow). */
export function applicationLinker(deps: { db: Db }, props: { applicationId: number; workerId: number; by: ChangeAuthor; now: Date }): ConfirmationResult {
  return deps.db.transaction((tx): ConfirmationResult => {
    const application = applicationToLink(tx, props.applicationId);
    if (!application) return { ok: false, problem: "gone" };
    if (application.workerId === props.workerId) return { ok: true };
    linkApplication(tx, application.id, props.workerId, authorUserId(props.by), props.now);
    recordChange(tx, props.by, { at: props.now, action: "update", entity: "application", entityId: application.id, before: { workerId: application.workerId }, after: { workerId: props.workerId, linkedBy: "bureau" } });
    return { ok: true };
  });
}
