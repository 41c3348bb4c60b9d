/**
 * A full rebuild of the jobs index from the database (npm run reindex), without a moment of
 * empty or partial results: a fresh index is filled beside the live one, then the two are
 * swapped atomically and the old one is dropped. See docs/decisions/2026-11-23-reindex.md.
 *
 * While the fresh index fills, every outbox worker is paused (pauseOutbox); changes made in the
 * meantime wait in the outbox and are sent after the swap, read back from the database then, so
 * they land in the new index and nothing the rebuild read earlier can overwrite them.
 */
import type { Db } from "../../db/client.ts";
import { countOpenPostings, openJobRowBatches } from "../../db/queries/jobs.ts";
import { pauseOutbox, resumeOutbox } from "../../db/queries/outbox.ts";
import type { Logger } from "../log.ts";
import { markIndexCurrent } from "./index-version.ts";
import { toJobDocument } from "./job-document.ts";
import { createJobsIndex } from "./jobs-index.ts";
import type { MeiliClient, MeiliTask } from "./meili-client.ts";

/** Postings read and sent per request. */
export const REBUILD_BATCH_SIZE = 5_000;
/** How long a pause lasts unless renewed; a rebuild renews it with every batch. */
export const REBUILD_PAUSE_MS = 2 * 60_000;

export interface RebuildProgress {
  /** Postings indexed so far. */
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
    let sent = 0;
    let done = 0;
    options.onProgress?.({ done, total });
    // One batch in flight while the next is read: the engine indexes while we convert.
    let pending: { task: MeiliTask; size: number } | undefined;
    const settle = async () => {
      if (!pending) return;
      await fresh.waitForTask(pending.task);
      done += pending.size;
      pending = undefined;
      options.onProgress?.({ done, total: Math.max(total, sent) });
    };
    for (const rows of openJobRowBatches(db, REBUILD_BATCH_SIZE)) {
      const task = await fresh.upsert(rows.map(toJobDocument));
      sent += rows.length;
      await settle();
      pending = { task, size: rows.length };
      renewPause();
    }
    await settle();

    await live.createIfMissing();
    await live.swapWith(fresh.name);
    // After the swap the fresh name holds the old documents.
    await fresh.drop();
    markIndexCurrent(db, options.indexName);
    const ms = Math.round(performance.now() - started);
    log.info("jobs index rebuilt", { index: options.indexName, documents: done, ms });
    return { documents: done, ms };
  } finally {
    resumeOutbox(db);
  }
}
