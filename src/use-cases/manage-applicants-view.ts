/**
 * What the manager's applicants pages show (a read model): the applicants of an employer (or of
 * one posting), phones as the policy lets the viewer see them, the counts per stage, and one
 * application with what decides who may touch it.
 */
import type { Db } from "../../db/client.ts";
import { applicantsOfEmployer, managedApplicationById, stageCountsOfEmployer, type ManagedApplicationRow } from "../../db/queries/workshop.ts";
import { nextStatuses } from "../core/application-pipeline.ts";
import { chinaDateOf } from "../core/china-time.ts";
import { maskPhone } from "../core/id-number.ts";
import { canSeeFullPhone, type Actor } from "../core/policy.ts";
import type { ApplicantView } from "../../views/pages/manage/applicants.tsx";

/** An applicant row as the page shows it to `actor`. */
export function toApplicantView(actor: Actor, row: ManagedApplicationRow): ApplicantView {
  const full = canSeeFullPhone(actor, { type: "application", employerId: row.employerId, applicantUserId: row.applicantUserId, status: row.status });
  return {
    id: row.id,
    name: row.applicantName,
    phone: full ? row.applicantPhone : maskPhone(row.applicantPhone),
    callPhone: full ? row.applicantPhone : null,
    village: row.applicantVillage,
    note: row.note,
    managerNote: row.managerNote,
    status: row.status,
    appliedOn: chinaDateOf(row.createdAt),
    postingCode: row.postingCode,
    postingTitle: row.postingTitle,
    assisted: Boolean(row.assisted),
    onBehalf: row.consentMethod !== null,
    next: nextStatuses(row.status),
  };
}

/** The applicants of `employerId`, newest first, with the count of each stage. */
export function employerApplicantsView(
  deps: { db: Db },
  props: { employerId: number; actor: Actor; filter?: { status?: string | undefined; posting?: string | undefined } },
): { applicants: ApplicantView[]; stages: Record<string, number>; postings: { code: string; title: string }[] } {
  const all = applicantsOfEmployer(deps.db, props.employerId).map((a) => toApplicantView(props.actor, a));
  // The postings among the applications, to filter by (newest application first, each once).
  const postings = [...new Map(all.map((a) => [a.postingCode, { code: a.postingCode, title: a.postingTitle }])).values()];
  const { status, posting } = props.filter ?? {};
  return {
    applicants: all.filter((a) => (status === undefined || a.status === status) && (posting === undefined || a.postingCode === posting)),
    stages: stageCountsOfEmployer(deps.db, props.employerId),
    postings,
  };
}

/** One application with its posting and employer (who may touch it is the route's policy check). */
export function managedApplication(deps: { db: Db }, id: number): ManagedApplicationRow | undefined {
  return managedApplicationById(deps.db, id);
}
