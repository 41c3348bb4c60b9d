/** The registry's workers in the user's scope; a list shows ID numbers and phones masked. */
import { Pager } from "../../components/pager.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { BureauNav } from "./bureau-nav.tsx";
import { messages } from "../../messages.ts";

export interface WorkerListRow {
  id: number;
  name: string;
  idNumberMasked: string;
  phone: string | null;
  town: string;
  village: string;
  householdCode: string;
}

export interface WorkersPageProps {
  rows: WorkerListRow[];
  /** What was searched for, kept in the box. */
  q: string;
  /** Why the search was refused (a partial or invalid ID number). */
  problem?: string | undefined;
  /** How to search better, shown with the results (a few digits alone). */
  explanation?: string | undefined;
  previousHref?: string | undefined;
  nextHref?: string | undefined;
}

export function WorkersPage(props: WorkersPageProps) {
  const m = messages.bureau;
  return (
    <BaseLayout title={m.workersTitle}>
      <BureauNav />
      <h1>{m.workersTitle}</h1>
      <p class="actions">
        <a class="button secondary" href="/bureau/workers/new">
          {messages.registryPerson.newLink}
        </a>
      </p>
      <form class="search" method="get" action="/bureau/workers" role="search">
        <label for="registry-q">{m.searchLabel}</label>
        <p class="muted" id="registry-q-hint">
          {messages.registrySearch.hint}
        </p>
        <div class="search-row">
          <input id="registry-q" name="q" type="search" value={props.q} aria-describedby="registry-q-hint" aria-invalid={props.problem ? "true" : undefined} autocomplete="off" />
          <button type="submit">{m.searchSubmit}</button>
        </div>
        {props.explanation && (
          <p class="notice" role="status">
            {props.explanation}
          </p>
        )}
        {props.problem && (
          <p class="field-error" role="alert">
            {props.problem}
          </p>
        )}
      </form>
      {props.q && !props.problem && <h2>{m.searchResults(props.q)}</h2>}
      {props.rows.length === 0 ? (
        <p class="empty">{m.workersNone}</p>
      ) : (
        <ul class="cards">
          {props.rows.map((w) => (
            <li class="record-card worker-row">
              <a href={`/bureau/workers/${w.id}`}>{w.name}</a>
              <p>
                {w.town} {w.village} · <a href={`/bureau/households/${encodeURIComponent(w.householdCode)}`}>{w.householdCode}</a> · {w.idNumberMasked}
                {w.phone ? ` · ${w.phone}` : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
    </BaseLayout>
  );
}
