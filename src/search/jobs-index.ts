/**
 * The `jobs` index in Meilisearch: its settings (applied before any document is added) and the
 * few operations the platform needs. Each test file passes its own index name.
 */
import type { JobDocument } from "./job-document.ts";
import type { MeiliClient, MeiliSearchResponse, MeiliTask } from "./meili-client.ts";

/** Settings of the jobs index. Chinese locale on every attribute: the engine segments words. */
export const JOBS_INDEX_SETTINGS = {
  searchableAttributes: ["title", "employerName", "skills", "town", "village", "description"],
  filterableAttributes: ["type", "town", "workingTime", "ageMin", "ageMax", "payMin", "payMax", "benefits", "_geo"],
  sortableAttributes: ["publishedAt", "payMax", "payMin", "_geo"],
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["cmn"] }],
  pagination: { maxTotalHits: 10_000 },
  faceting: { maxValuesPerFacet: 100 },
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
  upsert(docs: JobDocument[]): Promise<MeiliTask>;
  remove(codes: string[]): Promise<MeiliTask>;
  /** Removes every document (before a full rebuild). */
  clear(): Promise<MeiliTask>;
  search(params: JobsIndexSearch): Promise<MeiliSearchResponse<JobDocument>>;
  count(): Promise<number>;
  waitForTask(task: MeiliTask): Promise<void>;
}

/** @example const jobs = createJobsIndex(meili, "jobs"); await jobs.ensure(); */
export function createJobsIndex(meili: MeiliClient, name: string): JobsIndex {
  const base = `/indexes/${encodeURIComponent(name)}`;
  return {
    name,
    async ensure() {
      try {
        await meili.request("GET", base);
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error;
        await meili.waitForTask(await meili.request<MeiliTask>("POST", "/indexes", { uid: name, primaryKey: "id" }));
      }
      await meili.waitForTask(await meili.request<MeiliTask>("PATCH", `${base}/settings`, JOBS_INDEX_SETTINGS));
    },
    upsert: (docs) => meili.request<MeiliTask>("PUT", `${base}/documents`, docs, 60_000),
    remove: (codes) => meili.request<MeiliTask>("POST", `${base}/documents/delete-batch`, codes),
    clear: () => meili.request<MeiliTask>("DELETE", `${base}/documents`),
    search: (params) => meili.request<MeiliSearchResponse<JobDocument>>("POST", `${base}/search`, params),
    async count() {
      const stats = await meili.request<{ numberOfDocuments: number }>("GET", `${base}/stats`);
      return stats.numberOfDocuments;
    },
    waitForTask: (task) => meili.waitForTask(task),
  };
}
