/**
 * The bureau's statistics page: the headline figure with its change against the baseline, the
 * breakdowns by town, platform and household category, workshop absorption, public-benefit posts
 * and the monthly trend. Each chart (server-drawn SVG) has its table beside it; each number links
 * to the people behind it; each table downloads as .xlsx or .csv.
 */
import { chinaTime } from "../../../src/core/china-time.ts";
import type { EmploymentRow, PublicBenefitPosts, TrendPoint, WorkshopRow } from "../../../src/core/stats/figures.ts";
import { BarChartSvg, LineChartSvg } from "../../components/bar-chart.tsx";
import { DataTable, num } from "../../components/data-table.tsx";
import { DownloadLinks } from "../../components/filter-fields.tsx";
import { HeadlineFigures } from "../../components/facts.tsx";
import { FormError } from "../../components/form-error.tsx";
import { messages } from "../../messages.ts";
import { BureauPage } from "./bureau-page.tsx";
import { raw } from "hono/html";

export type Breakdown = "town" | "platform" | "category";

export interface StatsPageProps {
  date: string;
  baseline: string;
  /** The cadre's town, or undefined for the county. */
  town: string | undefined;
  error?: string | undefined;
  breakdowns?: Record<Breakdown, EmploymentRow[]>;
  workshops?: WorkshopRow[];
  publicBenefit?: PublicBenefitPosts;
  trend?: TrendPoint[];
  /** 零就业家庭 at D in scope. */
  zeroEmploymentHouseholds?: number;
  /** Set while the figures come from a snapshot the registry has moved past (a reload is running). */
  asOf?: Date | undefined;
  /** List every workshop, not only the WORKSHOPS_ON_PAGE absorbing the most. */
  allWorkshops?: boolean | undefined;
  /** StatsFigures already rendered (statsFiguresHtml); rendered here when absent. */
  figuresHtml?: string | undefined;
}

/**
 * Workshops the page lists unless asked for all: a county of a million workers has a thousand, and
 * a chart and table of a thousand rows is neither readable nor cheap (600 KB of HTML). The
 * downloads and `workshops=all` carry every one.
 */
export const WORKSHOPS_ON_PAGE = 30;

/** The workshops listed: all (in code order), or the WORKSHOPS_ON_PAGE absorbing the most (ties in code order). */
function workshopsShown(rows: readonly WorkshopRow[], all: boolean | undefined): readonly WorkshopRow[] {
  if (all || rows.length <= WORKSHOPS_ON_PAGE) return rows;
  return [...rows].sort((a, b) => b.employed - a.employed).slice(0, WORKSHOPS_ON_PAGE);
}

/** Link to the people behind a figure. */
export function peopleHref(params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.set(k, v);
  return `/bureau/stats/people?${qs.toString()}`;
}

function Downloads(props: { table: string; date: string; baseline: string }) {
  return <DownloadLinks href={(format) => `/bureau/stats/tables/${props.table}?date=${props.date}&baseline=${props.baseline}&format=${format}`} />;
}

function BreakdownSection(props: { by: Breakdown; title: string; rows: EmploymentRow[]; date: string; baseline: string }) {
  const m = messages.statsPage;
  const { by, rows, date, baseline } = props;
  const keyRows = rows.filter((r) => r.key !== "total");
  const label = (key: string) => (key === "total" ? m.total : key);
  const keyOf = (r: EmploymentRow) => (r.key === "total" ? undefined : r.key);
  return (
    <section class="figure" id={`by-${by}`}>
      <h2>{props.title}</h2>
      <BarChartSvg title={m.chartOf(props.title)} rows={keyRows.map((r) => ({ label: r.key, value: r.employed }))} />
      <DataTable columns={[{ label: m.key[by] }, num(m.labourForce), num(m.employed), num(m.rate), num(m.employedBaseline), num(m.change)]}>
        {rows.map((r) => (
          <tr class={r.key === "total" ? "total" : undefined}>
            <td>{label(r.key)}</td>
            <td class="num">
              {r.labour_force === null ? "—" : <a href={peopleHref({ figure: "labour_force", date, by: keyOf(r) && by, key: keyOf(r) })}>{r.labour_force}</a>}
            </td>
            <td class="num">
              <a href={peopleHref({ figure: "employed", date, by: keyOf(r) && by, key: keyOf(r) })}>{r.employed}</a>
            </td>
            <td class="num">{m.percent(r.employed, r.labour_force)}</td>
            <td class="num">
              <a href={peopleHref({ figure: "employed", date: baseline, by: keyOf(r) && by, key: keyOf(r) })}>{r.employed_baseline}</a>
            </td>
            <td class="num">{m.changeValue(r.employed - r.employed_baseline)}</td>
          </tr>
        ))}
      </DataTable>
      <Downloads table={by} date={date} baseline={baseline} />
    </section>
  );
}

