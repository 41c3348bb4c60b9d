/**
 * Risk alerts for county staff and town cadres: the list (status, kind, town, overdue), one alert
 * with postings that suit the household, and its forms — assign a cadre of the town, add a
 * follow-up note, close with an outcome. A cadre reaches their own town's alerts only (404).
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { alertById, alertsInScope, cadresOfTown, membersOfHousehold, notesOfAlert, openPostingsNear, riskHousehold, type AlertRow } from "../../../db/queries/alerts.ts";
import { allTowns, townIdByName } from "../../../db/queries/towns.ts";
import type { AppDeps } from "../../app-deps.ts";
import { ALERT_KINDS, ALERT_OUTCOMES, ALERT_STATUSES, isOverdue, overdueRaisedUntil, type AlertDetail } from "../../core/alerts.ts";
import { chinaDate } from "../../core/china-time.ts";
import { suitablePostings } from "../../core/matching.ts";
import { actorOf, authorize, authorOf, requireRole } from "../../http/guards.tsx";
import { listScope } from "../../core/policy.ts";
import { alertAssigner, alertCloser, alertNoteWriter } from "../../use-cases/risk-alerts.ts";
import { currentSettings } from "../../use-cases/settings.ts";
import { AlertPage, AlertsPage, type AlertPageProps } from "../../../views/pages/bureau/alerts.tsx";
import { messages } from "../../../views/messages.ts";

export const ALERTS_PER_PAGE = 50;
const e = messages.alerts.errors;
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const AlertsQuerySchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(ALERT_STATUSES).optional()).catch(undefined),
  kind: z.preprocess(blankToUndefined, z.enum(ALERT_KINDS).optional()).catch(undefined),
  town: z.preprocess(blankToUndefined, z.string().trim().max(50).optional()).catch(undefined),
  overdue: z.preprocess((v) => v === "1", z.boolean()),
  offset: z.coerce.number().int().min(0).max(10_000_000).catch(0).default(0),
});
export const AlertIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const IsoDate = z.string({ message: e.date }).regex(/^\d{4}-\d{2}-\d{2}$/, e.date);
export const AlertNoteSchema = z.object({ date: IsoDate, note: z.string({ message: e.note }).trim().min(1, e.note).max(500, e.note) });
export const AlertCloseSchema = z.object({ outcome: z.enum(ALERT_OUTCOMES, { message: e.outcome }), note: z.string().trim().max(500, e.note).optional() });
export const AlertAssignSchema = z.object({ userId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()) });

const assignedLabel = (r: Pick<AlertRow, "assignedLogin" | "assignedName">) => (r.assignedLogin ? (r.assignedName ?? r.assignedLogin) : null);

export function bureauAlerts(deps: AppDeps): Hono {
  const app = new Hono();
  const staff = requireRole("town", "county", "admin");

  app.get("/bureau/alerts", staff, (c) => {
    const q = AlertsQuerySchema.parse(c.req.query());
    const scope = listScope(actorOf(c), "alert");
    const towns = scope.kind === "all" ? allTowns(deps.db).map((t) => t.name) : [];
    const townId = scope.kind === "all" && q.town ? (townIdByName(deps.db, q.town) ?? -1) : undefined;
    const now = deps.today();
    const overdueDays = currentSettings(deps.db).alertOverdueDays;
    const overdueCutoff = overdueRaisedUntil(now, overdueDays);
    const { rows, hasMore } = alertsInScope(
      deps.db,
      scope,
      { status: q.status, kind: q.kind, townId, unactedSince: q.overdue ? overdueCutoff : undefined },
      { limit: ALERTS_PER_PAGE, offset: q.offset },
    );
    const href = (offset: number) => {
      const params = new URLSearchParams();
      if (q.status) params.set("status", q.status);
      if (q.kind) params.set("kind", q.kind);
      if (q.town && towns.length > 0) params.set("town", q.town);
      if (q.overdue) params.set("overdue", "1");
      if (offset > 0) params.set("offset", String(offset));
      const qs = params.toString();
      return qs ? `/bureau/alerts?${qs}` : "/bureau/alerts";
    };
    return c.html(
      <AlertsPage
        rows={rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          status: r.status,
          town: r.town,
          householdCode: r.householdCode,
          village: r.village,
          raisedDate: r.raisedDate,
          assigned: assignedLabel(r),
          overdue: isOverdue(r, now, overdueDays),
        }))}
        overdueDays={overdueDays}
        filter={{ status: q.status, kind: q.kind, town: towns.length > 0 ? q.town : undefined, overdue: q.overdue }}
        towns={towns}
        previousHref={q.offset > 0 ? href(Math.max(0, q.offset - ALERTS_PER_PAGE)) : undefined}
        nextHref={hasMore ? href(q.offset + ALERTS_PER_PAGE) : undefined}
      />,
    );
  });

  /** The alert of the path after the policy's say (404 for another town's), or undefined. */
  const loadAlert = (c: Context, action: "read" | "update") => {
    const id = AlertIdSchema.safeParse(c.req.param("id"));
    const alert = id.success ? alertById(deps.db, id.data) : undefined;
    if (!alert) return undefined;
    authorize(c, action, { type: "alert", townId: alert.townId });
    return alert;
  };

  const alertPage = (c: Context, alert: AlertRow, refused?: AlertPageProps["refused"]) => {
    const now = deps.today();
    const household = riskHousehold(deps.db, alert.householdId)!;
    const detail = alert.detail as AlertDetail;
    const seekerIds = new Set(detail.kind === "zero-employment" ? detail.jobSeekers : household.members.filter((m) => m.willingToWork).map((m) => m.id));
    const seekers = household.members.filter((m) => seekerIds.has(m.id));
    const overdueDays = currentSettings(deps.db).alertOverdueDays;
    const suggestions = seekers.length > 0 ? suitablePostings(seekers, openPostingsNear(deps.db, seekers[0]!), now) : [];
    return c.html(
      <AlertPage
        alert={{
          id: alert.id,
          kind: alert.kind,
          status: alert.status,
          detail,
          town: alert.town,
          village: alert.village,
          householdCode: alert.householdCode,
          category: alert.category,
          raisedDate: alert.raisedDate,
          assignedUserId: alert.assignedUserId,
          assigned: assignedLabel(alert),
          closedDate: alert.closedDate,
          outcome: alert.outcome,
          outcomeNote: alert.outcomeNote,
          overdue: isOverdue(alert, now, overdueDays),
        }}
        overdueDays={overdueDays}
        members={membersOfHousehold(deps.db, alert.householdId)}
        suggestions={suggestions}
        cadres={cadresOfTown(deps.db, alert.townId).map((u) => ({ id: u.id, label: u.displayName ?? u.login }))}
        notes={notesOfAlert(deps.db, alert.id)}
        today={now}
        refused={refused}
      />,
      refused ? 400 : 200,
    );
  };

  app.get("/bureau/alerts/:id", staff, (c) => {
    const alert = loadAlert(c, "read");
    return alert ? alertPage(c, alert) : c.notFound();
  });

  app.post("/bureau/alerts/:id/assign", staff, async (c) => {
    const alert = loadAlert(c, "update");
    if (!alert) return c.notFound();
    const values = { userId: String((await c.req.parseBody()).userId ?? "") };
    const parsed = AlertAssignSchema.safeParse(values);
    const cadres = cadresOfTown(deps.db, alert.townId);
    const userId = parsed.success ? (parsed.data.userId ?? null) : undefined;
    if (userId === undefined || (userId !== null && !cadres.some((u) => u.id === userId))) {
      return alertPage(c, alert, { form: "assign", values, error: e.cadre });
    }
    if (alert.status !== "open") return alertPage(c, alert, { form: "assign", values, error: e.closed });
    alertAssigner(deps, { alertId: alert.id, userId, by: authorOf(c), now: deps.now() });
    return c.redirect(`/bureau/alerts/${alert.id}`, 303);
  });

  app.post("/bureau/alerts/:id/notes", staff, async (c) => {
    const alert = loadAlert(c, "update");
    if (!alert) return c.notFound();
    const body = await c.req.parseBody();
    const values = { date: String(body.date ?? "").trim(), note: String(body.note ?? "") };
    const parsed = AlertNoteSchema.safeParse(values);
    if (!parsed.success) return alertPage(c, alert, { form: "note", values, error: parsed.error.issues[0]!.message });
    alertNoteWriter(deps, { alertId: alert.id, note: parsed.data.note, date: parsed.data.date, by: authorOf(c), now: deps.now() });
    return c.redirect(`/bureau/alerts/${alert.id}#notes`, 303);
  });

  app.post("/bureau/alerts/:id/close", staff, async (c) => {
    const alert = loadAlert(c, "update");
    if (!alert) return c.notFound();
    const body = await c.req.parseBody();
    const values = { outcome: String(body.outcome ?? ""), note: String(body.note ?? "") };
    const parsed = AlertCloseSchema.safeParse(values);
    if (!parsed.success) return alertPage(c, alert, { form: "close", values, error: parsed.error.issues[0]!.message });
    if (alert.status !== "open") return alertPage(c, alert, { form: "close", values, error: e.closed });
    alertCloser(deps, { alertId: alert.id, outcome: parsed.data.outcome, note: parsed.data.note || null, date: deps.today(), by: authorOf(c), now: deps.now() });
    return c.redirect(`/bureau/alerts/${alert.id}`, 303);
  });

  return app;
}
