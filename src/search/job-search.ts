/**
 * Searching open postings: the search engine first; when it fails, a plain database search
 * answers instead and the result says `degraded: true`, so pages can show a notice and the API
 * can tell its callers. The engine is asked again on the next request, so recovery needs no
 * restart; the log gets one line when the engine fails and one when it is back
 * (search-fallbacks.ts), not one per request. Both modes read the query in the search form (core/search-text.ts), apply the same
 * filters (core/job-filters.ts) and give the same facet counts.
 */
import type { Db } from "../../db/client.ts";
import { regionLists, type RegionLists } from "../../db/queries/regions.ts";
import { distanceKm } from "../core/geo.ts";
import {
  cumulativePayCounts,
  DISJUNCTIVE_FACETS,
  SEEKER_BENEFITS,
  type DisjunctiveFacet,
  type FacetCounts,
  type JobFilters,
} from "../core/job-filters.ts";
import { normaliseQuery } from "../core/search-text.ts";
import { placeVocabulary, readQuery, type PlaceVocabulary } from "../core/query-reading.ts";
import type { Logger } from "../log.ts";
import { summaryFromDocument, type JobDocument, type JobSummary } from "./job-document.ts";
import type { JobsIndex, JobsIndexSearch } from "./jobs-index.ts";
import type { MeiliSearchResponse } from "./meili-client.ts";
import { createReducedSearch } from "./reduced-search.ts";
import { createSearchFallbacks, type SearchFallbacks } from "./search-fallbacks.ts";
import { deepFreeze } from "./search-answers.ts";

/** Query readings kept (the oldest go first). */
const READINGS_KEPT = 1_000;
/** Results kept per kept engine answer (one per origin asked from). */
const RESULTS_PER_ANSWER = 8;

