/**
 * A scrollable data table: `<div class="table-wrap"><table class="data-table …">` with one header row
 * and the body rows the caller renders. A column given as `{ label, num: true }` gets `class="num"`.
 * @example <DataTable class="people-table" columns={[b.name, num(b.count)]}>{rows}</DataTable>
 */
import type { Child } from "hono/jsx";

export type DataColumn = string | { label: Child; num?: boolean };

/** A right-aligned (numeric) column. */
export function num(label: Child): DataColumn {
  return { label, num: true };
}

export function DataTable(props: { class?: string; columns: readonly DataColumn[]; children?: Child }) {
  return (
    <div class="table-wrap">
      <table class={props.class ? `data-table ${props.class}` : "data-table"}>
        <thead>
          <tr>
            {props.columns.map((c) => (typeof c === "string" ? <th>{c}</th> : <th class={c.num ? "num" : undefined}>{c.label}</th>))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
