/**
 * Drains the search outbox into the jobs index: reads each changed posting (or every posting of
 * a changed employer) back from the database, upserts the open ones and removes the rest. A
 * failed batch is retried with exponential backoff; rows stay in the outbox until the engine
 * has taken them, so nothing is lost while it is down. Batches run one after another, so a row
 * is always read back after every change it stands for: the index never goes back to an older
 * version of a posting.
 */
import type { Db } from "../../db/client.ts";
import { jobRowsByIds, postingIdsOfEmployer } from "../../db/queries/jobs.ts";
import { deleteOutboxRows, dueOutboxRows, outboxIsPaused, postponeOutboxRows } from "../../db/queries/outbox.ts";
import { errorFields, type Logger } from "../log.ts";
import { isSearchable, toJobDocument } from "./job-document.ts";
import type { JobsIndex } from "./jobs-index.ts";
import { catchUpPostingSearch } from "./reduced-search.ts";

export const OUTBOX_BATCH_SIZE = 1_000;
export const OUTBOX_POLL_MS = 1_000;
/** Postings whose reduced-mode search text is written per run (a few hundred ms at most). */
const TEXT_INDEX_BATCH = 2_000;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 5 * 60_000;
/** Later than any retry time (retryNow takes every row); four-digit year, so it compares as text. */
const END_OF_TIME = new Date("9999-12-31T23:59:59.999Z");

/** How long to wait before the next try after `attempts` failures. Pure. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts));
}

export interface OutboxWorker {
  /** Starts polling (and reacting to `poke`). */
  start(): void;
  /** Asks for a run soon, e.g. right after a write. */
  poke(): void;
  /**
   * Runs now, sending rows whose next try is not due yet as well: the engine is back (restarted),
   * so the backoff of the outage need not be waited out. A failure ends it; rows back off again.
   */
  retryNow(): void;
  /** Processes everything due now; resolves when the outbox holds nothing due. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export function createOutboxWorker(deps: { db: Db; index: JobsIndex; log: Logger; now?: () => Date }): OutboxWorker {
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  /** Set by retryNow: take every row, due or not, until none is left or a batch fails. */
  let retryAll = false;

  /** One batch; returns how many rows it handled (0 when nothing was due). */
  const runBatch = async (): Promise<number> => {
    // A rebuild is filling a fresh index; rows wait, and are sent to it once it is live.
    if (outboxIsPaused(deps.db, now())) return 0;
    const rows = dueOutboxRows(deps.db, retryAll ? END_OF_TIME : now(), OUTBOX_BATCH_SIZE);
    if (rows.length === 0) {
      retryAll = false;
      return 0;
    }
    const postingIds = new Set<number>();
    for (const row of rows) {
      if (row.entity === "posting") postingIds.add(row.entityId);
      else for (const id of postingIdsOfEmployer(deps.db, row.entityId)) postingIds.add(id);
    }
    const jobs = jobRowsByIds(deps.db, [...postingIds]);
    const found = new Set(jobs.map((j) => j.id));
    const docs = jobs.filter(isSearchable).map((row) => toJobDocument(row));
    const gone = jobs.filter((j) => !isSearchable(j)).map((j) => j.code);
    try {
      if (docs.length > 0) await deps.index.waitForTask(await deps.index.upsert(docs));
      if (gone.length > 0) await deps.index.waitForTask(await deps.index.remove(gone));
      deleteOutboxRows(deps.db, rows.map((r) => r.id));
      deps.log.debug("search outbox batch indexed", {
        upserted: docs.length,
        removed: gone.length,
        missing: postingIds.size - found.size,
      });
      return rows.length;
    } catch (error) {
      retryAll = false;
      const attempts = Math.max(...rows.map((r) => r.attempts));
      const next = new Date(now().getTime() + backoffMs(attempts));
      postponeOutboxRows(deps.db, rows.map((r) => r.id), next, (error as Error).message);
      deps.log.warn("search outbox batch failed; will retry", { retryAt: next.toISOString(), attempts: attempts + 1, ...errorFields(error) });
      return 0;
    }
  };

  const drain = async () => {
    // One drain at a time; a second caller waits for the running one and then drains again.
    while (running) await running;
    running = (async () => {
      while ((await runBatch()) > 0) {
        // keep going while batches succeed
      }
      // The reduced mode's text index, in the background too, engine up or down (reduced-search.ts).
      catchUpPostingSearch(deps.db, TEXT_INDEX_BATCH);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      drain()
        .catch((error) => deps.log.error("search outbox worker failed", errorFields(error)))
        .finally(() => schedule(OUTBOX_POLL_MS));
    }, delay);
    timer.unref();
  };

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    poke() {
      schedule(0);
    },
    retryNow() {
      retryAll = true;
      schedule(0);
    },
    drain,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      while (running) await running;
    },
  };
}

