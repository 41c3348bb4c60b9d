/** A manager's postings, and one posting with its details, status actions and applicants. */
import type { PostingStatus } from "../../../src/core/enums.ts";
import type { PostingAction } from "../../../src/core/posting-rules.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { Notice } from "../../components/form-field.tsx";
import { Openings } from "../../components/openings.tsx";
import { payText } from "../../format.ts";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { ApplicantList, type ApplicantView } from "./applicants.tsx";
import { ManageNav } from "./manage-nav.tsx";

export interface ManagedPosting {
  code: string;
  title: string;
  status: string;
  employerName: string;
  applications: number;
}

export function ManagedPostingsPage(props: { postings: ManagedPosting[]; canCreate?: boolean }) {
  const m = messages.manage;
  return (
    <BaseLayout title={m.postingsTitle}>
      <ManageNav />
      <h1>{m.postingsTitle}</h1>
      {props.canCreate ? (
        <p>
          <a class="button" href="/manage/postings/new">
            {messages.workshop.newPosting}
          </a>
        </p>
      ) : null}
      {props.postings.length === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <ul class="cards">
          {props.postings.map((p) => (
            <li class="record-card">
              <a class="posting-title" href={`/manage/postings/${encodeURIComponent(p.code)}`}>
                {p.title}
              </a>
              <p>
                {p.code} · {p.employerName} · <span class="badge">{p.status}</span> · {m.applicationsCount(p.applications)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </BaseLayout>
  );
}

export type Applicant = ApplicantView;

export interface ManagedPostingDetail {
  code: string;
  title: string;
  description: string;
  employerName: string;
  status: PostingStatus;
  headcount: number;
  openings: number;
  payMin: number | null;
  payMax: number | null;
  payUnit: "月" | "日" | "计件" | "时";
  closingDate: string | null;
}

export function ManagedPostingPage(props: {
  posting: ManagedPostingDetail;
  applicants: ApplicantView[];
  /** Status actions the manager may take now (none for a reader). */
  actions: PostingAction[];
  canEdit: boolean;
  notice?: string | undefined;
  error?: string | undefined;
}) {
  const m = messages.manage;
  const w = messages.workshop;
  const p = props.posting;
  const label: Record<PostingAction, string> = { close: w.close, full: w.markFull, reopen: w.reopen };
  const back = `/manage/postings/${encodeURIComponent(p.code)}`;
  return (
    <BaseLayout title={p.title}>
      <ManageNav />
      <h1>{p.title}</h1>
      <Notice text={props.error} kind="error" />
      <Notice text={props.notice} />
      <p>
        {p.code} · {p.employerName} · <span class="badge posting-status">{p.status}</span> · <Openings count={p.openings} status={p.status} />
      </p>
      <p class="job-pay">{payText(p.payMin, p.payMax, p.payUnit)}</p>
      <p>
        {messages.job.headcount(p.headcount)}
        {p.closingDate ? ` · ${messages.job.closing(p.closingDate)}` : ""}
      </p>
      <p class="posting-description">{p.description}</p>
      <p class="matching-link">
        {props.canEdit ? (
          <a href={`${back}/referral`}>{messages.candidates.referralTitle(p.title)}</a>
        ) : (
          <a href={`/bureau/postings/${encodeURIComponent(p.code)}/candidates`}>{messages.candidates.link}</a>
        )}
      </p>
      {props.canEdit ? (
        <div class="moves posting-actions">
          <a class="button secondary" href={`${back}/edit`}>
            {w.editPosting}
          </a>
          <a class="button secondary" href={`/manage/postings/new?from=${encodeURIComponent(p.code)}`}>
            {w.copyPosting}
          </a>
          {props.actions.map((action) => (
            <form method="post" action={`${back}/status`}>
              <CsrfField />
              <input type="hidden" name="action" value={action} />
              <button type="submit" class="secondary">
                {label[action]}
              </button>
            </form>
          ))}
        </div>
      ) : null}
      {props.canEdit ? <RemainingApplicantsPrompt posting={p} applicants={props.applicants} back={back} /> : null}
      <h2>{m.applicants}</h2>
      <ApplicantList applicants={props.applicants} back={back} canEdit={props.canEdit} />
    </BaseLayout>
  );
}

/**
 * On a full posting with people still waiting (报名, 已联系): how many, and one button that tells
 * them all (未录用, shown in their 我的报名).
 */
function RemainingApplicantsPrompt(props: { posting: { status: string }; applicants: readonly { status: string }[]; back: string }) {
  const r = messages.remainingApplicants;
  const waiting = props.applicants.filter((a) => a.status === "报名" || a.status === "已联系").length;
  if (props.posting.status !== "已招满" || waiting === 0) return null;
  return (
    <form method="post" action={`${props.back}/decline-remaining`} class="notice remaining-applicants">
      <CsrfField />
      <p>{r.prompt(waiting)}</p>
      <button type="submit">{r.submit(waiting)}</button>
    </form>
  );
}
