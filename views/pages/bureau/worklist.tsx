/**
 * A cadre's worklist for one town (/bureau/worklist): referral requests from employers, then the
 * households to visit — zero-employment ones and those with an open alert — each with its
 * members' best postings and reasons. Prints as a plain list (static/app.css, @media print).
 */
import { BaseLayout } from "../../layouts/base.tsx";
import { BureauNav } from "./bureau-nav.tsx";
import { CardList } from "../../components/card-list.tsx";
import { HouseholdRecommendations } from "../../fragments/recommendations.tsx";
import { messages } from "../../messages.ts";
import type { WorklistHousehold } from "../../../src/use-cases/worklist-view.ts";

export interface WorklistPageProps {
  town: string;
  today: string;
  /** Towns to choose from (county-wide viewers; empty for a cadre). */
  towns: string[];
  households: WorklistHousehold[];
  more: boolean;
  referrals: { id: number; postingCode: string; postingTitle: string; employerName: string; requestedDate: string; note: string | null }[];
}

export function WorklistPage(props: WorklistPageProps) {
  const m = messages.worklist;
  return (
    <BaseLayout title={m.title(props.town)}>
      <BureauNav />
      <h1>{m.title(props.town)}</h1>
      <p class="muted">{m.intro(props.today)}</p>
      {props.towns.length > 0 ? (
        <form method="get" class="inline no-print">
          <label for="f-town">{m.town}</label>
          <select id="f-town" name="town">
            {props.towns.map((t) => (
              <option value={t} selected={t === props.town}>
                {t}
              </option>
            ))}
          </select>
          <button type="submit">{m.show}</button>
        </form>
      ) : null}
      <h2>{m.referrals}</h2>
      <CardList
        items={props.referrals}
        none={m.referralsNone}
        noneClass="muted"
        class="referrals"
        item={(r) => (
          <li class="record-card referral">
            <a href={`/bureau/postings/${encodeURIComponent(r.postingCode)}/candidates`}>{messages.candidates.worklistReferral(r.employerName, r.postingTitle)}</a>
            <p class="muted">
              {r.requestedDate}
              {r.note ? ` · ${r.note}` : ""}
            </p>
          </li>
        )}
      />
      <h2>{m.households(props.households.length)}</h2>
      {props.households.length === 0 ? <p class="empty">{m.householdsNone}</p> : null}
      {props.households.map((h) => (
        <section class="worklist-household">
          <h3>
            <a href={`/bureau/households/${encodeURIComponent(h.code)}`}>{h.code}</a> · {h.village}{" "}
            {h.zeroEmployment ? <span class="badge zero-employment">{messages.candidates.zeroEmployment}</span> : null}
            {h.alertIds.map((id) => (
              <a class="badge alert-link" href={`/bureau/alerts/${id}`}>
                {m.alert(id)}
              </a>
            ))}
          </h3>
          <HouseholdRecommendations items={h.members} applyFor />
        </section>
      ))}
      {props.more ? <p class="muted">{m.more}</p> : null}
    </BaseLayout>
  );
}
