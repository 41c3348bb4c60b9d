/** Applications (报名) to postings. */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../client.ts";
import { applications, workers } from "../schema.ts";

export type ApplicationRecord = typeof applications.$inferSelect;
export type ApplicationValues = typeof applications.$inferInsert;

export function applicationByPostingAndPhone(tx: Pick<Db, "select">, postingId: number, phone: string): ApplicationRecord | undefined {
  return tx
    .select()
    .from(applications)
    .where(and(eq(applications.postingId, postingId), eq(applications.applicantPhone, phone)))
    .get();
}

export function insertApplication(tx: Pick<Db, "insert">, values: ApplicationValues): ApplicationRecord {
  return tx.insert(applications).values(values).returning().get();
}

/**
 * Registry workers with this phone and their names (a phone may be shared in a household, or
 * mistyped): the candidates src/core/applicant-link.ts picks the applicant from by name.
 */
export function workersByPhone(tx: Pick<Db, "select">, phone: string): { id: number; name: string }[] {
  return tx.select({ id: workers.id, name: workers.name }).from(workers).where(eq(workers.phone, phone)).limit(20).all();
}

/** Applications made without an account with this phone (not yet any account's), with their names. */
export function unclaimedApplicationsByPhone(tx: Pick<Db, "select">, phone: string): { id: number; applicantName: string }[] {
  return tx
    .select({ id: applications.id, applicantName: applications.applicantName })
    .from(applications)
    .where(and(eq(applications.applicantPhone, phone), isNull(applications.applicantUserId)))
    .limit(500)
    .all();
}

/** Makes these applications the seeker account's own (their 我的报名). */
export function claimApplications(tx: Pick<Db, "update">, ids: readonly number[], userId: number, at: Date): void {
  if (ids.length === 0) return;
  tx.update(applications).set({ applicantUserId: userId, updatedAt: at.toISOString() }).where(and(inArray(applications.id, [...ids]), isNull(applications.applicantUserId))).run();
}