/** relevance: best match first (newest first without words); the others as named. */
export const JOB_SORTS = ["relevance", "newest", "distance", "pay"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export interface JobQuery extends JobFilters {
  /** As typed; normalised here. */
  q?: string;
  /** Default: distance when there is an origin, else relevance. */
  sort?: JobSort;
  limit: number;
  offset: number;
  /** Count postings per filter choice (pages show them; the API does not ask). */
  facets?: boolean;
}

export interface JobResults {
  hits: JobSummary[];
  total: number;
  degraded: boolean;
  /** Pinyin and same-sound slips of the query that were searched as these words (query-reading.ts). */
  readAs?: { typed: string; word: string }[];
  facets?: FacetCounts;
}

export interface JobSearch {
  search(query: JobQuery): Promise<JobResults>;
}

/** The order a query gets: distance needs an origin; without a choice, nearest or best first. */
export function effectiveSort(query: Pick<JobQuery, "sort" | "origin">): JobSort {
  if (query.sort === "distance" && !query.origin) return "relevance";
  return query.sort ?? (query.origin ? "distance" : "relevance");
}

/** A filter value quoted for the engine's filter syntax. */
function quote(value: string): string {
  return JSON.stringify(value);
}

/** The engine attribute behind each facet. */
const FACET_ATTRIBUTES: Record<DisjunctiveFacet | "benefits", string> = {
  type: "type",
  town: "town",
  time: "workingTime",
  payAtLeast: "payLevel",
  benefits: "benefits",
};

/** The engine's filter for a query, leaving out one facet's own filter when counting it. Pure. */
export function engineFilter(query: JobFilters, ignore?: DisjunctiveFacet): string[] {
  const filter: string[] = [];
  if (query.type && ignore !== "type") filter.push(`type = ${quote(query.type)}`);
  if (query.town && ignore !== "town") filter.push(`town = ${quote(query.town)}`);
  if (query.time && ignore !== "time") filter.push(`workingTime = ${quote(query.time)}`);
  if (query.payAtLeast && ignore !== "payAtLeast") filter.push(`payLevel >= ${query.payAtLeast}`);
  if (query.age !== undefined) filter.push(`ageMin <= ${query.age}`, `ageMax >= ${query.age}`);
  for (const benefit of query.benefits ?? []) filter.push(`benefits = ${quote(benefit)}`);
  if (query.openOn) filter.push(`closesOn >= ${query.openOn.replaceAll("-", "")}`);
  if (query.origin && query.radiusKm !== undefined) {
    filter.push(`_geoRadius(${query.origin.lat}, ${query.origin.lng}, ${Math.round(query.radiusKm * 1000)})`);
  }
  return filter;
}

/** The engine's sort for a query. Pure. */
export function engineSort(query: Pick<JobQuery, "sort" | "origin" | "q">): string[] {
  const sort = effectiveSort(query);
  if (sort === "distance" && query.origin) return [`_geoPoint(${query.origin.lat}, ${query.origin.lng}):asc`];
  if (sort === "pay") return ["monthlyPay:desc"];
  // Without words every posting matches equally: newest first reads best.
  if (sort === "newest" || !query.q?.trim()) return ["publishedAt:desc"];
  return [];
}

function isActive(query: JobFilters, facet: DisjunctiveFacet): boolean {
  return query[facet] !== undefined;
}

function facetsFrom(main: MeiliSearchResponse<unknown>, own: Map<DisjunctiveFacet, MeiliSearchResponse<unknown>>): FacetCounts {
  const distribution = (facet: DisjunctiveFacet | "benefits") => {
    const response = facet === "benefits" ? main : (own.get(facet) ?? main);
    return response.facetDistribution?.[FACET_ATTRIBUTES[facet]] ?? {};
  };
  const benefits = distribution("benefits");
  return {
    type: distribution("type"),
    town: distribution("town"),
    time: distribution("time"),
    payAtLeast: cumulativePayCounts(distribution("payAtLeast")),
    benefits: Object.fromEntries(SEEKER_BENEFITS.filter((b) => benefits[b]).map((b) => [b, benefits[b]])),
  };
}

/**
 * @param deps.today today in China (YYYY-MM-DD): postings past their closing date are left out.
 * @param deps.fallbacks counts and logs the searches the database answered (default: its own).
 * @example const jobs = createJobSearch({ db, index, log, today }); await jobs.search({ q: "缝纫", limit: 20, offset: 0 });
 */
export function createJobSearch(deps: { db: Db; index: JobsIndex; log: Logger; today: () => string; fallbacks?: SearchFallbacks }): JobSearch {
  const fallbacks = deps.fallbacks ?? createSearchFallbacks(deps.log);
  // The results made from each kept engine answer, by origin; they go when the answer does.
  const resultsOf = new WeakMap<object, Map<string, JobResults>>();
  // The county's place names for pinyin (`lingbei` → 岭背), rebuilt when a town or village is added.
  // The regions come from their cache (db/queries/regions.ts), the same object until a town or village changes.
  let places: { regions: RegionLists; vocabulary: PlaceVocabulary } | undefined;
  const placesNow = (): PlaceVocabulary => {
    const regions = regionLists(deps.db);
    if (places?.regions !== regions) {
      places = { regions, vocabulary: placeVocabulary([...regions.towns, ...regions.villages.map((v) => v.name)]) };
    }
    return places.vocabulary;
  };
  // How each query typed was read (simplified, folded, pinyin and slips resolved): pure but not
  // cheap (opencc, pinyin), and the same few queries come again and again. Kept per place vocabulary.
  // A reading that never asked for the places holds whatever they are.
  const readings = new Map<string, { vocabulary: PlaceVocabulary | undefined; reading: ReturnType<typeof readQuery> }>();
  const readingOf = (typed: string): ReturnType<typeof readQuery> => {
    const held = readings.get(typed);
    if (held && (held.vocabulary === undefined || held.vocabulary === placesNow())) return held.reading;
    let vocabulary: PlaceVocabulary | undefined;
    const reading = deepFreeze(readQuery(normaliseQuery(typed), () => (vocabulary = placesNow())));
    if (readings.size >= READINGS_KEPT) readings.delete(readings.keys().next().value!);
    readings.set(typed, { vocabulary, reading });
    return reading;
  };
  const fromEngine = async (query: JobQuery, q: string): Promise<JobResults> => {
    const main: JobsIndexSearch = {
      q,
      filter: engineFilter(query),
      sort: engineSort({ ...query, q }),
      limit: query.limit,
      offset: query.offset,
      ...(query.facets ? { facets: Object.values(FACET_ATTRIBUTES) } : {}),
    };
    // A chosen facet's own counts come from a search without its filter (see DISJUNCTIVE_FACETS).
    const counted = query.facets ? DISJUNCTIVE_FACETS.filter((facet) => isActive(query, facet)) : [];
    const responses =
      counted.length === 0
        ? [await deps.index.search(main)]
        : await deps.index.multiSearch([
            main,
            ...counted.map((facet) => ({ q, filter: engineFilter(query, facet), sort: [], limit: 0, offset: 0, facets: [FACET_ATTRIBUTES[facet]] })),
          ]);
    const [response, ...others] = responses as [MeiliSearchResponse<JobDocument>, ...MeiliSearchResponse<unknown>[]];
    // A kept answer (search-answers.ts: the same frozen object again) gives the same results from the same origin.
    const from = query.origin ? `${query.origin.lat},${query.origin.lng}` : "";
    const known = Object.isFrozen(response) ? resultsOf.get(response)?.get(from) : undefined;
    if (known) return known;
    const results: JobResults = {
      hits: response.hits.map((doc) => summaryFromDocument(doc, query.origin && doc._geo ? distanceKm(query.origin, doc._geo) : undefined)),
      total: response.estimatedTotalHits ?? response.totalHits ?? response.hits.length,
      degraded: false,
      ...(query.facets ? { facets: facetsFrom(response, new Map(counted.map((facet, i) => [facet, others[i]!]))) } : {}),
    };
    if (Object.isFrozen(response)) {
      let byOrigin = resultsOf.get(response);
      if (!byOrigin) resultsOf.set(response, (byOrigin = new Map()));
      // Positions differ from phone to phone: a few per answer at most.
      if (byOrigin.size >= RESULTS_PER_ANSWER) byOrigin.clear();
      byOrigin.set(from, deepFreeze(results));
    }
    return results;
  };

  // Reduced mode: FTS5 over the search text, filters and facets from the postings' facts.
  const reduced = createReducedSearch(deps.db);
  const fromDatabase = (query: JobQuery, q: string): JobResults => reduced.search(query, q, effectiveSort(query));

  return {
    async search(asked) {
      const query: JobQuery = { ...asked, openOn: asked.openOn ?? deps.today() };
      const reading = readingOf(query.q ?? "");
      const q = reading.text;
      const readAs = reading.readAs.length > 0 ? { readAs: reading.readAs } : {};
      let results: JobResults;
      try {
        results = await fromEngine(query, q);
      } catch (error) {
        fallbacks.fellBack(error);
        return { ...fromDatabase(query, q), ...readAs };
      }
      fallbacks.answered();
      return { ...results, ...readAs };
    },
  };
}
