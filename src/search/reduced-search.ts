/**
 * The reduced mode's search (the engine is down): the same words, filters, sorts and facet
 * counts as the engine, from the database. Each posting's search text is kept in the database as
 * search pairs (posting_search, src/core/search-pairs.ts), written again when a posting, its
 * employer or its place changes; before it answers, the reduced mode writes what is stale, so
 * an edit shows at once (the outbox worker does the same in the background, catchUp). Words,
 * filters, sorts and facet counts then run on an in-memory index of every open posting
 * (src/core/reduced-index.ts), built on the first search and again when the 'postings' cache
 * version moves; only the page of hits is read whole. See
 * docs/decisions/2026-12-01-reduced-mode-fts.md and 2026-12-02-reduced-mode-in-memory.md.
 */
import type { Db } from "../../db/client.ts";
import { versionedCache } from "../../db/queries/cache-versions.ts";
import { jobRowsByIds } from "../../db/queries/jobs.ts";
import { openPostingIndexRows, postingSearchPairs, stalePostingIds, writePostingSearchText } from "../../db/queries/posting-search.ts";
import { monthlyPay } from "../core/job-filters.ts";
import { wordAlternatives } from "../core/job-synonyms.ts";
import { buildReducedIndex, matchWords, searchIndex, type ReducedIndex } from "../core/reduced-index.ts";
import { searchPairs, textOfPairs } from "../core/search-pairs.ts";
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

/**
 * The in-memory index of the open postings, from the database (newest first). `decoded` keeps
 * each posting's text between builds: a text whose pairs did not change is not decoded again.
 */
export function reducedIndexFromDatabase(db: Db, decoded = new Map<number, { pairs: string; text: string }>()): ReducedIndex {
  const pairsById = postingSearchPairs(db);
  const textOf = (id: number): string => {
    const pairs = pairsById.get(id);
    if (pairs === undefined) return "";
    const held = decoded.get(id);
    if (held?.pairs === pairs) return held.text;
    const text = textOfPairs(pairs);
    decoded.set(id, { pairs, text });
    return text;
  };
  return buildReducedIndex(
    openPostingIndexRows(db).map(([id, payMin, payMax, payUnit, workingTime, ageMin, ageMax, benefits, closingDate, type, town, lat, lng]) => ({
      id,
      text: textOf(id),
      facts: {
        type,
        town,
        workingTime,
        ageMin,
        ageMax,
        benefits: benefits === "[]" ? [] : (JSON.parse(benefits) as string[]),
        monthlyPay: monthlyPay(payMin, payMax, payUnit),
        point: lat !== null && lng !== null ? { lat, lng } : null,
        closingDate,
      },
    })),
  );
}

export interface ReducedSearch {
  /** A search as the engine would answer it (q already in the search form), `degraded: true`. */
  search(query: JobQuery, q: string, sort: JobSort): JobResults;
  /** Writes the text of up to `limit` changed postings into the index; returns how many. */
  catchUp(limit?: number): number;
}

/** @example const reduced = createReducedSearch(db); reduced.search(query, normaliseQuery(query.q ?? ""), "relevance"); */
export function createReducedSearch(db: Db): ReducedSearch {
  // Built on the first search (the engine is rarely down), again after any change to postings,
  // employers, places or the search text (all bump the 'postings' cache version).
  const decoded = new Map<number, { pairs: string; text: string }>();
  const index = versionedCache<ReducedIndex>(db, "postings", () => reducedIndexFromDatabase(db, decoded));

  return {
    catchUp: (limit) => catchUpPostingSearch(db, limit),
    search(query, q, sort) {
      catchUpPostingSearch(db);
      const held = index.get();
      const matching = matchWords(held, queryWords(q).slice(0, MAX_TERMS).map(wordAlternatives));
      const found = searchIndex(held, { filters: query, matching, sort, offset: query.offset, limit: query.limit, facets: query.facets === true });
      const rows = new Map(jobRowsByIds(db, found.page.map((hit) => hit.id)).map((row) => [row.id, row]));
      return {
        hits: found.page.flatMap((hit) => {
          const row = rows.get(hit.id);
          return row ? [summaryFromRow(row, hit.distance)] : [];
        }),
        total: found.total,
        degraded: true,
        ...(found.facets ? { facets: found.facets } : {}),
      };
    },
  };
}
