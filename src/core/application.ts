/**
 * Rules of applying to a posting (报名): who may apply when, and how a typed phone number is read.
 * Pure; the use-case (use-cases/apply-to-job.ts) and the form schema both use it.
 */
import { isOpenOn } from "./job-filters.ts";
import type { PostingStatus } from "./enums.ts";
import { TEXT_FIELDS } from "./text-fields.ts";

export const APPLICANT_NAME_MAX = TEXT_FIELDS.personName.max;
export const APPLICANT_VILLAGE_MAX = TEXT_FIELDS.villageName.max;
export const APPLICATION_NOTE_MAX = TEXT_FIELDS.applicationNote.max;

/**
 * A phone number as typed on any keyboard, in the 11-digit form: full-width digits made
 * half-width, spaces, dashes and brackets dropped, a leading +86 / 86 / 0086 dropped.
 * @example normalisePhone("＋86 138-0013-8000") // "13800138000"
 */
export function normalisePhone(raw: string): string {
  const digits = raw.normalize("NFKC").replace(/[\s\-()（）.]/g, "");
  const national = digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, "");
  return national;
}

/** A mainland mobile number: 11 digits starting 13–19. */
export function isMobilePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

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
