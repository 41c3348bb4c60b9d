/**
 * 补贴统计: amounts computed, approved and paid, and the people behind them, by policy, town or
 * period — a chart, the table (each number links to its lines), a download, and what is still
 * unconfirmed; and the page of the lines behind one number.
 */
import type { FigurePersonRow, FigureRow } from "../../../db/queries/subsidy-figures.ts";
import { FIGURE_BREAKDOWNS, type FigureBreakdown, type FigureMeasure } from "../../../src/core/subsidies/figures.ts";
import { yuanText } from "../../../src/core/subsidies/ledger.ts";
import { BarChartSvg } from "../../components/bar-chart.tsx";
import { DataTable, num } from "../../components/data-table.tsx";
import { DownloadLinks, SelectFilter } from "../../components/filter-fields.tsx";
import { FormError } from "../../components/form-error.tsx";
import { Pager } from "../../components/pager.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";

const m = messages.subsidyFigures;
export const SUBSIDY_FIGURES_PATH = "/bureau/stats/subsidies";

export interface SubsidyFiguresProps {
  by: FigureBreakdown;
  policy: string | undefined;
  policies: { code: string; name: string }[];
  rows: FigureRow[];
  unconfirmed: { placements: number; byTown: { town: string; placements: number }[]; pendingHires: number };
  error?: string | undefined;
}

function query(params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, v);
  return qs.toString();
}

export function peopleHref(by: FigureBreakdown, key: string | undefined, measure: FigureMeasure, policy: string | undefined): string {
  return `${SUBSIDY_FIGURES_PATH}/people?${query({ by, key, measure, policy })}`;
}

/** The table's header and rows as the download writes them (yuan as numbers). */
export function figuresTable(by: FigureBreakdown, rows: FigureRow[]): { headers: string[]; rows: (string | number)[][] } {
  return {
    headers: [m.key[by], m.computed, m.computedPeople, m.approved, m.approvedPeople, m.paid, m.paidPeople],
    rows: rows.map((r) => [r.key, r.computedFen / 100, r.computedPeople, r.approvedFen / 100, r.approvedPeople, r.paidFen / 100, r.paidPeople]),
  };
}

function Amount(props: { fen: number; href: string }) {
  return (
    <td class="num">
      <a href={props.href}>{yuanText(props.fen)}</a>
    </td>
  );
}

export function SubsidyFiguresPage(props: SubsidyFiguresProps) {
  const total = props.rows.reduce(
    (t, r) => ({ computed: t.computed + r.computedFen, approved: t.approved + r.approvedFen, paid: t.paid + r.paidFen }),
    { computed: 0, approved: 0, paid: 0 },
  );
  const u = props.unconfirmed;
  return (
    <BureauPage title={m.title} intro={m.intro} wide>
      <form class="stats-form" method="get" action={SUBSIDY_FIGURES_PATH}>
        <SelectFilter
          label={m.by}
          name="by"
          any={m.byOptions.policy}
          options={FIGURE_BREAKDOWNS.filter((b) => b !== "policy").map((b) => ({ value: b, label: m.byOptions[b] }))}
          selected={props.by}
        />
        <SelectFilter label={m.policy} name="policy" any={m.allPolicies} options={props.policies.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} selected={props.policy} />
        <button type="submit">{m.show}</button>
      </form>
      <FormError error={props.error} />
      <section class="unconfirmed" aria-label={m.unconfirmedTitle}>
        <h2>{m.unconfirmedTitle}</h2>
        <p>{u.placements + u.pendingHires > 0 ? m.unconfirmed(u.placements, u.pendingHires) : m.allConfirmed}</p>
        {u.byTown.length > 0 ? (
          <DataTable columns={[m.key.town, num(m.placements)]}>
            {u.byTown.map((r) => (
              <tr>
                <td>{r.town}</td>
                <td class="num">{r.placements}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
      {props.rows.length === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <>
          <BarChartSvg
            title={m.chart}
            rows={props.rows.flatMap((r) => [
              { label: m.chartComputed(r.key), value: Math.round(r.computedFen / 100) },
              { label: m.chartApproved(r.key), value: Math.round(r.approvedFen / 100) },
              { label: m.chartPaid(r.key), value: Math.round(r.paidFen / 100) },
            ])}
          />
          <DataTable
            class="subsidy-figures"
            columns={[m.key[props.by], num(m.computed), num(m.computedPeople), num(m.approved), num(m.approvedPeople), num(m.paid), num(m.paidPeople)]}
          >
            {props.rows.map((r) => (
              <tr>
                <td>{r.key}</td>
                <Amount fen={r.computedFen} href={peopleHref(props.by, r.key, "computed", props.policy)} />
                <td class="num">{r.computedPeople}</td>
                <Amount fen={r.approvedFen} href={peopleHref(props.by, r.key, "approved", props.policy)} />
                <td class="num">{r.approvedPeople}</td>
                <Amount fen={r.paidFen} href={peopleHref(props.by, r.key, "paid", props.policy)} />
                <td class="num">{r.paidPeople}</td>
              </tr>
            ))}
            <tr class="total">
              <td>{m.total}</td>
              <Amount fen={total.computed} href={peopleHref(props.by, undefined, "computed", props.policy)} />
              <td class="num"></td>
              <Amount fen={total.approved} href={peopleHref(props.by, undefined, "approved", props.policy)} />
              <td class="num"></td>
              <Amount fen={total.paid} href={peopleHref(props.by, undefined, "paid", props.policy)} />
              <td class="num"></td>
            </tr>
          </DataTable>
          <DownloadLinks href={(format) => `${SUBSIDY_FIGURES_PATH}?${query({ by: props.by, policy: props.policy, format })}`} />
        </>
      )}
    </BureauPage>
  );
}

export function SubsidyFigurePeoplePage(props: {
  measure: FigureMeasure;
  keyLabel: string;
  rows: FigurePersonRow[];
  total: number;
  previousHref?: string | undefined;
  nextHref?: string | undefined;
}) {
  return (
    <BureauPage title={m.peopleTitle(m.measures[props.measure], props.keyLabel)} intro={m.peopleIntro} wide>
      <p>
        <a href={SUBSIDY_FIGURES_PATH}>{m.back}</a>
      </p>
      <p class="count">{m.count(props.total)}</p>
      <DataTable columns={[m.line, m.policy, m.period, m.worker, m.place, m.employer, m.status, num(m.amount)]}>
        {props.rows.map((r) => (
          <tr>
            <td>
              <a href={`/bureau/subsidies/${r.lineId}`}>#{r.lineId}</a>
            </td>
            <td>{r.policyCode}</td>
            <td>{r.period}</td>
            <td>
              {r.workerName} {r.idNumberMasked}
            </td>
            <td>
              {r.town}
              {r.village}
            </td>
            <td>{r.employerCode ?? "—"}</td>
            <td>{r.status}</td>
            <td class="num">{yuanText(r.amountFen)}</td>
          </tr>
        ))}
      </DataTable>
      <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
    </BureauPage>
  );
}
