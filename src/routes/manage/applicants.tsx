/**
 * A manager's applicants across their postings, newest first; moving one along the pipeline,
 * hiring (start date and monthly income), notes. Another employer's applicant answers 404.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { APPLICATION_STATUSES } from "../../core/enums.ts";
import { optionalTextSchema } from "../../core/text-fields.ts";
import { HireInputSchema, parseWithDates } from "../../core/hire-rules.ts";
import { actorOf, authorize, authorOf } from "../../http/guards.tsx";
import { applicantMover, applicantNoter } from "../../use-cases/manage-applicants.ts";
import { employerApplicantsView, managedApplication } from "../../use-cases/manage-applicants-view.ts";
import type { AppDeps } from "../../app-deps.ts";
import { ApplicantsPage, HirePage } from "../../../views/pages/manage/applicants.tsx";
import { messages } from "../../../views/messages.ts";
import { fieldMessages } from "../../../views/problems.ts";
import { backPath, managedEmployerId, noticeOf, withNotice } from "./manager-context.ts";

/** The applicants list's filters: a pipeline stage and a posting code; anything else is ignored. */
export const ApplicantsFilterSchema = z.object({
  status: z.enum(APPLICATION_STATUSES).optional().catch(undefined),
  posting: z.string().trim().min(1).max(40).optional().catch(undefined),
});

export const ApplicationIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const MoveFormSchema = z.object({ to: z.enum(APPLICATION_STATUSES), back: z.string().optional() });
export const NoteFormSchema = z.object({ managerNote: optionalTextSchema("managerNote", messages.workshop.errors.noteTooLong).transform((v) => v ?? ""), back: z.string().optional() });

export function manageApplicants(deps: AppDeps): Hono {
  const app = new Hono();
  const m = messages.workshop;

  /** The application of the URL, authorised for `action`; 404 when missing or another's. */
  const loadApplication = (c: Context, action: "read" | "update") => {
    const id = ApplicationIdSchema.safeParse(c.req.param("id"));
    const row = id.success ? managedApplication(deps, id.data) : undefined;
    if (!row) return undefined;
    authorize(c, action, { type: "application", employerId: row.employerId, applicantUserId: row.applicantUserId });
    return row;
  };

  app.get("/", (c) => {
    const filter = ApplicantsFilterSchema.parse(c.req.query());
    const { applicants, stages, postings } = employerApplicantsView(deps, { employerId: managedEmployerId(c), actor: actorOf(c), filter });
    const error = c.req.query("problem") === "transition" ? m.errors.transition : undefined;
    return c.html(<ApplicantsPage applicants={applicants} stages={stages} postings={postings} filter={filter} notice={noticeOf(c)} error={error} />);
  });

  app.post("/:id/status", async (c) => {
    const row = loadApplication(c, "update");
    if (!row) return c.notFound();
    const form = MoveFormSchema.safeParse(await c.req.parseBody());
    const back = backPath(form.success ? form.data.back : undefined, "/manage/applicants");
    // A hire needs its start date and income: the hire form asks for them.
    if (form.success && form.data.to === "已录用") return c.redirect(`/manage/applicants/${row.id}/hire?back=${encodeURIComponent(back)}`, 303);
    const result = form.success ? applicantMover(deps, { applicationId: row.id, to: form.data.to, by: authorOf(c), now: deps.now() }) : { ok: false as const };
    if (!result.ok) return c.redirect(`${back}?problem=transition`, 303);
    return c.redirect(withNotice(back, "moved"), 303);
  });

  app.get("/:id/hire", (c) => {
    const row = loadApplication(c, "update");
    if (!row) return c.notFound();
    const back = backPath(c.req.query("back"), "/manage/applicants");
    return c.html(<HirePage applicant={{ id: row.id, name: row.applicantName, postingTitle: row.postingTitle }} back={back} values={{ startDate: deps.today(), monthlyIncome: "" }} />);
  });

  app.post("/:id/hire", async (c) => {
    const row = loadApplication(c, "update");
    if (!row) return c.notFound();
    const body = await c.req.parseBody();
    const back = backPath(body.back, "/manage/applicants");
    const values = { startDate: String(body.startDate ?? ""), monthlyIncome: String(body.monthlyIncome ?? "") };
    const page = (errors: Record<string, string>) =>
      c.html(<HirePage applicant={{ id: row.id, name: row.applicantName, postingTitle: row.postingTitle }} back={back} values={values} errors={errors} />, 400);
    const parsed = parseWithDates(HireInputSchema, values, { today: deps.today() });
    if (!parsed.ok) return page(fieldMessages(parsed.errors));
    const result = applicantMover(deps, { applicationId: row.id, to: "已录用", hire: parsed.value, by: authorOf(c), now: deps.now() });
    if (!result.ok) return page({ form: result.problem === "alreadyOnRoster" ? m.errors.alreadyOnRoster : m.errors.transition });
    return c.redirect(withNotice(back, result.hired === "pending" ? "pending" : result.hired === "unconfirmed" ? "unconfirmed" : "hired"), 303);
  });

  app.post("/:id/note", async (c) => {
    const row = loadApplication(c, "update");
    if (!row) return c.notFound();
    const body = await c.req.parseBody();
    const form = NoteFormSchema.safeParse(body);
    const back = backPath(form.success ? form.data.back : undefined, "/manage/applicants");
    if (!form.success) {
      // The applicants page again, with the note as typed and its message on this card.
      const { applicants, stages } = employerApplicantsView(deps, { employerId: row.employerId, actor: actorOf(c) });
      const noteDraft = { applicationId: row.id, text: typeof body.managerNote === "string" ? body.managerNote : "", error: form.error.issues[0]?.message ?? m.errors.noteTooLong };
      return c.html(<ApplicantsPage applicants={applicants} stages={stages} error={m.fixErrors} noteDraft={noteDraft} />, 400);
    }
    applicantNoter(deps, { applicationId: row.id, note: form.data.managerNote, by: authorOf(c), now: deps.now() });
    return c.redirect(withNotice(back, "note"), 303);
  });

  return app;
}
