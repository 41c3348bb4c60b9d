/**
 * 补贴明细 and its workflow (issue 12): the review list with filters (policy, town, period,
 * stage) and bulk actions, one line's trail with its actions (review, objection, resolution,
 * reversal), notices, payment batches, the payment file and marking a batch paid. County staff
 * act; a town cadre reads their own town's lines; the payment file is the county's alone.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { can, COUNTY_STAFF_ROLES, subsidyTownOf } from "../../core/policy.ts";
import { yuanText } from "../../core/subsidies/ledger.ts";
import { reasonText, BANK_REFERENCE_MAX_LENGTH, OBJECTION_OUTCOMES, WORKFLOW_STAGES } from "../../core/subsidies/workflow.ts";
import { actorOf, authorize, authorOf, currentUser, requireRole } from "../../http/guards.tsx";
import { optionalTextSchema } from "../../core/text-fields.ts";
import { CursorQuerySchema, cursorLinks } from "../../http/cursor-links.ts";
import { currentSettings } from "../../use-cases/settings.ts";
import { subsidyLineTrail, subsidyPolicyChoices } from "../../use-cases/subsidies-view.ts";
import { buildBatch, markBatchPaid, paymentFile, publishNotice, recordObjection, resolveObjection, reverseLine, reviewLines, withdrawLine, type LineSelection } from "../../use-cases/subsidies-workflow.ts";
import { reopenRejectedLine } from "../../use-cases/subsidies-reopen.ts";
import { batchesPage, batchPage, lineWorkflow, noticesPage, reviewListPage, subsidyTownChoices, type WorkflowFilter } from "../../use-cases/subsidy-workflow-view.ts";
import { SubsidyLinePage, SubsidyLinesPage, type LineFilterValues } from "../../../views/pages/bureau/subsidies.tsx";
import { SubsidyBatchesPage, SubsidyBatchPage, SubsidyNoticesPage } from "../../../views/pages/bureau/subsidy-payments.tsx";
import { messages } from "../../../views/messages.ts";

const m = messages.subsidies.page;
const w = messages.subsidyWorkflow;
const PAGE_SIZE = 50;

export const SubsidyLineQuerySchema = z.object({
  policy: optionalTextSchema("filter", m.unknownPolicy).transform((v) => v ?? undefined).optional(),
  town: optionalTextSchema("filter", w.unknownTown).transform((v) => v ?? undefined).optional(),
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, m.badPeriod)
    .optional(),
  /** A stage of the workflow (the ledger's statuses are among them). */
  status: z.enum(WORKFLOW_STAGES as [string, ...string[]]).optional(),
});

const FILTER_KEYS = ["policy", "town", "period", "status"] as const;

