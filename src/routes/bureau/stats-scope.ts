/**
 * The town scope of the bureau's statistics pages, from the policy: county staff see the county,
 * a town cadre their own town (every figure, list and download narrowed to it).
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppDeps } from "../../app-deps.ts";
import { listScope } from "../../core/policy.ts";
import { actorOf, authorize } from "../../http/guards.tsx";
import { townNameOf } from "../../use-cases/stats-view.ts";

export interface StatsScope {
  /** The town's name for the queries; undefined for the county. */
  town: string | undefined;
  townId: number | null;
}

/** Asks the policy, then names the viewer's town (404 when the policy says no). */
export function statsScopeOf(c: Context, deps: AppDeps, detail = false): StatsScope {
  const scope = listScope(actorOf(c), "household");
  const townId = scope.kind === "town" ? scope.townId : scope.kind === "all" ? null : -1;
  authorize(c, "read", { type: "stats", townId, detail });
  if (townId === null) return { town: undefined, townId };
  // A cadre's town must be named, or their figures would silently be the county's.
  const town = townNameOf(deps, townId);
  if (town === undefined) throw new HTTPException(404);
  return { town, townId };
}
