/**
 * 稳岗情况 (issue 13) beside the statistics pages, for county staff and town cadres (a cadre's
 * figures and lists narrowed to their town, stats-scope.ts): /bureau/stats/retention (chart,
 * table, download with `?format=xlsx|csv`) and /bureau/stats/retention/people (the placements
 * behind a number). Mounted by the bureau area (index.ts) ahead of /stats.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { retentionQuerySchema } from "../../core/stats/retention-query.ts";
import { defaultRetentionRange, type RetentionQuery } from "../../core/stats/retention.ts";
import { optionalTextSchema } from "../../core/text-fields.ts";
import { pagerLinks } from "../../http/pager-links.ts";
import { DownloadFormatSchema, tableDownload } from "../../http/table-download.ts";
import { RETENTION_MEASURES, retentionPeopleView, retentionView } from "../../use-cases/retention-view.ts";
import { RETENTION_PATH, RetentionPage, RetentionPeoplePage, retentionTable, rowLabel } from "../../../views/pages/bureau/stats-retention.tsx";
import { messages } from "../../../views/messages.ts";
import { retentionQueryMessage } from "../../../views/retention-text.ts";
import { statsScopeOf } from "./stats-scope.ts";

const m = messages.retention;
export const RETENTION_PEOPLE_PAGE_SIZE = 50;

const PeopleQuerySchema = z.object({
  key: optionalTextSchema("filter", "key").transform((v) => v ?? undefined),
  measure: z.enum(RETENTION_MEASURES).catch("started"),
  offset: z.coerce.number().int().min(0).max(10_000_000).catch(0).default(0),
});

/** The page's query from the address; on a bad value, the defaults and the message. */
function pageQuery(c: Context, today: string): { query: RetentionQuery; error?: string } {
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([name, v]) => v !== "" && name !== "format" && name !== "key" && name !== "measure" && name !== "offset"));
  const parsed = retentionQuerySchema(today).safeParse(raw);
  if (parsed.success) return { query: parsed.data };
  return { query: { date: today, ...defaultRetentionRange(today), by: "month", assisted: false }, error: retentionQueryMessage(parsed.error) };
}

export function bureauStatsRetention(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/", async (c) => {
    const scope = statsScopeOf(c, deps);
    const { query, error } = pageQuery(c, deps.today());
    const { rows, asOf } = error ? { rows: [], asOf: undefined } : await retentionView(deps, { ...query, town: scope.town });
    const format = DownloadFormatSchema.parse(c.req.query("format"));
    if (format && !error) {
      const table = retentionTable(query.by, rows);
      const name = `${m.title}-${m.byOptions[query.by]}-${query.from}-${query.to}${query.assisted ? "-帮扶对象" : ""}`;
      return tableDownload(c, { name, format, headers: table.headers, rows: table.rows, textColumns: [m.key[query.by]] });
    }
    return c.html(<RetentionPage query={query} rows={rows} town={scope.town} error={error} asOf={asOf} />, error ? 400 : 200);
  });

  app.get("/people", (c) => {
    const scope = statsScopeOf(c, deps, true);
    const { query, error } = pageQuery(c, deps.today());
    const people = PeopleQuerySchema.safeParse(c.req.query());
    if (error || !people.success) return c.notFound();
    const p = people.data;
    const { rows, total, to } = retentionPeopleView(deps, {
      query: { ...query, town: scope.town, key: p.key, measure: p.measure },
      page: { limit: RETENTION_PEOPLE_PAGE_SIZE, offset: p.offset },
    });
    const params = { date: query.date, from: query.from, to: query.to, by: query.by, assisted: query.assisted ? "1" : undefined };
    const keyLabel = p.key === undefined ? m.total : rowLabel(query.by, { key: p.key });
    return c.html(
      <RetentionPeoplePage
        heading={m.peopleHeading(keyLabel, query.from, to, m.measures[p.measure])}
        total={total}
        rows={rows}
        backHref={`${RETENTION_PATH}?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString()}`}
        {...pagerLinks(`${RETENTION_PATH}/people`, { ...params, key: p.key, measure: p.measure }, { offset: p.offset, limit: RETENTION_PEOPLE_PAGE_SIZE, hasMore: p.offset + RETENTION_PEOPLE_PAGE_SIZE < total })}
      />,
    );
  });

  return app;
}
