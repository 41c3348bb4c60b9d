/**
 * The reduced mode's search (the engine is down): the same words, filters, sorts and facet
 * counts as the engine, from the database. Words go through the FTS5 index of search pairs
 * (db/queries/posting-search.ts, src/core/search-pairs.ts) — no table scan —, filters and facets
 * over the facts of every open posting kept in memory until a posting, employer or place
 * changes (cache_versions 'postings'), and only the page of hits is read whole. Before it
 * answers it brings the index up to date with what changed, so an edit shows at once; the
 * outbox worker does the same in the background (catchUp), so that is rarely much.
 * See docs/decisions/2026-12-01-reduced-mode-fts.md.
 */
import type { Db } from "../../db/client.ts";
import { versionedCache } from "../../db/queries/cache-versions.ts";
import { jobRowsByIds } from "../../db/queries/jobs.ts";
import { openPostingFactRows, postingIdsMatching, stalePostingIds, writePostingSearchText } from "../../db/queries/posting-search.ts";
import { distanceKm } from "../core/geo.ts";
import { countFacets, matchesFilters, monthlyPay, type JobFacts } from "../core/job-filters.ts";
import { wordAlternatives } from "../core/job-synonyms.ts";
import { searchPairs, pairMatchQuery } from "../core/search-pairs.ts";
import { queryWords } from "../core/search-text.ts";
import { summaryFromRow, toJobDocument, type JobRow } from "./job-document.ts";
import type { JobQuery, JobResults, JobSort } from "./job-search.ts";

/** Most word groups looked at; more only slow the search down (as before the index). */
const MAX_TERMS = 5;
/** Postings whose text is written again per transaction while catching up. */
const CATCH_UP_BATCH = 500;

/** The text a posting is found by: every field the engine searches, in the search form. */
export function postingSearchText(row: JobRow): string {
  const doc = toJobDocument(row);
  return searchPairs([doc.titleText, ...doc.skillsText, ...doc.tagsText, doc.employerText, doc.placeText, doc.descriptionText].join(" "));
}

/**
 * Writes the search text of up to `limit` changed postings (all, by default) into the reduced
 * mode's index, a batch per transaction; returns how many.
 */
export function catchUpPostingSearch(db: Db, limit = Infinity): number {
  let done = 0;
  while (done < limit) {
    const ids = stalePostingIds(db, Math.min(CATCH_UP_BATCH, limit - done));
    if (ids.length === 0) break;
    const rows = new Map(jobRowsByIds(db, ids).map((row) => [row.id, row]));
    writePostingSearchText(
      db,
      ids.map((id) => {
        const row = rows.get(id);
        return { id, text: row ? postingSearchText(row) : undefined };
      }),
    );
    done += ids.length;
  }
  return done;
}

interface OpenPosting {
  id: number;
  facts: JobFacts;
}

export interface ReducedSearch {
  /** A search as the engine would answer it (q already in the search form), `degraded: true`. */
  search(query: JobQuery, q: string, sort: JobSort): JobResults;
  /** Writes the text of up to `limit` changed postings into the index; returns how many. */
  catchUp(limit?: number): number;
}

/** @example const reduced = createReducedSearch(db); reduced.search(query, normaliseQuery(query.q ?? ""), "relevance"); */
export function createReducedSearch(db: Db): ReducedSearch {
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
