/**
 * Small helpers the manager's routes share: whose employer the signed-in manager keeps, where a
 * form may send them back to, and the notices after a redirect. (What an applicant row shows is
 * the read model's: src/use-cases/manage-applicants-view.ts.)
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { listScope } from "../../core/policy.ts";
import { actorOf } from "../../http/guards.tsx";
import { messages } from "../../../views/messages.ts";

/** The employer whose postings, applicants and roster the signed-in manager keeps (404 otherwise). */
export function managedEmployerId(c: Context): number {
  const scope = listScope(actorOf(c), "posting");
  if (scope.kind !== "employer") throw new HTTPException(404);
  return scope.employerId;
}

/** A form's `back` field, if it is a page of the manager's area; else the fallback. */
/** The longest `back` path followed; a longer one (a 100 KB Location header) falls back. */
export const MAX_BACK_PATH_LENGTH = 200;

export function backPath(raw: unknown, fallback: string): string {
  return typeof raw === "string" && raw.length <= MAX_BACK_PATH_LENGTH && /^\/manage(\/[A-Za-z0-9_\-/]*)?$/.test(raw) ? raw : fallback;
}

const NOTICES = {
  created: messages.workshop.created,
  saved: messages.workshop.saved,
  moved: messages.workshop.saved,
  hired: messages.workshop.hired,
  pending: messages.workshop.hiredPending,
  unconfirmed: messages.confirmations.hiredNeedsConfirmation,
  note: messages.workshop.noteSaved,
  added: messages.workshop.added,
  departed: messages.workshop.departed,
  corrected: messages.workshop.corrected,
  withdrawn: messages.pendingClosing.withdrawn,
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
