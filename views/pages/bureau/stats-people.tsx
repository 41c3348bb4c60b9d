/** The people behind one figure of the statistics page: masked, paged, in the viewer's town scope. */
import type { PersonRow } from "../../../db/queries/stats-people.ts";
import { DataTable } from "../../components/data-table.tsx";
import { Pager } from "../../components/pager.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";

export function StatsPeoplePage(props: {
  heading: string;
  total: number;
  rows: PersonRow[];
  previousHref?: string | undefined;
  nextHref?: string | undefined;
}) {
  const m = messages.statsPage;
  const b = messages.bureau;
  return (
    <BureauPage title={m.people} intro={m.peopleIntro(props.heading)}>
      <p class="count">{m.peopleCount(props.total)}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{m.peopleNone}</p>
      ) : (
        <DataTable class="people-table" columns={[b.name, b.idNumber, b.town, b.household, b.category]}>
          {props.rows.map((p) => (
            <tr>
              <td>
                <a href={`/bureau/workers/${p.id}`}>{p.name}</a>
              </td>
              <td>{p.idNumberMasked}</td>
              <td>
                {p.town} {p.village}
              </td>
              <td>
                <a href={`/bureau/households/${encodeURIComponent(p.household)}`}>{p.household}</a>
              </td>
              <td>{p.category}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
      <p>
        <a href="/bureau/stats">{m.backToStats}</a>
      </p>
    </BureauPage>
  );
}
