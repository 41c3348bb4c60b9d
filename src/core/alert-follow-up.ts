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

/** Why an alert cannot be assigned to `userId`: not one of its assignees, or it is closed. */
export type AssignmentProblem = "cadre" | "closed";

/**
 * The problem with assigning an alert to `userId` (null: nobody), or undefined when it may be:
 * only one of its assignees (a cadre of the alert's own town, or county staff), and only while
 * the alert is open.
 * @example assignmentProblem({ status: "open" }, 7, [7, 9]) // undefined
 */
export function assignmentProblem(alert: { status: AlertStatus }, userId: number | null, assigneeIds: readonly number[]): AssignmentProblem | undefined {
  if (userId !== null && !assigneeIds.includes(userId)) return "cadre";
  if (alert.status !== "open") return "closed";
  return undefined;
}

/** Why an alert cannot be closed with an outcome: closed already, or 已就业 with nobody at work. */
export type CloseProblem = "closed" | "noPlacement";

/**
 * The problem with closing an alert with `outcome`, or undefined when it may be: only while open,
 * and 已就业 ("found work") only when a member of the household has a placement open on the day
 * (record the placement first — the figures stand on it).
 * @example closeProblem({ status: "open" }, "已就业", false) // "noPlacement"
 */
export function closeProblem(alert: { status: AlertStatus }, outcome: string, householdEmployed: boolean): CloseProblem | undefined {
  if (alert.status !== "open") return "closed";
  if (outcome === "已就业" && !householdEmployed) return "noPlacement";
  return undefined;
}