export function bureauSubsidies(deps: AppDeps): Hono {
  const app = new Hono();
  const county = requireRole(...COUNTY_STAFF_ROLES);

  /** The filter of a query or a posted form, checked; a cadre's town always applies. */
  function filterOf(c: Context, raw: Record<string, string | undefined>) {
    const parsed = SubsidyLineQuerySchema.safeParse(raw);
    const policies = subsidyPolicyChoices(deps);
    const towns = subsidyTownChoices(deps);
    const query = parsed.success ? parsed.data : {};
    let error = parsed.success ? undefined : parsed.error.issues[0]?.message;
    if (!error && query.policy && !policies.some((p) => p.code === query.policy)) error = m.unknownPolicy;
    const townId = query.town ? towns.find((t) => t.name === query.town)?.id : undefined;
    if (!error && query.town && townId === undefined) error = w.unknownTown;
    const heldTo = subsidyTownOf(actorOf(c));
    const values: LineFilterValues = { policy: query.policy, town: query.town, period: query.period, status: query.status };
    const filter: WorkflowFilter = error
      ? { ...(heldTo !== null ? { townId: heldTo } : {}) }
      : { policyCode: query.policy, period: query.period, stage: query.status as WorkflowFilter["stage"], townId: heldTo ?? townId };
    const cursor = error ? {} : CursorQuerySchema.parse(raw);
    return { policies, towns, values, filter, error, cursor };
  }

  function listPage(c: Context, raw: Record<string, string | undefined>, extra: { notice?: string; error?: string; status?: 200 | 400 | 422 } = {}) {
    const f = filterOf(c, raw);
    const today = deps.today();
    const { rows, total, amountFen, hasNewer, hasOlder } = reviewListPage(deps, f.filter, today, { limit: PAGE_SIZE, ...f.cursor });
    const canAct = can(actorOf(c), "update", { type: "subsidy-line", townId: -1 });
    return c.html(
      <SubsidyLinesPage
        policies={f.policies}
        towns={f.towns}
        filter={f.values}
        error={extra.error ?? f.error}
        notice={extra.notice}
        rows={rows}
        total={total}
        amountFen={amountFen}
        canAct={canAct}
        {...cursorLinks("/bureau/subsidies", { ...f.values }, { firstId: rows[0]?.id, lastId: rows.at(-1)?.id, hasNewer, hasOlder })}
      />,
      extra.status ?? (f.error ? 400 : 200),
    );
  }

  const queryOf = (c: Context) => Object.fromEntries([...FILTER_KEYS, "before", "after"].map((k) => [k, c.req.query(k) || undefined]));
  const backTo = (values: Record<string, string | undefined>, ok: string) => {
    const q = new URLSearchParams();
    for (const k of FILTER_KEYS) if (values[k]) q.set(k, values[k]!);
    q.set("ok", ok);
    return `/bureau/subsidies?${q}`;
  };

  /** A result carried over the redirect: `kind:numbers…` turned back into words. */
  function okText(ok: string | undefined): string | undefined {
    if (!ok) return undefined;
    const [kind, a = "", b = "", d = ""] = ok.split(":");
    if (kind === "reviewed") return w.reviewed(Number(a) || 0, Number(b) || 0);
    if (kind === "published") return w.published(Number(a) || 0, b);
    if (kind === "built") return w.built(a, Number(b) || 0, yuanText(Number(d) || 0));
    return undefined;
  }

  app.get("/", (c) => listPage(c, queryOf(c), { notice: okText(c.req.query("ok")) }));

  app.post("/actions", county, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const one = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : Array.isArray(body[k]) ? String((body[k] as unknown[])[0] ?? "") : undefined);
    const raw = Object.fromEntries(FILTER_KEYS.map((k) => [k, one(k) || undefined]));
    const f = filterOf(c, raw);
    if (f.error) return listPage(c, raw, { status: 400 });
    const ids = ([] as unknown[]).concat(body.ids ?? []).map((x) => Number(x)).filter((n) => Number.isInteger(n) && n > 0);
    const selection: LineSelection = one("scope") === "all" ? { filter: f.filter } : { ids };
    const back = one("back");
    if ("ids" in selection && ids.length === 0) return listPage(c, raw, { error: w.nothingSelected, status: 422 });
    const action = one("action");
    const by = authorOf(c);
    const now = deps.now();
    if (action === "approve" || action === "reject") {
      const reason = reasonText(one("reason"));
      const result = reviewLines(deps, { selection, decision: action, reason, by, now });
      if (result.status === "invalid") {
        if (back) return c.redirect(`/bureau/subsidies/${Number(back)}?error=reason`, 303);
        return listPage(c, raw, { error: w.reasonRequired, status: 422 });
      }
      if (back) return c.redirect(`/bureau/subsidies/${Number(back)}`, 303);
      return c.redirect(backTo(raw, `reviewed:${result.changed.length}:${result.skipped.length}`), 303);
    }
    if (action === "publish") {
      const result = publishNotice(deps, { selection, title: reasonText(one("title")) ?? w.noticeTitleDefault(deps.today()), noticeDays: currentSettings(deps.db).noticeDays, by, now });
      if (result.status === "nothing") return listPage(c, raw, { error: w.nothingToPublish, status: 422 });
      if (result.status === "titleRequired") return listPage(c, raw, { error: w.titleRequired, status: 422 });
      return c.redirect(backTo(raw, `published:${result.lines}:${result.endsOn}`), 303);
    }
    return listPage(c, raw, { error: w.nothingSelected, status: 422 });
  });

  app.get("/notices", county, (c) => c.html(<SubsidyNoticesPage notices={noticesPage(deps)} />));

  app.get("/batches", county, (c) => c.html(<SubsidyBatchesPage batches={batchesPage(deps)} />));

  app.post("/batches", county, async (c) => {
    const body = await c.req.parseBody();
    const raw = Object.fromEntries(FILTER_KEYS.map((k) => [k, typeof body[k] === "string" && body[k] ? (body[k] as string) : undefined]));
    const f = filterOf(c, raw);
    if (f.error) return listPage(c, raw, { status: 400 });
    const result = buildBatch(deps, { filter: f.filter, by: authorOf(c), now: deps.now() });
    if (result.status === "nothing") return listPage(c, raw, { error: w.nothingToPay, status: 422 });
    return c.redirect(`/bureau/subsidies/batches/${result.batchId}?ok=${encodeURIComponent(w.built(result.code, result.lines, yuanText(result.amountFen)))}`, 303);
  });

  function batchView(c: Context, id: number, extra: { error?: string; notice?: string; values?: { bankReference: string; paidOn: string }; status?: 200 | 422 } = {}) {
    const cursor = CursorQuerySchema.parse({ before: c.req.query("before"), after: c.req.query("after") });
    const page = batchPage(deps, id, deps.today(), { limit: PAGE_SIZE * 2, ...cursor });
    if (!page) return c.notFound();
    const links = cursorLinks(`/bureau/subsidies/batches/${id}`, {}, { firstId: page.rows[0]?.id, lastId: page.rows.at(-1)?.id, hasNewer: page.hasNewer, hasOlder: page.hasOlder });
    return c.html(<SubsidyBatchPage batch={page.batch} rows={page.rows} today={deps.today()} {...links} {...extra} />, extra.status ?? 200);
  }

  app.get("/batches/:id{[0-9]+}", county, (c) => {
    const ok = c.req.query("ok");
    return batchView(c, Number(c.req.param("id")), ok ? { notice: ok.slice(0, 200) } : {});
  });

  app.get("/batches/:id{[0-9]+}/file", county, async (c) => {
    authorize(c, "read", { type: "subsidy-line", townId: -1, payment: true });
    const file = await paymentFile(deps, { batchId: Number(c.req.param("id")), by: authorOf(c), now: deps.now() });
    if (!file) return c.notFound();
    c.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    c.header("Content-Disposition", `attachment; filename="${file.fileName}"`);
    c.header("Cache-Control", "no-store");
    return c.body(new Uint8Array(file.bytes));
  });

  app.post("/batches/:id{[0-9]+}/paid", county, async (c) => {
    const id = Number(c.req.param("id"));
    const body = await c.req.parseBody();
    const values = { bankReference: String(body.bankReference ?? ""), paidOn: String(body.paidOn ?? "").trim() };
    const user = currentUser(c);
    const result = markBatchPaid(deps, { batchId: id, bankReference: reasonText(values.bankReference, BANK_REFERENCE_MAX_LENGTH), paidOn: values.paidOn, by: { userId: user.actor.userId, login: user.login }, now: deps.now() });
    if (result.status === "notFound") return c.notFound();
    if (result.status === "invalid") return batchView(c, id, { error: w.paymentProblems[result.problem], values, status: 422 });
    return c.redirect(`/bureau/subsidies/batches/${id}?ok=${encodeURIComponent(w.paidDone(result.lines))}`, 303);
  });

  function linePage(c: Context, id: number, extra: { error?: string; notice?: string; status?: 200 | 422 } = {}) {
    const detail = subsidyLineTrail(deps, id);
    const workflow = lineWorkflow(deps, id, deps.today());
    if (!detail || !workflow) return c.notFound();
    authorize(c, "read", { type: "subsidy-line", townId: workflow.line.townId });
    const canAct = can(actorOf(c), "update", { type: "subsidy-line", townId: workflow.line.townId });
    return c.html(<SubsidyLinePage detail={detail} workflow={workflow} canAct={canAct} {...extra} />, extra.status ?? 200);
  }

  app.get("/:id{[0-9]+}", (c) => {
    const ok = c.req.query("ok");
    return linePage(c, Number(c.req.param("id")), {
      ...(c.req.query("error") === "reason" ? { error: w.reasonRequired } : {}),
      ...(ok ? { notice: ok.slice(0, 200) } : {}),
    });
  });

  app.post("/:id{[0-9]+}/objections", county, async (c) => {
    const id = Number(c.req.param("id"));
    const body = await c.req.parseBody();
    const result = recordObjection(deps, { lineId: id, raisedBy: reasonText(String(body.raisedBy ?? "")), content: reasonText(String(body.content ?? "")), by: authorOf(c), now: deps.now() });
    if (result.status === "notFound") return c.notFound();
    if (result.status === "invalid") return linePage(c, id, { error: result.problem === "notObjectable" ? w.notObjectable : w.objectionRequired, status: 422 });
    return c.redirect(`/bureau/subsidies/${id}?ok=${encodeURIComponent(w.objectionRecorded)}`, 303);
  });

  app.post("/objections/:id{[0-9]+}/resolve", county, async (c) => {
    const body = await c.req.parseBody();
    const outcome = OBJECTION_OUTCOMES.find((o) => o === body.outcome);
    const objectionId = Number(c.req.param("id"));
    const result = outcome
      ? resolveObjection(deps, { objectionId, outcome, resolution: reasonText(String(body.resolution ?? "")), by: authorOf(c), now: deps.now() })
      : ({ status: "resolutionRequired" } as const);
    if (result.status === "notFound") return c.notFound();
    if (result.status === "resolved") return c.redirect(`/bureau/subsidies/${result.lineId}?ok=${encodeURIComponent(w.resolved(result.effect))}`, 303);
    const lineId = Number(String(body.lineId ?? "")) || undefined;
    const error = result.status === "alreadyResolved" ? w.alreadyResolved : w.resolutionRequired;
    return lineId ? linePage(c, lineId, { error, status: 422 }) : c.text(error, 422);
  });

  app.post("/:id{[0-9]+}/reopen", county, async (c) => {
    const id = Number(c.req.param("id"));
    const body = await c.req.parseBody();
    const result = reopenRejectedLine(deps, { lineId: id, reason: reasonText(String(body.reason ?? "")), by: authorOf(c), now: deps.now() });
    if (result.status === "notFound") return c.notFound();
    if (result.status === "invalid") return linePage(c, id, { error: messages.subsidyLedger.reopenProblems[result.problem], status: 422 });
    return c.redirect(`/bureau/subsidies/${id}?ok=${encodeURIComponent(messages.subsidyLedger.reopened)}`, 303);
  });

  app.post("/:id{[0-9]+}/withdraw", county, async (c) => {
    const id = Number(c.req.param("id"));
    const body = await c.req.parseBody();
    const result = withdrawLine(deps, { lineId: id, reason: reasonText(String(body.reason ?? "")), by: authorOf(c), now: deps.now() });
    if (result.status === "notFound") return c.notFound();
    if (result.status === "invalid") return linePage(c, id, { error: w.withdrawalProblems[result.problem], status: 422 });
    return c.redirect(`/bureau/subsidies/${id}?ok=${encodeURIComponent(w.withdrawn)}`, 303);
  });

  app.post("/:id{[0-9]+}/reverse", county, async (c) => {
    const id = Number(c.req.param("id"));
    const body = await c.req.parseBody();
    const result = reverseLine(deps, { lineId: id, reason: reasonText(String(body.reason ?? "")), by: authorOf(c), now: deps.now() });
    if (result.status === "notFound") return c.notFound();
    if (result.status === "invalid") return linePage(c, id, { error: w.reversalProblems[result.problem], status: 422 });
    return c.redirect(`/bureau/subsidies/${result.reversalId}?ok=${encodeURIComponent(w.reversed(result.reversalId))}`, 303);
  });

  return app;
}
