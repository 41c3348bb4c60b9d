/** A worker's placements (就业记录) for the bureau's worker page: newest first, with the employer. */
import { desc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { employers, placements } from "../schema.ts";

export function placementsOfWorker(db: Db, workerId: number) {
  return db
    .select({
      id: placements.id,
      employerId: placements.employerId,
      employerName: employers.name,
      employmentForm: placements.employmentForm,
      startDate: placements.startDate,
      endDate: placements.endDate,
      endReason: placements.endReason,
      monthlyIncome: placements.monthlyIncome,
    })
    .from(placements)
    .leftJoin(employers, eq(employers.id, placements.employerId))
    .where(eq(placements.workerId, workerId))
    .orderBy(desc(placements.startDate), desc(placements.id))
    .all();
}
