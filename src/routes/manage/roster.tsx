/**
 * A manager's roster (在岗名单): the list, adding someone hired at the gate, one line with its
 * departure and correction forms, and the monthly export (.xlsx). Phones follow the policy; ID
 * numbers never appear. Another employer's line answers 404.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { CorrectionInputSchema, DepartureInputSchema, GateHireInputSchema, parseWithDates } from "../../core/hire-rules.ts";
import { actorOf, authorize, authorOf } from "../../http/guards.tsx";
import { departureRecorder, placementCorrector, rosterAdder } from "../../use-cases/manage-roster.ts";
import { refusedHiresView, rosterEmployer, rosterLineView, rosterView } from "../../use-cases/manage-roster-view.ts";
import { pendingHireWithdrawer } from "../../use-cases/pending-hire-closing.ts";
import { optionalTextSchema } from "../../core/text-fields.ts";
import { rosterMonthProblem } from "../../core/roster.ts";
import { monthlyRosterWorkbook } from "../../use-cases/roster-export.ts";
import type { AppDeps } from "../../app-deps.ts";
import { RosterLinePage, RosterPage } from "../../../views/pages/manage/roster.tsx";
import { messages } from "../../../views/messages.ts";
import { fieldMessages } from "../../../views/problems.ts";
import { managedEmployerId, noticeOf, withNotice } from "./manager-context.ts";

export const RosterLineSchema = z.object({ kind: z.enum(["placement", "pending"]), id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
/** Withdrawing one's own pending hire (撤销录用): a reason may be given. */
export const WithdrawInputSchema = z.object({ withdrawReason: optionalTextSchema("hireClosingReason", messages.pendingClosing.reasonTooLong).transform((v) => v ?? "") });
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, messages.workshop.badMonth);

function strings(body: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, typeof body[k] === "string" ? (body[k] as string) : ""]));
}

