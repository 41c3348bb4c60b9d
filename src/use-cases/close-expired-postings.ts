/**
 * A posting closes itself after its closing date: status 已关闭, an audit row each, and the
 * search outbox rows that take it off the public board — in one transaction.
 */
import type { Db } from "../../db/client.ts";
import { chinaDate } from "../core/china-time.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { expiredOpenPostings, setPostingsStatus } from "../../db/queries/postings.ts";
import { recordChange } from "./audit-trail.ts";
import { messages } from "../../views/messages.ts";

/** How often the platform looks for expired postings. */
export const CLOSE_EXPIRED_EVERY_MS = 60 * 60 * 1000;

/** Closes every open posting whose closing date is before `today`; returns their codes. */
export function closeExpiredPostings(deps: { db: Db }, now: Date): string[] {
  const today = chinaDate(now);
  return deps.db.transaction((tx) => {
    const expired = expiredOpenPostings(tx, today);
    if (expired.length === 0) return [];
    const ids = expired.map((p) => p.id);
    setPostingsStatus(tx, ids, "已关闭", now);
    for (const p of expired) {
      recordChange(tx, { label: "system" }, {
        action: "update",
        entity: "posting",
        entityId: p.id,
        before: { status: "招聘中" },
        after: { status: "已关闭", reason: messages.auditReasons.closingDatePassed(p.closingDate ?? "") },
      });
    }
    enqueueSearchUpdate(tx, "posting", ids);
    return expired.map((p) => p.code);
  });
}
