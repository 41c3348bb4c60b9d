/**
 * A manager's roster (在岗名单): who works here now and who has left, phones in full (to call)
 * while the person works here and masked once they have left (src/core/policy.ts canSeeFullPhone), no ID numbers; adding someone hired at the gate; the monthly export.
 */
import { CsrfField } from "../../components/csrf-field.tsx";
import { Notice, SelectField, TextField } from "../../components/form-field.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { DEPARTURE_REASONS, type ConfirmationReason } from "../../../src/core/hire-rules.ts";
import { ManageNav } from "./manage-nav.tsx";

export interface RosterEntry {
  kind: "placement" | "pending";
  id: number;
  workerName: string;
  phone: string;
  /** The phone to call (a tel: link) when the policy shows it in full; null when masked. */
  callPhone?: string | null;
  village: string | null;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  monthlyIncome: number | null;
  assisted: boolean;
  needsConfirmation: boolean;
  /** Why the line waits for the bureau (empty once confirmed). */
  confirmationReasons?: readonly ConfirmationReason[];
}

/** An earlier version of a placement, kept when it was corrected or ended. */
export interface RosterRevision {
  at: string;
  reason: string;
  startDate: string;
  endDate: string | null;
  monthlyIncome: number | null;
}

/** A hire the bureau refused (不予录用): on no roster, shown with the bureau's reason. */
export interface RefusedHire {
  id: number;
  name: string;
  startDate: string;
  postingCode: string | null;
  reason: string;
  refusedOn: string;
}

export interface RosterPageProps {
  entries: RosterEntry[];
  /** Hires the bureau refused, newest first. */
  refused?: RefusedHire[];
  today: string;
  month: string;
  /** The gate-hire form: what was typed and its errors. */
  values?: Record<string, string>;
  errors?: Record<string, string>;
  notice?: string | undefined;
}

export function RosterPage(props: RosterPageProps) {
  const m = messages.manage;
  const w = messages.workshop;
  const now = props.entries.filter((e) => e.endDate === null || e.endDate >= props.today);
  const past = props.entries.filter((e) => e.endDate !== null && e.endDate < props.today);
  const v = props.values ?? {};
  const e = props.errors ?? {};
  return (
    <BaseLayout title={m.rosterTitle}>
      <ManageNav />
      <h1>{m.rosterTitle}</h1>
      <Notice text={Object.keys(e).length > 0 ? (e.form ?? w.fixErrors) : undefined} kind="error" />
      <Notice text={props.notice} />
      <h2>
        {w.rosterNow}（{now.length}）
      </h2>
      {now.length === 0 ? <p class="empty">{m.rosterNone}</p> : <RosterList entries={now} which="now" />}
      <form method="get" action="/manage/roster/export" class="stacked export-form">
        <h2>{w.exportTitle}</h2>
        <TextField name="month" label={w.month} type="month" value={props.month} placeholder="2026-11" />
        <button type="submit" class="secondary">
          {w.download}
        </button>
      </form>
      <form method="post" action="/manage/roster" class="stacked gate-hire" novalidate>
        <h2>{w.addToRoster}</h2>
        <p class="muted">{w.addToRosterIntro}</p>
        <CsrfField />
        <TextField name="name" label={w.name} value={v.name} error={e.name} required />
        <TextField name="phone" label={w.phone} type="tel" inputmode="tel" value={v.phone} error={e.phone} required />
        <TextField name="startDate" label={w.startDate} type="date" value={v.startDate ?? props.today} error={e.startDate} required />
        <TextField name="monthlyIncome" label={w.monthlyIncome} type="number" inputmode="numeric" value={v.monthlyIncome} error={e.monthlyIncome} required />
        <button type="submit">{w.add}</button>
      </form>
      {props.refused && props.refused.length > 0 ? <RefusedList refused={props.refused} /> : null}
      {past.length > 0 ? (
        <>
          <h2>
            {w.rosterPast}（{past.length}）
          </h2>
          <RosterList entries={past} which="past" />
        </>
      ) : null}
    </BaseLayout>
  );
}

function RosterList(props: { entries: RosterEntry[]; which: "now" | "past" }) {
  const m = messages.manage;
  const w = messages.workshop;
  return (
    <ul class={`cards roster roster-${props.which}`}>
      {props.entries.map((e) => (
        <li class="record-card roster-entry" data-line={`${e.kind}-${e.id}`}>
          <p class="roster-name">
            <a href={`/manage/roster/${e.kind}/${e.id}`}>{e.workerName}</a>
            {e.village ? ` · ${e.village}` : ""} {e.assisted ? <span class="badge assisted">{w.assistedBadge}</span> : null}{" "}
            {e.needsConfirmation ? <span class="badge pending">{w.pendingBadge}</span> : null}
          </p>
          <p>
            <span class="roster-phone">{e.callPhone ? <a href={`tel:${e.callPhone}`}>{e.phone}</a> : e.phone}</span> · {e.endDate ? m.period(e.startDate, e.endDate) : <span class="badge">{m.working}</span>} {e.endDate ? null : <span class="roster-date">{m.since(e.startDate)}</span>}
            {e.monthlyIncome !== null ? ` · ${m.income(e.monthlyIncome)}` : null}
            {e.endReason ? ` · ${e.endReason}` : null}
          </p>
          <WhyPending entry={e} />
        </li>
      ))}
    </ul>
  );
}

