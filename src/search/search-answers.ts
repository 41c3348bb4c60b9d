/**
 * The engine's answers to searches, kept for the next identical search until anything could
 * have changed them (issue 11; docs/decisions/2026-12-02-search-answers-cache.md). The key is
 * the engine request itself — path and JSON body, which already carry the words as searched,
 * every filter (today's date among them), the sort, the page and the facets asked — together
 * with the postings' version in the database (db/queries/cache-versions.ts, kept by triggers
 * whoever writes). Every write through this index (documents added or removed, settings, a
 * swap, a drop) empties the cache when it is sent and again when the engine says it is done,
 * and an answer that was in flight across a write is not kept. A rebuild from another process
 * (`npm run reindex`) bumps the postings' version after its swap (rebuild-index.ts).
 *
 * When the engine fails to answer, the cache is emptied: the next searches go to the engine (and,
 * while it is down, to the reduced mode, which says so) rather than half from memory.
 *
 * Answers are frozen: callers share them and must copy what they change.
 * @example const index = withSearchAnswers(createJobsIndex(meili, "jobs"), { version: () => cacheVersion(db, "postings") });
 */
import type { JobDocument } from "./job-document.ts";
import type { JobsIndex, JobsIndexSearch } from "./jobs-index.ts";
import type { MeiliSearchResponse } from "./meili-client.ts";

/** Distinct searches kept (the least recently used go first). A results page answer is ~10 KB. */
export const SEARCH_ANSWERS_LIMIT = 2_000;

export interface SearchAnswersStatus {
  entries: number;
  hits: number;
  misses: number;
  /** Times the cache was emptied by a write. */
  writes: number;
}

export interface CachedJobsIndex extends JobsIndex {
  answersStatus(): SearchAnswersStatus;
}

/** Freezes an object and everything in it (shared answers nobody may change). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A JobsIndex whose searches and multi-searches answer from memory when the same request was
 * answered since the last write and the postings' version is the same.
 * @param options.version the postings' version now (one primary-key read a search)
 * @param options.limit how many answers to keep (default SEARCH_ANSWERS_LIMIT; 0 keeps none)
 */
export function withSearchAnswers(index: JobsIndex, options: { version: () => number; limit?: number }): CachedJobsIndex {
  const limit = options.limit ?? SEARCH_ANSWERS_LIMIT;
  const answers = new Map<string, unknown>();
  let generation = 0;
  let hits = 0;
  let misses = 0;
  const changed = () => {
    generation++;
    answers.clear();
  };
  /** Runs a write, emptying the cache before it is sent and after it settles. */
  const writing = async <T>(write: () => Promise<T>): Promise<T> => {
    changed();
    try {
      return await write();
    } finally {
      changed();
    }
  };
  const remembered = async <T>(key: string, ask: () => Promise<T>): Promise<T> => {
    const full = `${options.version()}\n${key}`;
    const held = answers.get(full);
    if (held !== undefined) {
      hits++;
      // Most recently used last: re-insert.
      answers.delete(full);
      answers.set(full, held);
      return held as T;
    }
    misses++;
    const asked = generation;
    let answer: T;
    try {
      answer = deepFreeze(await ask());
    } catch (error) {
      // The engine failed: the search answers from the database and says so (reduced mode), and
      // so does every one after it until the engine answers again — none from memory meanwhile.
      changed();
      throw error;
    }
    // A write sent or finished while the engine answered: the answer may predate it.
    if (asked === generation && limit > 0) {
      answers.set(full, answer);
      if (answers.size > limit) answers.delete(answers.keys().next().value!);
    }
    return answer;
  };
  return {
    name: index.name,
    ensure: () => writing(() => index.ensure()),
    createIfMissing: () => writing(() => index.createIfMissing()),
    upsert: (docs) => writing(() => index.upsert(docs)),
    remove: (codes) => writing(() => index.remove(codes)),
    clear: () => writing(() => index.clear()),
    // The engine applies an enqueued task some time before it reports it done.
    waitForTask: (task, timeoutMs) => writing(() => index.waitForTask(task, timeoutMs)),
    drop: () => writing(() => index.drop()),
    swapWith: (other) => writing(() => index.swapWith(other)),
    get: (code) => index.get(code),
    count: () => index.count(),
    search: (params: JobsIndexSearch) =>
      remembered<MeiliSearchResponse<JobDocument>>(`search\n${JSON.stringify(params)}`, () => index.search(params)),
    multiSearch: (queries: JobsIndexSearch[]) =>
      remembered<MeiliSearchResponse<JobDocument>[]>(`multi\n${JSON.stringify(queries)}`, () => index.multiSearch(queries)),
    answersStatus: () => ({ entries: answers.size, hits, misses, writes: generation }),
  };
}