export function StatsPage(props: StatsPageProps) {
  const m = messages.statsPage;
  const { date, baseline } = props;
  return (
    <BureauPage title={m.title} intro={m.intro}>
      <p class="muted">{props.town ? m.townScope(props.town) : m.countyScope}</p>
      {props.asOf ? <p class="muted">{m.asOf(chinaTime(props.asOf.toISOString()).slice(11, 16))}</p> : null}
      <form class="stats-form" method="get" action="/bureau/stats">
        <label>
          {m.date}
          <input type="date" name="date" value={date} required />
        </label>
        <label>
          {m.baseline}
          <input type="date" name="baseline" value={baseline} required />
        </label>
        <button type="submit">{m.show}</button>
      </form>
      <FormError error={props.error} />
      {props.figuresHtml !== undefined ? raw(props.figuresHtml) : <StatsFigures {...props} />}
    </BureauPage>
  );
}

/**
 * Everything of the page below the form: the same for every viewer of one scope, date and
 * baseline on one snapshot (no session, CSRF token or per-user part), so it is rendered once per
 * figures object (statsFiguresHtml) and the per-user shell around it each time.
 */
export function StatsFigures(props: Omit<StatsPageProps, "error" | "asOf" | "figuresHtml">) {
  const m = messages.statsPage;
  const { date, baseline } = props;
  const total = props.breakdowns?.town.find((r) => r.key === "total");
  return (
    <>
      {total && props.breakdowns ? (
        <>
          <h2>{m.headline}</h2>
          <HeadlineFigures
            entries={[
              { term: m.labourForce, value: <a href={peopleHref({ figure: "labour_force", date })}>{total.labour_force}</a> },
              { term: m.employed, value: <a href={peopleHref({ figure: "employed", date })}>{total.employed}</a> },
              { term: m.rate, value: m.percent(total.employed, total.labour_force) },
              { term: `${m.change}（${baseline}）`, value: m.changeValue(total.employed - total.employed_baseline) },
              props.zeroEmploymentHouseholds === undefined
                ? undefined
                : { term: messages.zeroEmployment.title, value: <a href={`/bureau/zero-employment?date=${date}`}>{props.zeroEmploymentHouseholds}</a> },
            ]}
          />
          <BreakdownSection by="town" title={m.byTown} rows={props.breakdowns.town} date={date} baseline={baseline} />
          <BreakdownSection by="platform" title={m.byPlatform} rows={props.breakdowns.platform} date={date} baseline={baseline} />
          <BreakdownSection by="category" title={m.byCategory} rows={props.breakdowns.category} date={date} baseline={baseline} />
        </>
      ) : null}
      {props.workshops ? (
        <section class="figure" id="workshops">
          <h2>{m.workshops}</h2>
          {props.workshops.length === 0 ? (
            <p class="empty">{m.workshopsNone}</p>
          ) : (
            <>
              {props.workshops.length > WORKSHOPS_ON_PAGE ? (
                <p class="muted">
                  {props.allWorkshops ? null : messages.statsPageWorkshops.topOf(WORKSHOPS_ON_PAGE, props.workshops.length)}{" "}
                  <a href={`/bureau/stats?date=${date}&baseline=${baseline}${props.allWorkshops ? "" : "&workshops=all"}#workshops`}>
                    {props.allWorkshops ? messages.statsPageWorkshops.showTop(WORKSHOPS_ON_PAGE) : messages.statsPageWorkshops.showAll(props.workshops.length)}
                  </a>
                </p>
              ) : null}
              <BarChartSvg title={m.chartOf(m.workshops)} rows={workshopsShown(props.workshops, props.allWorkshops).map((w) => ({ label: w.name, value: w.employed }))} />
              <DataTable columns={[m.workshopCode, m.workshopName, m.workshopType, num(m.workshopEmployed), num(m.workshopAssisted)]}>
                {workshopsShown(props.workshops, props.allWorkshops).map((w) => (
                  <tr>
                    <td>{w.code}</td>
                    <td>{w.name}</td>
                    <td>{w.type}</td>
                    <td class="num">
                      <a href={peopleHref({ figure: "workshop", date, employer: w.code })}>{w.employed}</a>
                    </td>
                    <td class="num">
                      <a href={peopleHref({ figure: "workshop_assisted", date, employer: w.code })}>{w.employed_assisted}</a>
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
          <Downloads table="workshops" date={date} baseline={baseline} />
        </section>
      ) : null}
      {props.publicBenefit ? (
        <section class="figure" id="public-benefit">
          <h2>{m.publicBenefit}</h2>
          <HeadlineFigures
            entries={[
              { term: m.postsOffered, value: props.publicBenefit.posts_offered },
              { term: m.postsPeople, value: <a href={peopleHref({ figure: "public_benefit", date })}>{props.publicBenefit.people}</a> },
            ]}
          />
          <Downloads table="public-benefit" date={date} baseline={baseline} />
        </section>
      ) : null}
      {props.trend ? (
        <section class="figure" id="trend">
          <h2>{m.trend}</h2>
          <LineChartSvg
            title={m.trendChart}
            points={props.trend.map((p) => ({ label: messages.charts.monthTick(p.month), value: p.employed }))}
            yTitle={messages.charts.employedPeople}
            xTitle={messages.charts.monthAxis(props.trend[0]?.month ?? "", props.trend.at(-1)?.month ?? "")}
          />
          <DataTable columns={[m.month, num(m.labourForce), num(m.employed), num(m.rate)]}>
            {props.trend.map((p) => (
              <tr>
                <td>{p.month}</td>
                <td class="num">
                  <a href={peopleHref({ figure: "labour_force", date: p.date })}>{p.labour_force}</a>
                </td>
                <td class="num">
                  <a href={peopleHref({ figure: "employed", date: p.date })}>{p.employed}</a>
                </td>
                <td class="num">{m.percent(p.employed, p.labour_force)}</td>
              </tr>
            ))}
          </DataTable>
          <Downloads table="trend" date={date} baseline={baseline} />
        </section>
      ) : null}
      <p class="stats-more">
        <a href="/bureau/stats/retention">{messages.retention.link}</a>
      </p>
      {/* The subsidy figures are county staff's (a town's view has a town scope). */}
      {props.town ? null : (
        <p class="stats-more">
          <a href="/bureau/stats/subsidies">{messages.subsidyFigures.link}</a>
        </p>
      )}
    </>
  );
}

/** The figures' HTML by the figures object they were rendered from (one per snapshot, date, baseline and town), then by all workshops or not. */
const figuresHtml = new WeakMap<object, Map<boolean, string>>();

/**
 * The HTML of StatsFigures for `props`, rendered once per `figures` — the object statsPageView
 * keeps per snapshot, date, baseline and town (src/use-cases/stats-view.ts): every later request
 * of the same page pays a lookup. The key must vary with everything the fragment shows, which
 * that object does: a change of the registry is a new snapshot, so new figures and a new render.
 */
export async function statsFiguresHtml(figures: object, props: Omit<StatsPageProps, "error" | "asOf" | "figuresHtml">): Promise<string> {
  let rendered = figuresHtml.get(figures);
  if (!rendered) figuresHtml.set(figures, (rendered = new Map()));
  const all = props.allWorkshops === true;
  let html = rendered.get(all);
  if (html === undefined) {
    html = String(await (<StatsFigures {...props} />).toString());
    rendered.set(all, html);
  }
  return html;
}
