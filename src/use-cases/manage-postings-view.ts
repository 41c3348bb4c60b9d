/**
 * What the posting pages show (a read model): a manager's list, a posting to edit or copy, the
 * employer's name for a preview, and one posting with its applicants and the status moves open
 * now — the same page for its manager (/manage/postings/:code) and for county staff
 * (/bureau/postings/:code), who read it without the forms.
 */
import type { Db } from "../../db/client.ts";
import { postingByCode, postingsInScope } from "../../db/queries/records.ts";
import { applicantsOfEmployer, employerProfile, postingRecordByCode, workingFromPosting, type PostingRecord } from "../../db/queries/workshop.ts";
import { remainingOpenings } from "../core/application-pipeline.ts";
import { postingStatusAfter, type PostingAction } from "../core/posting-rules.ts";
import { listScope, type Actor } from "../core/policy.ts";
import type { ApplicantView } from "../../views/pages/manage/applicants.tsx";
import type { ManagedPostingDetail } from "../../views/pages/manage/postings.tsx";
import { toApplicantView } from "./manage-applicants-view.ts";

/** The status moves a manager is offered, in the order the page shows them. */
export const POSTING_ACTIONS: readonly PostingAction[] = ["full", "close", "reopen"];

/** The postings `actor` may list (a manager's own employer's), newest first. */
export function postingsView(deps: { db: Db }, props: { actor: Actor }) {
  return postingsInScope(deps.db, listScope(props.actor, "posting"));
}

/** A posting as stored, to edit or copy (who may is the route's policy check). */
export function postingToEdit(deps: { db: Db }, code: string): PostingRecord | undefined {
  return postingRecordByCode(deps.db, code);
}

/** The name of an employer, for a posting's preview. */
export function employerNameOf(deps: { db: Db }, employerId: number): string {
  return employerProfile(deps.db, employerId)?.employer.name ?? "";
}

/** The employer's name and place (town and village) as a posting's preview shows them. */
export function employerPreviewOf(deps: { db: Db }, employerId: number): { employerName: string; town: string; village: string | null } {
  const profile = employerProfile(deps.db, employerId);
  const village = profile?.villages.find((v) => v.id === profile.employer.villageId)?.name ?? null;
  return { employerName: profile?.employer.name ?? "", town: profile?.town ?? "", village };
}

export interface PostingWithApplicantsView {
  employerId: number;
  posting: ManagedPostingDetail;
  /** The status as stored, for the notice after a change. */
  status: PostingRecord["status"];
  applicants: ApplicantView[];
  /** The moves open now when the viewer keeps the posting (`forManager`); none otherwise. */
  actions: PostingAction[];
}

/** One posting with its applicants as `actor` may see them; undefined when there is none. */
export function postingWithApplicantsView(
  deps: { db: Db },
  props: { code: string; actor: Actor; today: string; forManager: boolean },
): PostingWithApplicantsView | undefined {
  const posting = postingByCode(deps.db, props.code);
  const record = posting ? postingRecordByCode(deps.db, posting.code) : undefined;
  if (!posting || !record) return undefined;
  const openings = remainingOpenings(record.headcount, workingFromPosting(deps.db, record.id, props.today));
  const actions = props.forManager
    ? POSTING_ACTIONS.filter((a) => postingStatusAfter(record.status, a, { closingDate: record.closingDate, today: props.today }) !== null)
    : [];
  return {
    employerId: posting.employerId,
    posting: { ...record, employerName: posting.employerName, openings },
    status: record.status,
    applicants: applicantsOfEmployer(deps.db, posting.employerId, posting.id).map((a) => toApplicantView(props.actor, a)),
    actions,
  };
}
