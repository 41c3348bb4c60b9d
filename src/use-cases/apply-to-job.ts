/**
 * 报名: a person applies to a posting with a name and a phone (optionally village and a note).
 * One application per person and posting — a second one with the same phone is reported, not
 * stored again. The application is stored for the employer (status 报名), linked to the registry
 * worker with that phone AND that name when there is exactly one (src/core/applicant-link.ts; a
 * phone alone is not an identity), and written to the audit log in the same transaction.
 */
import type { Db } from "../../db/client.ts";
import { applicationByPostingAndPhone, insertApplication, workersByPhone } from "../../db/queries/applications.ts";
import { postingByCode } from "../../db/queries/postings.ts";
import { linkedWorkerId } from "../core/applicant-link.ts";
import { applicationBlock, type ApplicationBlock } from "../core/application.ts";
import { authorUserId, recordChange, type ChangeAuthor } from "./audit-trail.ts";

export interface ApplyToJobProps {
  postingCode: string;
  /** Already checked (routes/public/apply-form.ts): trimmed, phone in 11 digits. */
  applicant: { name: string; phone: string; village?: string | undefined; note?: string | undefined };
  by: ChangeAuthor;
  /** The signed-in seeker applying for themself (see applicantAccountOf), if any. */
  applicantUserId?: number | null;
  /** YYYY-MM-DD in China, for the closing date. */
  today: string;
  /** The platform's clock: when the application was made (its created_at). */
  now?: Date;
  /** Keyed hash of phone + the receipt code shown after applying (src/security/application-receipt.ts). */
  receiptHash?: string;
}

export type ApplyToJobResult =
  | { outcome: "applied"; applicationId: number; linkedToWorker: boolean }
  | { outcome: "already-applied"; appliedAt: string }
  | { outcome: "not-open"; reason: ApplicationBlock }
  | { outcome: "not-found" };

/** @example applyToJob({ db }, { postingCode: "P00012", applicant: { name: "刘秀英", phone: "13800138000" }, by: ANONYMOUS_VISITOR, today }) */
export function applyToJob(deps: { db: Db }, props: ApplyToJobProps): ApplyToJobResult {
  return deps.db.transaction((tx): ApplyToJobResult => {
    const posting = postingByCode(tx, props.postingCode);
    if (!posting) return { outcome: "not-found" };
    const block = applicationBlock(posting, props.today);
    if (block) return { outcome: "not-open", reason: block };
    const existing = applicationByPostingAndPhone(tx, posting.id, props.applicant.phone);
    if (existing) return { outcome: "already-applied", appliedAt: existing.createdAt };

    // A phone is not an identity: the registry worker must also carry the applicant's name.
    const workerId = linkedWorkerId(props.applicant.name, workersByPhone(tx, props.applicant.phone));
    const application = insertApplication(tx, {
      postingId: posting.id,
      workerId,
      applicantName: props.applicant.name,
      applicantPhone: props.applicant.phone,
      applicantVillage: props.applicant.village || null,
      note: props.applicant.note || null,
      status: "报名",
      createdByUserId: authorUserId(props.by),
      applicantUserId: props.applicantUserId ?? null,
      receiptHash: props.receiptHash ?? null,
      ...(props.now ? { createdAt: props.now.toISOString(), updatedAt: props.now.toISOString() } : {}),
    });
    // The audit row says what happened, not who the person is: name and phone stay in one place.
    recordChange(tx, props.by, {
      action: "create",
      entity: "application",
      entityId: application.id,
      after: { postingCode: posting.code, status: application.status, workerId },
    });
    return { outcome: "applied", applicationId: application.id, linkedToWorker: workerId !== null };
  });
}
