/**
 * One household of the registry for bureau staff — its members, their placements over time,
 * their applications and the household's risk alerts; a cadre of another town gets 404.
 */
import { Hono } from "hono";
import { alertsOfHousehold, applicationsOfWorkers, householdByCode } from "../../../db/queries/records.ts";
import { placementsOfWorker } from "../../../db/queries/worker-placements.ts";
import { authorize } from "../../http/guards.tsx";
import type { AppDeps } from "../../app-deps.ts";
import { HouseholdPage } from "../../../views/pages/bureau/household.tsx";

export function bureauHouseholds(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/:code", (c) => {
    const household = householdByCode(deps.db, c.req.param("code"));
    if (!household) return c.notFound();
    authorize(c, "read", { type: "household", townId: household.townId });
    const memberIds = household.members.map((m) => m.id);
    return c.html(
      <HouseholdPage
        household={household}
        placements={new Map(memberIds.map((id) => [id, placementsOfWorker(deps.db, id)]))}
        applications={applicationsOfWorkers(deps.db, memberIds)}
        alerts={alertsOfHousehold(deps.db, household.id)}
      />,
    );
  });

  return app;
}
