/**
 * 零就业家庭 for county staff and town cadres: the list to work through at a date, filtered by
 * town (a cadre sees their own town only), each household linking to its page; .xlsx/.csv too.
 */
import { Hono } from "hono";
import { allTowns } from "../../../db/queries/towns.ts";
import type { AppDeps } from "../../app-deps.ts";
import { chinaDate } from "../../core/china-time.ts";
import { zeroEmploymentColumns } from "../../core/stats/columns.ts";
import { dateQuerySchema } from "../../core/stats/query.ts";
import { requireRole } from "../../http/guards.tsx";
import { DownloadFormatSchema, tableDownload } from "../../http/table-download.ts";
import { ZeroEmploymentPage } from "../../../views/pages/bureau/zero-employment.tsx";
import { messages } from "../../../views/messages.ts";
import { statsQueryMessage } from "../../../views/problems.ts";
import { statsScopeOf } from "./stats-scope.ts";

const m = messages.zeroEmployment;

export function bureauZeroEmployment(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/bureau/zero-employment", requireRole("town", "county", "admin"), async (c) => {
    const scope = statsScopeOf(c, deps, true);
    const today = deps.today();
    const parsed = dateQuerySchema(today).safeParse({ date: c.req.query("date") || undefined });
    const date = parsed.success ? parsed.data.date : today;
    let error = parsed.success ? undefined : statsQueryMessage(parsed.error);
    // County staff may narrow to one town; a cadre's scope is their town whatever is asked.
    const towns = scope.town === undefined ? allTowns(deps.db).map((t) => t.name) : [];
    const asked = c.req.query("town") || undefined;
    if (asked !== undefined && scope.town === undefined && !towns.includes(asked)) error = m.unknownTown;
    const town = scope.town ?? (asked !== undefined && towns.includes(asked) ? asked : undefined);
    const { columns } = await deps.statistics.current();
    const { households } = zeroEmploymentColumns(columns, { date, ...(town !== undefined ? { town } : {}) });

    const format = DownloadFormatSchema.parse(c.req.query("format"));
    if (format && !error) {
      return tableDownload(c, {
        name: `${m.title}-${town ?? ""}${date}`,
        format,
        headers: [m.household, m.town, m.village, m.labourForce],
        textColumns: [m.household],
        rows: households.map((h) => [h.code, h.town, h.village, h.labour_force]),
      });
    }
    const query = new URLSearchParams({ date });
    if (town !== undefined && scope.town === undefined) query.set("town", town);
    return c.html(
      <ZeroEmploymentPage date={date} towns={towns} town={town} error={error} households={households} downloadQuery={query.toString()} />,
      error ? 400 : 200,
    );
  });

  return app;
}