function RefusedList(props: { refused: RefusedHire[] }) {
  const pc = messages.pendingClosing;
  const m = messages.manage;
  return (
    <section class="refused-hires">
      <h2>
        {pc.refusedTitle}（{props.refused.length}）
      </h2>
      <ul class="cards roster roster-refused">
        {props.refused.map((r) => (
          <li class="record-card roster-entry" data-refused={String(r.id)}>
            <p class="roster-name">
              {r.name} <span class="badge refused">{pc.refusedBadge}</span>
            </p>
            <p>
              {m.since(r.startDate)}
              {r.postingCode ? ` · ${r.postingCode}` : ""}
            </p>
            <p class="refusal-reason">{pc.refusedLine(r.refusedOn, r.reason)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Why a line waits for the bureau's confirmation, in words (nothing once confirmed). */
function WhyPending(props: { entry: RosterEntry }) {
  const reasons = props.entry.needsConfirmation ? (props.entry.confirmationReasons ?? []) : [];
  return reasons.length === 0 ? null : <p class="pending-reason">{messages.confirmations.reasonsLine(reasons)}</p>;
}

/** One roster line: record a departure, or correct it (the earlier version is kept). */
export function RosterLinePage(props: {
  entry: RosterEntry;
  today: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** Which form the errors belong to. */
  form?: "departure" | "correction" | "withdraw";
  /** Earlier versions of a placement, oldest first. */
  history?: RosterRevision[];
}) {
  const m = messages.manage;
  const w = messages.workshop;
  const e = props.entry;
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  const dep = props.form === "departure" ? errors : {};
  const cor = props.form === "correction" ? errors : {};
  const base = `/manage/roster/${e.kind}/${e.id}`;
  return (
    <BaseLayout title={e.workerName}>
      <ManageNav />
      <h1>{e.workerName}</h1>
      <Notice text={Object.keys(errors).length > 0 ? w.fixErrors : undefined} kind="error" />
      <p>
        <span class="roster-phone">{e.callPhone ? <a href={`tel:${e.callPhone}`}>{e.phone}</a> : e.phone}</span> {e.assisted ? <span class="badge assisted">{w.assistedBadge}</span> : null}{" "}
        {e.needsConfirmation ? <span class="badge pending">{w.pendingBadge}</span> : null}
      </p>
      <p>
        {e.endDate ? m.period(e.startDate, e.endDate) : m.since(e.startDate)}
        {e.monthlyIncome !== null ? ` · ${m.income(e.monthlyIncome)}` : ""}
        {e.endReason ? ` · ${e.endReason}` : ""}
      </p>
      <WhyPending entry={e} />
      {e.needsConfirmation ? <p class="hint">{messages.confirmations.waitsNote}</p> : null}
      {e.endDate === null ? (
        <form method="post" action={`${base}/departure`} class="stacked departure-form" novalidate>
          <h2>{w.departure}</h2>
          <CsrfField />
          <TextField name="endDate" label={w.endDate} type="date" value={props.form === "departure" ? v.endDate : props.today} error={dep.endDate} required />
          <SelectField
            name="reason"
            label={w.reason}
            value={props.form === "departure" ? v.reason : ""}
            error={dep.reason}
            options={[["", w.villageNone] as const, ...DEPARTURE_REASONS.map((r) => [r, r] as const)]}
          />
          <button type="submit">{w.recordDeparture}</button>
        </form>
      ) : null}
      {e.kind === "pending" ? (
        <form method="post" action={`${base}/withdraw`} class="stacked withdraw-form" novalidate>
          <h2>{messages.pendingClosing.withdrawTitle}</h2>
          <p class="hint">{messages.pendingClosing.withdrawIntro}</p>
          <CsrfField />
          <TextField name="withdrawReason" label={messages.pendingClosing.withdrawReason} value={props.form === "withdraw" ? v.withdrawReason : ""} error={props.form === "withdraw" ? errors.withdrawReason : undefined} />
          <button type="submit" class="secondary">
            {messages.pendingClosing.withdraw}
          </button>
        </form>
      ) : null}
      <form method="post" action={`${base}/correction`} class="stacked correction-form" novalidate>
        <h2>{w.correction}</h2>
        <CsrfField />
        <TextField name="startDate" label={w.startDate} type="date" value={props.form === "correction" ? v.startDate : e.startDate} error={cor.startDate} required />
        <TextField
          name="monthlyIncome"
          label={w.monthlyIncome}
          type="number"
          inputmode="numeric"
          value={props.form === "correction" ? v.monthlyIncome : e.monthlyIncome === null ? "" : String(e.monthlyIncome)}
          error={cor.monthlyIncome}
          required
        />
        <TextField name="note" label={w.correctionNote} value={props.form === "correction" ? v.note : ""} error={cor.note} required />
        <button type="submit" class="secondary">
          {w.saveCorrection}
        </button>
      </form>
      {props.history && props.history.length > 0 ? (
        <section class="history">
          <h2>{w.history}</h2>
          <ul class="cards">
            {props.history.map((h) => (
              <li class="record-card revision">
                <p class="muted">{w.historyLine(h.at, h.reason)}</p>
                <p>
                  {h.endDate ? m.period(h.startDate, h.endDate) : m.since(h.startDate)}
                  {h.monthlyIncome !== null ? ` · ${m.income(h.monthlyIncome)}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </BaseLayout>
  );
}
