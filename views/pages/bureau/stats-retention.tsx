/**
 * 稳岗情况: of the placements that started in each month, the share still open 3, 6 and 12 months
 * later, by cohort month, platform, employer or town, for every worker or 帮扶对象 only — a chart
 * per horizon, the table (each number links to its placements), a download; and the page of the
 * placements behind one number. "未到期" where a cohort has not reached a horizon yet.
 */
import type { RetentionPersonRow } from "../../../db/queries/retention.ts";
import { chinaTime } from "../../../src/core/china-time.ts";
import { EMPLOYMENT_FORMS } from "../../../src/core/enums.ts";
import { RETENTION_BREAKDOWNS, RETENTION_HORIZONS, RETENTION_TOTAL_KEY, type RetentionBreakdown, type RetentionQuery } from "../../../src/core/stats/retention.ts";
import type { RetentionMeasure, RetentionViewRow } from "../../../src/use-cases/retention-view.ts";
import { BarChartSvg } from "../../components/bar-chart.tsx";
import { DataTable, num } from "../../components/data-table.tsx";
import { DownloadLinks, SelectFilter } from "../../components/filter-fields.tsx";
import { FormError } from "../../components/form-error.tsx";
import { Pager } from "../../components/pager.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";

const m = messages.retention;
export const RETENTION_PATH = "/bureau/stats/retention";
/** Bars a chart shows at most (the table holds every row). */
const CHART_ROWS = 24;

function query(params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, v);
  return qs.toString();
}

function queryParams(q: RetentionQuery): Record<string, string | undefined> {
  return { date: q.date, from: q.from, to: q.to, by: q.by, assisted: q.assisted ? "1" : undefined };
}

export function retentionPeopleHref(q: RetentionQuery, key: string | undefined, measure: RetentionMeasure): string {
  return `${RETENTION_PATH}/people?${query({ ...queryParams(q), key, measure })}`;
}

/** A row's label: the cohort, platform or town; an employer's code and name; work outside the registry by its 就业形式. */
export function rowLabel(by: RetentionBreakdown, row: { key: string; name?: string | undefined }): string {
  if (row.key === RETENTION_TOTAL_KEY) return m.total;
  if (by === "employer") return row.name ? `${row.key} ${row.name}` : (EMPLOYMENT_FORMS as readonly string[]).includes(row.key) ? m.outsideRegistry(row.key) : row.key;
  return row.key;
}

/** The table as the download writes it: a rate as a percentage number, "未到期" as text. */
export function retentionTable(by: RetentionBreakdown, rows: readonly RetentionViewRow[]): { headers: string[]; rows: (string | number | null)[][] } {
  return {
    headers: [m.key[by], m.started, ...RETENTION_HORIZONS.flatMap((h) => [m.due(h), m.kept(h), `${m.rate(h)}（%）`])],
    rows: rows.map((r) => [
      rowLabel(by, r),
      r.started,
      ...r.horizons.flatMap((h): (string | number | null)[] =>
        h.status === "not_yet" ? [m.notYet, m.notYet, m.notYet] : [h.placements, h.retained, h.rate === null ? null : Math.round(h.rate * 1000) / 10],
      ),
    ]),
  };
}

export interface RetentionPageProps {
  query: RetentionQuery;
  rows: RetentionViewRow[];
  /** The cadre's town, or undefined for the county. */
  town: string | undefined;
  error?: string | undefined;
  /** When the figures' snapshot was taken, while a newer one loads (as the statistics page says). */
  asOf?: Date | undefined;
}

