/** The applications of a posting that have no outcome yet (报名, 已联系): who is still waiting. */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client.ts";
import { applications } from "../schema.ts";

type Tx = Pick<Db, "select">;

export const UNDECIDED_STATUSES = ["报名", "已联系"] as const;

export function openApplicationsOfPosting(db: Tx, postingId: number) {
  return db
    .select({ id: applications.id, status: applications.status })
    .from(applications)
    .where(and(eq(applications.postingId, postingId), inArray(applications.status, [...UNDECIDED_STATUSES])))
    .orderBy(asc(applications.id))
    .all();
}
