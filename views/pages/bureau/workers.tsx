/** The registry's workers in the user's scope; a list shows ID numbers and phones masked. */
import { Pager } from "../../components/pager.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";

export interface WorkerListRow {
  id: number;
  name: string;
  idNumberMasked: string;
  phone: string | null;
  town: string;
  village: string;
}

export function WorkersPage(props: { rows: WorkerListRow[]; previousHref?: string | undefined; nextHref?: string | undefined }) {
  const m = messages.bureau;
  return (
    <BaseLayout title={m.workersTitle}>
      <h1>{m.workersTitle}</h1>
      {props.rows.length === 0 ? (
        <p class="empty">{m.workersNone}</p>
      ) : (
        <ul class="cards">
          {props.rows.map((w) => (
            <li class="record-card worker-row">
              <a href={`/bureau/workers/${w.id}`}>{w.name}</a>
              <p>
                {w.town} {w.village} · {w.idNumberMasked}
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
