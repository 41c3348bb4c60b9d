/** The audit log for county staff: filter by entity, actor and dates; newest first; paged. */
import { FormError } from "../../components/form-error.tsx";
import { Pager } from "../../components/pager.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { BureauNav } from "./bureau-nav.tsx";
import { messages } from "../../messages.ts";

export interface AuditRowView {
  id: number;
  /** Beijing time, `YYYY-MM-DD HH:MM:SS`. */
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: string;
  after: string;
}

export interface AuditPageProps {
  filter: { entity?: string | undefined; actor?: string | undefined; from?: string | undefined; to?: string | undefined };
  entities: readonly string[];
  rows: AuditRowView[];
  previousHref?: string | undefined;
  nextHref?: string | undefined;
  error?: string | undefined;
}

export function AuditPage(props: AuditPageProps) {
  const m = messages.audit;
  const f = props.filter;
  return (
    <BaseLayout title={m.title}>
      <BureauNav />
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <form class="stacked filters" method="get" action="/bureau/audit">
        <label for="entity">{m.entity}</label>
        <select id="entity" name="entity">
          <option value="">{m.anyEntity}</option>
          {props.entities.map((e) => (
            <option value={e} selected={f.entity === e}>
              {m.entities[e] ?? e}
            </option>
          ))}
        </select>
        <label for="actor">{m.actor}</label>
        <input id="actor" name="actor" type="text" value={f.actor ?? ""} placeholder={m.actorPlaceholder} />
        <label for="from">{m.from}</label>
        <input id="from" name="from" type="date" value={f.from ?? ""} />
        <label for="to">{m.to}</label>
        <input id="to" name="to" type="date" value={f.to ?? ""} />
        <button type="submit">{m.filter}</button>
      </form>
      <FormError error={props.error} />
      {props.rows.length === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <ul class="cards audit-rows">
          {props.rows.map((r) => (
            <li class="record-card audit-row">
              <p>
                <span class="audit-at">{r.at}</span> · <span class="audit-actor">{r.actor}</span> ·{" "}
                {m.actions[r.action] ?? r.action} {m.entities[r.entity] ?? r.entity} #{r.entityId}
              </p>
              {r.before ? (
                <p class="audit-value">
                  {m.before}: <code>{r.before}</code>
                </p>
              ) : null}
              {r.after ? (
                <p class="audit-value">
                  {m.after}: <code>{r.after}</code>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
    </BaseLayout>
  );
}
