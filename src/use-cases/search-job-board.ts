/**
 * What the job board's results page needs for a search: the results with their facet counts,
 * the towns and villages to choose from, and where distances are measured from.
 */
import type { Db } from "../../db/client.ts";
import { regionLists, type VillageOption } from "../../db/queries/regions.ts";
import type { GeoPoint } from "../core/geo.ts";
import type { JobBoardQuery } from "../routes/public/job-board-query.ts";
import type { JobResults, JobSearch } from "../search/job-search.ts";

/** Where a seeker is: the village they chose (with its name) or the phone's position. */
export interface Origin {
  point: GeoPoint;
  /** The village's name; absent for the phone's position. */
  village?: string;
}

/** Where a search says the seeker is: a village of the registry, or a position. */
export interface OriginChoice {
  village?: number | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
}

/** The origin a search names: the phone's position first (the newer choice), else the village. */
export function resolveOrigin(db: Db, query: OriginChoice): Origin | undefined {
  if (query.lat !== undefined && query.lng !== undefined) return { point: { lat: query.lat, lng: query.lng } };
  const village = query.village === undefined ? undefined : regionLists(db).villageById.get(query.village);
  return village ? { point: { lat: village.lat, lng: village.lng }, village: village.name } : undefined;
}

export interface JobBoardResults {
  results: JobResults;
  towns: string[];
  villages: VillageOption[];
  origin?: Origin;
}

export async function searchJobBoard(deps: { db: Db; jobSearch: JobSearch }, query: JobBoardQuery, limit: number): Promise<JobBoardResults> {
  const origin = resolveOrigin(deps.db, query);
  const results = await deps.jobSearch.search({
    q: query.q,
    type: query.type,
    town: query.town,
    time: query.time,
    age: query.age,
    benefits: query.benefit,
    payAtLeast: query.pay,
    origin: origin?.point,
    radiusKm: origin ? query.radius : undefined,
    sort: query.sort,
    limit,
    offset: query.offset ?? 0,
    facets: true,
  });
    // Read after the search: a region changed meanwhile shows already (the cache checks its version).
  const regions = regionLists(deps.db);
  return { results, towns: regions.towns, villages: regions.villages, ...(origin ? { origin } : {}) };
}
