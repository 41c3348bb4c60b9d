/**
 * The manager's overview (/manage) and their employer's profile (/manage/profile). Name, type
 * and recognition are the bureau's and only shown; the rest reaches search through the outbox.
 */
import { Hono, type Context } from "hono";
import { dashboardCounts, employerProfile } from "../../../db/queries/workshop.ts";

import { EmployerProfileInputSchema, fieldErrors } from "../../core/posting-rules.ts";
import { authorize, authorOf, requireRole } from "../../http/guards.tsx";
import { employerProfileEditor } from "../../use-cases/employer-profile.ts";
import type { AppDeps } from "../../app-deps.ts";
import { DashboardPage } from "../../../views/pages/manage/dashboard.tsx";
import { ProfilePage } from "../../../views/pages/manage/profile.tsx";
import { messages } from "../../../views/messages.ts";
import { fieldMessages } from "../../../views/problems.ts";
import { managedEmployerId, noticeOf, withNotice } from "./manager-context.ts";

/** "New applicants" on the overview: the last seven days. */
export const NEW_APPLICANT_DAYS = 7;
const PROFILE_FIELDS = ["villageId", "address", "lat", "lng", "contactName", "contactPhone"] as const;

export function manageProfile(deps: AppDeps): Hono {
  const app = new Hono();

  const load = (c: Context, action: "read" | "update") => {
    const employerId = managedEmployerId(c);
    const profile = employerProfile(deps.db, employerId);
    if (!profile) throw new Error("manager's employer vanished");
    authorize(c, action, { type: "employer", employerId, townId: profile.employer.townId });
    return profile;
  };

  const view = (p: NonNullable<ReturnType<typeof employerProfile>>) => ({
    name: p.employer.name,
    type: p.employer.type,
    recognition: p.employer.recognition,
    town: p.town,
    coreFactory: p.coreFactory ? `${p.coreFactory.name}（${p.coreFactory.code}）` : null,
    villages: p.villages,
  });

  app.get("/manage", requireRole("manager"), (c) => {
    const profile = load(c, "read");
    const since = new Date(deps.now().getTime() - NEW_APPLICANT_DAYS * 86_400_000).toISOString();
    const counts = dashboardCounts(deps.db, profile.employer.id, deps.today(), since);
    return c.html(<DashboardPage figures={{ employerName: profile.employer.name, ...counts }} />);
  });

  app.get("/manage/profile", requireRole("manager"), (c) => {
    const p = load(c, "read");
    const e = p.employer;
    const s = (v: string | number | null) => (v === null ? "" : String(v));
    const values = { villageId: s(e.villageId), address: s(e.address), lat: s(e.lat), lng: s(e.lng), contactName: s(e.contactName), contactPhone: s(e.contactPhone) };
    return c.html(<ProfilePage profile={view(p)} values={values} notice={noticeOf(c)} />);
  });

  app.post("/manage/profile", requireRole("manager"), async (c) => {
    const p = load(c, "update");
    const body = await c.req.parseBody();
    const values = Object.fromEntries(PROFILE_FIELDS.map((k) => [k, typeof body[k] === "string" ? (body[k] as string) : ""]));
    const parsed = EmployerProfileInputSchema.safeParse(values);
    if (!parsed.success) return c.html(<ProfilePage profile={view(p)} values={values} errors={fieldMessages(fieldErrors(parsed.error))} />, 400);
    const result = employerProfileEditor(deps, { employerId: p.employer.id, input: parsed.data, by: authorOf(c), now: deps.now() });
    if (!result.ok) return c.html(<ProfilePage profile={view(p)} values={values} errors={{ villageId: messages.workshop.errors.villageNotInTown }} />, 400);
    deps.pokeSearch?.();
    return c.redirect(withNotice("/manage/profile", "profile"), 303);
  });

  return app;
}


