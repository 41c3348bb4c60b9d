/** 零就业家庭: the households to work through, by town, each linking to its household page. */
import type { ZeroEmploymentHousehold } from "../../../src/core/stats/figures.ts";
import { BaseLayout } from "../../layouts/base.tsx";
import { messages } from "../../messages.ts";
import { BureauNav } from "./bureau-nav.tsx";

export function ZeroEmploymentPage(props: {
  date: string;
  /** Towns the viewer may filter by; empty for a town cadre (their own town only). */
  towns: string[];
  town: string | undefined;
  error?: string | undefined;
  households: ZeroEmploymentHousehold[];
  downloadQuery: string;
}) {
  const m = messages.zeroEmployment;
  const s = messages.statsPage;
  return (
    <BaseLayout title={m.title}>
      <BureauNav />
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <form class="stats-form" method="get" action="/bureau/zero-employment">
        <label>
          {m.date}
          <input type="date" name="date" value={props.date} required />
        </label>
        {props.towns.length > 0 ? (
          <label>
            {m.town}
            <select name="town">
              <option value="">{m.allTowns}</option>
              {props.towns.map((t) => (
                <option value={t} selected={t === props.town}>
                  {t}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span></span>
        )}
        <button type="submit">{m.filter}</button>
      </form>
      {props.error ? (
        <p class="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <p class="count">{m.count(props.households.length)}</p>
      {props.households.length === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table zero-table">
            <thead>
              <tr>
                <th>{m.household}</th>
                <th>{m.town}</th>
                <th>{m.village}</th>
                <th class="num">{m.labourForce}</th>
              </tr>
            </thead>
            <tbody>
              {props.households.map((h) => (
                <tr>
                  <td>
                    <a href={`/bureau/households/${encodeURIComponent(h.code)}`}>{h.code}</a>
                  </td>
                  <td>{h.town}</td>
                  <td>{h.village}</td>
                  <td class="num">{h.labour_force}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="downloads">
        {s.download}
        <a href={`/bureau/zero-employment?${props.downloadQuery}&format=xlsx`} download>
          {s.downloadXlsx}
        </a>
        <a href={`/bureau/zero-employment?${props.downloadQuery}&format=csv`} download>
          {s.downloadCsv}
        </a>
      </p>
    </BaseLayout>
  );
}
