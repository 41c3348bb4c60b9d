/**
 * 补贴统计 for county staff (issue 12), beside the statistics pages: amounts computed, approved and
 * paid, and people covered, by policy, town or period — chart, table, download (`?format=xlsx|csv`)
 * and the lines behind each number (/bureau/stats/subsidies/people), with what is still
 * unconfirmed. Mounted at /bureau/stats/subsidies by the bureau area (index.ts), ahead of /stats.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { FIGURE_BREAKDOWNS, FIGURE_MEASURES } from "../../core/subsidies/figures.ts";
import { COUNTY_STAFF_ROLES } from "../../core/policy.ts";
import { requireRole } from "../../http/guards.tsx";
import { pagerLinks } from "../../http/pager-links.ts";
import { DownloadFormatSchema, tableDownload } from "../../http/table-download.ts";
import { subsidyFigurePeople, subsidyFiguresView } from "../../use-cases/subsidy-figures-view.ts";
import { figuresTable, SUBSIDY_FIGURES_PATH, SubsidyFigurePeoplePage, SubsidyFiguresPage } from "../../../views/pages/bureau/stats-subsidies.tsx";
import { messages } from "../../../views/messages.ts";

const m = messages.subsidyFigures;
const PAGE_SIZE = 100;

const FiguresQuerySchema = z.object({
  by: z.enum(FIGURE_BREAKDOWNS).catch("policy"),
  policy: z.string().trim().max(100).optional(),
});

const PeopleQuerySchema = FiguresQuerySchema.extend({
  key: z.string().max(200).optional(),
  measure: z.enum(FIGURE_MEASURES).catch("computed"),
  offset: z.coerce.number().int().min(0).max(10_000_000).catch(0),
});

export function bureauStatsSubsidies(deps: AppDeps): Hono {
  const app = new Hono();
  app.use("*", requireRole(...COUNTY_STAFF_ROLES));

  app.get("/", async (c) => {
    const q = FiguresQuerySchema.parse({ by: c.req.query("by") || "policy", policy: c.req.query("policy") || undefined });
    const view = subsidyFiguresView(deps, { by: q.by, policyCode: q.policy });
    const unknown = view.unknownPolicy;
    const format = DownloadFormatSchema.parse(c.req.query("format"));
    if (format && !unknown) {
      const table = figuresTable(q.by, view.rows);
      return tableDownload(c, { name: `${m.title}-${m.byOptions[q.by]}`, format, headers: table.headers, rows: table.rows });
    }
    return c.html(
      <SubsidyFiguresPage by={q.by} policy={unknown ? undefined : q.policy} policies={view.policies} rows={view.rows} unconfirmed={view.unconfirmed} error={unknown ? m.unknownPolicy : undefined} />,
      unknown ? 400 : 200,
    );
  });

  app.get("/people", (c) => {
    const q = PeopleQuerySchema.parse({
      by: c.req.query("by") || "policy",
      policy: c.req.query("policy") || undefined,
      key: c.req.query("key") ?? undefined,
      measure: c.req.query("measure"),
      offset: c.req.query("offset"),
    });
    const { rows, total } = subsidyFigurePeople(deps, { by: q.by, key: q.key, measure: q.measure, policyCode: q.policy, limit: PAGE_SIZE, offset: q.offset });
    const links = pagerLinks(
      `${SUBSIDY_FIGURES_PATH}/people`,
      { by: q.by, key: q.key, measure: q.measure, policy: q.policy },
      { offset: q.offset, limit: PAGE_SIZE, hasMore: q.offset + PAGE_SIZE < total },
    );
    return c.html(<SubsidyFigurePeoplePage measure={q.measure} keyLabel={q.key ?? m.total} rows={rows} total={total} {...links} />);
  });

  return app;
}
