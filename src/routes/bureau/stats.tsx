/**
 * The bureau's statistics pages for county staff and town cadres: /bureau/stats (figures, charts,
 * tables), /bureau/stats/tables/:table (each table as .xlsx or .csv) and /bureau/stats/people
 * (the people behind a number). Town scope holds everywhere (stats-scope.ts).
 */
import { currentSettings } from "../../use-cases/settings.ts";
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { employmentColumns, publicBenefitColumns, trendColumns, workshopColumns } from "../../core/stats/columns.ts";
import { EMPLOYMENT_BREAKDOWNS, TOTAL_KEY } from "../../core/stats/figures.ts";
import { dateQuerySchema, employmentQuerySchema } from "../../core/stats/query.ts";
import { optionalTextSchema } from "../../core/text-fields.ts";
import { pagerLinks } from "../../http/pager-links.ts";
import { DownloadFormatSchema, tableDownload } from "../../http/table-download.ts";
import { PEOPLE_FIGURES, peopleView, statsPageView } from "../../use-cases/stats-view.ts";
import { StatsPage, statsFiguresHtml } from "../../../views/pages/bureau/stats.tsx";
import { StatsPeoplePage } from "../../../views/pages/bureau/stats-people.tsx";
import { messages } from "../../../views/messages.ts";
import { statsQueryMessage } from "../../../views/problems.ts";
import { statsScopeOf } from "./stats-scope.ts";

export const STATS_PEOPLE_PAGE_SIZE = 50;
export const STATS_TABLES = ["town", "platform", "category", "workshops", "public-benefit", "trend"] as const;

const m = messages.statsPage;

/** The page's dates (the baseline date setting when none is asked for); on a bad value, the defaults and the message. */
function pageDates(c: Context, today: string, db: AppDeps["db"]): { date: string; baseline: string; error?: string } {
  const query = { date: c.req.query("date") || undefined, baseline: c.req.query("baseline") || undefined };
  const defaultBaseline = currentSettings(db).baselineDate;
  const parsed = employmentQuerySchema(today, defaultBaseline).safeParse(query);
  if (parsed.success) return { date: parsed.data.date, baseline: parsed.data.baseline };
  return { date: today, baseline: defaultBaseline, error: statsQueryMessage(parsed.error) };
}

export const StatsPeopleQuerySchema = z.object({
  figure: z.enum(PEOPLE_FIGURES, { message: m.badFigure }),
  by: z.enum(EMPLOYMENT_BREAKDOWNS, { message: messages.stats.badBreakdown }).optional(),
  key: optionalTextSchema("filter", "key").transform((v) => v ?? undefined),
  employer: optionalTextSchema("filter", "employer").transform((v) => v ?? undefined),
  offset: z.coerce.number().int().min(0).max(10_000_000).catch(0).default(0),
});

export function bureauStats(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/", async (c) => {
    const scope = statsScopeOf(c, deps);
    const { date, baseline, error } = pageDates(c, deps.today(), deps.db);
    const { kept, asOf, ...figures } = await statsPageView(deps, { date, baseline, town: scope.town });
    // The figures' HTML is rendered once per snapshot, date, baseline and town; the shell (the
    // viewer's navigation and CSRF token) around it each time.
    const allWorkshops = c.req.query("workshops") === "all";
    const figuresHtml = await statsFiguresHtml(kept, { date, baseline, town: scope.town, allWorkshops, ...figures });
    return c.html(<StatsPage date={date} baseline={baseline} town={scope.town} error={error} asOf={asOf} figuresHtml={figuresHtml} />, error ? 400 : 200);
  });

  app.get("/tables/:table", async (c) => {
    const table = z.enum(STATS_TABLES).safeParse(c.req.param("table"));
    if (!table.success) return c.notFound();
    const scope = statsScopeOf(c, deps);
    const { date, baseline, error } = pageDates(c, deps.today(), deps.db);
    if (error) return c.text(error, 400);
    const format = DownloadFormatSchema.parse(c.req.query("format")) ?? "xlsx";
    const town = scope.town !== undefined ? { town: scope.town } : {};
    const name = `${m.title}-${table.data}-${date}`;
    const { columns } = await deps.statistics.current();
    switch (table.data) {
      case "town":
      case "platform":
      case "category": {
        const rows = employmentColumns(columns, { date, baseline, by: table.data, ...town });
        return tableDownload(c, {
          name,
          format,
          headers: [m.key[table.data]!, m.labourForce, m.employed, `${m.employedBaseline}（${baseline}）`, m.change],
          rows: rows.map((r) => [r.key === TOTAL_KEY ? m.total : r.key, r.labour_force, r.employed, r.employed_baseline, r.employed - r.employed_baseline]),
        });
      }
      case "workshops":
        return tableDownload(c, {
          name,
          format,
          headers: [m.workshopCode, m.workshopName, m.workshopType, m.workshopEmployed, m.workshopAssisted],
          textColumns: [m.workshopCode],
          rows: workshopColumns(columns, { date, ...town }).rows.map((w) => [w.code, w.name, w.type, w.employed, w.employed_assisted]),
        });
      case "public-benefit": {
        const p = publicBenefitColumns(columns, { date, ...town });
        return tableDownload(c, { name, format, headers: [m.date, m.postsOffered, m.postsPeople], rows: [[date, p.posts_offered, p.people]] });
      }
      case "trend":
        return tableDownload(c, {
          name,
          format,
          headers: [m.month, m.monthEnd, m.labourForce, m.employed],
          rows: trendColumns(columns, { date, ...town }).rows.map((p) => [p.month, p.date, p.labour_force, p.employed]),
        });
    }
  });

  app.get("/people", (c) => {
    const scope = statsScopeOf(c, deps, true);
    const parsed = StatsPeopleQuerySchema.safeParse(c.req.query());
    const dates = dateQuerySchema(deps.today()).safeParse({ date: c.req.query("date") || undefined });
    if (!parsed.success || !dates.success) return c.notFound();
    const q = parsed.data;
    const date = dates.data.date;
    const { rows, total } = peopleView(deps, {
      query: { figure: q.figure, date, by: q.key !== undefined ? q.by : undefined, key: q.by !== undefined ? q.key : undefined, employer: q.employer, town: scope.town },
      page: { limit: STATS_PEOPLE_PAGE_SIZE, offset: q.offset },
    });
    return c.html(
      <StatsPeoplePage
        heading={m.figureAt(m.figures[q.figure]!, date, q.by && q.key ? q.key : q.employer)}
        total={total}
        rows={rows}
        {...pagerLinks(
          "/bureau/stats/people",
          { figure: q.figure, date, by: q.by && q.key ? q.by : undefined, key: q.by && q.key ? q.key : undefined, employer: q.employer },
          { offset: q.offset, limit: STATS_PEOPLE_PAGE_SIZE, hasMore: q.offset + STATS_PEOPLE_PAGE_SIZE < total },
        )}
      />,
    );
  });

  return app;
}
