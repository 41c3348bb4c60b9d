/**
 * Risk alerts (防返贫预警): the list to work through (filters, overdue badge) and one alert with
 * its reason, the household's members, postings that suit them, the cadre in charge, the
 * follow-up notes and the closing form.
 */
import { chinaTime } from "../../../src/core/china-time.ts";
import { ALERT_KINDS, ALERT_OUTCOMES, type AlertDetail } from "../../../src/core/alerts.ts";
import { HouseholdRecommendations, type WorkerAnswer } from "../../fragments/recommendations.tsx";
import { CsrfField } from "../../components/csrf-field.tsx";
import { Facts } from "../../components/facts.tsx";
import { Pager } from "../../components/pager.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { CardList } from "../../components/card-list.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";
import { BureauNav } from "./bureau-nav.tsx";

export interface AlertListRow {
  id: number;
  kind: string;
  status: string;
  town: string;
  householdCode: string;
  village: string;
  raisedDate: string;
  assigned: string | null;
  overdue: boolean;
}

export interface AlertFilterView {
  status: string | undefined;
  kind: string | undefined;
  town: string | undefined;
  overdue: boolean;
  mine?: boolean | undefined;
}

function StatusBadges(props: { status: string; overdue: boolean; overdueDays: number }) {
  const m = messages.alerts;
  return (
    <>
      <span class="badge">{m.statuses[props.status]}</span>
      {props.overdue ? (
        <span class="badge overdue" title={m.overdueHint(props.overdueDays)}>
          {m.overdue}
        </span>
      ) : null}
    </>
  );
}

