/**
 * Bureau staff record that a worker's placement ended (found on a visit, told by the family):
 * the end date and reason, the earlier version kept in placement_revisions, the posting's
 * openings refreshed, and — in the same transaction — the risk alerts the household now needs.
 */
import type { Db } from "../../db/client.ts";
import { placementRecordById, revisePlacement } from "../../db/queries/workshop.ts";
import { chinaDate } from "../core/china-time.ts";
import { placementEndProblem, type PlacementEndProblem } from "../core/placement-end.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { afterSearchWrite, type SearchPoke } from "./search-poke.ts";
import { refreshPostingAfterHire } from "./manage-applicants.ts";
import { alertDateAfterEnd, householdsOfWorkers, raiseAlertsAfterPlacementChange } from "./risk-alerts.ts";

export type PlacementEndResult = { ok: true } | { ok: false; problem: PlacementEndProblem | "notFound" };

/** Ends an open placement on a day not before its start; otherwise says why not. */
export function placementEnder(deps: { db: Db } & SearchPoke, props: { placementId: number; endDate: string; reason: string; by: ChangeAuthor; now: Date }): PlacementEndResult {
  const now = props.now;
  return afterSearchWrite(deps, deps.db.transaction((tx): PlacementEndResult => {
    const before = placementRecordById(tx, props.placementId);
    if (!before) return { ok: false, problem: "notFound" };
    const problem = placementEndProblem(before, props.endDate);
    if (problem) return { ok: false, problem };
    const after = revisePlacement(tx, before, { endDate: props.endDate, endReason: props.reason }, { reason: `结束就业：${props.reason}`, byUserId: "userId" in props.by ? props.by.userId : null }, now);
    recordChange(tx, props.by, { action: "update", entity: "placement", entityId: after.id, before, after });
    if (after.postingId !== null) refreshPostingAfterHire(tx, after.postingId, props.by, now);
    raiseAlertsAfterPlacementChange(tx, householdsOfWorkers(tx, [after.workerId]), alertDateAfterEnd(props.endDate, chinaDate(now)), { by: props.by });
    return { ok: true };
  }), (result) => result.ok);
}
