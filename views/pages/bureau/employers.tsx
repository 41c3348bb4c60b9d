/** Workshops and their recognition (认定): the list, one workshop with its history and the decision form. */
import { RECOGNITION_STATUSES } from "../../../src/core/enums.ts";
import { CsrfField } from "../../components/csrf-field.tsx";
import { DataTable, num } from "../../components/data-table.tsx";
import { Facts } from "../../components/facts.tsx";
import { SelectFilter } from "../../components/filter-fields.tsx";
import { FormError } from "../../components/form-error.tsx";
import { BaseLayout } from "../../layouts/base.tsx";
import { CardList } from "../../components/card-list.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";
import { BureauNav } from "./bureau-nav.tsx";

export interface WorkshopRowView {
  code: string;
  name: string;
  type: string;
  town: string;
  village: string | null;
  recognition: string;
  /** People working there today, and of them the 帮扶对象. */
  employees?: { employed: number; assisted: number };
}

export function EmployersPage(props: { rows: WorkshopRowView[]; recognition: string | undefined }) {
  const m = messages.recognition;
  return (
    <BureauPage title={m.title} intro={m.intro}>
      <form class="stats-form" method="get" action="/bureau/employers">
        <SelectFilter label={m.status} name="recognition" any={m.anyStatus} options={RECOGNITION_STATUSES} selected={props.recognition} />
        <span></span>
        <button type="submit">{m.filter}</button>
      </form>
      {props.rows.length === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <DataTable class="employers-table" columns={[m.code, m.name, m.type, m.town, num(messages.recognitionNote.employed), num(messages.recognitionNote.assisted), m.status]}>
          {props.rows.map((e) => (
            <tr>
              <td>
                <a href={`/bureau/employers/${encodeURIComponent(e.code)}`}>{e.code}</a>
              </td>
              <td>{e.name}</td>
              <td>{e.type}</td>
              <td>
                {e.town} {e.village ?? ""}
              </td>
              <td class="num">{e.employees?.employed ?? 0}</td>
              <td class="num">{e.employees?.assisted ?? 0}</td>
              <td>{e.recognition}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </BureauPage>
  );
}

export function EmployerPage(props: {
  employer: WorkshopRowView & { address: string | null; contactName: string | null };
  employees: { employed: number; assisted: number };
  history: { id: number; status: string; effectiveDate: string; note: string | null; by: string | null }[];
  canDecide: boolean;
  today: string;
  values?: { status: string; effectiveDate: string; note: string };
  error?: string | undefined;
}) {
  const m = messages.recognition;
  const e = props.employer;
  const v = props.values;
  return (
    <BaseLayout title={e.name}>
      <BureauNav />
      <h1>{e.name}</h1>
      <Facts
        entries={[
          { term: m.code, value: e.code },
          { term: m.type, value: e.type },
          { term: m.town, value: `${e.town} ${e.village ?? ""} ${e.address ?? ""}` },
          { term: m.status, value: e.recognition, class: "recognition-status" },
          { term: messages.recognitionNote.employed, value: messages.recognitionNote.people(props.employees.employed) },
          { term: messages.recognitionNote.assisted, value: messages.recognitionNote.people(props.employees.assisted) },
        ]}
      />
      <h2>{m.history}</h2>
      <CardList
        items={props.history}
        none={m.historyNone}
        class="recognition-history"
        item={(h) => (
          <li class="record-card">
            <p>{m.historyRow(h.effectiveDate, h.status, h.by)}</p>
            {h.note ? <p class="description">{h.note}</p> : null}
          </li>
        )}
      />
      {props.canDecide ? (
        <form method="post" action={`/bureau/employers/${encodeURIComponent(e.code)}/recognition`} class="stacked recognition-form" novalidate>
          <CsrfField />
          <h2>{m.decide}</h2>
          <FormError error={props.error} />
          <label for="f-status">{m.status}</label>
          <select id="f-status" name="status" required>
            <option value="已认定" selected={(v?.status ?? (e.recognition === "已认定" ? "未认定" : "已认定")) === "已认定"}>
              {m.recognise}
            </option>
            <option value="未认定" selected={(v?.status ?? (e.recognition === "已认定" ? "未认定" : "已认定")) === "未认定"}>
              {m.withdraw}
            </option>
          </select>
          <label for="f-date">{m.effectiveDate}</label>
          <input id="f-date" type="date" name="effectiveDate" value={v?.effectiveDate ?? props.today} required />
          <label for="f-note">{m.note}</label>
          <p class="muted" id="f-note-hint">
            {messages.recognitionNote.hint}
          </p>
          <textarea id="f-note" name="note" rows={3} required aria-describedby="f-note-hint">
            {v?.note ?? ""}
          </textarea>
          <button type="submit">{m.submit}</button>
        </form>
      ) : null}
    </BaseLayout>
  );
}
