/**
 * The reduced mode's search (the engine is down): the same words, filters, sorts and facet
 * counts as the engine, from the database. Each posting's search text is kept in the database as
 * search pairs (posting_search, src/core/search-pairs.ts), written again when a posting, its
 * employer or its place changes; before it answers, the reduced mode writes what is stale, so
 * an edit shows at once (the outbox worker does the same in the background, catchUp). Words,
 * filters, sorts and facet counts then run on an in-memory index of every open posting
 * (src/core/reduced-index.ts), built on the first search and patched for the postings that
 * posting_changes (migration 0021_reduced) lists since; only the page of hits is read whole. See
 * docs/decisions/2026-12-01-reduced-mode-fts.md and 2026-12-02-reduced-mode-in-memory.md.
 */
import type { Db } from "../../db/client.ts";
import { jobRowsByIds } from "../../db/queries/jobs.ts";
import {
  lastPostingChange,
  openPostingIndexRows,
  postingChangeRange,
  postingSearchPairs,
  postingsChangedSince,
  prunePostingChanges,
  stalePostingIds,
  writePostingSearchText,
} from "../../db/queries/posting-search.ts";
import { monthlyPay } from "../core/job-filters.ts";
import { wordAlternatives } from "../core/job-synonyms.ts";
import { buildReducedIndex, matchWords, patchReducedIndex, searchIndex, type IndexedPosting, type ReducedIndex } from "../core/reduced-index.ts";
import { searchPairs, textOfPairs } from "../core/search-pairs.ts";
import { memoisedSearchForm, queryWords } from "../core/search-text.ts";
import { summaryFromRow, toJobDocument, type JobRow } from "./job-document.ts";
import type { JobQuery, JobResults, JobSort } from "./job-search.ts";

/** Most word groups looked at; more only slow the search down (as before the index). */
const MAX_TERMS = 5;
/** Postings whose text is written again per transaction while catching up. */
const CATCH_UP_BATCH = 500;

/** The text a posting is found by: every field the engine searches, in the search form. */
export function postingSearchText(row: JobRow, searchForm?: (text: string) => string): string {
  const doc = toJobDocument(row, searchForm);
  return searchPairs([doc.titleText, ...doc.skillsText, ...doc.tagsText, doc.employerText, doc.placeText, doc.descriptionText].join(" "));
}

/**
 * Writes the search text of up to `limit` changed postings (all, by default) into the reduced
 * mode's index, a batch per transaction; returns how many. Also prunes the change log.
 */
export function catchUpPostingSearch(db: Db, limit = Infinity): number {
  prunePostingChanges(db);
  const searchForm = memoisedSearchForm();
  let done = 0;
  while (done < limit) {
    const ids = stalePostingIds(db, Math.min(CATCH_UP_BATCH, limit - done));
    if (ids.length === 0) break;
    const rows = new Map(jobRowsByIds(db, ids).map((row) => [row.id, row]));
    writePostingSearchText(
      db,
      ids.map((id) => {
        const row = rows.get(id);
        return { id, text: row ? postingSearchText(row, searchForm) : undefined };
      }),
    );
    done += ids.length;
  }
  return done;
}

/** Each posting's decoded text with the pairs it came from, kept between builds and patches. */
type DecodedTexts = Map<number, { pairs: string; text: string }>;

/** What the index is built from: the open postings (all, or those of `ids`), newest first. */
function indexedPostings(db: Db, decoded: DecodedTexts, ids?: readonly number[]): IndexedPosting[] {
  const pairsById = postingSearchPairs(db, ids);
  const textOf = (id: number): string => {
    const pairs = pairsById.get(id);
    if (pairs === undefined) return "";
    const held = decoded.get(id);
    if (held?.pairs === pairs) return held.text;
    const text = textOfPairs(pairs);
    decoded.set(id, { pairs, text });
    return text;
  };
  return openPostingIndexRows(db, ids).map(([id, payMin, payMax, payUnit, workingTime, ageMin, ageMax, benefits, closingDate, type, town, lat, lng, publishedAt]) => ({
    id,
    text: textOf(id),
    publishedAt,
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
  }));
}

/** The in-memory index of the open postings, from the database (newest first). */
export function reducedIndexFromDatabase(db: Db, decoded: DecodedTexts = new Map()): ReducedIndex {
  return buildReducedIndex(indexedPostings(db, decoded));
}

/** Most postings patched at once; more and the index is built again. */
const MAX_PATCH = 2_000;
/** Most postings patched since a build (their texts are checked one by one); more and it is built again. */
const MAX_PATCHED = 5_000;

/**
 * The index kept in memory, brought up to date with posting_changes (migration 0021_reduced):
 * built on first use; after changes, patched for the changed postings alone (a new posting, or
 * one published again, is appended when it lists first, as one published now does), or built
 * again when a posting would list among the others, when many changed, or when the log was
 * pruned past it.
 * Each build or patch reads in one transaction, so it matches the log's row it records.
 */
export function liveReducedIndex(db: Db): { get(): ReducedIndex; builds(): number } {
  const decoded: DecodedTexts = new Map();
  let held: { index: ReducedIndex; seq: number; patched: number } | undefined;
  let builds = 0;
  const build = db.$client.transaction(() => ({ seq: lastPostingChange(db), index: reducedIndexFromDatabase(db, decoded), patched: 0 }));
  const readChanges = db.$client.transaction((since: number) => {
    const { first, last } = postingChangeRange(db);
    if (first > since + 1) return undefined;
    const ids = postingsChangedSince(db, since, MAX_PATCH + 1);
    if (ids.length > MAX_PATCH) return undefined;
    const changed = new Map<number, IndexedPosting | undefined>(ids.map((id) => [id, undefined]));
    for (const posting of indexedPostings(db, decoded, ids)) changed.set(posting.id, posting);
    return { seq: last, changed };
  });
  return {
    builds: () => builds,
    get() {
      if (held && lastPostingChange(db) === held.seq) return held.index;
      if (held) {
        const changes = readChanges(held.seq);
        if (changes && held.patched + changes.changed.size <= MAX_PATCHED && patchReducedIndex(held.index, changes.changed)) {
          held = { index: held.index, seq: changes.seq, patched: held.patched + changes.changed.size };
          return held.index;
        }
      }
      builds++;
      held = build();
      return held.index;
    },
  };
}

export interface ReducedSearch {
  /** A search as the engine would answer it (q already in the search form), `degraded: true`. */
  search(query: JobQuery, q: string, sort: JobSort): JobResults;
  /** Writes the text of up to `limit` changed postings into the index; returns how many. */
  catchUp(limit?: number): number;
  /** How many times the in-memory index was built whole (for the benchmark and tests). */
  builds(): number;
}

/** @example const reduced = createReducedSearch(db); reduced.search(query, normaliseQuery(query.q ?? ""), "relevance"); */
export function createReducedSearch(db: Db): ReducedSearch {
  // Built on the first search (the engine is rarely down), then patched as postings change.
  const index = liveReducedIndex(db);

  return {
    catchUp: (limit) => catchUpPostingSearch(db, limit),
    builds: () => index.builds(),
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
