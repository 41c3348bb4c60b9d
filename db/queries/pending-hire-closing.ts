/**
 * Closing a pending hire without a placement (0015_staff): the bureau refuses it or its manager
 * withdraws it. A closed line counts nowhere; the refusals stay readable on the manager's roster.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client.ts";
import { pendingHires, postings } from "../schema.ts";

/** A database or a transaction. */
type Tx = Pick<Db, "select" | "insert" | "update">;

/** At most this many refusals on the roster page (newest first). */
export const MAX_REFUSALS_SHOWN = 50;

/** Closes an open, unmatched pending hire; false when it was matched or closed meanwhile. */
export function closePendingHire(tx: Tx, id: number, values: { closedAs: "rejected" | "withdrawn"; closedReason: string; closedByUserId: number | null }, at: Date): boolean {
  const done = tx
    .update(pendingHires)
    .set({ ...values, closedAt: at.toISOString(), updatedAt: at.toISOString() })
    .where(and(eq(pendingHires.id, id), isNull(pendingHires.placementId), isNull(pendingHires.closedAs)))
    .returning({ id: pendingHires.id })
    .all();
  return done.length === 1;
}

/** The employer's pending hires the bureau refused, newest refusal first. */
export function refusedPendingHires(db: Tx, employerId: number, limit = MAX_REFUSALS_SHOWN) {
  return db
    .select({ id: pendingHires.id, name: pendingHires.name, startDate: pendingHires.startDate, reason: pendingHires.closedReason, closedAt: pendingHires.closedAt, postingCode: postings.code })
    .from(pendingHires)
    .leftJoin(postings, eq(pendingHires.postingId, postings.id))
    .where(and(eq(pendingHires.employerId, employerId), eq(pendingHires.closedAs, "rejected")))
    .orderBy(desc(pendingHires.closedAt), desc(pendingHires.id))
    .limit(limit)
    .all();
}
