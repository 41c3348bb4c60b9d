/**
 * One household of the registry for bureau staff — its members, their placements over time,
 * their applications and the household's risk alerts; a cadre of another town gets 404.
 */
import { Hono } from "hono";
import { actorOf, authorize } from "../../http/guards.tsx";
import { householdView } from "../../use-cases/registry-view.ts";
import type { AppDeps } from "../../app-deps.ts";
import { HouseholdPage } from "../../../views/pages/bureau/household.tsx";

export function bureauHouseholds(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/:code", (c) => {
    const view = householdView(deps, c.req.param("code"), { actor: actorOf(c), today: deps.today() });
    if (!view) return c.notFound();
    authorize(c, "read", view.resource);
    return c.html(<HouseholdPage
        household={view.household}
        placements={view.placements}
        applications={view.applications}
        alerts={view.alerts}
        recommendations={view.recommendations}
        canApplyFor={view.canApplyFor}
      />);
  });

  return app;
}
