/** A seeker's own applications, and one of them. */
import { BaseLayout } from "../../layouts/base.tsx";
import { CardList } from "../../components/card-list.tsx";
import { shownDate } from "../../format.ts";
import { messages } from "../../messages.ts";

export interface MyApplication {
  id: number;
  postingCode: string;
  postingTitle: string;
  employerName: string;
  status: string;
  createdAt: string;
  phone: string;
  note: string | null;
}

export function MyApplicationsPage(props: { applications: MyApplication[] }) {
  const m = messages.myApplications;
  return (
    <BaseLayout title={m.title}>
      <h1>{m.title}</h1>
      <CardList
        items={props.applications}
        none={m.none}
        item={(a) => (
          <li class="record-card">
            <a href={`/account/applications/${a.id}`}>{a.postingTitle}</a>
            <p>
              {a.employerName} · <span class="badge">{a.status}</span> · {messages.workshop.appliedAt(shownDate(a.createdAt))}
            </p>
          </li>
        )}
      />
      {/* An empty list (or a finished one) is not a dead end: the way back to the jobs. */}
      <p class="more">
        <a class="button" href="/jobs">
          {messages.apply.continue}
        </a>
      </p>
    </BaseLayout>
  );
}

export function MyApplicationPage(props: { application: MyApplication }) {
  const m = messages.myApplications;
  const a = props.application;
  return (
    <BaseLayout title={a.postingTitle}>
      <h1>{a.postingTitle}</h1>
      <dl class="facts">
        <dt>{m.employer}</dt>
        <dd>{a.employerName}</dd>
        <dt>{m.status}</dt>
        <dd>{a.status}</dd>
        <dt>{m.appliedAt}</dt>
        <dd>{shownDate(a.createdAt)}</dd>
        <dt>{m.phone}</dt>
        <dd>{a.phone}</dd>
        {a.note ? (
          <>
            <dt>{messages.manage.applicantNote}</dt>
            <dd>{a.note}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/jobs/${encodeURIComponent(a.postingCode)}`}>{m.posting}</a>
      </p>
    </BaseLayout>
  );
}
