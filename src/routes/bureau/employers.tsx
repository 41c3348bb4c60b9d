/**
 * 认定 of workshops: county staff recognise a 帮扶车间 or 卫星工厂, or withdraw it, with a date
 * and a note; the history stays. Every bureau role reads workshops (employers are not personal
 * data; the policy lets town cadres read any employer); only those the policy lets update an
 * employer (county staff, admins) see and send the form.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../app-deps.ts";
import { dateFieldSchema } from "../../core/date-fields.ts";
import { RECOGNITION_STATUSES } from "../../core/enums.ts";
import { textSchema } from "../../core/text-fields.ts";
import { COUNTY_STAFF_ROLES } from "../../core/policy.ts";
import { actorOf, authorize, authorOf, requireRole } from "../../http/guards.tsx";
import { employerRecogniser } from "../../use-cases/recognise-employer.ts";
import { recognitionPageView, workshopOf, workshopsView } from "../../use-cases/recognition-view.ts";
import { EmployerPage, EmployersPage } from "../../../views/pages/bureau/employers.tsx";
import { messages } from "../../../views/messages.ts";
import { formProblemText } from "../../../views/problems.ts";

const e = messages.recognition.errors;

/** A recognition decision: its date is a real date, not in the future, not before 1990 (the recognition rule). */
export function recognitionInputSchema(today: string) {
  return z.object({
    status: z.enum(RECOGNITION_STATUSES, { message: e.status }),
    effectiveDate: dateFieldSchema("recognition", today),
    // A decision on public money's eligibility says why (the history shows it to whoever comes next).
    note: textSchema("recognitionNote", { required: messages.recognitionNote.required, tooLong: e.note }),
  });
}

export function bureauEmployers(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/", (c) => {
    const recognition = z.enum(RECOGNITION_STATUSES).optional().catch(undefined).parse(c.req.query("recognition") || undefined);
    return c.html(<EmployersPage rows={workshopsView(deps, { actor: actorOf(c), recognition, today: deps.today() })} recognition={recognition} />);
  });

  const load = (c: Context) => {
    const workshop = workshopOf(deps, c.req.param("code") ?? "");
    if (!workshop) return undefined;
    authorize(c, "read", workshop.resource);
    return workshop;
  };

  const page = (c: Context, workshop: NonNullable<ReturnType<typeof load>>, form?: { values: { status: string; effectiveDate: string; note: string }; error: string }) => {
    const { history, canDecide, employees } = recognitionPageView(deps, { actor: actorOf(c), workshop, today: deps.today() });
    return c.html(
      <EmployerPage employer={workshop.employer} employees={employees} history={history} canDecide={canDecide} today={deps.today()} values={form?.values} error={form?.error} />,
      form ? 400 : 200,
    );
  };

  app.get("/:code", (c) => {
    const employer = load(c);
    return employer ? page(c, employer) : c.notFound();
  });

  app.post("/:code/recognition", requireRole(...COUNTY_STAFF_ROLES), async (c) => {
    const workshop = load(c);
    if (!workshop) return c.notFound();
    authorize(c, "update", workshop.resource);
    const { employer } = workshop;
    const body = await c.req.parseBody();
    const values = { status: String(body.status ?? ""), effectiveDate: String(body.effectiveDate ?? "").trim(), note: String(body.note ?? "") };
    const parsed = recognitionInputSchema(deps.today()).safeParse(values);
    if (!parsed.success) return page(c, workshop, { values, error: formProblemText(parsed.error.issues[0]!.message) });
    const result = employerRecogniser(deps, {
      employer,
      status: parsed.data.status,
      effectiveDate: parsed.data.effectiveDate,
      note: parsed.data.note || null,
      by: authorOf(c),
      now: deps.now(),
    });
    if (!result.ok) return page(c, workshop, { values, error: e.same(employer.recognition) });
    return c.redirect(`/bureau/employers/${encodeURIComponent(employer.code)}`, 303);
  });

  return app;
}
