/**
 * One posting with its applicants, read by county staff (/bureau/postings/:code): the manager's
 * page without its forms. It used to live at the manager's address (/manage/postings/:code),
 * which sends staff here now (routes/moved.ts).
 */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { COUNTY_STAFF_ROLES } from "../../core/policy.ts";
import { actorOf, authorize, requireRole } from "../../http/guards.tsx";
import { postingWithApplicantsView } from "../../use-cases/manage-postings-view.ts";
import { ManagedPostingPage } from "../../../views/pages/manage/postings.tsx";

export function bureauPostings(deps: AppDeps): Hono {
  const app = new Hono();
  // Applicants are the employer's and the county's business; a town cadre follows their own
  // workers' applications on the household page.
  app.use("*", requireRole(...COUNTY_STAFF_ROLES));

  app.get("/:code", (c) => {
    const view = postingWithApplicantsView(deps, { code: c.req.param("code"), actor: actorOf(c), today: deps.today(), forManager: false });
    if (!view) return c.notFound();
    authorize(c, "read", { type: "application", employerId: view.employerId });
    return c.html(<ManagedPostingPage posting={view.posting} applicants={view.applicants} actions={view.actions} canEdit={false} />);
  });

  return app;
}
