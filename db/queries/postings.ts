/** Reading and writing postings' lifecycle (status). */
import { and, eq, inArray, isNotNull, lt } from "drizzle-orm";
import type { Db } from "../client.ts";
import { postings } from "../schema.ts";

/** Open postings whose closing date lies before `today` (YYYY-MM-DD). */
export function expiredOpenPostings(db: Pick<Db, "select">, today: string): { id: number; code: string; closingDate: string | null }[] {
  return db
    .select({ id: postings.id, code: postings.code, closingDate: postings.closingDate })
    .from(postings)
    .where(and(eq(postings.status, "招聘中"), isNotNull(postings.closingDate), lt(postings.closingDate, today)))
    .all();
}

export function setPostingsStatus(db: Pick<Db, "update">, ids: readonly number[], status: (typeof postings.$inferSelect)["status"], at: Date): void {
  if (ids.length === 0) return;
  db.update(postings)
    .set({ status, updatedAt: at.toISOString() })
    .where(inArray(postings.id, [...ids]))
    .run();
}
