/**
 * Following up a risk alert (防返贫预警), pure: who in the household the alert is about (the job
 * seekers to find work for), and who may be assigned to it. The alert rules themselves, and
 * when one is overdue, are in ./alerts.ts.
 */
import type { AlertDetail, AlertStatus } from "./alerts.ts";

/**
 * The members an alert is about, to find work for: a zero-employment alert names its job
 * seekers (the willing labour force when it was raised); for any other alert, the members
 * willing to work now. In the household's order.
 */
export function jobSeekersOf<M extends { id: number; willingToWork: boolean }>(detail: AlertDetail, members: readonly M[]): M[] {
  const ids = new Set(detail.kind === "zero-employment" ? detail.jobSeekers : members.filter((m) => m.willingToWork).map((m) => m.id));
  return members.filter((m) => ids.has(m.id));
}

/** Why an alert cannot be assigned to `userId`: not a cadre of its town, or it is closed. */
export type AssignmentProblem = "cadre" | "closed";

/**
 * The problem with assigning an alert to `userId` (null: nobody), or undefined when it may be:
 * only a cadre of the alert's own town, and only while the alert is open.
 * @example assignmentProblem({ status: "open" }, 7, [7, 9]) // undefined
 */
export function assignmentProblem(alert: { status: AlertStatus }, userId: number | null, townCadreIds: readonly number[]): AssignmentProblem | undefined {
  if (userId !== null && !townCadreIds.includes(userId)) return "cadre";
  if (alert.status !== "open") return "closed";
  return undefined;
}
