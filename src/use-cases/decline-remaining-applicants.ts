/**
 * When a posting is full (已招满), the people who applied and heard nothing yet should not wait:
 * one action marks every application still at 报名 or 已联系 as 未录用 (the seeker sees it in
 * 我的报名, and the manager's list is clear), each with its audit row, in one transaction.
 */
import type { Db } from "../../db/client.ts";
import { postingRecordById, setApplication } from "../../db/queries/workshop.ts";
import { openApplicationsOfPosting } from "../../db/queries/remaining-applicants.ts";
import { canMove } from "../core/application-pipeline.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { messages } from "../../views/messages.ts";

export type DeclineResult = { ok: true; declined: number } | { ok: false; problem: "notFull" | "notFound" };

/** Marks the full posting's undecided applications 未录用; refuses while it still recruits. */
export function remainingApplicantsDecliner(deps: { db: Db }, props: { postingId: number; by: ChangeAuthor; now: Date }): DeclineResult {
  return deps.db.transaction((tx): DeclineResult => {
    const posting = postingRecordById(tx, props.postingId);
    if (!posting) return { ok: false, problem: "notFound" };
    if (posting.status !== "已招满") return { ok: false, problem: "notFull" };
    let declined = 0;
    for (const application of openApplicationsOfPosting(tx, posting.id)) {
      if (!canMove(application.status, "未录用")) continue;
      setApplication(tx, application.id, { status: "未录用" }, props.now);
      recordChange(tx, props.by, {
        action: "update",
        entity: "application",
        entityId: application.id,
        before: { status: application.status },
        after: { status: "未录用", reason: messages.auditReasons.postingFull },
      });
      declined += 1;
    }
    return { ok: true, declined };
  });
}
