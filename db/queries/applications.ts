/** Applications (报名) to postings. */
import { and, eq } from "drizzle-orm";
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
