/**
 * The manager's area, mounted at /manage: overview and profile, postings, applicants and the
 * roster of the signed-in manager's own employer. The guard is applied once, to every page.
 * County staff used to read a posting's applicants here; that page is the bureau's now
 * (/bureau/postings/:code) and the old address sends staff there.
 * @example app.route("/manage", manageArea(deps));
 */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { isCountyStaff, MANAGER_ROLES } from "../../core/policy.ts";
import { requireRole } from "../../http/guards.tsx";
import { movedFor } from "../moved.ts";
import { manageApplicants } from "./applicants.tsx";
import { managePostings } from "./postings.tsx";
import { manageProfile } from "./profile.tsx";
import { manageReferral } from "./referral.tsx";
import { manageRoster } from "./roster.tsx";

export function manageArea(deps: AppDeps): Hono {
  const app = new Hono();
  // Before the guard: county staff holding an old link are sent on; managers (and anyone else) stay.
  app.get(
    "/postings/:code",
    movedFor(isCountyStaff, (c) => {
      const code = c.req.param("code");
      return code && code !== "new" ? `/bureau/postings/${encodeURIComponent(code)}` : undefined;
    }),
  );
  app.use("*", requireRole(...MANAGER_ROLES));
  app.route("/", manageProfile(deps));
  app.route("/postings", manageReferral(deps));
  app.route("/postings", managePostings(deps));
  app.route("/applicants", manageApplicants(deps));
  app.route("/roster", manageRoster(deps));
  return app;
}
