/** The people behind one figure of the statistics page: masked, paged, in the viewer's town scope. */
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { BureauNav } from "./bureau-nav.tsx";

export interface StatsPersonRow {
  id: number;
  name: string;
  idNumberMasked: string;
  town: string;
  village: string;
  household: string;
  category: string;
}

export function StatsPeoplePage(props: {
  heading: string;
  total: number;
  rows: StatsPersonRow[];
  previousHref?: string | undefined;
  nextHref?: string | undefined;
}) {
  const m = messages.statsPage;
  const b = messages.bureau;
  return (
    <BaseLayout title={m.people}>
      <BureauNav />
      <h1>{m.people}</h1>
      <p>{m.peopleIntro(props.heading)}</p>
      <p class="count">{m.peopleCount(props.total)}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{m.peopleNone}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table people-table">
            <thead>
              <tr>
                <th>{b.name}</th>
                <th>{b.idNumber}</th>
                <th>{b.town}</th>
                <th>{b.household}</th>
                <th>{b.category}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label={messages.search.paging}>
        {props.previousHref ? <a href={props.previousHref}>{messages.search.previous}</a> : <span></span>}
        {props.nextHref ? <a href={props.nextHref}>{messages.search.next}</a> : <span></span>}
      </nav>
      <p>
        <a href="/bureau/stats">{m.backToStats}</a>
      </p>
    </BaseLayout>
  );
}
