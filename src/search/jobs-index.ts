/**
 * The `jobs` index in Meilisearch: its settings (applied before any document is added) and the
 * few operations the platform needs, through the official client (meili-client.ts). Each test
 * file passes its own index name.
 */
import { engineSynonyms } from "../core/job-synonyms.ts";
import type { JobDocument } from "./job-document.ts";
import type { MultiSearchParams, Settings } from "meilisearch";
import type { MeiliClient, MeiliError, MeiliSearchResponse, MeiliTask } from "./meili-client.ts";

/** What search responses carry: the fields pages and the API show, not the search copies. */
const DISPLAYED: readonly (keyof JobDocument)[] = [
  "code", "title", "employerCode", "employerName", "type", "town", "village", "payMin", "payMax", "payUnit",
  "workingTime", "benefits", "publishedAt", "headcount", "openings", "_geo",
];

/**
 * Settings of the jobs index. The searchable attributes hold the search form of the text
 * (core/search-text.ts), most telling first; the Chinese locale makes the engine segment words.
 * Typo tolerance keeps the engine's default word sizes: on two-character Chinese words one typo
 * turns a word into another (电焊 / 电子), so Chinese slips come from COMMON_MISSPELLINGS instead.
 * A chosen order (nearest, newest, best paid) comes right after "matches every word": a seeker
 * who asks for the nearest 缝纫 job gets the nearest of those, not the best-worded one first.
 * "attribute" comes before "proximity": a job word found (by synonym) in a title beats the same
 * everyday words written in a description (docs/decisions/2026-12-01-search-vocabulary.md).
 */
export const JOBS_INDEX_SETTINGS = {
  rankingRules: ["words", "sort", "typo", "attribute", "proximity", "exactness"],
  searchableAttributes: ["titleText", "skillsText", "tagsText", "employerText", "placeText", "descriptionText"],
  displayedAttributes: DISPLAYED,
  filterableAttributes: ["type", "town", "workingTime", "ageMin", "ageMax", "payLevel", "benefits", "closesOn", "_geo"],
  sortableAttributes: ["publishedAt", "monthlyPay", "_geo"],
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["cmn"] }],
  synonyms: engineSynonyms(),
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
  pagination: { maxTotalHits: 10_000 },
  faceting: { maxValuesPerFacet: 200 },
} as const;

export interface JobsIndexSearch {
  q: string;
  filter: string[];
  sort: string[];
  limit: number;
  offset: number;
  facets?: string[];
}

export interface JobsIndex {
  readonly name: string;
  /** Creates the index if needed and applies the settings; resolves when they are in force. */
  ensure(): Promise<void>;
  /** Creates the index if it does not exist, leaving an existing one (and its settings) alone. */
  createIfMissing(): Promise<void>;
  upsert(docs: JobDocument[]): Promise<MeiliTask>;
  remove(codes: string[]): Promise<MeiliTask>;
  /** Removes every document (before a full rebuild). */
  clear(): Promise<MeiliTask>;
  search(params: JobsIndexSearch): Promise<MeiliSearchResponse<JobDocument>>;
  /** One document by posting code, or undefined. */
  get(code: string): Promise<JobDocument | undefined>;
  /** Several searches in one request (results in the same order). */
  multiSearch(queries: JobsIndexSearch[]): Promise<MeiliSearchResponse<JobDocument>[]>;
  count(): Promise<number>;
  /** Waits for a task (up to two minutes unless told). */
  waitForTask(task: MeiliTask, timeoutMs?: number): Promise<void>;
  /** Deletes the whole index; resolves when it is gone (or was not there). */
  drop(): Promise<void>;
  /** Exchanges the contents of this index and another, atomically; resolves when done. */
  swapWith(other: string): Promise<void>;
}

/** @example const jobs = createJobsIndex(meili, "jobs"); await jobs.ensure(); */
export function createJobsIndex(meili: MeiliClient, name: string): JobsIndex {
  const reads = meili.reads.index<JobDocument>(name);
  const writes = meili.writes.index<JobDocument>(name);
  const call = meili.call;
  const createIfMissing = async () => {
    try {
      await call(() => reads.getRawInfo());
    } catch (error) {
      if ((error as MeiliError).status !== 404) throw error;
      await meili.waitForTask(await call(() => meili.writes.createIndex(name, { primaryKey: "id" })));
    }
  };
  const searchParams = ({ q: _q, ...params }: JobsIndexSearch) => params;
  return {
    name,
    async ensure() {
      await createIfMissing();
      await meili.waitForTask(await call(() => writes.updateSettings(JOBS_INDEX_SETTINGS as unknown as Settings)));
    },
    createIfMissing,
    // Whole documents replace the ones they update: a field a posting lost leaves the index too.
    upsert: (docs) => call(() => writes.addDocuments(docs)),
    remove: (codes) => call(() => writes.deleteDocuments(codes)),
    clear: () => call(() => writes.deleteAllDocuments()),
    search: (params) => call(() => reads.search<JobDocument>(params.q, searchParams(params))) as Promise<MeiliSearchResponse<JobDocument>>,
    async get(code) {
      try {
        return (await call(() => reads.getDocument(code))) as JobDocument;
      } catch (error) {
        if ((error as MeiliError).code === "document_not_found") return undefined;
        throw error;
      }
    },
    async multiSearch(queries) {
      const response = await call(() => meili.reads.multiSearch<MultiSearchParams, JobDocument>({ queries: queries.map((query) => ({ indexUid: name, ...query })) }));
      return response.results as MeiliSearchResponse<JobDocument>[];
    },
    async count() {
      return (await call(() => reads.getStats())).numberOfDocuments;
    },
    waitForTask: (task, timeoutMs) => meili.waitForTask(task, timeoutMs),
    async drop() {
      try {
        await meili.waitForTask(await call(() => meili.writes.deleteIndex(name)));
      } catch (error) {
        if ((error as MeiliError).code !== "index_not_found") throw error;
      }
    },
    async swapWith(other) {
      await meili.waitForTask(await call(() => meili.writes.swapIndexes([{ indexes: [name, other], rename: false }])));
    },
  };
}
