/**
 * Closing a pending hire (a manager's hire of someone the registry does not hold yet) without a
 * placement: the bureau refuses it (不予录用, with a reason the manager reads on the roster), or
 * the manager withdraws their own (录错了、没来上岗). Either way, in one transaction: the line
 * is closed with who, when and why, its audit row; the application it came from goes back to
 * 已联系 (the hire did not happen) with its audit row; the posting's openings change (outbox).
 * The route has checked the line against the policy (the bureau: the employer's town; a
 * manager: their own employer). See docs/decisions/2026-12-02-closing-pending-hires.md.
 */
import type { Db } from "../../db/client.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { closePendingHire } from "../../db/queries/pending-hire-closing.ts";
import { managedApplicationById, pendingHireById, setApplication } from "../../db/queries/workshop.ts";
import { messages } from "../../views/messages.ts";
import { authorUserId, recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { afterSearchWrite, type SearchPoke } from "./search-poke.ts";

export type ClosingResult = { ok: true } | { ok: false; problem: "gone" };

function closeLine(
  deps: { db: Db } & SearchPoke,
  props: { pendingHireId: number; closedAs: "rejected" | "withdrawn"; reason: string; auditReason: string; employerId?: number; by: ChangeAuthor; now: Date },
): ClosingResult {
  return afterSearchWrite(
    deps,
    deps.db.transaction((tx): ClosingResult => {
      const before = pendingHireById(tx, props.pendingHireId);
      if (!before || (props.employerId !== undefined && before.employerId !== props.employerId)) return { ok: false, problem: "gone" };
      if (!closePendingHire(tx, before.id, { closedAs: props.closedAs, closedReason: props.reason, closedByUserId: authorUserId(props.by) }, props.now)) return { ok: false, problem: "gone" };
      // The audit log keeps no phone of a person outside the registry.
      recordChange(tx, props.by, { action: "update", entity: "pending-hire", entityId: before.id, before: { closedAs: null }, after: { closedAs: props.closedAs, reason: props.auditReason } });
      if (before.applicationId !== null) {
        const application = managedApplicationById(tx, before.applicationId);
        if (application?.status === "已录用") {
          setApplication(tx, application.id, { status: "已联系" }, props.now);
          recordChange(tx, props.by, { action: "update", entity: "application", entityId: application.id, before: { status: "已录用" }, after: { status: "已联系", reason: messages.pendingClosing.auditApplicationBack } });
        }
      }
      if (before.postingId !== null) enqueueSearchUpdate(tx, "posting", [before.postingId]);
      return { ok: true };
    }),
    (r) => r.ok,
  );
}

/** The bureau refuses a pending hire (不予录用): `reason` is required and shown to the manager. */
export function pendingHireRejecter(deps: { db: Db } & SearchPoke, props: { pendingHireId: number; reason: string; by: ChangeAuthor; now: Date }): ClosingResult {
  return closeLine(deps, { ...props, closedAs: "rejected", auditReason: messages.pendingClosing.auditRejected(props.reason) });
}

/** A manager withdraws their own pending hire (撤销录用); `reason` may be empty. */
export function pendingHireWithdrawer(deps: { db: Db } & SearchPoke, props: { pendingHireId: number; employerId: number; reason: string; by: ChangeAuthor; now: Date }): ClosingResult {
  return closeLine(deps, { ...props, closedAs: "withdrawn", auditReason: messages.pendingClosing.auditWithdrawn(props.reason) });
}
