/** A manager's postings, and one posting with the people who applied (read-only for now). */
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";

export interface ManagedPosting {
  code: string;
  title: string;
  status: string;
  employerName: string;
  applications: number;
}

export function ManagedPostingsPage(props: { postings: ManagedPosting[] }) {
  const m = messages.manage;
  return (
    <BaseLayout title={m.postingsTitle}>
      <h1>{m.postingsTitle}</h1>
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
                {p.employerName} · <span class="badge">{p.status}</span> · {m.applicationsCount(p.applications)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </BaseLayout>
  );
}

export interface Applicant {
  name: string;
  phone: string;
  village: string | null;
  note: string | null;
  status: string;
}

export function ManagedPostingPage(props: { posting: { title: string; description: string; employerName: string; status: string }; applicants: Applicant[] }) {
  const m = messages.manage;
  const p = props.posting;
  return (
    <BaseLayout title={p.title}>
      <h1>{p.title}</h1>
      <p>
        {p.employerName} · <span class="badge">{p.status}</span>
      </p>
      <p class="posting-description">{p.description}</p>
      <h2>{m.applicants}</h2>
      {props.applicants.length === 0 ? (
        <p class="empty">{m.noApplicants}</p>
      ) : (
        <ul class="cards">
          {props.applicants.map((a) => (
            <li class="record-card applicant">
              <p class="applicant-name">{a.name}</p>
              <p>
                {m.applicantPhone}: <span class="applicant-phone">{a.phone}</span> · {a.village ?? ""} · <span class="badge">{a.status}</span>
              </p>
              {a.note ? <p class="applicant-note">{a.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </BaseLayout>
  );
}
