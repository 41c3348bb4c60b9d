/**
 * 认定 of workshops: county staff recognise a 帮扶车间 or 卫星工厂, or withdraw it, with a date
 * and a note; the history stays. Every bureau role reads workshops (employers are not personal
 * data; the policy lets town cadres read any employer); only those the policy lets update an
 * employer (county staff, admins) see and send the form.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { employerWithPlaceByCode, recognitionHistory, workshopsInScope } from "../../../db/queries/recognitions.ts";
import type { AppDeps } from "../../app-deps.ts";
import { chinaDate } from "../../core/china-time.ts";
import { RECOGNITION_STATUSES } from "../../core/enums.ts";
import { can, listScope } from "../../core/policy.ts";
import { WORKSHOP_TYPES } from "../../core/stats/figures.ts";
import { actorOf, authorize, authorOf, requireRole } from "../../http/guards.tsx";
import { employerRecogniser } from "../../use-cases/recognise-employer.ts";
import { EmployerPage, EmployersPage } from "../../../views/pages/bureau/employers.tsx";
import { messages } from "../../../views/messages.ts";

const e = messages.recognition.errors;

export const RecognitionInputSchema = z.object({
  status: z.enum(RECOGNITION_STATUSES, { message: e.status }),
  effectiveDate: z.string({ message: e.date }).regex(/^\d{4}-\d{2}-\d{2}$/, e.date),
  note: z.string().trim().max(200, e.note),
});

export function bureauEmployers(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/bureau/employers", requireRole("town", "county", "admin"), (c) => {
    const recognition = z.enum(RECOGNITION_STATUSES).optional().catch(undefined).parse(c.req.query("recognition") || undefined);
    const actor = actorOf(c);
    // The employers whose postings the viewer may list: every workshop for every bureau role.
    const scope = listScope(actor, "posting");
    return c.html(<EmployersPage rows={workshopsInScope(deps.db, scope, { recognition })} recognition={recognition} />);
  });

  const load = (c: Context) => {
    const employer = employerWithPlaceByCode(deps.db, c.req.param("code") ?? "");
    if (!employer || !WORKSHOP_TYPES.includes(employer.type)) return undefined;
    authorize(c, "read", { type: "employer", employerId: employer.id, townId: employer.townId });
    return employer;
  };

  const page = (c: Context, employer: NonNullable<ReturnType<typeof load>>, form?: { values: { status: string; effectiveDate: string; note: string }; error: string }) =>
    c.html(
      <EmployerPage
        employer={employer}
        history={recognitionHistory(deps.db, employer.id)}
        canDecide={can(actorOf(c), "update", { type: "employer", employerId: employer.id, townId: employer.townId })}
        today={deps.today()}
        values={form?.values}
        error={form?.error}
      />,
      form ? 400 : 200,
    );

  app.get("/bureau/employers/:code", requireRole("town", "county", "admin"), (c) => {
    const employer = load(c);
    return employer ? page(c, employer) : c.notFound();
  });

  app.post("/bureau/employers/:code/recognition", requireRole("county", "admin"), async (c) => {
    const employer = load(c);
    if (!employer) return c.notFound();
    authorize(c, "update", { type: "employer", employerId: employer.id, townId: employer.townId });
    const body = await c.req.parseBody();
    const values = { status: String(body.status ?? ""), effectiveDate: String(body.effectiveDate ?? "").trim(), note: String(body.note ?? "") };
    const parsed = RecognitionInputSchema.safeParse(values);
    if (!parsed.success) return page(c, employer, { values, error: parsed.error.issues[0]!.message });
    if (parsed.data.status === employer.recognition) return page(c, employer, { values, error: e.same(employer.recognition) });
    employerRecogniser(deps, {
      employer,
      status: parsed.data.status,
      effectiveDate: parsed.data.effectiveDate,
      note: parsed.data.note || null,
      by: authorOf(c),
      now: deps.now(),
    });
    deps.pokeSearch?.();
    return c.redirect(`/bureau/employers/${encodeURIComponent(employer.code)}`, 303);
  });

  return app;
}
