/**
 * 零就业家庭 for county staff and town cadres: the list to work through at a date, filtered by
 * town (a cadre sees their own town only), each household linking to its page; .xlsx/.csv too.
 */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { dateQuerySchema } from "../../core/stats/query.ts";
import { DownloadFormatSchema, tableDownload } from "../../http/table-download.ts";
import { zeroEmploymentView } from "../../use-cases/stats-view.ts";
import { ZeroEmploymentPage } from "../../../views/pages/bureau/zero-employment.tsx";
import { messages } from "../../../views/messages.ts";
import { statsQueryMessage } from "../../../views/problems.ts";
import { statsScopeOf } from "./stats-scope.ts";

const m = messages.zeroEmployment;

export function bureauZeroEmployment(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/", async (c) => {
    const scope = statsScopeOf(c, deps, true);
    const today = deps.today();
    const parsed = dateQuerySchema(today).safeParse({ date: c.req.query("date") || undefined });
    const date = parsed.success ? parsed.data.date : today;
    let error = parsed.success ? undefined : statsQueryMessage(parsed.error);
    // County staff may narrow to one town; a cadre's scope is their town whatever is asked.
    const { towns, town, unknownTown, households } = await zeroEmploymentView(deps, { scopeTown: scope.town, askedTown: c.req.query("town") || undefined, date });
    if (unknownTown) error = m.unknownTown;

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
