/**
 * The bureau's area, mounted at /bureau: the registry (workers, households), statistics and
 * zero-employment households, risk alerts, workshops' recognition, the audit log, posting
 * applicants, spreadsheet import and export, the platform's settings, and the subsidy ledger. Every page is for bureau staff (the guard is
 * applied once, below); a page for county staff alone narrows it in its own module.
 * @example app.route("/bureau", bureauArea(deps));
 */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { STAFF_ROLES } from "../../core/policy.ts";
import { requireRole } from "../../http/guards.tsx";
import { bureauAlerts } from "./alerts.tsx";
import { bureauAudit } from "./audit.tsx";
import { bureauConfirmations } from "./confirmations.tsx";
import { bureauCandidates } from "./candidates.tsx";
import { bureauEmployers } from "./employers.tsx";
import { bureauHome } from "./home.tsx";
import { bureauHouseholds } from "./households.tsx";
import { bureauImport } from "./import.tsx";
import { bureauOnBehalf } from "./on-behalf.tsx";
import { bureauPostings } from "./postings.tsx";
import { bureauSettings } from "./settings.tsx";
import { bureauStats } from "./stats.tsx";
import { bureauStatsSubsidies } from "./stats-subsidies.tsx";
import { bureauStatsRetention } from "./stats-retention.tsx";
import { bureauSubsidies } from "./subsidies.tsx";
import { bureauSubsidyPolicies } from "./subsidy-policies.tsx";
import { bureauRegistryPerson } from "./registry-person.tsx";
import { bureauWorkers } from "./workers.tsx";
import { bureauWorklist } from "./worklist.tsx";
import { bureauZeroEmployment } from "./zero-employment.tsx";

export function bureauArea(deps: AppDeps): Hono {
  const app = new Hono();
  app.use("*", requireRole(...STAFF_ROLES));
  app.route("/workers", bureauRegistryPerson(deps));
  app.route("/workers", bureauOnBehalf(deps));
  app.route("/workers", bureauWorkers(deps));
  app.route("/households", bureauHouseholds(deps));
  app.route("/stats/subsidies", bureauStatsSubsidies(deps));
  app.route("/stats/retention", bureauStatsRetention(deps));
  app.route("/stats", bureauStats(deps));
  app.route("/zero-employment", bureauZeroEmployment(deps));
  app.route("/alerts", bureauAlerts(deps));
  app.route("/worklist", bureauWorklist(deps));
  app.route("/employers", bureauEmployers(deps));
  // Candidates before the posting's page: that one is the county's, candidates are for town cadres too.
  app.route("/postings", bureauCandidates(deps));
  app.route("/postings", bureauPostings(deps));
  app.route("/audit", bureauAudit(deps));
  // /import, /import/jobs/:id, /import/reports/:id and /export/:kind (county staff); the upload's
  // body limit runs in app.ts, ahead of the CSRF check.
  app.route("/", bureauImport(deps));
  app.route("/settings", bureauSettings(deps));
  app.route("/subsidies", bureauSubsidies(deps));
  app.route("/confirmations", bureauConfirmations(deps));
  app.route("/", bureauHome(deps));
  app.route("/subsidy-policies", bureauSubsidyPolicies(deps));
  return app;
}
