/**
 * Applications found by their receipt (phone + code, as a keyed hash) for 查询报名, and what the
 * application form is filled with for a signed-in seeker: the registry village and their last one.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../client.ts";
import { applications, employers, postings, villages, workers } from "../schema.ts";

/** The application a receipt names, with what its page shows; undefined when none. */
export function applicationByReceiptHash(db: Pick<Db, "select">, hash: string) {
  return db
    .select({
      id: applications.id,
      status: applications.status,
      applicantName: applications.applicantName,
      applicantPhone: applications.applicantPhone,
      createdAt: applications.createdAt,
      postingCode: postings.code,
      postingTitle: postings.title,
      employerName: employers.name,
      contactPhone: employers.contactPhone,
    })
    .from(applications)
    .innerJoin(postings, eq(applications.postingId, postings.id))
    .innerJoin(employers, eq(postings.employerId, employers.id))
    .where(eq(applications.receiptHash, hash))
    .get();
}

/** A status change made by the applicant themself (withdrawal). */
export function setReceiptApplicationStatus(tx: Pick<Db, "update">, id: number, status: "已撤回", at: Date): void {
  tx.update(applications).set({ status, updatedAt: at.toISOString() }).where(eq(applications.id, id)).run();
}

/** The village name of a registry worker. */
export function villageNameOfWorker(db: Pick<Db, "select">, workerId: number): string | undefined {
  return db
    .select({ name: villages.name })
    .from(workers)
    .innerJoin(villages, eq(workers.villageId, villages.id))
    .where(eq(workers.id, workerId))
    .get()?.name;
}

/** The village a seeker's account gave on its latest application that named one. */
export function lastVillageOfApplicant(db: Pick<Db, "select">, userId: number): string | undefined {
  return db
    .select({ village: applications.applicantVillage })
    .from(applications)
    .where(and(eq(applications.applicantUserId, userId), isNotNull(applications.applicantVillage)))
    .orderBy(desc(applications.id))
    .limit(1)
    .get()?.village ?? undefined;
}
