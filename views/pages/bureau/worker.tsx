/** One worker of the registry; ID number and phone arrive already masked unless the role needs them. */
import { BaseLayout } from "../../layouts/base.tsx";
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

export function WorkerPage(props: { worker: WorkerView }) {
  const m = messages.bureau;
  const w = props.worker;
  return (
    <BaseLayout title={w.name}>
      <h1>{w.name}</h1>
      <dl class="facts">
        <dt>{m.idNumber}</dt>
        <dd class="id-number">
          {w.idNumber}
          {w.idNumberMasked ? <span class="muted">{m.masked}</span> : null}
        </dd>
        <dt>{m.phone}</dt>
        <dd class="phone">{w.phone ?? ""}</dd>
        <dt>{m.sex}</dt>
        <dd>{w.sex}</dd>
        <dt>{m.birthDate}</dt>
        <dd>{w.birthDate}</dd>
        <dt>{m.town}</dt>
        <dd>{w.town}</dd>
        <dt>{m.village}</dt>
        <dd>{w.village}</dd>
        <dt>{m.household}</dt>
        <dd>
          <a href={`/bureau/households/${encodeURIComponent(w.householdCode)}`}>{w.householdCode}</a>
        </dd>
        <dt>{m.category}</dt>
        <dd>{w.category}</dd>
        <dt>{m.labourAbility}</dt>
        <dd>{w.labourAbility}</dd>
      </dl>
    </BaseLayout>
  );
}
