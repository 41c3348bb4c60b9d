/**
 * The bureau's confirmation worklist (待核实), at /bureau/confirmations: the list; one pending
 * hire (match the person to the registry), one placement (confirm, refuse a backdated start, or
 * move it to the right person), one unlinked application (link its applicant). A town cadre
 * reaches their own town's lines only (others answer 404); the worker matched to must be in the
 * actor's reach too. Each POST is one use-case, one transaction with its audit rows.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { registryQueryOf, type RegistryQuery } from "../../core/registry-query.ts";
import { actorOf, authorize, authorOf } from "../../http/guards.tsx";
import { applicationLinker, pendingHireMatcher, placementConfirmer, type ConfirmationResult } from "../../use-cases/confirmations.ts";
import { pendingHireRejecter } from "../../use-cases/pending-hire-closing.ts";
import { textSchema } from "../../core/text-fields.ts";
import { applicationLinkView, confirmationsView, matchCandidateOf, pendingConfirmationView, placementConfirmationView } from "../../use-cases/confirmations-view.ts";
import { ApplicationLinkPage, ConfirmationsPage, PendingConfirmationPage, PlacementConfirmationPage } from "../../../views/pages/bureau/confirmations.tsx";
import { messages } from "../../../views/messages.ts";

const m = messages.confirmations;

export const ConfirmationIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const CandidateQuerySchema = z.object({ q: z.string().trim().max(50).catch("").default("") });
export const MatchInputSchema = z.object({
  workerId: ConfirmationIdSchema,
  start: z.enum(["given", "recorded"]).catch("given").default("given"),
  note: z.string().trim().max(200).catch("").default(""),
});
export const DecisionInputSchema = z.object({
  decision: z.enum(["confirm", "recordedStart"]),
  note: z.string().trim().max(200, m.noteTooLong).default(""),
});

/** Refusing a pending hire altogether (不予录用): the reason is required, the manager reads it. */
export const RejectInputSchema = z.object({
  reason: textSchema("hireClosingReason", { required: messages.pendingClosing.reasonRequired, tooLong: messages.pendingClosing.reasonTooLong }),
});

const NOTICES = { confirmed: m.confirmed, rejected: m.rejected, matched: m.matched, linked: m.linkedApplicant, refused: messages.pendingClosing.rejected } as const;

function candidateQuery(c: Context): { q: string; query: RegistryQuery | undefined; problem: string | undefined } {
  const { q } = CandidateQuerySchema.parse(c.req.query());
  if (q === "") return { q, query: undefined, problem: undefined };
  const query = registryQueryOf(q);
  const problem = query.kind !== "refused" ? undefined : query.problem === "partialIdNumber" ? messages.bureau.partialIdRefused : messages.bureau.invalidId(messages.bureau.idProblems[query.problem] ?? "");
  return { q, query, problem };
}

const problemText = (r: Exclude<ConfirmationResult, { ok: true }>) =>
  r.problem === "alreadyOnRoster" ? m.alreadyOnRoster : r.problem === "endsBeforeRecorded" ? m.endsBeforeRecorded : m.gone;

