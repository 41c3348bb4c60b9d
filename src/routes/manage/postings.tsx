/**
 * A manager's own postings and their applicants, and their roster (read-only; editing comes with
 * the employer pages). County staff and admins may open any posting's applicants; another employer's posting
 * answers 404.
 */
import { Hono } from "hono";
import { applicationsOfPosting, postingByCode, postingsInScope, rosterOfEmployer } from "../../../db/queries/records.ts";
import { maskPhone } from "../../core/id-number.ts";
import { canSeeFullPhone, listScope } from "../../core/policy.ts";
import { actorOf, authorize, requireRole } from "../../http/guards.tsx";
import type { AppDeps } from "../../app-deps.ts";
import { ManagedPostingPage, ManagedPostingsPage } from "../../../views/pages/manage/postings.tsx";
import { RosterPage } from "../../../views/pages/manage/roster.tsx";

export function managePostings(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/manage/postings", requireRole("manager"), (c) => {
    const postings = postingsInScope(deps.db, listScope(actorOf(c), "posting"));
    return c.html(<ManagedPostingsPage postings={postings} />);
  });

  app.get("/manage/postings/:code", requireRole("manager", "county", "admin"), (c) => {
    const posting = postingByCode(deps.db, c.req.param("code"));
    if (!posting) return c.notFound();
    // The applicants are what is private here, so the check is on them.
    authorize(c, "read", { type: "application", employerId: posting.employerId });
    const actor = actorOf(c);
    const applicants = applicationsOfPosting(deps.db, posting.id).map((a) => ({
      name: a.applicantName,
      phone: canSeeFullPhone(actor, { type: "application", employerId: a.employerId, applicantUserId: a.applicantUserId, workerTownId: a.workerTownId })
        ? a.applicantPhone
        : maskPhone(a.applicantPhone),
      village: a.applicantVillage,
      note: a.note,
      status: a.status,
    }));
    return c.html(<ManagedPostingPage posting={posting} applicants={applicants} />);
  });

  app.get("/manage/roster", requireRole("manager"), (c) => {
    // The policy's list scope of placements for a manager is their employer's roster.
    const scope = listScope(actorOf(c), "placement");
    if (scope.kind !== "employer") return c.notFound();
    return c.html(<RosterPage entries={rosterOfEmployer(deps.db, scope.employerId)} />);
  });

  return app;
}
