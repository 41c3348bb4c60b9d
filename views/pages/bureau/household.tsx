/** One household of the registry with its members; ID numbers of members are masked in the list. */
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";

export interface HouseholdView {
  code: string;
  category: string;
  relocated: boolean;
  size: number | null;
  town: string;
  village: string;
  members: { id: number; name: string; idNumberMasked: string; labourAbility: string }[];
}

export function HouseholdPage(props: { household: HouseholdView }) {
  const m = messages.bureau;
  const h = props.household;
  return (
    <BaseLayout title={m.householdTitle(h.code)}>
      <h1>{m.householdTitle(h.code)}</h1>
      <dl class="facts">
        <dt>{m.category}</dt>
        <dd>{h.category}</dd>
        <dt>{m.town}</dt>
        <dd>
          {h.town} {h.village}
        </dd>
        <dt>{m.relocated}</dt>
        <dd>{h.relocated ? m.yes : m.no}</dd>
        <dt>{m.size}</dt>
        <dd>{h.size ?? ""}</dd>
      </dl>
      <h2>{m.members}</h2>
      <ul class="cards">
        {h.members.map((w) => (
          <li class="record-card worker-row">
            <a href={`/bureau/workers/${w.id}`}>{w.name}</a>
            <p>
              {w.idNumberMasked} · {w.labourAbility}
            </p>
          </li>
        ))}
      </ul>
    </BaseLayout>
  );
}
