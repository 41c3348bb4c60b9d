/** Writing employers and postings, and postings' lifecycle (the read side for search and pages is in jobs.ts). */
import { and, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "../client.ts";
import { employers, postings } from "../schema.ts";

type Tx = Pick<Db, "select" | "insert" | "update">;
export type EmployerValues = typeof employers.$inferInsert;
export type PostingValues = typeof postings.$inferInsert;
export type EmployerRecord = typeof employers.$inferSelect;
export type PostingRecord = typeof postings.$inferSelect;

export function employerByCode(tx: Pick<Db, "select">, code: string): EmployerRecord | undefined {
  return tx.select().from(employers).where(eq(employers.code, code)).get();
}

export function insertEmployer(tx: Tx, values: EmployerValues): number {
  return tx.insert(employers).values(values).returning({ id: employers.id }).get().id;
}

export function updateEmployer(tx: Tx, id: number, values: Partial<EmployerValues>): void {
  tx.update(employers).set({ ...values, updatedAt: new Date().toISOString() }).where(eq(employers.id, id)).run();
}

/** Employers placed at their village's centre (no point of their own), whose place moves with it. */
export function employerIdsAtVillageCentre(tx: Pick<Db, "select">, villageId: number): number[] {
  return tx
    .select({ id: employers.id })
    .from(employers)
    .where(and(eq(employers.villageId, villageId), isNull(employers.lat)))
    .all()
    .map((e) => e.id);
}

export function postingByCode(tx: Pick<Db, "select">, code: string): PostingRecord | undefined {
  return tx.select().from(postings).where(eq(postings.code, code)).get();
}

export function insertPosting(tx: Tx, values: PostingValues): number {
  return tx.insert(postings).values(values).returning({ id: postings.id }).get().id;
}

export function updatePosting(tx: Tx, id: number, values: Partial<PostingValues>): void {
  tx.update(postings).set({ ...values, updatedAt: new Date().toISOString() }).where(eq(postings.id, id)).run();
}

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
