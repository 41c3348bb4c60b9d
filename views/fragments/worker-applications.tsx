/**
 * A registry worker's applications on their bureau page: the 代办 ones marked with how and when
 * the worker agreed, and a withdraw button (at the worker's word) while one is still open.
 */
import { CardList } from "../components/card-list.tsx";
import { CsrfField } from "../components/csrf-field.tsx";
import { messages } from "../messages.ts";

export interface OnBehalfApplicationView {
  id: number;
  postingCode: string;
  postingTitle: string;
  status: string;
  consentMethod: string | null;
  consentDate: string | null;
  createdAt: string;
}

export function WorkerApplications(props: { workerId: number; applications: readonly OnBehalfApplicationView[]; canWithdraw?: boolean }) {
  const m = messages.onBehalf;
  return (
    <section id="applications">
      <h2>{m.applicationsTitle}</h2>
      <CardList
        items={props.applications}
        none={m.applicationsNone}
        noneClass="muted"
        class="worker-applications"
        item={(a) => (
          <li class="record-card application-row">
            <p>
              <a href={`/jobs/${encodeURIComponent(a.postingCode)}`}>{a.postingTitle}</a> · {a.status} · {a.createdAt.slice(0, 10)}
              {a.consentMethod ? <span class="badge on-behalf">{m.badge}</span> : null}
            </p>
            {a.consentMethod && a.consentDate ? <p class="muted">{m.consentLine(a.consentMethod, a.consentDate)}</p> : null}
            {props.canWithdraw !== false && (a.status === "报名" || a.status === "已联系") ? (
              <form method="post" action={`/bureau/workers/${props.workerId}/applications/${a.id}/withdraw`} class="inline">
                <CsrfField />
                <button type="submit" class="secondary">
                  {m.withdraw}
                </button>
              </form>
            ) : null}
          </li>
        )}
      />
    </section>
  );
}