export function AlertsPage(props: { rows: AlertListRow[]; filter: AlertFilterView; towns: string[]; previousHref?: string | undefined; nextHref?: string | undefined; overdueDays: number }) {
  const m = messages.alerts;
  const f = props.filter;
  return (
    <BureauPage title={m.title} intro={m.intro}>
      <form class="stacked alert-filter" method="get" action="/bureau/alerts">
        <label for="f-status">{m.status}</label>
        <select id="f-status" name="status">
          <option value="">{m.anyStatus}</option>
          {Object.entries(m.statuses).map(([value, label]) => (
            <option value={value} selected={f.status === value}>
              {label}
            </option>
          ))}
        </select>
        <label for="f-kind">{m.kind}</label>
        <select id="f-kind" name="kind">
          <option value="">{m.anyKind}</option>
          {ALERT_KINDS.map((k) => (
            <option value={k} selected={f.kind === k}>
              {m.kinds[k]}
            </option>
          ))}
        </select>
        {props.towns.length > 0 ? (
          <>
            <label for="f-town">{m.town}</label>
            <select id="f-town" name="town">
              <option value="">{m.anyTown}</option>
              {props.towns.map((t) => (
                <option value={t} selected={f.town === t}>
                  {t}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label class="check">
          <input type="checkbox" name="overdue" value="1" checked={f.overdue} />
          {m.onlyOverdue}
        </label>
        <label class="check">
          <input type="checkbox" name="mine" value="1" checked={f.mine ?? false} />
          {messages.alertFollowUp.onlyMine}
        </label>
        <button type="submit">{m.filter}</button>
      </form>
      {props.rows.length === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <ul class="cards">
          {props.rows.map((a) => (
            <li class="record-card alert-row">
              <a href={`/bureau/alerts/${a.id}`}>
                {m.kinds[a.kind]} · {a.householdCode}
              </a>
              <p>
                <StatusBadges status={a.status} overdue={a.overdue} overdueDays={props.overdueDays} /> {a.town} {a.village} · {m.raised} {a.raisedDate} · {m.assigned}：{a.assigned ?? m.unassigned}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
    </BureauPage>
  );
}

export interface AlertView {
  id: number;
  kind: string;
  status: string;
  detail: AlertDetail;
  town: string;
  village: string;
  householdCode: string;
  category: string;
  raisedDate: string;
  assignedUserId: number | null;
  assigned: string | null;
  closedDate: string | null;
  outcome: string | null;
  outcomeNote: string | null;
  overdue: boolean;
}

export interface AlertPageProps {
  alert: AlertView;
  /** `phone` masked unless the policy lets the viewer see it. */
  members: { id: number; name: string; idNumberMasked: string; labourAbility: string; birthDate: string; availableTime: string | null; phone: string | null }[];
  /** The members' applications so far, newest first. */
  applications: { id: number; workerId: number | null; postingCode: string; postingTitle: string; status: string; createdAt: string }[];
  /** Recommendations for each member the alert is about (the one matcher). */
  suggestions: WorkerAnswer[];
  /** Whether the viewer may apply on a member's behalf (代办). */
  canApplyFor?: boolean;
  /** Whom the alert may be assigned to: the town's cadres, then county staff (`county`). */
  cadres: { id: number; label: string; county?: boolean }[];
  notes: { id: number; author: string; date: string; note: string }[];
  today: string;
  /** The alertOverdueDays setting in force (the overdue badge's hint). */
  overdueDays: number;
  /** A refused form: which, what was typed, the message. */
  refused?: { form: "note" | "close" | "assign"; values: Record<string, string>; error: string };
}

export function AlertPage(props: AlertPageProps) {
  const m = messages.alerts;
  const a = props.alert;
  const names = new Map(props.members.map((w) => [w.id, w.name]));
  const refused = (form: "note" | "close" | "assign") => (props.refused?.form === form ? props.refused : undefined);
  const base = `/bureau/alerts/${a.id}`;
  return (
    <BaseLayout title={m.alertTitle(a.id)}>
      <BureauNav />
      <h1>
        {m.alertTitle(a.id)} · {m.kinds[a.kind]}
      </h1>
      <p>
        <StatusBadges status={a.status} overdue={a.overdue} overdueDays={props.overdueDays} />
      </p>
      <Facts
        entries={[
          {
            term: m.household,
            value: (
              <>
                <a href={`/bureau/households/${encodeURIComponent(a.householdCode)}`}>{a.householdCode}</a>（{a.category}）
              </>
            ),
          },
          { term: m.town, value: `${a.town} ${a.village}` },
          { term: m.raised, value: a.raisedDate },
          { term: m.assigned, value: a.assigned ?? m.unassigned },
          {
            term: m.reason,
            class: "alert-reason",
            value: a.detail.kind === "zero-employment" ? m.zeroReason(a.detail.jobSeekers.length) : m.lowIncomeReason(a.detail.perPersonMonth, a.detail.line),
          },
        ]}
      />
      {a.status === "closed" && a.closedDate && a.outcome ? (
        <p class="notice">
          {m.closedOn(a.closedDate, a.outcome)}
          {a.outcomeNote ? `：${a.outcomeNote}` : ""}
        </p>
      ) : null}

      <h2>{m.members}</h2>
      <ul class="cards">
        {props.members.map((w) => (
          <li class="record-card worker-row">
            <a href={`/bureau/workers/${w.id}`}>{w.name}</a>
            <p>
              {w.idNumberMasked} · {w.labourAbility}
              {w.availableTime ? ` · ${w.availableTime}` : ""}
              {w.phone ? (
                <>
                  {" · "}
                  {messages.alertFollowUp.phone} <a href={`tel:${w.phone}`}>{w.phone}</a>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>

      <h2>{messages.alertFollowUp.applications}</h2>
      <CardList
        items={props.applications}
        none={messages.alertFollowUp.applicationsNone}
        class="alert-applications"
        item={(ap) => (
          <li class="record-card">
            <a href={`/jobs/${encodeURIComponent(ap.postingCode)}`}>
              {messages.alertFollowUp.application(names.get(ap.workerId ?? -1) ?? "", ap.postingTitle, ap.status, chinaTime(ap.createdAt).slice(0, 10))}
            </a>
          </li>
        )}
      />

      <h2>{m.suggestions}</h2>
      <HouseholdRecommendations items={props.suggestions} applyFor={props.canApplyFor ?? false} />

      {a.status === "open" ? (
        <form method="post" action={`${base}/assign`} class="stacked assign-form" novalidate>
          <CsrfField />
          <h2>{m.assign}</h2>
          {props.cadres.length === 0 ? <p class="muted">{m.noCadres}</p> : null}
          {refused("assign") ? <p class="field-error">{refused("assign")!.error}</p> : null}
          <label for="f-user">{messages.alertFollowUp.assignee}</label>
          <select id="f-user" name="userId">
            <option value="">{m.unassigned}</option>
            {props.cadres.map((u) => (
              <option value={String(u.id)} selected={a.assignedUserId === u.id}>
                {u.label}
                {u.county ? messages.alertFollowUp.countyStaff : ""}
              </option>
            ))}
          </select>
          <button type="submit">{m.assignSubmit}</button>
        </form>
      ) : null}

      <h2>{m.notes}</h2>
      <CardList
        items={props.notes}
        none={m.notesNone}
        class="notes"
        item={(n) => (
          <li class="record-card alert-note">
            <p class="muted">
              {n.date} · {n.author}
            </p>
            <p class="description">{n.note}</p>
          </li>
        )}
      />
      <form method="post" action={`${base}/notes`} class="stacked note-form" novalidate>
        <CsrfField />
        {refused("note") ? <p class="field-error">{refused("note")!.error}</p> : null}
        <label for="f-note-date">{m.noteDate}</label>
        <input id="f-note-date" type="date" name="date" value={refused("note")?.values.date ?? props.today} required />
        <label for="f-note">{m.note}</label>
        <textarea id="f-note" name="note" rows={3} required>
          {refused("note")?.values.note ?? ""}
        </textarea>
        <button type="submit">{m.addNote}</button>
      </form>

      {a.status === "open" ? (
        <form method="post" action={`${base}/close`} class="stacked close-form" novalidate>
          <CsrfField />
          <h2>{m.close}</h2>
          {refused("close") ? <p class="field-error">{refused("close")!.error}</p> : null}
          <label for="f-outcome">{m.outcome}</label>
          <select id="f-outcome" name="outcome" required>
            <option value="">{messages.workerPlacements.choose}</option>
            {ALERT_OUTCOMES.map((o) => (
              <option value={o} selected={refused("close")?.values.outcome === o}>
                {o}
              </option>
            ))}
          </select>
          <label for="f-outcome-note">{m.outcomeNote}</label>
          <textarea id="f-outcome-note" name="note" rows={2}>
            {refused("close")?.values.note ?? ""}
          </textarea>
          <button type="submit">{m.closeSubmit}</button>
        </form>
      ) : null}
    </BaseLayout>
  );
}
