/** The audit log for county staff: filter by entity, actor and dates; newest first; paged. */
import { FormError } from "../../components/form-error.tsx";
import { Pager } from "../../components/pager.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { BureauNav } from "./bureau-nav.tsx";
import { messages } from "../../messages.ts";
import type { AuditFieldChange } from "../../../src/core/audit-values.ts";

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
  /** The change field by field (src/core/audit-values.ts auditChanges). */
  changes: AuditFieldChange[];
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
              {r.changes.length > 0 ? <AuditChanges changes={r.changes} /> : null}
            </li>
          ))}
        </ul>
      )}
      <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
    </BaseLayout>
  );
}

/** A change as a small table: one row per field, its Chinese name, before and after. */
function AuditChanges(props: { changes: AuditFieldChange[] }) {
  const c = messages.auditChanges;
  const withBefore = props.changes.some((ch) => ch.before !== "");
  return (
    <table class="audit-changes">
      <thead>
        <tr>
          <th scope="col">{c.field}</th>
          {withBefore ? <th scope="col">{c.before}</th> : null}
          <th scope="col">{withBefore ? c.after : c.value}</th>
        </tr>
      </thead>
      <tbody>
        {props.changes.map((ch) => (
          <tr>
            <th scope="row">{ch.field === "" ? c.value : (c.fields[ch.field] ?? c.otherField(ch.field))}</th>
            {withBefore ? <td>{ch.before || "—"}</td> : null}
            <td>{ch.after || "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
