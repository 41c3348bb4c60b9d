/**
 * Risk alerts for county staff and town cadres: the list (status, kind, town, overdue), one alert
 * with postings that suit the household, and its forms — assign a cadre of the town, add a
 * follow-up note, close with an outcome. A cadre reaches their own town's alerts only (404).
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { ALERT_KINDS, ALERT_OUTCOMES, ALERT_STATUSES } from "../../core/alerts.ts";
import { dateFieldSchema } from "../../core/date-fields.ts";
import { optionalTextSchema, textSchema } from "../../core/text-fields.ts";
import { actorOf, authorize, authorOf } from "../../http/guards.tsx";
import { pagerLinks } from "../../http/pager-links.ts";
import { alertOf, alertPageView, alertsView } from "../../use-cases/alerts-view.ts";
import { alertAssigner, alertCloser, alertNoteWriter } from "../../use-cases/risk-alerts.ts";
import { currentSettings } from "../../use-cases/settings.ts";
import { AlertPage, AlertsPage, type AlertPageProps } from "../../../views/pages/bureau/alerts.tsx";
import { messages } from "../../../views/messages.ts";
import { formProblemText } from "../../../views/problems.ts";

export const ALERTS_PER_PAGE = 50;
const e = messages.alerts.errors;
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const AlertsQuerySchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(ALERT_STATUSES).optional()).catch(undefined),
  kind: z.preprocess(blankToUndefined, z.enum(ALERT_KINDS).optional()).catch(undefined),
  town: optionalTextSchema("townName", "town").transform((v) => v ?? undefined).catch(undefined),
  overdue: z.preprocess((v) => v === "1", z.boolean()),
  mine: z.preprocess((v) => v === "1", z.boolean()),
  offset: z.coerce.number().int().min(0).max(10_000_000).catch(0).default(0),
});
export const AlertIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A follow-up note: the day of the visit (a real date, not in the future: the followUp rule) and what was found. */
export function alertNoteSchema(today: string) {
  return z.object({ date: dateFieldSchema("followUp", today), note: textSchema("alertNote", { required: e.note, tooLong: e.note }) });
}
export const AlertCloseSchema = z.object({ outcome: z.enum(ALERT_OUTCOMES, { message: e.outcome }), note: optionalTextSchema("alertNote", e.note).transform((v) => v ?? undefined) });
export const AlertAssignSchema = z.object({ userId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()) });

export function bureauAlerts(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/", (c) => {
    const q = AlertsQuerySchema.parse(c.req.query());
    const { rows, hasMore, towns, town, overdueDays } = alertsView(deps, {
      actor: actorOf(c),
      filter: { status: q.status, kind: q.kind, town: q.town, overdue: q.overdue, mine: q.mine },
      today: deps.today(),
      page: { limit: ALERTS_PER_PAGE, offset: q.offset },
    });
    return c.html(
      <AlertsPage
        rows={rows}
        overdueDays={overdueDays}
        filter={{ status: q.status, kind: q.kind, town, overdue: q.overdue, mine: q.mine }}
        towns={towns}
        {...pagerLinks("/bureau/alerts", { status: q.status, kind: q.kind, town, overdue: q.overdue ? "1" : undefined, mine: q.mine ? "1" : undefined }, { offset: q.offset, limit: ALERTS_PER_PAGE, hasMore })}
      />,
    );
  });

  /** The alert of the path after the policy's say (404 for another town's), or undefined. */
  const loadAlert = (c: Context, action: "read" | "update") => {
    const id = AlertIdSchema.safeParse(c.req.param("id"));
    const found = id.success ? alertOf(deps, id.data) : undefined;
    if (!found) return undefined;
    authorize(c, action, found.resource);
    return found.alert;
  };

  const alertPage = (c: Context, alert: NonNullable<ReturnType<typeof alertOf>>["alert"], refused?: AlertPageProps["refused"]) =>
    c.html(<AlertPage {...alertPageView(deps, { alert, today: deps.today(), actor: actorOf(c) })} refused={refused} />, refused ? 400 : 200);

  app.get("/:id", (c) => {
    const alert = loadAlert(c, "read");
    return alert ? alertPage(c, alert) : c.notFound();
  });

  app.post("/:id/assign", async (c) => {
    const alert = loadAlert(c, "update");
    if (!alert) return c.notFound();
    const values = { userId: String((await c.req.parseBody()).userId ?? "") };
    const parsed = AlertAssignSchema.safeParse(values);
    if (!parsed.success) return alertPage(c, alert, { form: "assign", values, error: e.cadre });
    // Only a cadre of the alert's own town, and only while it is open (the use-case checks).
    const assigned = alertAssigner(deps, { alertId: alert.id, userId: parsed.data.userId ?? null, by: authorOf(c), now: deps.now() });
    if (!assigned.ok) return alertPage(c, alert, { form: "assign", values, error: assigned.problem === "closed" ? e.closed : e.cadre });
    return c.redirect(`/bureau/alerts/${alert.id}`, 303);
  });

  app.post("/:id/notes", async (c) => {
    const alert = loadAlert(c, "update");
    if (!alert) return c.notFound();
    const body = await c.req.parseBody();
    const values = { date: String(body.date ?? "").trim(), note: String(body.note ?? "") };
    const parsed = alertNoteSchema(deps.today()).safeParse(values);
    if (!parsed.success) return alertPage(c, alert, { form: "note", values, error: formProblemText(parsed.error.issues[0]!.message) });
    alertNoteWriter(deps, { alertId: alert.id, note: parsed.data.note, date: parsed.data.date, by: authorOf(c), now: deps.now() });
    return c.redirect(`/bureau/alerts/${alert.id}#notes`, 303);
  });

  app.post("/:id/close", async (c) => {
    const alert = loadAlert(c, "update");
    if (!alert) return c.notFound();
    const body = await c.req.parseBody();
    const values = { outcome: String(body.outcome ?? ""), note: String(body.note ?? "") };
    const parsed = AlertCloseSchema.safeParse(values);
    if (!parsed.success) return alertPage(c, alert, { form: "close", values, error: parsed.error.issues[0]!.message });
    const closed = alertCloser(deps, { alertId: alert.id, outcome: parsed.data.outcome, note: parsed.data.note || null, date: deps.today(), by: authorOf(c), now: deps.now() });
    // Closed already (by someone else meanwhile), or 已就业 with no placement behind it.
    if (!closed.ok) return alertPage(c, alert, { form: "close", values, error: closed.problem === "noPlacement" ? messages.alertFollowUp.noPlacement : e.closed });
    return c.redirect(`/bureau/alerts/${alert.id}`, 303);
  });

  return app;
}
