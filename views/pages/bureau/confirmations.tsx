/**
 * The bureau's confirmation worklist (待核实): hires that count in the figures only once the
 * bureau confirms them — people the registry does not hold yet and backdated starts — each saying
 * why; one line's page to confirm, refuse a backdated start, or match the person to the registry
 * (search by name or a whole ID number), or refuse a pending hire altogether (不予录用, with a
 * reason the manager reads); an application's page to link its applicant.
 */
import type { Child } from "hono/jsx";
import type { ConfirmationReason } from "../../../src/core/hire-rules.ts";
import { CardList } from "../../components/card-list.tsx";
import { CsrfField } from "../../components/csrf-field.tsx";
import { Facts } from "../../components/facts.tsx";
import { FormError } from "../../components/form-error.tsx";
import { Notice, TextField } from "../../components/form-field.tsx";
import type { ConfirmationItem } from "../../../src/use-cases/confirmations-view.ts";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";

/** One item of the worklist, as the use-case gives it. */
export type ConfirmationItemView = ConfirmationItem;

export interface CandidateView {
  id: number;
  name: string;
  idNumberMasked: string;
  town: string;
  village: string;
  householdCode: string;
}

const c = () => messages.confirmations;

function Reasons(props: { reasons: readonly ConfirmationReason[] }) {
  return (
    <ul class="pending-reasons">
      {props.reasons.map((r) => (
        <li>{c().reason(r)}</li>
      ))}
    </ul>
  );
}

function ItemCard(props: { item: ConfirmationItemView }) {
  const i = props.item;
  const m = c();
  return (
    <li class="record-card confirmation" data-line={`${i.kind}-${i.id}`}>
      <p>
        <a href={`/bureau/confirmations/${i.kind}/${i.id}`}>{i.name}</a> <span class="badge pending">{i.kind === "pending" ? m.pendingKind : m.placementKind}</span> · {i.detail}
      </p>
      <p>
        {i.employerName}
        {i.postingCode ? ` · ${i.postingCode}` : ""} · {m.start} {i.startDate} · {m.recordedOn} {i.recordedOn} · {i.town}
      </p>
      <Reasons reasons={i.reasons} />
    </li>
  );
}

export function ConfirmationsPage(props: {
  pending: readonly ConfirmationItemView[];
  placements: readonly ConfirmationItemView[];
  unlinked: readonly { id: number; applicantName: string; postingCode: string; employerName: string; appliedOn: string }[];
  total: number;
  notice?: string | undefined;
}) {
  const m = c();
  const items = [...props.pending, ...props.placements];
  return (
    <BureauPage title={m.title} intro={m.intro}>
      <Notice text={props.notice} />
      <p class="confirmation-total" data-figure="confirmations">
        <strong>{m.count(props.total)}</strong>
      </p>
      <CardList items={items} none={m.none} class="confirmations" item={(i) => <ItemCard item={i} />} />
      <h2>{m.unlinkedApplications}</h2>
      <p class="hint">{m.unlinkedIntro}</p>
      <CardList
        items={props.unlinked}
        none={m.noUnlinked}
        noneClass="muted"
        class="unlinked-applications"
        item={(a) => (
          <li class="record-card">
            <a href={`/bureau/confirmations/application/${a.id}`}>{a.applicantName}</a> · {a.employerName} · {a.postingCode} · {m.appliedOn} {a.appliedOn}
          </li>
        )}
      />
    </BureauPage>
  );
}

function CandidateSearch(props: { action: string; q: string; problem?: string | undefined }) {
  const m = c();
  return (
    <form method="get" action={props.action} class="stats-form candidate-search">
      <label>
        {m.searchLabel}
        <input name="q" type="search" value={props.q} maxlength={50} />
      </label>
      <button type="submit">{m.search}</button>
      <FormError error={props.problem} />
    </form>
  );
}

function CandidateList(props: { candidates: readonly CandidateView[]; action: string; button: string; extra?: (c: CandidateView) => Child; none: string }) {
  return (
    <CardList
      items={props.candidates}
      none={props.none}
      noneClass="muted"
      class="candidates"
      item={(w) => (
        <li class="record-card candidate" data-worker={String(w.id)}>
          <p>
            <a href={`/bureau/workers/${w.id}`}>{w.name}</a> · {w.idNumberMasked} · {w.town} {w.village} · {w.householdCode}
          </p>
          <form method="post" action={props.action} class="inline-form">
            <CsrfField />
            <input type="hidden" name="workerId" value={String(w.id)} />
            {props.extra?.(w)}
            <button type="submit">{props.button}</button>
          </form>
        </li>
      )}
    />
  );
}

