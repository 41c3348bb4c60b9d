/**
 * Recommendations for registry workers (岗位推荐): the one matcher (src/core/recommend) over an
 * in-memory index of the county's open postings. The index is loaded on first use and reloaded
 * when the open postings' version (bumped by triggers, migration 0014_matching) has moved, so a
 * recommendation reads one row of SQL besides the worker. See docs/decisions/2026-12-01-matching.md.
 */
import type { Db } from "../../db/client.ts";
import {
  matchingVersion,
  matchingWorkerById,
  matchingWorkerByIdNumberHash,
  matchingWorkersOfHousehold,
  openPostingsForMatching,
  type MatchingPosting,
  type MatchingWorker,
} from "../../db/queries/recommend.ts";
import { RECOMMEND_DEFAULT_LIMIT, recommend, type RecommendationAnswer } from "../core/recommend/recommend.ts";
import type { Resource } from "../core/policy.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";

interface OpenPostingsIndex {
  version: number;
  postings: MatchingPosting[];
}

// One index per database (tests run several platforms in one process).
const indexes = new WeakMap<Db, OpenPostingsIndex>();

/** The county's open postings, from the index (reloaded when a posting or a place changed). */
export function openPostings(db: Db): readonly MatchingPosting[] {
  const version = matchingVersion(db);
  const current = indexes.get(db);
  if (current && current.version === version) return current.postings;
  // Read the version before the rows: a change committed in between reloads next time.
  const fresh = { version, postings: openPostingsForMatching(db) };
  indexes.set(db, fresh);
  return fresh.postings;
}

export type WorkerRecommendations = {
  worker: MatchingWorker;
  resource: Extract<Resource, { type: "worker" }>;
  answer: RecommendationAnswer<MatchingPosting>;
};

function answerFor(db: Db, worker: MatchingWorker, today: string, limit: number): WorkerRecommendations {
  return { worker, resource: { type: "worker", townId: worker.townId }, answer: recommend(worker, openPostings(db), today, limit) };
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
