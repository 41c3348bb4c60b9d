/**
 * Searching open postings: the search engine first; when it fails, a plain database search
 * answers instead and the result says `degraded: true`, so pages can show a notice and the API
 * can tell its callers. The engine is asked again on the next request, so recovery needs no restart.
 */
import type { Db } from "../../db/client.ts";
import { plainJobSearch } from "../../db/queries/jobs.ts";
import type { EmployerType, WorkingTime } from "../core/enums.ts";
import { distanceKm } from "../core/geo.ts";
import type { Logger } from "../log.ts";
import { errorFields } from "../log.ts";
import { summaryFromDocument, summaryFromRow, type JobSummary } from "./job-document.ts";
import type { JobsIndex } from "./jobs-index.ts";

export const JOB_SORTS = ["newest", "distance", "pay"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export interface JobQuery {
  q?: string;
  type?: EmployerType;
  town?: string;
  time?: WorkingTime;
  /** Where the person is (a village centre or the phone's position). */
  origin?: { lat: number; lng: number };
  radiusKm?: number;
  sort?: JobSort;
  limit: number;
  offset: number;
}

export interface JobResults {
  hits: JobSummary[];
  total: number;
  degraded: boolean;
}

export interface JobSearch {
  search(query: JobQuery): Promise<JobResults>;
}

/** A filter value quoted for the engine's filter syntax. */
function quote(value: string): string {
  return JSON.stringify(value);
}

/** The engine's filter and sort for a query. Pure. */
export function engineParams(query: JobQuery): { filter: string[]; sort: string[] } {
  const filter: string[] = [];
  if (query.type) filter.push(`type = ${quote(query.type)}`);
  if (query.town) filter.push(`town = ${quote(query.town)}`);
  if (query.time) filter.push(`workingTime = ${quote(query.time)}`);
  if (query.origin && query.radiusKm) {
    filter.push(`_geoRadius(${query.origin.lat}, ${query.origin.lng}, ${Math.round(query.radiusKm * 1000)})`);
  }
  const sort: string[] = [];
  const by = query.sort ?? (query.q ? undefined : "newest");
  if (by === "distance" && query.origin) sort.push(`_geoPoint(${query.origin.lat}, ${query.origin.lng}):asc`);
  if (by === "pay") sort.push("payMax:desc");
  if (by === "newest") sort.push("publishedAt:desc");
  return { filter, sort };
}

export function createJobSearch(deps: { db: Db; index: JobsIndex; log: Logger }): JobSearch {
  const fromEngine = async (query: JobQuery): Promise<JobResults> => {
    const { filter, sort } = engineParams(query);
    const response = await deps.index.search({
      q: query.q ?? "",
      filter,
      sort,
      limit: query.limit,
      offset: query.offset,
    });
    return {
      hits: response.hits.map((doc) => {
        const summary = summaryFromDocument(doc);
        return query.origin && doc._geo ? { ...summary, distance_km: distanceKm(query.origin, doc._geo) } : summary;
      }),
      total: response.estimatedTotalHits ?? response.totalHits ?? response.hits.length,
      degraded: false,
    };
  };

  const fromDatabase = (query: JobQuery): JobResults => {
    let rows = plainJobSearch(deps.db, query).map((row) => ({
      row,
      distance: query.origin && row.lat !== null && row.lng !== null ? distanceKm(query.origin, { lat: row.lat, lng: row.lng }) : undefined,
    }));
    if (query.origin && query.radiusKm) rows = rows.filter((r) => r.distance !== undefined && r.distance <= query.radiusKm!);
    if (query.sort === "distance" && query.origin) rows.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity));
    if (query.sort === "pay") rows.sort((a, b) => (b.row.payMax ?? -1) - (a.row.payMax ?? -1));
    return {
      hits: rows.slice(query.offset, query.offset + query.limit).map((r) => summaryFromRow(r.row, r.distance)),
      total: rows.length,
      degraded: true,
    };
  };

  return {
    async search(query) {
      try {
        return await fromEngine(query);
      } catch (error) {
        deps.log.warn("search engine failed; answering from the database", errorFields(error));
        return fromDatabase(query);
      }
    },
  };
}
