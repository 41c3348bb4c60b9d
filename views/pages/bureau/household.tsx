/**
 * One household of the registry: its members with their placements over time, their applications,
 * and the household's risk alerts. ID numbers of members are masked here (in full on a member's page
 * for those the policy allows).
 */
import { HouseholdRecommendations, type WorkerAnswer } from "../../fragments/recommendations.tsx";
import { Facts } from "../../components/facts.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { shownDate } from "../../format.ts";
import { BureauNav } from "./bureau-nav.tsx";
import type { WorkerPlacementView } from "./worker.tsx";
import { CardList } from "../../components/card-list.tsx";
import { messages } from "../../messages.ts";

/** A member's placement, as on the worker's page. */
export type HouseholdPlacement = WorkerPlacementView;

export interface HouseholdApplication {
  id: number;
  workerId: number | null;
  postingCode: string;
  postingTitle: string;
  status: string;
  createdAt: string;
}

export interface HouseholdAlert {
  id: number;
  kind: string;
  status: string;
  raisedDate: string;
  closedDate: string | null;
}

export interface HouseholdView {
  code: string;
  category: string;
  relocated: boolean;
  size: number | null;
  town: string;
  village: string;
  members: { id: number; name: string; idNumberMasked: string; labourAbility: string }[];
}

export interface HouseholdPageProps {
  household: HouseholdView;
  /** Each member's placements, newest first. */
  placements: ReadonlyMap<number, HouseholdPlacement[]>;
  applications: HouseholdApplication[];
  alerts: HouseholdAlert[];
  /** The one matcher's answer for each member, and whether the viewer may apply on their behalf (代办). */
  recommendations?: readonly WorkerAnswer[];
  canApplyFor?: boolean;
}

export function HouseholdPage(props: HouseholdPageProps) {
  const m = messages.bureau;
  const wp = messages.workerPlacements;
  const h = props.household;
  const nameOf = new Map(h.members.map((w) => [w.id, w.name]));
  return (
    <BaseLayout title={m.householdTitle(h.code)}>
      <BureauNav />
      <h1>{m.householdTitle(h.code)}</h1>
      <Facts
        entries={[
          { term: m.category, value: h.category },
          { term: m.town, value: `${h.town} ${h.village}` },
          { term: m.relocated, value: h.relocated ? m.yes : m.no },
          { term: m.size, value: h.size ?? "" },
        ]}
      />
      <h2>{m.members}</h2>
      <ul class="cards">
        {h.members.map((w) => (
          <li class="record-card worker-row">
            <a href={`/bureau/workers/${w.id}`}>{w.name}</a>
            <p>
              {w.idNumberMasked} · {w.labourAbility}
            </p>
            <h3 class="muted">{m.placementsOverTime}</h3>
            {(props.placements.get(w.id) ?? []).length === 0 ? (
              <p class="muted">{wp.none}</p>
            ) : (
              <ul class="placements">
                {(props.placements.get(w.id) ?? []).map((p) => (
                  <li>
                    {p.employerName ?? p.employmentForm ?? ""} · {p.startDate} {p.endDate ? wp.ended(p.endDate, p.endReason) : wp.working}
                    {p.monthlyIncome !== null ? ` · ${wp.income(p.monthlyIncome)}` : ""}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {props.recommendations ? (
        <section id="recommendations">
          <h2>{messages.matching.title}</h2>
          <p class="muted">{messages.matching.intro}</p>
          <HouseholdRecommendations items={props.recommendations} applyFor={props.canApplyFor ?? false} />
        </section>
      ) : null}
      <h2>{m.applicationsTitle}</h2>
      <CardList
        items={props.applications}
        none={m.applicationsNone}
        noneClass="muted"
        item={(a) => (
          <li class="record-card">
            {a.workerId !== null ? `${nameOf.get(a.workerId) ?? ""}：` : ""}
            {m.applicationLine(a.postingTitle, a.status, shownDate(a.createdAt))}
          </li>
        )}
      />
      <h2>{m.alertsTitle}</h2>
      <CardList
        items={props.alerts}
        none={m.alertsNone}
        noneClass="muted"
        item={(a) => (
          <li class="record-card">
            <a href={`/bureau/alerts/${a.id}`}>{messages.alerts.kinds[a.kind] ?? a.kind}</a> · {a.raisedDate} · {messages.alerts.statuses[a.status] ?? a.status}
            {a.closedDate ? ` · ${a.closedDate}` : ""}
          </li>
        )}
      />
    </BaseLayout>
  );
}
