/**
 * A manager moves an applicant along the pipeline (报名 → 已联系 → 已录用 | 未录用 | 已撤回) and
 * keeps notes. A hire puts the person on the roster in the same transaction: a placement for the
 * registry's worker, or a pending hire for the bureau to confirm; a posting whose hires reach its
 * headcount becomes full (已招满), and the search outbox learns the openings changed.
 */
import type { Db } from "../../db/client.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { updatePosting } from "../../db/queries/postings.ts";
import {
  insertPendingHire,
  insertPlacement,
  isOnRoster,
  managedApplicationById,
  postingRecordById,
  setApplication,
  workersByPhone,
  workingFromPosting,
} from "../../db/queries/workshop.ts";
import { canMove, fillsPosting } from "../core/application-pipeline.ts";
import { chinaDate, chinaDateOf } from "../core/china-time.ts";
import type { ApplicationStatus } from "../core/enums.ts";
import { linkedWorkerId } from "../core/applicant-link.ts";
import { confirmationReasonText, startConfirmationReasons, type HireInput } from "../core/hire-rules.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { afterSearchWrite, type SearchPoke } from "./search-poke.ts";
import { closeAlertsAfterWorkStarts } from "./risk-alerts.ts";
import { messages } from "../../views/messages.ts";

export type MoveResult =
  | { ok: true; hired?: "placement" | "pending" | "unconfirmed" }
  | { ok: false; problem: "transition" | "alreadyOnRoster" | "hireDetailsMissing" };

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Puts someone on an employer's roster: a placement when the registry knows the worker (the
 * application's worker, else the one registry worker with that phone AND that name —
 * src/core/applicant-link.ts), otherwise a pending hire for the bureau to match. A start the
 * bureau must confirm (src/core/hire-rules.ts startConfirmationReasons: backdated, or before the
 * application) marks the placement `needs_confirmation` with its reasons; it does not count in
 * the figures until confirmed. Returns what was written, or null when that worker already works there.
 */
export function hireOntoRoster(
  tx: Tx,
  props: {
    employerId: number;
    postingId: number | null;
    applicationId: number | null;
    workerId: number | null;
    name: string;
    phone: string;
    hire: HireInput;
    by: ChangeAuthor;
    today: string;
    /** The platform's clock: when the hire is recorded (created_at; a refused backdated start falls back to its day). */
    now: Date;
    /** The Beijing day the person applied (a hire from an application). */
    appliedOn?: string | null;
  },
): { kind: "placement" | "pending"; id: number; needsConfirmation: boolean } | null {
  const workerId = props.workerId ?? linkedWorkerId(props.name, workersByPhone(tx, props.phone));
  const userId = "userId" in props.by ? props.by.userId : null;
  const reasons = startConfirmationReasons({ startDate: props.hire.startDate, today: props.today, appliedOn: props.appliedOn ?? null });
  if (workerId !== null) {
    if (isOnRoster(tx, props.employerId, workerId, props.today)) return null;
    const row = insertPlacement(tx, {
      workerId,
      employerId: props.employerId,
      postingId: props.postingId,
      startDate: props.hire.startDate,
      monthlyIncome: props.hire.monthlyIncome,
      needsConfirmation: reasons.length > 0,
      confirmationReason: confirmationReasonText(reasons),
      createdByUserId: userId,
      createdAt: props.now.toISOString(),
      updatedAt: props.now.toISOString(),
    });
    recordChange(tx, props.by, { action: "create", entity: "placement", entityId: row.id, after: row });
    // Work has started for the household: its zero-employment alert closes (已就业) in this transaction.
    if (!row.needsConfirmation && row.startDate <= props.today) {
      closeAlertsAfterWorkStarts(tx, { workerId, date: props.today, note: messages.alertClosing.byHire, by: props.by, now: props.now });
    }
    return { kind: "placement", id: row.id, needsConfirmation: row.needsConfirmation };
  }
  const row = insertPendingHire(tx, {
    employerId: props.employerId,
    postingId: props.postingId,
    applicationId: props.applicationId,
    name: props.name,
    phone: props.phone,
    startDate: props.hire.startDate,
    monthlyIncome: props.hire.monthlyIncome,
    confirmationReason: confirmationReasonText(reasons),
    createdByUserId: userId,
    createdAt: props.now.toISOString(),
    updatedAt: props.now.toISOString(),
  });
  // The audit log keeps no phone of a person outside the registry.
  recordChange(tx, props.by, { action: "create", entity: "pending-hire", entityId: row.id, after: { ...row, phone: undefined } });
  return { kind: "pending", id: row.id, needsConfirmation: true };
}

