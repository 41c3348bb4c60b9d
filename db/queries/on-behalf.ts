/** Applications a cadre made on a registry worker's behalf (代办), and the worker's applications. */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { applications, postings, workers } from "../schema.ts";

type Tx = Pick<Db, "select" | "insert" | "update">;

/** The worker's applications, newest first, with whether each was made on their behalf. */
export function applicationsOfWorker(db: Tx, workerId: number) {
  return db
    .select({
      id: applications.id,
      postingCode: postings.code,
      postingTitle: postings.title,
      status: applications.status,
      consentMethod: applications.consentMethod,
      consentDate: applications.consentDate,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .innerJoin(postings, eq(postings.id, applications.postingId))
    .where(eq(applications.workerId, workerId))
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .all();
}

/** What the apply-on-behalf form needs of a worker: name, phone and place. */
export function workerForApplication(db: Tx, workerId: number) {
  return db.select({ id: workers.id, name: workers.name, phone: workers.phone }).from(workers).where(eq(workers.id, workerId)).get();
}

export function applicationOfWorker(db: Tx, workerId: number, applicationId: number) {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.workerId, workerId)))
    .get();
}

export function setApplicationStatus(tx: Tx, id: number, status: (typeof applications.$inferSelect)["status"], at: Date) {
  return tx.update(applications).set({ status, updatedAt: at.toISOString() }).where(eq(applications.id, id)).returning().get();
}
