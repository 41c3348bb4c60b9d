/**
 * 代办: a cadre applies to a posting for a registry worker, from a recommendation, recording how
 * and when the worker agreed (当面 / 电话 / 书面). The application is linked to the worker, marked
 * 代办 for the manager by its consent, and audited in the same transaction. The worker may
 * withdraw it (a cadre records the withdrawal at the worker's word).
 */
import type { Db } from "../../db/client.ts";
import { applicationByPostingAndPhone, insertApplication } from "../../db/queries/applications.ts";
import { applicationOfWorker, setApplicationStatus, workerForApplication } from "../../db/queries/on-behalf.ts";
import { postingByCode } from "../../db/queries/postings.ts";
import { applicationBlock, type ApplicationBlock } from "../core/application.ts";
import type { ConsentMethod } from "../core/recommend/on-behalf.ts";
import { authorUserId, recordChange, type ChangeAuthor } from "./audit-trail.ts";

export interface ApplyOnBehalfProps {
  workerId: number;
  postingCode: string;
  /** Already checked (core/recommend/on-behalf.ts consentProblem). */
  consent: { method: ConsentMethod; date: string };
  /** The phone the employer calls back: the worker's own, or one the cadre gives. 11 digits. */
  phone: string;
  note?: string | undefined;
  by: ChangeAuthor;
  today: string;
  /** The platform's clock: when the application is made (created_at — a hire from today must not look backdated against it). */
  now: Date;
}

export type ApplyOnBehalfResult =
  | { outcome: "applied"; applicationId: number }
  | { outcome: "already-applied"; appliedAt: string }
  | { outcome: "not-open"; reason: ApplicationBlock }
  | { outcome: "not-found" };

/** @example applyOnBehalf({ db }, { workerId: 7, postingCode: "P00012", consent: { method: "当面", date: today }, phone, by, today, now }) */
export function applyOnBehalf(deps: { db: Db }, props: ApplyOnBehalfProps): ApplyOnBehalfResult {
  return deps.db.transaction((tx): ApplyOnBehalfResult => {
    const posting = postingByCode(tx, props.postingCode);
    const worker = workerForApplication(tx, props.workerId);
    if (!posting || !worker) return { outcome: "not-found" };
    const block = applicationBlock(posting, props.today);
    if (block) return { outcome: "not-open", reason: block };
    const existing = applicationByPostingAndPhone(tx, posting.id, props.phone);
    if (existing) return { outcome: "already-applied", appliedAt: existing.createdAt };
    const application = insertApplication(tx, {
      postingId: posting.id,
      workerId: worker.id,
      applicantName: worker.name,
      applicantPhone: props.phone,
      note: props.note || null,
      status: "报名",
      createdByUserId: authorUserId(props.by),
      consentMethod: props.consent.method,
      consentDate: props.consent.date,
      createdAt: props.now.toISOString(),
      updatedAt: props.now.toISOString(),
    });
    recordChange(tx, props.by, {
      action: "create",
      entity: "application",
      entityId: application.id,
      after: { postingCode: posting.code, status: application.status, workerId: worker.id, onBehalf: true, consent: props.consent },
    });
    return { outcome: "applied", applicationId: application.id };
  });
}

export type WithdrawResult = { outcome: "withdrawn" } | { outcome: "not-found" } | { outcome: "final" };

/** The worker withdraws an application of theirs (报名 or 已联系 only; a decided one stays). */
export function withdrawApplication(deps: { db: Db }, props: { workerId: number; applicationId: number; by: ChangeAuthor; now: Date }): WithdrawResult {
  return deps.db.transaction((tx): WithdrawResult => {
    const application = applicationOfWorker(tx, props.workerId, props.applicationId);
    if (!application) return { outcome: "not-found" };
    if (application.status !== "报名" && application.status !== "已联系") return { outcome: "final" };
    setApplicationStatus(tx, application.id, "已撤回", props.now);
    recordChange(tx, props.by, {
      action: "update",
      entity: "application",
      entityId: application.id,
      before: { status: application.status },
      after: { status: "已撤回", byWorker: true },
    });
    return { outcome: "withdrawn" };
  });
}
