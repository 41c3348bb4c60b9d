/** One household of the registry for bureau staff; a cadre of another town gets 404. */
import { Hono } from "hono";
import { householdByCode } from "../../../db/queries/records.ts";
import { authorize, requireRole } from "../../http/guards.tsx";
import type { AppDeps } from "../../app-deps.ts";
import { HouseholdPage } from "../../../views/pages/bureau/household.tsx";

export function bureauHouseholds(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/bureau/households/:code", requireRole("town", "county", "admin"), (c) => {
    const household = householdByCode(deps.db, c.req.param("code"));
    if (!household) return c.notFound();
    authorize(c, "read", { type: "household", townId: household.townId });
    return c.html(<HouseholdPage household={household} />);
  });

  return app;
}
