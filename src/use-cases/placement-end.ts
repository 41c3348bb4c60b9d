/**
 * Bureau staff record that a worker's placement ended (found on a visit, told by the family):
 * the end date and reason, the earlier version kept in placement_revisions, the posting's
 * openings refreshed, and — in the same transaction — the risk alerts the household now needs.
 */
import type { Db } from "../../db/client.ts";
import { placementRecordById, revisePlacement } from "../../db/queries/workshop.ts";
import { chinaDate } from "../core/china-time.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { refreshPostingAfterHire } from "./manage-applicants.ts";
import { alertDateAfterEnd, householdsOfWorkers, raiseAlertsAfterPlacementChange } from "./risk-alerts.ts";

/** Ends an open placement; false when it is not open (or not there). */
export function placementEnder(deps: { db: Db }, props: { placementId: number; endDate: string; reason: string; by: ChangeAuthor; now: Date }): boolean {
  const now = props.now;
  return deps.db.transaction((tx) => {
    const before = placementRecordById(tx, props.placementId);
    if (!before || before.endDate !== null) return false;
    const after = revisePlacement(tx, before, { endDate: props.endDate, endReason: props.reason }, { reason: `结束就业：${props.reason}`, byUserId: "userId" in props.by ? props.by.userId : null }, now);
    recordChange(tx, props.by, { action: "update", entity: "placement", entityId: after.id, before, after });
    if (after.postingId !== null) refreshPostingAfterHire(tx, after.postingId, props.by, now);
    raiseAlertsAfterPlacementChange(tx, householdsOfWorkers(tx, [after.workerId]), alertDateAfterEnd(props.endDate, chinaDate(now)), { by: props.by });
    return true;
  });
}
