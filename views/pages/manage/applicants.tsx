/**
 * Applicants (报名的人), newest first: a tap-to-call button, a 帮扶对象 badge (never the details
 * behind it), the moves the pipeline allows, the manager's note; and the hire form.
 */
import type { ApplicationStatus } from "../../../src/core/enums.ts";
import { MAX_NOTE_LENGTH } from "../../../src/core/application-pipeline.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { Notice, TextField } from "../../components/form-field.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { ManageNav } from "./manage-nav.tsx";

export interface ApplicantView {
  id: number;
  name: string;
  /** As the viewer may see it (full or masked). */
  phone: string;
  /** For the call button: only when the full phone may be seen. */
  callPhone: string | null;
  village: string | null;
  note: string | null;
  managerNote: string | null;
  status: ApplicationStatus;
  appliedOn: string;
  postingCode: string;
  postingTitle: string;
  assisted: boolean;
  /** A cadre applied on the worker's behalf (代办), with the worker's consent. */
  onBehalf: boolean;
  next: readonly ApplicationStatus[];
}

/** The list of applicants; `back` is where the forms return to. */
/** A note that was refused: its text as typed and the message, shown on its applicant's card. */
export interface NoteDraft {
  applicationId: number;
  text: string;
  error: string;
}

export function ApplicantList(props: { applicants: ApplicantView[]; back: string; showPosting?: boolean; canEdit: boolean; noteDraft?: NoteDraft | undefined }) {
  const m = messages.workshop;
  if (props.applicants.length === 0) return <p class="empty">{m.noApplicants}</p>;
  return (
    <ul class="cards applicants">
      {props.applicants.map((a) => (
        <li class="record-card applicant" id={`applicant-${a.id}`}>
          <p class="applicant-name">
            {a.name} <span class="badge status">{a.status}</span> {a.assisted ? <span class="badge assisted">{m.assistedBadge}</span> : null}
            {a.onBehalf ? <span class="badge on-behalf">{messages.onBehalf.badge}</span> : null}
          </p>
          <p>
            {messages.manage.applicantPhone}: <span class="applicant-phone">{a.phone}</span>
            {a.village ? ` · ${a.village}` : ""} · {m.appliedAt(a.appliedOn)}
          </p>
          {props.showPosting ? (
            <p>
              {m.forPosting}: <a href={`/manage/postings/${encodeURIComponent(a.postingCode)}`}>{a.postingTitle}</a>
            </p>
          ) : null}
          {a.note ? <p class="applicant-note">{a.note}</p> : null}
          {a.callPhone ? (
            <p>
              <a class="button call" href={`tel:${a.callPhone}`}>
                {m.call} {a.name}
              </a>
            </p>
          ) : null}
          {props.canEdit ? (
            <>
              <div class="moves">
                {a.next.map((to) =>
                  to === "已录用" ? (
                    <a class="button" href={`/manage/applicants/${a.id}/hire?back=${encodeURIComponent(props.back)}`}>
                      {m.hireTitle}
                    </a>
                  ) : (
                    <form method="post" action={`/manage/applicants/${a.id}/status`}>
                      <CsrfField />
                      <input type="hidden" name="to" value={to} />
                      <input type="hidden" name="back" value={props.back} />
                      <button type="submit" class="secondary">
                        {m.moveTo}「{to}」
                      </button>
                    </form>
                  ),
                )}
              </div>
              <form method="post" action={`/manage/applicants/${a.id}/note`} class="stacked note-form">
                <CsrfField />
                <input type="hidden" name="back" value={props.back} />
                <label for={`note-${a.id}`}>{m.managerNote}</label>
                <textarea
                  id={`note-${a.id}`}
                  name="managerNote"
                  rows={2}
                  maxlength={MAX_NOTE_LENGTH}
                  aria-invalid={props.noteDraft?.applicationId === a.id ? "true" : undefined}
                  aria-describedby={props.noteDraft?.applicationId === a.id ? `note-${a.id}-error` : undefined}
                >
                  {props.noteDraft?.applicationId === a.id ? props.noteDraft.text : (a.managerNote ?? "")}
                </textarea>
                {props.noteDraft?.applicationId === a.id ? (
                  <p class="field-error" id={`note-${a.id}-error`}>
                    {props.noteDraft.error}
                  </p>
                ) : null}
                <button type="submit" class="secondary">
                  {m.saveNote}
                </button>
              </form>
            </>
          ) : a.managerNote ? (
            <p class="muted">{a.managerNote}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ApplicantsPage(props: {
  applicants: ApplicantView[];
  stages: Record<string, number>;
  /** Postings to filter by, and the filter applied (both absent on a refused form's re-render). */
  postings?: { code: string; title: string }[];
  filter?: { status?: string | undefined; posting?: string | undefined };
  notice?: string | undefined;
  error?: string | undefined;
  noteDraft?: NoteDraft | undefined;
}) {
  const m = messages.workshop;
  const f = props.filter ?? {};
  const stageHref = (stage: string) => `/manage/applicants?${new URLSearchParams({ status: stage, ...(f.posting ? { posting: f.posting } : {}) }).toString()}`;
  return (
    <BaseLayout title={m.applicantsTitle}>
      <ManageNav />
      <h1>{m.applicantsAll}</h1>
      <Notice text={props.error} kind="error" />
      <Notice text={props.notice} />
      <StageCounts stages={props.stages} href={stageHref} />
      <form class="stats-form applicants-filter" method="get" action="/manage/applicants">
        <label>
          {messages.applicantsFilter.posting}
          <select name="posting">
            <option value="">{messages.applicantsFilter.anyPosting}</option>
            {(props.postings ?? []).map((p) => (
              <option value={p.code} selected={f.posting === p.code}>
                {p.title}（{p.code}）
              </option>
            ))}
          </select>
        </label>
        <label>
          {messages.applicantsFilter.status}
          <select name="status">
            <option value="">{messages.applicantsFilter.anyStatus}</option>
            {(["报名", "已联系", "已录用", "未录用", "已撤回"] as const).map((s) => (
              <option value={s} selected={f.status === s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{messages.applicantsFilter.submit}</button>
      </form>
      <ApplicantList applicants={props.applicants} back="/manage/applicants" showPosting canEdit noteDraft={props.noteDraft} />
    </BaseLayout>
  );
}

/** Applications per stage; with `href`, each count links to the applicants of that stage. */
export function StageCounts(props: { stages: Record<string, number>; href?: (stage: string) => string }) {
  const order: ApplicationStatus[] = ["报名", "已联系", "已录用", "未录用", "已撤回"];
  return (
    <dl class="stage-counts" aria-label={messages.workshop.stageCounts}>
      {order.map((s) => (
        <div>
          <dt>{s}</dt>
          {props.href ? (
            <dd>
              <a href={props.href(s)} data-stage={s}>
                {props.stages[s] ?? 0}
              </a>
            </dd>
          ) : (
            <dd data-stage={s}>{props.stages[s] ?? 0}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}

export function HirePage(props: { applicant: { id: number; name: string; postingTitle: string }; back: string; values: Record<string, string>; errors?: Record<string, string> }) {
  const m = messages.workshop;
  const e = props.errors ?? {};
  return (
    <BaseLayout title={m.hireTitle}>
      <ManageNav />
      <h1>
        {m.hireTitle}：{props.applicant.name}
      </h1>
      <p>
        {m.forPosting}：{props.applicant.postingTitle}
      </p>
      <p class="muted">{m.hireIntro}</p>
      <Notice text={Object.keys(e).length > 0 ? (e.form ?? m.fixErrors) : undefined} kind="error" />
      <form method="post" action={`/manage/applicants/${props.applicant.id}/hire`} class="stacked" novalidate>
        <CsrfField />
        <input type="hidden" name="back" value={props.back} />
        <TextField name="startDate" label={m.startDate} type="date" value={props.values.startDate} error={e.startDate} required />
        <TextField name="monthlyIncome" label={m.monthlyIncome} type="number" inputmode="numeric" value={props.values.monthlyIncome} error={e.monthlyIncome} required />
        <button type="submit">{m.confirmHire}</button>
      </form>
    </BaseLayout>
  );
}