export function manageRoster(deps: AppDeps): Hono {
  const app = new Hono();

  const rosterPage = (c: Context, employerId: number, extra: { values?: Record<string, string>; errors?: Record<string, string> } = {}, status: 200 | 400 = 200) => {
    const entries = rosterView(deps, { employerId, actor: actorOf(c), today: deps.today() });
    const day = deps.today();
    const refused = refusedHiresView(deps, { employerId });
    return c.html(<RosterPage entries={entries} refused={refused} today={day} month={day.slice(0, 7)} notice={noticeOf(c)} {...extra} />, status);
  };

  const employerTown = (employerId: number) => rosterEmployer(deps, employerId).townId;

  /** The roster line of the URL, authorised for `action` (404 when missing or another's). */
  const loadLine = (c: Context, action: "read" | "update") => {
    const ref = RosterLineSchema.safeParse({ kind: c.req.param("kind"), id: c.req.param("id") });
    const line = ref.success ? rosterLineView(deps, { ref: ref.data, actor: actorOf(c), today: deps.today() }) : undefined;
    if (!line) return undefined;
    authorize(c, action, line.resource);
    return line;
  };

  app.get("/", (c) => rosterPage(c, managedEmployerId(c)));

  app.post("/", async (c) => {
    const employerId = managedEmployerId(c);
    authorize(c, "create", { type: "placement", employerId, townId: employerTown(employerId) });
    const values = strings(await c.req.parseBody(), ["name", "phone", "startDate", "monthlyIncome"]);
    const parsed = parseWithDates(GateHireInputSchema, values, { today: deps.today() });
    if (!parsed.ok) return rosterPage(c, employerId, { values, errors: fieldMessages(parsed.errors) }, 400);
    const added = rosterAdder(deps, { employerId, input: parsed.value, by: authorOf(c), now: deps.now() });
    if (!added) return rosterPage(c, employerId, { values, errors: { form: messages.workshop.errors.alreadyOnRoster } }, 400);
    return c.redirect(withNotice("/manage/roster", "added"), 303);
  });

  app.get("/export", async (c) => {
    const employerId = managedEmployerId(c);
    authorize(c, "read", { type: "placement", employerId, townId: employerTown(employerId) });
    const month = MonthSchema.safeParse(c.req.query("month") ?? deps.today().slice(0, 7));
    if (!month.success) return rosterPage(c, employerId, { errors: { form: messages.workshop.badMonth } }, 400);
    // A month that has not begun has no roster (everyone would show as working).
    if (rosterMonthProblem(month.data, deps.today()) === "future") return rosterPage(c, employerId, { errors: { form: messages.rosterExport.futureMonth } }, 400);
    const employerName = rosterEmployer(deps, employerId).name;
    const bytes = await monthlyRosterWorkbook(deps, { employerId, employerName, month: month.data, actor: actorOf(c), today: deps.today() });
    c.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    c.header("Content-Disposition", `attachment; filename="roster-${month.data}.xlsx"; filename*=UTF-8''${encodeURIComponent(`花名册-${month.data}.xlsx`)}`);
    c.header("Cache-Control", "no-store");
    return c.body(new Uint8Array(bytes));
  });

  app.get("/:kind/:id", (c) => {
    const line = loadLine(c, "read");
    if (!line) return c.notFound();
    return c.html(<RosterLinePage entry={line.entry} today={deps.today()} history={line.history} />);
  });

  app.post("/:kind/:id/departure", async (c) => {
    const line = loadLine(c, "update");
    if (!line) return c.notFound();
    const values = strings(await c.req.parseBody(), ["endDate", "reason"]);
    const parsed = parseWithDates(DepartureInputSchema, values, { today: deps.today(), startDate: line.owner.startDate });
    // A line that has ended already (or ends before its start) takes no departure.
    const recorded = parsed.ok ? departureRecorder(deps, { line: line.ref, input: parsed.value, by: authorOf(c), now: deps.now() }) : undefined;
    if (!parsed.ok || !recorded?.ok) {
      const errors = fieldMessages(parsed.ok ? { endDate: "endBeforeStart" } : parsed.errors);
      return c.html(<RosterLinePage entry={line.entry} today={deps.today()} values={values} errors={errors} form="departure" history={line.history} />, 400);
    }
    return c.redirect(withNotice("/manage/roster", "departed"), 303);
  });

  app.post("/:kind/:id/withdraw", async (c) => {
    const line = loadLine(c, "update");
    if (!line || line.ref.kind !== "pending") return c.notFound();
    const values = strings(await c.req.parseBody(), ["withdrawReason"]);
    const input = WithdrawInputSchema.safeParse(values);
    const withdrawn = input.success ? pendingHireWithdrawer(deps, { pendingHireId: line.ref.id, employerId: line.owner.employerId, reason: input.data.withdrawReason, by: authorOf(c), now: deps.now() }) : undefined;
    if (!input.success || !withdrawn?.ok) {
      const errors = { withdrawReason: input.success ? messages.confirmations.gone : (input.error.issues[0]?.message ?? messages.pendingClosing.reasonTooLong) };
      return c.html(<RosterLinePage entry={line.entry} today={deps.today()} values={values} errors={errors} form="withdraw" history={line.history} />, 400);
    }
    return c.redirect(withNotice("/manage/roster", "withdrawn"), 303);
  });

  app.post("/:kind/:id/correction", async (c) => {
    const line = loadLine(c, "update");
    if (!line) return c.notFound();
    const values = strings(await c.req.parseBody(), ["startDate", "monthlyIncome", "note"]);
    const parsed = parseWithDates(CorrectionInputSchema, values, { today: deps.today() });
    // A start after the day the line ended is refused by the use-case.
    const corrected = parsed.ok ? placementCorrector(deps, { line: line.ref, input: parsed.value, by: authorOf(c), now: deps.now() }) : undefined;
    if (!parsed.ok || !corrected?.ok) {
      const errors = fieldMessages(parsed.ok ? { startDate: "endBeforeStart" } : parsed.errors);
      return c.html(<RosterLinePage entry={line.entry} today={deps.today()} values={values} errors={errors} form="correction" history={line.history} />, 400);
    }
    return c.redirect(withNotice("/manage/roster", "corrected"), 303);
  });

  return app;
}
