/**
 * A full rebuild of the jobs index from the database (npm run reindex), without a moment of
 * empty or partial results: a fresh index is filled beside the live one, then the two are
 * swapped atomically and the old one is dropped. See docs/decisions/2026-11-23-reindex.md.
 *
 * While the fresh index fills, every outbox worker is paused (pauseOutbox); changes made in the
 * meantime wait in the outbox and are sent after the swap, read back from the database then, so
 * they land in the new index and nothing the rebuild read earlier can overwrite them.
 */
import { bumpCacheVersion } from "../../db/queries/cache-versions.ts";
import type { Db } from "../../db/client.ts";
import { countOpenPostings, openJobRowBatches } from "../../db/queries/jobs.ts";
import { pauseOutbox, resumeOutbox } from "../../db/queries/outbox.ts";
import type { Logger } from "../log.ts";
import { markIndexCurrent } from "./index-version.ts";
import { memoisedSearchForm } from "../core/search-text.ts";
import { toJobDocument } from "./job-document.ts";
import { createJobsIndex } from "./jobs-index.ts";
import type { MeiliClient, MeiliTask } from "./meili-client.ts";

/** Postings read and sent per request. */
export const REBUILD_BATCH_SIZE = 5_000;
/** How long a pause lasts unless renewed; a rebuild renews it while it runs. */
export const REBUILD_PAUSE_MS = 2 * 60_000;
/** The longest the engine may take to index everything sent (a million postings take minutes). */
const INDEXING_TIMEOUT_MS = 60 * 60_000;
const PROGRESS_POLL_MS = 500;

/**
 * Where a rebuild is: reading postings from the database and sending them (done/total postings),
 * then the engine indexing them (done/total in percent, from the engine's own progress).
 */
export interface RebuildProgress {
  stage: "read" | "index";
  done: number;
  total: number;
}

export interface RebuildResult {
  documents: number;
  ms: number;
}

export interface RebuildOptions {
  db: Db;
  meili: MeiliClient;
  /** The live index (e.g. "jobs"). */
  indexName: string;
  log: Logger;
  onProgress?: (progress: RebuildProgress) => void;
}

/** The name of the index a rebuild fills before the swap. */
export function rebuildIndexName(indexName: string): string {
  return `${indexName}_rebuild`;
}

/**
 * Rebuilds the index from the open postings of the database.
 * @example await rebuildJobsIndex({ db, meili, indexName: "jobs", log, onProgress: ({ done, total }) => … });
 */
export async function rebuildJobsIndex(options: RebuildOptions): Promise<RebuildResult> {
  const { db, meili, log } = options;
  const started = performance.now();
  const live = createJobsIndex(meili, options.indexName);
  const fresh = createJobsIndex(meili, rebuildIndexName(options.indexName));
  const renewPause = () => pauseOutbox(db, new Date(Date.now() + REBUILD_PAUSE_MS));

  renewPause();
  try {
    // A rebuild that died half-way leaves its index behind; start clean.
    await fresh.drop();
    await fresh.ensure();
    const total = countOpenPostings(db);
    // Everything is sent first and indexed after: the engine merges consecutive additions into
    // larger batches, instead of indexing 5,000 postings at a time while we wait.
    const tasks: { task: MeiliTask; size: number }[] = [];
    let sent = 0;
    options.onProgress?.({ stage: "read", done: 0, total });
    // Employers' names, places, tags and common titles repeat across postings: converted once.
    const searchForm = memoisedSearchForm();
    for (const rows of openJobRowBatches(db, REBUILD_BATCH_SIZE)) {
      tasks.push({ task: await fresh.upsert(rows.map((row) => toJobDocument(row, searchForm))), size: rows.length });
      sent += rows.length;
      options.onProgress?.({ stage: "read", done: sent, total: Math.max(total, sent) });
      renewPause();
    }

    let indexed = 0;
    let waiting = true;
    let wake = () => {};
    const watch = (async () => {
      while (waiting) {
        const percent = await processingPercent(meili, fresh.name).catch(() => undefined);
        const share = sent === 0 ? 1 : (indexed + ((percent ?? 0) / 100) * (sent - indexed)) / sent;
        if (waiting) options.onProgress?.({ stage: "index", done: Math.floor(share * 100), total: 100 });
        renewPause();
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, PROGRESS_POLL_MS);
        });
      }
    })();
    try {
      for (const { task, size } of tasks) {
        await fresh.waitForTask(task, INDEXING_TIMEOUT_MS);
        indexed += size;
      }
    } finally {
      waiting = false;
      wake();
      await watch;
    }
    options.onProgress?.({ stage: "index", done: 100, total: 100 });

    await live.createIfMissing();
    await live.swapWith(fresh.name);
    // After the swap the fresh name holds the old documents.
    await fresh.drop();
    markIndexCurrent(db, options.indexName);
    // A server beside this process keeps search answers by the postings' version: they are stale now.
    bumpCacheVersion(db, "postings");
    const ms = Math.round(performance.now() - started);
    log.info("jobs index rebuilt", { index: options.indexName, documents: indexed, ms });
    return { documents: indexed, ms };
  } finally {
    resumeOutbox(db);
  }
}

/** How far the engine is with the batch it is indexing for this index, in percent, if it says. */
async function processingPercent(meili: MeiliClient, indexName: string): Promise<number | undefined> {
  const batches = await meili.call(() => meili.reads.batches.getBatches({ statuses: ["processing"], indexUids: [indexName], limit: 1 }));
  return batches.results[0]?.progress?.percentage;
}
