/**
 * 代办 for bureau staff: GET/POST /bureau/workers/:id/apply/:code applies to a posting for a
 * registry worker with their recorded consent (cadres of the worker's town and county staff —
 * others get 404 as for the worker's page, managers never reach the bureau);
 * POST /bureau/workers/:id/applications/:applicationId/withdraw withdraws one at the worker's word.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { parsePhone } from "../../core/phone.ts";
import { canApplyOnBehalf } from "../../core/policy.ts";
import { consentProblem, type ConsentMethod } from "../../core/recommend/on-behalf.ts";
import { actorOf, authorize, authorOf } from "../../http/guards.tsx";
import { applyOnBehalf, withdrawApplication } from "../../use-cases/apply-on-behalf.ts";
import { onBehalfFormView, workerResourceOf } from "../../use-cases/on-behalf-view.ts";
import type { AppDeps } from "../../app-deps.ts";
import { messages } from "../../../views/messages.ts";
import { exclusionText, reasonText } from "../../../views/matching-text.ts";
import { ApplyOnBehalfPage, type ApplyOnBehalfPageProps } from "../../../views/pages/bureau/apply-on-behalf.tsx";
import { WorkerIdSchema } from "./workers.tsx";

const m = messages.onBehalf;
const NOTE_MAX = 200;

export const OnBehalfFormSchema = z.object({
  consentMethod: z.string().default(""),
  consentDate: z.string().trim().default(""),
  phone: z.string().trim().default(""),
  note: z.string().trim().max(NOTE_MAX).default(""),
});

export function bureauOnBehalf(deps: AppDeps): Hono {
  const app = new Hono();

  const load = (c: Context) => {
    const id = WorkerIdSchema.safeParse(c.req.param("id"));
    const view = id.success ? onBehalfFormView(deps, { workerId: id.data, postingCode: c.req.param("code") ?? "", today: deps.today() }) : undefined;
    if (!view) return undefined;
    authorize(c, "read", view.resource);
    // Reading a worker is not enough: only those who visit the household apply for it.
    if (!canApplyOnBehalf(actorOf(c), { townId: view.townId })) return undefined;
    return view;
  };

  const page = (c: Context, view: NonNullable<ReturnType<typeof load>>, form: Pick<ApplyOnBehalfPageProps, "values" | "errors" | "error">, status: 200 | 400 | 409 = 200) =>
    c.html(
      <ApplyOnBehalfPage
        worker={view.worker}
        posting={view.posting}
        reasons={view.assessment.suits ? view.assessment.reasons.map(reasonText) : []}
        exclusions={view.assessment.suits ? [] : view.assessment.exclusions.map(exclusionText)}
        {...form}
      />,
      status,
    );

  app.get("/:id/apply/:code", (c) => {
    const view = load(c);
    if (!view) return c.notFound();
    return page(c, view, { values: { consentMethod: "", consentDate: deps.today(), phone: view.phone, note: "" }, errors: {} });
  });

  app.post("/:id/apply/:code", async (c) => {
    const view = load(c);
    if (!view) return c.notFound();
    const values = OnBehalfFormSchema.parse(Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, v]) => [k, String(v)])));
    const phone = parsePhone(values.phone, "mobile");
    const errors: ApplyOnBehalfPageProps["errors"] = {};
    const problem = consentProblem({ method: values.consentMethod, date: values.consentDate }, deps.today());
    if (problem === "method") errors.consentMethod = m.badMethod;
    if (problem === "date") errors.consentDate = m.badDate;
    if (problem === "future") errors.consentDate = m.futureDate;
    if (phone === undefined) errors.phone = m.badPhone;
    if (Object.keys(errors).length > 0 || phone === undefined) return page(c, view, { values, errors }, 400);
    const result = applyOnBehalf(deps, {
      workerId: view.worker.id,
      postingCode: view.posting.code,
      consent: { method: values.consentMethod as ConsentMethod, date: values.consentDate },
      phone,
      note: values.note,
      by: authorOf(c),
      today: deps.today(),
      now: deps.now(),
    });
    switch (result.outcome) {
      case "applied":
        return c.redirect(`/bureau/workers/${view.worker.id}#applications`, 303);
      case "already-applied":
        return page(c, view, { values, errors: {}, error: m.alreadyApplied(result.appliedAt.slice(0, 10)) }, 409);
      case "not-open":
        return page(c, view, { values, errors: {}, error: m.notOpen }, 409);
      case "not-found":
        return c.notFound();
    }
  });

  // The worker asked to withdraw (on a visit, by phone): recorded by staff of the worker's town.
  app.post("/:id/applications/:applicationId/withdraw", (c) => {
    const id = WorkerIdSchema.safeParse(c.req.param("id"));
    const applicationId = WorkerIdSchema.safeParse(c.req.param("applicationId"));
    const resource = id.success && applicationId.success ? workerResourceOf(deps, id.data) : undefined;
    if (!resource || !id.success || !applicationId.success) return c.notFound();
    authorize(c, "update", resource);
    const result = withdrawApplication(deps, { workerId: id.data, applicationId: applicationId.data, by: authorOf(c), now: deps.now() });
    if (result.outcome === "not-found") return c.notFound();
    if (result.outcome === "final") return c.text(m.cannotWithdraw, 409);
    return c.redirect(`/bureau/workers/${id.data}#applications`, 303);
  });

  return app;
}