export function RetentionPage(props: RetentionPageProps) {
  const q = props.query;
  const body = props.rows.filter((r) => r.key !== RETENTION_TOTAL_KEY);
  const total = props.rows.find((r) => r.key === RETENTION_TOTAL_KEY);
  return (
    <BureauPage title={props.town ? `${m.title}（${props.town}）` : m.title} intro={m.intro}>
      {props.asOf ? <p class="muted">{messages.statsPage.asOf(chinaTime(props.asOf.toISOString()).slice(11, 16))}</p> : null}
      <form class="stats-form retention-form" method="get" action={RETENTION_PATH}>
        <label>
          {m.date}
          <input type="date" name="date" value={q.date} />
        </label>
        <label>
          {m.from}
          <input type="month" name="from" value={q.from} placeholder="YYYY-MM" />
        </label>
        <label>
          {m.to}
          <input type="month" name="to" value={q.to} placeholder="YYYY-MM" />
        </label>
        <SelectFilter label={m.by} name="by" any={m.byOptions.month} options={RETENTION_BREAKDOWNS.filter((b) => b !== "month").map((b) => ({ value: b, label: m.byOptions[b] }))} selected={q.by} />
        <label class="check">
          <input type="checkbox" name="assisted" value="1" checked={q.assisted} />
          {m.assisted}
        </label>
        <button type="submit">{m.show}</button>
      </form>
      <FormError error={props.error} />
      {props.error ? null : !total || total.started === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <>
          {RETENTION_HORIZONS.map((h, i) => {
            const bars = body
              .flatMap((r) => {
                const f = r.horizons[i]!;
                return f.status === "measured" && f.rate !== null ? [{ label: rowLabel(q.by, r), value: Math.round(f.rate * 1000) / 10 }] : [];
              })
              .slice(0, CHART_ROWS);
            return bars.length > 0 ? (
              <section class="figure" id={`retention-${h}`}>
                <h2>{m.chart(h)}</h2>
                <BarChartSvg title={`${m.chart(h)}${q.assisted ? m.assistedOnly : ""}`} rows={bars} />
              </section>
            ) : null;
          })}
          {body.every((r) => r.horizons.every((f) => f.status === "not_yet")) ? <p class="empty">{m.chartNone}</p> : null}
          <DataTable
            class="retention-table"
            columns={[m.key[q.by], num(m.started), ...RETENTION_HORIZONS.flatMap((h) => [num(m.kept(h)), num(m.rate(h))])]}
          >
            {props.rows.map((r) => {
              const key = r.key === RETENTION_TOTAL_KEY ? undefined : r.key;
              return (
                <tr class={key === undefined ? "total" : undefined}>
                  <td>{rowLabel(q.by, r)}</td>
                  <td class="num">
                    <a href={retentionPeopleHref(q, key, "started")}>{r.started}</a>
                  </td>
                  {r.horizons.map((f) =>
                    f.status === "not_yet" ? (
                      <>
                        <td class="num not-yet">{m.notYet}</td>
                        <td class="num not-yet">{m.notYet}</td>
                      </>
                    ) : (
                      <>
                        <td class="num">
                          <a href={retentionPeopleHref(q, key, `kept_${f.months}`)}>{f.retained}</a> / {f.placements}
                        </td>
                        <td class="num">{m.percent(f.rate)}</td>
                      </>
                    ),
                  )}
                </tr>
              );
            })}
          </DataTable>
          <DownloadLinks href={(format) => `${RETENTION_PATH}?${query({ ...queryParams(q), format })}`} />
        </>
      )}
    </BureauPage>
  );
}

export function RetentionPeoplePage(props: {
  heading: string;
  total: number;
  rows: RetentionPersonRow[];
  backHref: string;
  previousHref?: string | undefined;
  nextHref?: string | undefined;
}) {
  return (
    <BureauPage title={m.peopleTitle} intro={m.peopleIntro(props.heading)}>
      <p>
        <a href={props.backHref}>{m.back}</a>
      </p>
      <p class="count">{m.peopleCount(props.total)}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{m.peopleNone}</p>
      ) : (
        <DataTable class="people-table retention-people" columns={[m.name, m.idNumber, m.town, m.household, m.employer, m.platform, m.startDate, m.endDate]}>
          {props.rows.map((p) => (
            <tr>
              <td>
                <a href={`/bureau/workers/${p.workerId}`}>{p.name}</a>
              </td>
              <td>{p.idNumberMasked}</td>
              <td>
                {p.town} {p.village}
              </td>
              <td>
                <a href={`/bureau/households/${encodeURIComponent(p.household)}`}>{p.household}</a>
              </td>
              <td>{p.employer}</td>
              <td>{p.platform}</td>
              <td>{p.startDate}</td>
              <td>{p.endDate ?? m.stillOpen}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager previousHref={props.previousHref} nextHref={props.nextHref} />
    </BureauPage>
  );
}
