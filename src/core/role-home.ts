/**
 * Where each role's work is: where a person lands after signing in and what the header links to
 * — a manager to 用工管理 (/manage), bureau staff to the bureau's home (/bureau), a seeker to
 * 我的报名 (/account/applications). Pure.
 */
import type { UserRole } from "./enums.ts";

export type WorkPlace = "manage" | "bureau" | "myApplications";

const PLACES: Record<WorkPlace, string> = { manage: "/manage", bureau: "/bureau", myApplications: "/account/applications" };

export function workPlaceOf(role: UserRole): WorkPlace {
  if (role === "manager") return "manage";
  if (role === "seeker") return "myApplications";
  return "bureau";
}

/** @example workPathOf("manager") // "/manage" */
export function workPathOf(role: UserRole): string {
  return PLACES[workPlaceOf(role)];
}
