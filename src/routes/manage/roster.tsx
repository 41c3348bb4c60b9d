/**
 * A manager's roster (在岗名单): the list, adding someone hired at the gate, one line with its
 * departure and correction forms, and the monthly export (.xlsx). Phones follow the policy; ID
 * numbers never appear. Another employer's line answers 404.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { employerProfile, revisionsOfPlacement, rosterRows, type RosterRow } from "../../../db/queries/workshop.ts";
import { chinaDate } from "../../core/china-time.ts";
import { CorrectionInputSchema, DepartureInputSchema, GateHireInputSchema, parseWithDates } from "../../core/hire-rules.ts";
import type { Actor } from "../../core/policy.ts";
import { actorOf, authorize, authorOf, requireRole } from "../../http/guards.tsx";
import { departureRecorder, placementCorrector, rosterAdder, rosterLineOwner, type RosterLineRef } from "../../use-cases/manage-roster.ts";
import { monthlyRosterWorkbook, rosterPhone } from "../../use-cases/roster-export.ts";
import type { AppDeps } from "../../app-deps.ts";
import { RosterLinePage, RosterPage, type RosterEntry } from "../../../views/pages/manage/roster.tsx";
import { messages } from "../../../views/messages.ts";
import { fieldMessages } from "../../../views/problems.ts";
import { managedEmployerId, noticeOf, withNotice } from "./manager-context.ts";

export const RosterLineSchema = z.object({ kind: z.enum(["placement", "pending"]), id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, messages.workshop.badMonth);

function toEntry(actor: Actor, employerId: number, r: RosterRow): RosterEntry {
  return {
    kind: r.kind,
    id: r.id,
    workerName: r.name,
    phone: rosterPhone(actor, employerId, r),
    village: r.village,
    startDate: r.startDate,
    endDate: r.endDate,
    endReason: r.endReason,
    monthlyIncome: r.monthlyIncome,
    assisted: r.assisted,
    needsConfirmation: r.needsConfirmation,
  };
}

function strings(body: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, typeof body[k] === "string" ? (body[k] as string) : ""]));
}

export function manageRoster(deps: AppDeps): Hono {
  const app = new Hono();

  const rosterPage = (c: Context, employerId: number, extra: { values?: Record<string, string>; errors?: Record<string, string> } = {}, status: 200 | 400 = 200) => {
    const actor = actorOf(c);
    const entries = rosterRows(deps.db, employerId, null, null).map((r) => toEntry(actor, employerId, r));
    const day = deps.today();
    return c.html(<RosterPage entries={entries} today={day} month={day.slice(0, 7)} notice={noticeOf(c)} {...extra} />, status);
  };

  const employerTown = (employerId: number) => employerProfile(deps.db, employerId)?.employer.townId ?? -1;

  /** The roster line of the URL, authorised for `action` (404 when missing or another's). */
  const loadLine = (c: Context, action: "read" | "update") => {
    const ref = RosterLineSchema.safeParse({ kind: c.req.param("kind"), id: c.req.param("id") });
    if (!ref.success) return undefined;
    const owner = rosterLineOwner(deps, ref.data);
    if (!owner) return undefined;
    const row = rosterRows(deps.db, owner.employerId, null, null).find((r) => r.kind === ref.data.kind && r.id === ref.data.id);
    if (!row) return undefined;
    // A pending hire's own town is unknown until the bureau confirms them: the employer's stands in.
    authorize(c, action, { type: "placement", employerId: owner.employerId, townId: row.townId ?? employerTown(owner.employerId) });
    const history =
      ref.data.kind === "placement"
        ? revisionsOfPlacement(deps.db, ref.data.id).map((r) => {
            const previous = r.previous as { startDate: string; endDate: string | null; monthlyIncome: number | null };
            return { at: chinaDate(new Date(r.createdAt)), reason: r.reason ?? "", startDate: previous.startDate, endDate: previous.endDate, monthlyIncome: previous.monthlyIncome };
          })
        : [];
    return { ref: ref.data as RosterLineRef, owner, entry: toEntry(actorOf(c), owner.employerId, row), history };
  };

  app.get("/manage/roster", requireRole("manager"), (c) => rosterPage(c, managedEmployerId(c)));

  app.post("/manage/roster", requireRole("manager"), async (c) => {
    const employerId = managedEmployerId(c);
    authorize(c, "create", { type: "placement", employerId, townId: employerTown(employerId) });
    const values = strings(await c.req.parseBody(), ["name", "phone", "startDate", "monthlyIncome"]);
    const parsed = parseWithDates(GateHireInputSchema, values, { today: deps.today() });
    if (!parsed.ok) return rosterPage(c, employerId, { values, errors: fieldMessages(parsed.errors) }, 400);
    const added = rosterAdder(deps, { employerId, input: parsed.value, by: authorOf(c), now: deps.now() });
    if (!added) return rosterPage(c, employerId, { values, errors: { form: messages.workshop.errors.alreadyOnRoster } }, 400);
    return c.redirect(withNotice("/manage/roster", "added"), 303);
  });

  app.get("/manage/roster/export", requireRole("manager"), async (c) => {
    const employerId = managedEmployerId(c);
    authorize(c, "read", { type: "placement", employerId, townId: employerTown(employerId) });
    const month = MonthSchema.safeParse(c.req.query("month") ?? deps.today().slice(0, 7));
    if (!month.success) return rosterPage(c, employerId, { errors: { form: messages.workshop.badMonth } }, 400);
    const employerName = employerProfile(deps.db, employerId)?.employer.name ?? "";
    const bytes = await monthlyRosterWorkbook(deps, { employerId, employerName, month: month.data, actor: actorOf(c) });
    c.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    c.header("Content-Disposition", `attachment; filename="roster-${month.data}.xlsx"; filename*=UTF-8''${encodeURIComponent(`花名册-${month.data}.xlsx`)}`);
    c.header("Cache-Control", "no-store");
    return c.body(new Uint8Array(bytes));
  });

  app.get("/manage/roster/:kind/:id", requireRole("manager"), (c) => {
    const line = loadLine(c, "read");
    if (!line) return c.notFound();
    return c.html(<RosterLinePage entry={line.entry} today={deps.today()} history={line.history} />);
  });

  app.post("/manage/roster/:kind/:id/departure", requireRole("manager"), async (c) => {
    const line = loadLine(c, "update");
    if (!line) return c.notFound();
    const values = strings(await c.req.parseBody(), ["endDate", "reason"]);
    const parsed = line.owner.endDate !== null ? { ok: false as const, errors: { endDate: "endBeforeStart" as const } } : parseWithDates(DepartureInputSchema, values, { today: deps.today(), startDate: line.owner.startDate });
    if (!parsed.ok) return c.html(<RosterLinePage entry={line.entry} today={deps.today()} values={values} errors={fieldMessages(parsed.errors)} form="departure" history={line.history} />, 400);
    departureRecorder(deps, { line: line.ref, input: parsed.value, by: authorOf(c), now: deps.now() });
    deps.pokeSearch?.();
    return c.redirect(withNotice("/manage/roster", "departed"), 303);
  });

  app.post("/manage/roster/:kind/:id/correction", requireRole("manager"), async (c) => {
    const line = loadLine(c, "update");
    if (!line) return c.notFound();
    const values = strings(await c.req.parseBody(), ["startDate", "monthlyIncome", "note"]);
    const parsed = parseWithDates(CorrectionInputSchema, values, { today: deps.today() });
    const endConflict = parsed.ok && line.owner.endDate !== null && parsed.value.startDate > line.owner.endDate;
    if (!parsed.ok || endConflict) {
      const errors = fieldMessages(parsed.ok ? { startDate: "endBeforeStart" } : parsed.errors);
      return c.html(<RosterLinePage entry={line.entry} today={deps.today()} values={values} errors={errors} form="correction" history={line.history} />, 400);
    }
    placementCorrector(deps, { line: line.ref, input: parsed.value, by: authorOf(c), now: deps.now() });
    deps.pokeSearch?.();
    return c.redirect(withNotice("/manage/roster", "corrected"), 303);
  });

  return app;
}
