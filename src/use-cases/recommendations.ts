/**
 * Recommendations for registry workers (岗位推荐): the one matcher (src/core/recommend) over a
 * compact in-memory index of the county's open postings (src/core/recommend/posting-index.ts).
 * The index is built on first use and rebuilt when the open postings' version (bumped by
 * triggers, migration 0014_matching) has moved; a recommendation reads the version and the
 * worker, ranks the index, and reads the few postings shown by id. See
 * docs/decisions/2026-12-01-matching.md and 2026-12-02-recommendation-speed.md.
 */
import type { Db } from "../../db/client.ts";
import {
  matchingVersion,
  matchingWorkerById,
  matchingWorkerByIdNumberHash,
  matchingWorkersOfHousehold,
  openPostingsForMatching,
  openPostingsIndex,
  postingsForMatchingByIds,
  type MatchingPosting,
  type MatchingWorker,
} from "../../db/queries/recommend.ts";
import { RECOMMEND_DEFAULT_LIMIT, type RecommendationAnswer } from "../core/recommend/recommend.ts";
import { recommendFromIndex, type PostingIndex } from "../core/recommend/posting-index.ts";
import type { Resource } from "../core/policy.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";

interface VersionedIndex {
  version: number;
  index: PostingIndex;
}

// One index per database (tests run several platforms in one process).
const indexes = new WeakMap<Db, VersionedIndex>();

/** The index of the county's open postings (rebuilt when a posting or a place changed). */
export function openPostingIndex(db: Db): PostingIndex {
  const version = matchingVersion(db);
  const current = indexes.get(db);
  if (current && current.version === version) return current.index;
  // Read the version before the rows: a change committed in between rebuilds next time.
  const fresh = { version, index: openPostingsIndex(db) };
  indexes.set(db, fresh);
  return fresh.index;
}

/** Whether the index of this database is built at the open postings' current version. */
export function postingIndexIsCurrent(db: Db): boolean {
  return indexes.get(db)?.version === matchingVersion(db);
}

/** Every open posting as objects (the straightforward path the index is checked against; not for answers). */
export function openPostings(db: Db): readonly MatchingPosting[] {
  return openPostingsForMatching(db);
}

export type WorkerRecommendations = {
  worker: MatchingWorker;
  resource: Extract<Resource, { type: "worker" }>;
  answer: RecommendationAnswer<MatchingPosting>;
};

function answerFor(db: Db, worker: MatchingWorker, today: string, limit: number): WorkerRecommendations {
  return { worker, resource: { type: "worker", townId: worker.townId }, answer: recommendFromIndex(worker, openPostingIndex(db), today, limit, (ids) => postingsForMatchingByIds(db, ids)) };
}

/**
 * The best open postings for the worker with this id, with the worker and what decides who may
 * read it; undefined when there is no such worker.
 * @example workerRecommendations({ db }, { workerId: 7, today: "2026-11-23" })?.answer.hits
 */
export function workerRecommendations(deps: { db: Db }, props: { workerId: number; today: string; limit?: number }): WorkerRecommendations | undefined {
  const worker = matchingWorkerById(deps.db, props.workerId);
  return worker && answerFor(deps.db, worker, props.today, props.limit ?? RECOMMEND_DEFAULT_LIMIT);
}

/** The same for a worker found by their whole ID number (looked up by its keyed hash). */
export function recommendationsByIdNumber(
  deps: { db: Db; protector: PersonalDataProtector },
  props: { idNumber: string; today: string; limit?: number },
): WorkerRecommendations | undefined {
  const worker = matchingWorkerByIdNumberHash(deps.db, deps.protector.hashIdNumber(props.idNumber));
  return worker && answerFor(deps.db, worker, props.today, props.limit ?? RECOMMEND_DEFAULT_LIMIT);
}

/**
 * Recommendations for members of a household: `memberIds` (an alert's job seekers) or every
 * member who is willing and able (the others are listed with why nothing is recommended).
 */
export function householdRecommendations(
  deps: { db: Db },
  props: { householdId: number; today: string; memberIds?: readonly number[]; limit?: number },
): WorkerRecommendations[] {
  const members = matchingWorkersOfHousehold(deps.db, props.householdId);
  const wanted = props.memberIds ? members.filter((m) => props.memberIds!.includes(m.id)) : members;
  return wanted.map((m) => answerFor(deps.db, m, props.today, props.limit ?? RECOMMEND_DEFAULT_LIMIT));
}
