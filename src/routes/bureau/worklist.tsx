/**
 * GET /bureau/worklist — a town's worklist (走访清单): a cadre gets their own town's, county staff
 * pick a town (`?town=`, default the first). The households and referral requests are the town's
 * only, as the alerts' and statistics' scopes are.
 */
import { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { worklistTowns, worklistView } from "../../use-cases/worklist-view.ts";
import { WorklistPage } from "../../../views/pages/bureau/worklist.tsx";
import { statsScopeOf } from "./stats-scope.ts";

export function bureauWorklist(deps: AppDeps): Hono {
  const app = new Hono();
  app.get("/", async (c) => {
    const scope = statsScopeOf(c, deps, true);
    const towns = scope.town === undefined ? worklistTowns(deps) : [];
    const chosen = scope.town !== undefined ? { id: scope.townId!, name: scope.town } : (towns.find((t) => t.name === c.req.query("town")) ?? towns[0]);
    if (!chosen) return c.notFound();
    const today = deps.today();
    const view = await worklistView(deps, { townId: chosen.id, town: chosen.name, today });
    return c.html(<WorklistPage town={chosen.name} today={today} towns={towns.map((t) => t.name)} {...view} />);
  });
  return app;
}
