/**
 * Rules of applying to a posting (报名): who may apply when (the phone an applicant types is read
 * by src/core/phone.ts). Pure; the use-case (use-cases/apply-to-job.ts) and the form schema both use it.
 */
import { isOpenOn } from "./job-filters.ts";
import type { PostingStatus } from "./enums.ts";

export const APPLICANT_NAME_MAX = 20;
export const APPLICANT_VILLAGE_MAX = 30;
export const APPLICATION_NOTE_MAX = 200;

/** Why a posting takes no applications, or null when it does. */
export type ApplicationBlock = "full" | "closed" | "past-closing";

/** @param today YYYY-MM-DD (China) */
export function applicationBlock(posting: { status: PostingStatus; closingDate: string | null }, today: string): ApplicationBlock | null {
  if (posting.status === "已招满") return "full";
  if (posting.status === "已关闭") return "closed";
  if (!isOpenOn(posting.closingDate, today)) return "past-closing";
  return null;
}

/**
 * Whose application it is, when someone signed in applies: a seeker applies for themself (it shows
 * under their applications); staff applying on a worker's behalf are only its author.
 */
export function applicantAccountOf(actor: { role: string; userId: number } | undefined): number | null {
  return actor?.role === "seeker" ? actor.userId : null;
}
