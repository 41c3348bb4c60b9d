/**
 * 重新打开: a person re-opens a rejected line so the next compute may propose its key again
 * (docs/decisions/2026-12-02-subsidy-rejected-keys.md). The rejected line itself never changes;
 * the re-opening is a row of its own (migration 0017, which refuses it for any other line), with
 * its reason and author, and an audit row — one transaction.
 */
import type { Db } from "../../db/client.ts";
import { insertReopening, reopeningOfLine } from "../../db/queries/subsidies.ts";
import { workflowLine } from "../../db/queries/subsidy-workflow.ts";
import { authorUserId, recordChange, type ChangeAuthor } from "./audit-trail.ts";

export type ReopenProblem = "notRejected" | "reversal" | "alreadyReopened" | "reasonRequired";
export type ReopenOutcome = { status: "reopened" } | { status: "notFound" } | { status: "invalid"; problem: ReopenProblem };

/** `reason`: already cleaned by the text rule (null when blank or too long). */
export function reopenRejectedLine(deps: { db: Db }, props: { lineId: number; reason: string | null; by: ChangeAuthor; now: Date }): ReopenOutcome {
  return deps.db.transaction(() => {
    const line = workflowLine(deps.db, props.lineId);
    if (!line) return { status: "notFound" } as const;
    const problem: ReopenProblem | null =
      line.reversesLineId !== null ? "reversal" : line.status !== "已驳回" ? "notRejected" : reopeningOfLine(deps.db, line.id) ? "alreadyReopened" : props.reason === null ? "reasonRequired" : null;
    if (problem) return { status: "invalid", problem } as const;
    insertReopening(deps.db, {
      lineId: line.id,
      reason: props.reason!,
      byUserId: authorUserId(props.by),
      byLabel: "userId" in props.by ? props.by.login : props.by.label,
      at: props.now.toISOString(),
    });
    recordChange(deps.db, props.by, { at: props.now, action: "update", entity: "subsidy-line", entityId: line.id, after: { event: "reopen", reason: props.reason } });
    return { status: "reopened" } as const;
  });
}