/** After a hire or a departure: a recruiting posting that is now fully hired becomes 已招满; search learns the openings. */
export function refreshPostingAfterHire(tx: Tx, postingId: number, by: ChangeAuthor, now: Date): void {
  const posting = postingRecordById(tx, postingId);
  if (!posting) return;
  if (posting.status === "招聘中" && fillsPosting(posting.headcount, workingFromPosting(tx, postingId, chinaDate(now)))) {
    updatePosting(tx, postingId, { status: "已招满" }, now);
    recordChange(tx, by, { action: "update", entity: "posting", entityId: postingId, before: { status: "招聘中" }, after: { status: "已招满", reason: messages.auditReasons.headcountReached } });
  }
  enqueueSearchUpdate(tx, "posting", [postingId]);
}

/**
 * Moves an application to `to`. Moving to 已录用 needs `hire` (start date, monthly income).
 * @example applicantMover({ db }, { applicationId: 5, to: "已联系", by }) // { ok: true }
 */
export function applicantMover(deps: { db: Db } & SearchPoke, props: { applicationId: number; to: ApplicationStatus; hire?: HireInput; by: ChangeAuthor; now: Date }): MoveResult {
  const now = props.now;
  return afterSearchWrite(deps, deps.db.transaction((tx): MoveResult => {
    const before = managedApplicationById(tx, props.applicationId);
    if (!before || !canMove(before.status, props.to)) return { ok: false, problem: "transition" };
    let hired: "placement" | "pending" | "unconfirmed" | undefined;
    if (props.to === "已录用") {
      if (!props.hire) return { ok: false, problem: "hireDetailsMissing" };
      const written = hireOntoRoster(tx, {
        employerId: before.employerId,
        postingId: before.postingId,
        applicationId: before.id,
        workerId: before.workerId,
        name: before.applicantName,
        phone: before.applicantPhone,
        hire: props.hire,
        by: props.by,
        today: chinaDate(now),
        now,
        appliedOn: chinaDateOf(before.createdAt),
      });
      if (!written) return { ok: false, problem: "alreadyOnRoster" };
      hired = written.kind === "placement" && written.needsConfirmation ? "unconfirmed" : written.kind;
    }
    setApplication(tx, before.id, { status: props.to }, now);
    recordChange(tx, props.by, { action: "update", entity: "application", entityId: before.id, before: { status: before.status }, after: { status: props.to } });
    if (hired) refreshPostingAfterHire(tx, before.postingId, props.by, now);
    return hired ? { ok: true, hired } : { ok: true };
    // A hire changes the posting's openings (and perhaps its status), which search shows.
  }), (r) => r.ok && r.hired !== undefined);
}

/** Saves the manager's note on an application. */
export function applicantNoter(deps: { db: Db }, props: { applicationId: number; note: string; by: ChangeAuthor; now: Date }): void {
  const now = props.now;
  deps.db.transaction((tx) => {
    const before = managedApplicationById(tx, props.applicationId);
    if (!before) return;
    const note = props.note.trim() === "" ? null : props.note.trim();
    setApplication(tx, before.id, { managerNote: note }, now);
    recordChange(tx, props.by, { action: "update", entity: "application", entityId: before.id, before: { managerNote: before.managerNote }, after: { managerNote: note } });
  });
}
