/** One worker of the registry; ID number and phone arrive already masked unless the role needs them. */
import { WorkerRecommendationList, type WorkerAnswer } from "../../fragments/recommendations.tsx";
import { WorkerApplications, type OnBehalfApplicationView } from "../../fragments/worker-applications.tsx";
import { DEPARTURE_REASONS } from "../../../src/core/hire-rules.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { Facts } from "../../components/facts.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { BureauNav } from "./bureau-nav.tsx";
import { messages } from "../../messages.ts";

export interface WorkerView {
  name: string;
  idNumber: string;
  idNumberMasked: boolean;
  phone: string | null;
  sex: string;
  birthDate: string;
  town: string;
  village: string;
  householdCode: string;
  category: string;
  labourAbility: string;
}

export interface WorkerPlacementView {
  id: number;
  employerName: string | null;
  employmentForm: string | null;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  monthlyIncome: number | null;
}

export function WorkerPage(props: {
  worker: WorkerView & { id?: number };
  placements?: WorkerPlacementView[];
  /** May the viewer end a placement (staff of the worker's town, county staff)? */
  canEnd?: boolean;
  today?: string;
  /** The placement whose end form was refused, with what was typed and the message. */
  endForm?: { placementId: number; endDate: string; reason: string; error: string };
  /** The one matcher's answer (岗位推荐), and whether the viewer may apply on the worker's behalf. */
  recommendations?: WorkerAnswer["answer"];
  canApplyFor?: boolean;
  /** Applications made on the worker's behalf (代办) and by them. */
  applications?: ReadonlyArray<OnBehalfApplicationView>;
}) {
  const m = messages.bureau;
  const w = props.worker;
  return (
    <BaseLayout title={w.name}>
      <BureauNav />
      <h1>{w.name}</h1>
      <p class="actions">
        <a class="button secondary" href={`/bureau/workers/${w.id}/edit`}>
          {messages.registryPerson.editLink}
        </a>
      </p>
      <Facts
        entries={[
          {
            term: m.idNumber,
            class: "id-number",
            value: (
              <>
                {w.idNumber}
                {w.idNumberMasked ? <span class="muted">{m.masked}</span> : null}
              </>
            ),
          },
          { term: m.phone, value: w.phone ?? "", class: "phone" },
          { term: m.sex, value: w.sex },
          { term: m.birthDate, value: w.birthDate },
          { term: m.town, value: w.town },
          { term: m.village, value: w.village },
          { term: m.household, value: <a href={`/bureau/households/${encodeURIComponent(w.householdCode)}`}>{w.householdCode}</a> },
          { term: m.category, value: w.category },
          { term: m.labourAbility, value: w.labourAbility },
        ]}
      />
      {props.placements ? <WorkerPlacements {...props} placements={props.placements} /> : null}
      {props.applications && w.id !== undefined ? <WorkerApplications workerId={w.id} applications={props.applications} /> : null}
      {props.recommendations && w.id !== undefined ? (
        <section id="recommendations">
          <h2>{messages.matching.title}</h2>
          <p class="muted">{messages.matching.intro}</p>
          <WorkerRecommendationList worker={{ id: w.id, name: w.name }} answer={props.recommendations} applyFor={props.canApplyFor ?? false} />
        </section>
      ) : null}
    </BaseLayout>
  );
}

function WorkerPlacements(props: Parameters<typeof WorkerPage>[0] & { placements: WorkerPlacementView[] }) {
  const t = messages.workerPlacements;
  return (
    <section id="placements">
      <h2>{t.title}</h2>
      {props.placements.length === 0 ? (
        <p class="empty">{t.none}</p>
      ) : (
        <ul class="cards">
          {props.placements.map((p) => {
            const refused = props.endForm?.placementId === p.id ? props.endForm : undefined;
            return (
              <li class="record-card placement-row">
                <p>
                  <strong>{p.employerName ?? p.employmentForm ?? ""}</strong> · {p.startDate} —{" "}
                  {p.endDate === null ? <span class="badge assisted">{t.working}</span> : t.ended(p.endDate, p.endReason)}
                </p>
                <p class="muted">{t.income(p.monthlyIncome)}</p>
                {p.endDate === null && props.canEnd && props.worker.id !== undefined ? (
                  <form method="post" action={`/bureau/workers/${props.worker.id}/placements/${p.id}/end`} class="stacked end-form" novalidate>
                    <CsrfField />
                    <h3>{t.end}</h3>
                    {refused ? (
                      <p class="field-error" role="alert">
                        {refused.error}
                      </p>
                    ) : null}
                    <label for={`end-${p.id}`}>{t.endDate}</label>
                    <input id={`end-${p.id}`} type="date" name="endDate" value={refused?.endDate ?? props.today ?? ""} required />
                    <label for={`reason-${p.id}`}>{t.reason}</label>
                    <select id={`reason-${p.id}`} name="reason" required>
                      <option value="">{t.choose}</option>
                      {DEPARTURE_REASONS.map((r) => (
                        <option value={r} selected={refused?.reason === r}>
                          {r}
                        </option>
                      ))}
                    </select>
                    <button type="submit">{t.submit}</button>
                  </form>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