export function bureauConfirmations(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/", (c) => {
    const view = confirmationsView(deps, { actor: actorOf(c) });
    const done = c.req.query("done");
    return c.html(<ConfirmationsPage {...view} notice={done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : undefined} />);
  });

  /** The registry worker chosen in a POST, once the policy lets the actor match to them (404 otherwise). */
  const chosenWorker = (c: Context, workerId: number) => {
    const candidate = matchCandidateOf(deps, workerId);
    if (candidate) authorize(c, "update", candidate.resource);
    return candidate;
  };

  // ——— a pending hire ———
  const pendingPage = (c: Context, id: number, error?: string, reject?: { reason: string; error: string }) => {
    const { q, query, problem } = candidateQuery(c);
    const view = pendingConfirmationView(deps, { id, actor: actorOf(c), ...(query ? { query } : {}) });
    if (!view) return c.notFound();
    authorize(c, "update", view.resource);
    const p = view.pending;
    return c.html(
      <PendingConfirmationPage
        item={{ kind: "pending", id: p.id, name: p.name, phone: p.phone, detail: p.applicantVillage ?? "", town: p.town, employerName: p.employerName, postingCode: p.postingCode, startDate: p.startDate, endDate: p.endDate, monthlyIncome: p.monthlyIncome, recordedOn: p.recordedOn, reasons: p.reasons }}
        samePhone={view.candidates.samePhone}
        found={view.candidates.found}
        q={q}
        problem={problem}
        error={error}
        reject={reject}
      />,
      reject ? 400 : error ? 409 : 200,
    );
  };

  app.get("/pending/:id", (c) => {
    const id = ConfirmationIdSchema.safeParse(c.req.param("id"));
    return id.success ? pendingPage(c, id.data) : c.notFound();
  });

  app.post("/pending/:id/match", async (c) => {
    const id = ConfirmationIdSchema.safeParse(c.req.param("id"));
    if (!id.success) return c.notFound();
    const view = pendingConfirmationView(deps, { id: id.data, actor: actorOf(c) });
    if (!view) return c.redirect("/bureau/confirmations", 303);
    authorize(c, "update", view.resource);
    const input = MatchInputSchema.safeParse(await c.req.parseBody());
    if (!input.success || !chosenWorker(c, input.data.workerId)) return c.notFound();
    const result = pendingHireMatcher(deps, { pendingHireId: id.data, workerId: input.data.workerId, start: input.data.start, note: input.data.note, by: authorOf(c), now: deps.now() });
    return result.ok ? c.redirect("/bureau/confirmations?done=matched", 303) : pendingPage(c, id.data, problemText(result));
  });

  app.post("/pending/:id/reject", async (c) => {
    const id = ConfirmationIdSchema.safeParse(c.req.param("id"));
    if (!id.success) return c.notFound();
    const view = pendingConfirmationView(deps, { id: id.data, actor: actorOf(c) });
    if (!view) return c.redirect("/bureau/confirmations", 303);
    authorize(c, "update", view.resource);
    const body = await c.req.parseBody();
    const input = RejectInputSchema.safeParse(body);
    const typed = typeof body.reason === "string" ? body.reason : "";
    if (!input.success) return pendingPage(c, id.data, undefined, { reason: typed, error: input.error.issues[0]?.message ?? messages.pendingClosing.reasonRequired });
    const result = pendingHireRejecter(deps, { pendingHireId: id.data, reason: input.data.reason, by: authorOf(c), now: deps.now() });
    return result.ok ? c.redirect("/bureau/confirmations?done=refused", 303) : pendingPage(c, id.data, m.gone);
  });

  // ——— a placement ———
  const placementPage = (c: Context, id: number, form?: { error: string; note: string }) => {
    const { q, query, problem } = candidateQuery(c);
    const view = placementConfirmationView(deps, { id, actor: actorOf(c), ...(query ? { query } : {}) });
    if (!view) return c.notFound();
    authorize(c, "update", view.resource);
    const p = view.placement;
    return c.html(
      <PlacementConfirmationPage
        item={{ kind: "placement", id: p.id, workerId: p.workerId, householdCode: p.householdCode, name: p.workerName, detail: `${p.idNumberMasked} · ${p.village} · ${p.householdCode}`, town: p.town, employerName: p.employerName ?? "", postingCode: p.postingCode, startDate: p.startDate, endDate: p.endDate, monthlyIncome: p.monthlyIncome, recordedOn: p.recordedOn, reasons: p.reasons }}
        found={view.candidates}
        q={q}
        problem={problem}
        error={form?.error}
        values={form ? { note: form.note } : undefined}
      />,
      form ? 400 : 200,
    );
  };

  app.get("/placement/:id", (c) => {
    const id = ConfirmationIdSchema.safeParse(c.req.param("id"));
    return id.success ? placementPage(c, id.data) : c.notFound();
  });

  app.post("/placement/:id/decide", async (c) => {
    const id = ConfirmationIdSchema.safeParse(c.req.param("id"));
    if (!id.success) return c.notFound();
    const view = placementConfirmationView(deps, { id: id.data, actor: actorOf(c) });
    if (!view) return c.redirect("/bureau/confirmations", 303);
    authorize(c, "update", view.resource);
    const body = await c.req.parseBody();
    const input = DecisionInputSchema.safeParse(body);
    const note = typeof body.note === "string" ? body.note : "";
    if (!input.success) return placementPage(c, id.data, { error: input.error.issues[0]?.message ?? m.gone, note });
    if (input.data.decision === "recordedStart" && input.data.note === "") return placementPage(c, id.data, { error: m.noteRequired, note });
    const result = placementConfirmer(deps, { placementId: id.data, decision: { kind: input.data.decision }, note: input.data.note, by: authorOf(c), now: deps.now() });
    if (!result.ok) return placementPage(c, id.data, { error: problemText(result), note });
    return c.redirect(`/bureau/confirmations?done=${input.data.decision === "confirm" ? "confirmed" : "rejected"}`, 303);
  });

  app.post("/placement/:id/worker", async (c) => {
    const id = ConfirmationIdSchema.safeParse(c.req.param("id"));
    if (!id.success) return c.notFound();
    const view = placementConfirmationView(deps, { id: id.data, actor: actorOf(c) });
    if (!view) return c.redirect("/bureau/confirmations", 303);
    authorize(c, "update", view.resource);
    const input = MatchInputSchema.safeParse(await c.req.parseBody());
    if (!input.success || !chosenWorker(c, input.data.workerId)) return c.notFound();
    const result = placementConfirmer(deps, { placementId: id.data, decision: { kind: "otherWorker", workerId: input.data.workerId }, note: input.data.note, by: authorOf(c), now: deps.now() });
    if (!result.ok) return placementPage(c, id.data, { error: problemText(result), note: "" });
    return c.redirect("/bureau/confirmations?done=matched", 303);
  });

  // ——— an application ———
  const applicationPage = (c: Context, id: number, error?: string) => {
    const { q, query, problem } = candidateQuery(c);
    const view = applicationLinkView(deps, { id, actor: actorOf(c), ...(query ? { query } : {}) });
    if (!view) return c.notFound();
    authorize(c, "update", view.resource);
    return c.html(
      <ApplicationLinkPage application={view.application} samePhone={view.candidates.samePhone} found={view.candidates.found} q={q} problem={problem} error={error} />,
      error ? 409 : 200,
    );
  };

  app.get("/application/:id", (c) => {
    const id = ConfirmationIdSchema.safeParse(c.req.param("id"));
    return id.success ? applicationPage(c, id.data) : c.notFound();
  });

  app.post("/application/:id/link", async (c) => {
    const id = ConfirmationIdSchema.safeParse(c.req.param("id"));
    if (!id.success) return c.notFound();
    const view = applicationLinkView(deps, { id: id.data, actor: actorOf(c) });
    if (!view) return c.notFound();
    authorize(c, "update", view.resource);
    const input = MatchInputSchema.safeParse(await c.req.parseBody());
    if (!input.success || !chosenWorker(c, input.data.workerId)) return c.notFound();
    const result = applicationLinker(deps, { applicationId: id.data, workerId: input.data.workerId, by: authorOf(c), now: deps.now() });
    return result.ok ? c.redirect("/bureau/confirmations?done=linked", 303) : applicationPage(c, id.data, problemText(result));
  });

  return app;
}
