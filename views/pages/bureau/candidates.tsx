/**
 * Candidates for a posting (/bureau/postings/:code/candidates): registry people who would suit
 * it, zero-employment households first, then other 帮扶对象, each with the matcher's reasons and
 * the 代办 link. Bureau staff only (a town cadre sees their own town's people).
 */
import { BaseLayout } from "../../layouts/base.tsx";
import { CardList } from "../../components/card-list.tsx";
import { BureauNav } from "./bureau-nav.tsx";
import { messages } from "../../messages.ts";
import { reasonText } from "../../matching-text.ts";
import type { Reason } from "../../../src/core/recommend/recommend.ts";

export interface CandidateView {
  id: number;
  name: string;
  idNumberMasked: string;
  householdCode: string;
  category: string;
  zeroEmployment: boolean;
  assisted: boolean;
  score: number;
  reasons: Reason[];
}

export function CandidatesPage(props: { posting: { code: string; title: string; employerName: string; town: string }; candidates: readonly CandidateView[]; townOnly: boolean }) {
  const m = messages.candidates;
  const p = props.posting;
  return (
    <BaseLayout title={m.title(p.title)}>
      <BureauNav />
      <h1>{m.title(p.title)}</h1>
      <p>
        <a href={`/jobs/${encodeURIComponent(p.code)}`}>{p.title}</a> · {p.employerName} · {p.town}
      </p>
      <p class="muted">{props.townOnly ? m.introTown : m.intro}</p>
      <CardList
        items={props.candidates}
        none={m.none}
        class="candidates"
        item={(c) => (
          <li class="record-card candidate">
            <p>
              <a href={`/bureau/workers/${c.id}`}>{c.name}</a> {c.zeroEmployment ? <span class="badge zero-employment">{m.zeroEmployment}</span> : null}
              {c.assisted ? <span class="badge assisted">{c.category}</span> : null} <span class="badge">{messages.matching.score(c.score)}</span>
            </p>
            <p class="muted">
              {c.idNumberMasked} · <a href={`/bureau/households/${encodeURIComponent(c.householdCode)}`}>{c.householdCode}</a>
            </p>
            <ul class="reasons">
              {c.reasons.map((r) => (
                <li>{reasonText(r)}</li>
              ))}
            </ul>
            <p>
              <a class="button" href={`/bureau/workers/${c.id}/apply/${encodeURIComponent(p.code)}`}>
                {messages.matching.applyOnBehalf}
              </a>
            </p>
          </li>
        )}
      />
    </BaseLayout>
  );
}