/** A pending hire: the person the manager recorded, the registry workers of that phone, a search, and the match. */
export function PendingConfirmationPage(props: {
  item: ConfirmationItemView & { phone: string };
  samePhone: readonly CandidateView[];
  found: readonly CandidateView[];
  q: string;
  problem?: string | undefined;
  error?: string | undefined;
  /** The refusal form: what was typed and its error. */
  reject?: { reason: string; error: string } | undefined;
}) {
  const m = c();
  const pc = messages.pendingClosing;
  const i = props.item;
  const backdated = i.reasons.some((r) => r !== "identity");
  const action = `/bureau/confirmations/pending/${i.id}/match`;
  const startChoice = () =>
    backdated ? (
      <fieldset class="choices">
        <label>
          <input type="radio" name="start" value="given" checked /> {m.confirmStart}
        </label>
        <label>
          <input type="radio" name="start" value="recorded" /> {m.rejectStart(i.recordedOn)}
        </label>
      </fieldset>
    ) : (
      <input type="hidden" name="start" value="given" />
    );
  return (
    <BureauPage title={`${m.title}：${i.name}`} intro={m.waitsNote}>
      <FormError error={props.error} />
      <Facts
        entries={[
          { term: m.name, value: i.name },
          { term: m.phone, value: <a href={`tel:${props.item.phone}`}>{props.item.phone}</a> },
          { term: m.employer, value: `${i.employerName}${i.postingCode ? ` · ${i.postingCode}` : ""}` },
          { term: m.start, value: i.startDate },
          { term: m.recordedOn, value: i.recordedOn },
          { term: m.town, value: i.town },
        ]}
      />
      <Reasons reasons={i.reasons} />
      <h2>{m.candidates}</h2>
      <CandidateList candidates={props.samePhone} action={action} button={m.matchThis} extra={startChoice} none={m.noCandidates} />
      <CandidateSearch action={`/bureau/confirmations/pending/${i.id}`} q={props.q} problem={props.problem} />
      {props.q ? <CandidateList candidates={props.found} action={action} button={m.matchThis} extra={startChoice} none={m.noCandidates} /> : null}
      <form method="post" action={`/bureau/confirmations/pending/${i.id}/reject`} class="stacked reject-form" novalidate>
        <h2>{pc.rejectTitle}</h2>
        <p class="hint">{pc.rejectIntro}</p>
        <CsrfField />
        <TextField name="reason" label={pc.rejectReason} value={props.reject?.reason} error={props.reject?.error} required />
        <button type="submit" class="secondary">
          {pc.reject}
        </button>
      </form>
    </BureauPage>
  );
}

/** A placement waiting for confirmation: confirm it, refuse a backdated start, or move it to the right person. */
export function PlacementConfirmationPage(props: {
  item: ConfirmationItemView & { workerId: number; householdCode: string };
  found: readonly CandidateView[];
  q: string;
  problem?: string | undefined;
  error?: string | undefined;
  values?: { note?: string };
}) {
  const m = c();
  const i = props.item;
  const backdated = i.reasons.some((r) => r !== "identity");
  const base = `/bureau/confirmations/placement/${i.id}`;
  return (
    <BureauPage title={`${m.title}：${i.name}`} intro={m.waitsNote}>
      <FormError error={props.error} />
      <Facts
        entries={[
          { term: m.worker, value: <a href={`/bureau/workers/${i.workerId}`}>{i.name}</a> },
          { term: m.identityLine, value: i.detail },
          { term: m.employer, value: `${i.employerName}${i.postingCode ? ` · ${i.postingCode}` : ""}` },
          { term: m.start, value: i.startDate },
          { term: m.recordedOn, value: i.recordedOn },
          { term: m.town, value: i.town },
        ]}
      />
      <Reasons reasons={i.reasons} />
      <form method="post" action={`${base}/decide`} class="stacked confirmation-form">
        <CsrfField />
        <label for="confirmation-note">{backdated ? m.rejectNote : m.confirmNote}</label>
        <input id="confirmation-note" name="note" value={props.values?.note ?? ""} maxlength={200} />
        <button type="submit" name="decision" value="confirm">
          {backdated ? m.confirmStart : m.matchThis}
        </button>
        {backdated ? (
          <button type="submit" name="decision" value="recordedStart" class="secondary">
            {m.rejectStart(i.recordedOn)}
          </button>
        ) : null}
      </form>
      <h2>{m.otherPerson}</h2>
      <CandidateSearch action={base} q={props.q} problem={props.problem} />
      {props.q ? <CandidateList candidates={props.found} action={`${base}/worker`} button={m.matchThis} none={m.noCandidates} /> : null}
    </BureauPage>
  );
}

/** An application not linked to the registry: link its applicant to a registry worker. */
export function ApplicationLinkPage(props: {
  application: { id: number; applicantName: string; applicantVillage: string | null; postingCode: string; postingTitle: string; employerName: string; appliedOn: string };
  samePhone: readonly CandidateView[];
  found: readonly CandidateView[];
  q: string;
  problem?: string | undefined;
  error?: string | undefined;
}) {
  const m = c();
  const a = props.application;
  const action = `/bureau/confirmations/application/${a.id}/link`;
  return (
    <BureauPage title={`${m.unlinkedApplications}：${a.applicantName}`} intro={m.unlinkedIntro}>
      <FormError error={props.error} />
      <Facts
        entries={[
          { term: m.name, value: `${a.applicantName}${a.applicantVillage ? ` · ${a.applicantVillage}` : ""}` },
          { term: m.posting, value: `${a.employerName} · ${a.postingCode} ${a.postingTitle}` },
          { term: m.appliedOn, value: a.appliedOn },
        ]}
      />
      <h2>{m.candidates}</h2>
      <CandidateList candidates={props.samePhone} action={action} button={m.linkApplicant} none={m.noCandidates} />
      <CandidateSearch action={`/bureau/confirmations/application/${a.id}`} q={props.q} problem={props.problem} />
      {props.q ? <CandidateList candidates={props.found} action={action} button={m.linkApplicant} none={m.noCandidates} /> : null}
    </BureauPage>
  );
}
