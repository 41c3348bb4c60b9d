/**
 * Small helpers the manager's routes share: whose employer the signed-in manager keeps, who
 * to name in the audit log, where a form may send them back to, the notices after a redirect,
 * and how an applicant row becomes what the page shows (phones per the policy).
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ManagedApplicationRow } from "../../../db/queries/workshop.ts";
import { nextStatuses } from "../../core/application-pipeline.ts";
import { chinaDate } from "../../core/china-time.ts";
import { maskPhone } from "../../core/id-number.ts";
import { canSeeFullPhone, listScope, type Actor } from "../../core/policy.ts";
import { actorOf } from "../../http/guards.tsx";
import type { ApplicantView } from "../../../views/pages/manage/applicants.tsx";
import { messages } from "../../../views/messages.ts";

/** The employer whose postings, applicants and roster the signed-in manager keeps (404 otherwise). */
export function managedEmployerId(c: Context): number {
  const scope = listScope(actorOf(c), "posting");
  if (scope.kind !== "employer") throw new HTTPException(404);
  return scope.employerId;
}

/** A form's `back` field, if it is a page of the manager's area; else the fallback. */
export function backPath(raw: unknown, fallback: string): string {
  return typeof raw === "string" && /^\/manage(\/[A-Za-z0-9_\-/]*)?$/.test(raw) ? raw : fallback;
}


const NOTICES = {
  created: messages.workshop.created,
  saved: messages.workshop.saved,
  moved: messages.workshop.saved,
  hired: messages.workshop.hired,
  pending: messages.workshop.hiredPending,
  note: messages.workshop.noteSaved,
  added: messages.workshop.added,
  departed: messages.workshop.departed,
  corrected: messages.workshop.corrected,
  profile: messages.workshop.profileSaved,
  status: messages.workshop.saved,
} as const;
export type NoticeKey = keyof typeof NOTICES;

/** The notice named by `?done=` after a redirect. */
export function noticeOf(c: Context): string | undefined {
  const key = c.req.query("done");
  return key && key in NOTICES ? NOTICES[key as NoticeKey] : undefined;
}

/** `path` with `?done=key` (keeping a #fragment at the end). */
export function withNotice(path: string, key: NoticeKey): string {
  const [p, hash] = path.split("#");
  return `${p}${p!.includes("?") ? "&" : "?"}done=${key}${hash ? `#${hash}` : ""}`;
}

export function toApplicantView(actor: Actor, row: ManagedApplicationRow): ApplicantView {
  const full = canSeeFullPhone(actor, { type: "application", employerId: row.employerId, applicantUserId: row.applicantUserId });
  return {
    id: row.id,
    name: row.applicantName,
    phone: full ? row.applicantPhone : maskPhone(row.applicantPhone),
    callPhone: full ? row.applicantPhone : null,
    village: row.applicantVillage,
    note: row.note,
    managerNote: row.managerNote,
    status: row.status,
    appliedOn: chinaDate(new Date(row.createdAt)),
    postingCode: row.postingCode,
    postingTitle: row.postingTitle,
    assisted: Boolean(row.assisted),
    next: nextStatuses(row.status),
  };
}
