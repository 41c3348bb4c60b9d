/**
 * The reduced mode's search as it was before 2026-12-02 (commit 5f5561c), kept for
 * bench/reduced.bench.ts to measure beside the in-memory index in the same run: words through
 * the FTS5 index of search pairs, filters and facet counts with matchesFilters and countFacets
 * over the cached facts of every open posting (objects). Not used by the platform.
 */
import type { Db } from "../db/client.ts";
import { versionedCache } from "../db/queries/cache-versions.ts";
import { jobRowsByIds } from "../db/queries/jobs.ts";
import { openPostingFactRows, postingIdsMatching } from "../db/queries/posting-search.ts";
import { distanceKm } from "../src/core/geo.ts";
import { countFacets, matchesFilters, monthlyPay, type JobFacts } from "../src/core/job-filters.ts";
import { wordAlternatives } from "../src/core/job-synonyms.ts";
import { pairMatchQuery } from "../src/core/search-pairs.ts";
import { queryWords } from "../src/core/search-text.ts";
import { catchUpPostingSearch } from "../src/search/reduced-search.ts";
import { summaryFromRow } from "../src/search/job-document.ts";
import type { JobQuery, JobResults, JobSort } from "../src/search/job-search.ts";

const MAX_TERMS = 5;

interface OpenPosting {
  id: number;
  facts: JobFacts;
}

interface ReducedSearch {
  /** A search as the engine would answer it (q already in the search form), `degraded: true`. */
  search(query: JobQuery, q: string, sort: JobSort): JobResults;
  /** Writes the text of up to `limit` changed postings into the index; returns how many. */
  catchUp(limit?: number): number;
}

export function createFtsReducedSearch(db: Db): ReducedSearch {
  const open = versionedCache<OpenPosting[]>(db, "postings", () =>
    openPostingFactRows(db).map((row) => ({
      id: row.id,
      facts: {
        type: row.employerType,
        town: row.town,
        workingTime: row.workingTime,
        ageMin: row.ageMin,
        ageMax: row.ageMax,
        benefits: row.benefits,
        monthlyPay: monthlyPay(row.payMin, row.payMax, row.payUnit),
        point: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
        closingDate: row.closingDate,
      },
    })),
  );

  return {
    catchUp: (limit) => catchUpPostingSearch(db, limit),
    search(query, q, sort) {
      catchUpPostingSearch(db);
      const match = pairMatchQuery(queryWords(q).slice(0, MAX_TERMS).map(wordAlternatives));
      const matching = match === undefined ? undefined : new Set(postingIdsMatching(db, match));
      // Open postings matching the words and still open on the day, newest first; the filters and
      // counts work on these. The day is compared once here, as text (YYYY-MM-DD sorts as dates),
      // not in every matchesFilters call of every facet.
      const openOn = query.openOn;
      const found = (matching === undefined ? open.get() : open.get().filter((p) => matching.has(p.id))).filter(
        (p) => !openOn || p.facts.closingDate === null || p.facts.closingDate >= openOn,
      );
      const filters = { ...query, openOn: undefined };
      const distanceOf = (p: OpenPosting) => (query.origin && p.facts.point ? distanceKm(query.origin, p.facts.point) : undefined);
      let hits = found.filter((p) => matchesFilters(p.facts, filters)).map((p) => ({ id: p.id, facts: p.facts, distance: sort === "distance" ? distanceOf(p) : undefined }));
      // The sorts below are stable, so ties stay newest first.
      if (sort === "distance") hits = hits.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity));
      if (sort === "pay") hits = hits.sort((a, b) => (b.facts.monthlyPay ?? -1) - (a.facts.monthlyPay ?? -1));
      const page = hits.slice(query.offset, query.offset + query.limit).map((hit) => ({ ...hit, distance: hit.distance ?? distanceOf(hit) }));
      const rows = new Map(jobRowsByIds(db, page.map((hit) => hit.id)).map((row) => [row.id, row]));
      return {
        hits: page.flatMap((hit) => {
          const row = rows.get(hit.id);
          return row ? [summaryFromRow(row, hit.distance)] : [];
        }),
        total: hits.length,
        degraded: true,
        ...(query.facets ? { facets: countFacets(found.map((p) => p.facts), filters) } : {}),
      };
    },
  };
}
