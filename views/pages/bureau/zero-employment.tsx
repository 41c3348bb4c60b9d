/** 零就业家庭: the households to work through, by town, each linking to its household page. */
import type { ZeroEmploymentHousehold } from "../../../src/core/stats/figures.ts";
import { DataTable, num } from "../../components/data-table.tsx";
import { DownloadLinks, SelectFilter } from "../../components/filter-fields.tsx";
import { FormError } from "../../components/form-error.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";

export function ZeroEmploymentPage(props: {
  date: string;
  /** Towns the viewer may filter by; empty for a town cadre (their own town only). */
  towns: string[];
  town: string | undefined;
  error?: string | undefined;
  /** With the name of the household's first-registered member (`head`). */
  households: (ZeroEmploymentHousehold & { head?: string })[];
  downloadQuery: string;
}) {
  const m = messages.zeroEmployment;
  return (
    <BureauPage title={m.title} intro={m.intro}>
      <form class="stats-form" method="get" action="/bureau/zero-employment">
        <label>
          {m.date}
          <input type="date" name="date" value={props.date} required />
        </label>
        {props.towns.length > 0 ? (
          <SelectFilter label={m.town} name="town" any={m.allTowns} options={props.towns} selected={props.town} />
        ) : (
          <span></span>
        )}
        <button type="submit">{m.filter}</button>
      </form>
      <FormError error={props.error} />
      <p class="count">{m.count(props.households.length)}</p>
      {props.households.length === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <DataTable class="zero-table" columns={[m.household, messages.zeroEmploymentHead.head, m.town, m.village, num(m.labourForce)]}>
          {props.households.map((h) => (
            <tr>
              <td>
                <a href={`/bureau/households/${encodeURIComponent(h.code)}`}>{h.code}</a>
              </td>
              <td>{h.head ?? ""}</td>
              <td>{h.town}</td>
              <td>{h.village}</td>
              <td class="num">{h.labour_force}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <DownloadLinks href={(format) => `/bureau/zero-employment?${props.downloadQuery}&format=${format}`} />
    </BureauPage>
  );
}
