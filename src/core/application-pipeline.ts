/**
 * The pipeline of an application (报名): 报名 → 已联系 → 已录用 | 未录用 | 已撤回. Which moves a
 * manager may make, and what a posting's remaining openings are. Pure.
 */
import type { ApplicationStatus } from "./enums.ts";
import { TEXT_FIELDS } from "./text-fields.ts";

/** Longest manager's note on an application. */
export const MAX_NOTE_LENGTH = TEXT_FIELDS.managerNote.max;

/**
 * Allowed moves. A hire is undone by recording a departure, not by moving the application back;
 * a withdrawal is the applicant's word and stays; a rejection may be reconsidered.
 */
const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  报名: ["已联系", "已录用", "未录用", "已撤回"],
  已联系: ["已录用", "未录用", "已撤回"],
  已录用: [],
  未录用: ["已联系"],
  已撤回: [],
};

/** The statuses an application in `from` may move to. */
export function nextStatuses(from: ApplicationStatus): readonly ApplicationStatus[] {
  return TRANSITIONS[from];
}

/** @example canMove("报名", "已联系") // true; canMove("已录用", "报名") // false */
export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Openings left on a posting: headcount less the people working from it now, never below 0. */
export function remainingOpenings(headcount: number, working: number): number {
  return Math.max(0, headcount - working);
}

/** A recruiting posting fills (已招满) once the people working from it reach its headcount. */
export function fillsPosting(headcount: number, working: number): boolean {
  return working >= headcount;
}
