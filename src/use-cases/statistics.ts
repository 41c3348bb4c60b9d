/**
 * The statistics service: keeps the registry's columnar snapshot (src/core/stats/columns.ts) in
 * memory and answers every figure from it in tens of milliseconds, where SQL took 1–3 s at a
 * million workers. Freshness comes from the registry version (migration 0005, bumped by triggers):
 * one primary-key read a request tells whether the snapshot is still the registry's.
 * When it is not, a reload starts on the statistics' own read-only connection, stepped between
 * requests so the server keeps answering. A small county (under SERVE_STALE_ABOVE workers)
 * waits for it: the reload takes milliseconds and every answer is current. A large one is answered
 * from the previous snapshot meanwhile, and the page says when its figures were taken ("数据截至").
 * Each loaded snapshot is also kept on disk (src/ops/stats-snapshot-file.ts): a server that starts
 * answers from it while the fresh one loads, instead of making the first request wait.
 * See docs/decisions/2026-11-23-statistics-snapshot.md.
 *
 * Most changes do not reload at all: the change log (migration 0016) names the rows changed since
 * the snapshot, and the service patches a new snapshot from them (src/core/stats/patch.ts) in a few
 * milliseconds, before it answers. So a placement recorded is in the next figure, at any size. A
 * whole reload remains for what cannot be patched: a town or village changed, more than
 * PATCH_AT_MOST changes at once (an import), or a log that lacks a change (pruned past the
 * snapshot). A snapshot read from disk is patched the same way, so a restart answers current
 * figures at once. See docs/decisions/2026-12-02-incremental-statistics.md.
 */
import type { Db } from "../../db/client.ts";
import { pruneStatsChanges, readStatsChanges } from "../../db/queries/stats-changes.ts";
import { registryVersion, statsSnapshotLoader, type StatsSnapshot } from "../../db/queries/stats-snapshot.ts";
import { patchColumns } from "../core/stats/patch.ts";
import { readStatsSnapshotFile, writeStatsSnapshotFile } from "../ops/stats-snapshot-file.ts";
import { errorFields, type Logger } from "../log.ts";

/** From this many workers a change is answered from the previous snapshot while the reload runs. */
export const SERVE_STALE_ABOVE = 100_000;
/** More changes than this since the snapshot are loaded whole rather than patched. */
export const PATCH_AT_MOST = 20_000;
/** The snapshot on disk is rewritten at most this often (ms): the change log covers the rest. */
export const KEEP_EVERY_MS = 60_000;

export interface Statistics {
  /** The snapshot to answer from: the registry's current one, or (large county) the previous one while it reloads. */
  current(): Promise<StatsSnapshot>;
  /** The snapshot of the registry as it is now, waiting for a reload if one is needed (tests, start-up). */
  fresh(): Promise<StatsSnapshot>;
  /** Is `snapshot` behind the registry? */
  isStale(snapshot: StatsSnapshot): boolean;
  /** Waits for a running reload, then closes the reader. */
  close(): Promise<void>;
}

export interface StatisticsDeps {
  /** The platform's connection: reads the registry version. */
  db: Db;
  /** The statistics' read-only connection (db/stats-reader.ts): reads snapshots. */
  reader: Db;
  log: Logger;
  /** Default SERVE_STALE_ABOVE. */
  serveStaleAbove?: number;
  /** Where the last snapshot is kept between starts, and the database's id (db/queries/meta.ts). */
  keptSnapshot?: { file: string; databaseId: string };
  /** When a patched snapshot is taken (its "数据截至"): the platform's clock. */
  now: () => Date;
}

/** @example const statistics = createStatistics({ db, reader: openStatsReader(file), log, now }); const { columns } = await statistics.current(); */
export function createStatistics(deps: StatisticsDeps): Statistics {
  const serveStaleAbove = deps.serveStaleAbove ?? SERVE_STALE_ABOVE;
  const kept = deps.keptSnapshot;
  let snapshot: StatsSnapshot | undefined = kept ? readStatsSnapshotFile(kept.file, kept.databaseId) : undefined;
  if (snapshot) deps.log.info("statistics snapshot read from disk", { version: snapshot.version, workers: snapshot.columns.workers.count });
  let keptVersion = snapshot?.version;
  /** The change-log rows the snapshot on disk includes: rows up to it may go. */
  let keptChangeId = snapshot?.changeId ?? 0;
  let prunedTo = 0;
  let loading: Promise<StatsSnapshot> | undefined;
  let closed = false;
  let lastKept = -Infinity;
  let keepTimer: { cancel(): void } | undefined;

  /** Deletes the log rows no snapshot needs any more (those the kept one, or without one the current one, includes). */
  const prune = () => {
    const upTo = kept ? keptChangeId : (snapshot?.changeId ?? 0);
    if (upTo <= prunedTo) return;
    try {
      pruneStatsChanges(deps.db, upTo);
      prunedTo = upTo;
    } catch (error) {
      deps.log.warn("statistics change log not pruned", errorFields(error));
    }
  };

  const writeKept = () => {
    keepTimer = undefined;
    const current = snapshot;
    if (closed || !kept || !current || current.version === keptVersion) return;
    try {
      writeStatsSnapshotFile(kept.file, kept.databaseId, current);
      keptVersion = current.version;
      keptChangeId = current.changeId ?? keptChangeId;
      lastKept = performance.now();
    } catch (error) {
      deps.log.warn("statistics snapshot not kept on disk", errorFields(error));
    }
    prune();
  };

  /**
   * Keeps a new snapshot on disk after the requests waiting for it have their answer, at most
   * every KEEP_EVERY_MS (a patch a second must not write the registry's columns a second).
   */
  const keep = (loaded: StatsSnapshot) => {
    if (!kept) return void setImmediate(() => !closed && prune());
    if (loaded.version === keptVersion || keepTimer) return;
    const wait = Math.max(0, lastKept + KEEP_EVERY_MS - performance.now());
    if (wait === 0) {
      const immediate = setImmediate(writeKept);
      keepTimer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timer = setTimeout(writeKept, wait).unref();
      keepTimer = { cancel: () => clearTimeout(timer) };
    }
  };

  /**
   * Patches the snapshot with the changes logged since it (synchronous, milliseconds), or answers
   * undefined when a whole reload is needed. Not while a reload holds the reader's transaction.
   */
  function patchSnapshot(): StatsSnapshot | undefined {
    const from = snapshot;
    if (loading || !from || from.changeId === undefined || !from.ids) return undefined;
    const started = performance.now();
    const takenAt = deps.now();
    let read: ReturnType<typeof readStatsChanges>;
    try {
      read = readStatsChanges(deps.reader, { version: from.version, changeId: from.changeId }, PATCH_AT_MOST);
    } catch (error) {
      deps.log.warn("statistics change log not read", errorFields(error));
      return undefined;
    }
    if (read.kind === "current") return from;
    if (read.kind !== "changes") {
      deps.log.info("statistics snapshot not patched", { cause: read.kind, version: from.version });
      return undefined;
    }
    const patched = patchColumns(from.columns, from.ids, read.changes);
    if (!patched) {
      deps.log.info("statistics snapshot not patched", { cause: "regions or references", version: from.version });
      return undefined;
    }
    const next: StatsSnapshot = { ...patched, version: read.version, changeId: read.changeId, loadedAt: takenAt };
    snapshot = next;
    keep(next);
    deps.log.debug("statistics snapshot patched", { changes: read.count, version: read.version, ms: Math.round(performance.now() - started) });
    return next;
  }

  /** Starts a reload unless one is running; steps it between other work (setImmediate). */
  function load(): Promise<StatsSnapshot> {
    if (loading) return loading;
    const started = performance.now();
    const loader = statsSnapshotLoader(deps.reader);
    loading = new Promise<StatsSnapshot>((resolve, reject) => {
      const step = () => {
        try {
          if (closed) {
            loader.return(undefined as never);
            throw new Error("statistics closed");
          }
          const next = loader.next();
          if (!next.done) return void setImmediate(step);
          snapshot = next.value;
          loading = undefined;
          keep(next.value);
          deps.log.info("statistics snapshot loaded", {
            workers: next.value.columns.workers.count,
            placements: next.value.columns.placements.count,
            version: next.value.version,
            ms: Math.round(performance.now() - started),
          });
          resolve(next.value);
        } catch (error) {
          loading = undefined;
          reject(error);
        }
      };
      step();
    });
    return loading;
  }

  async function fresh(): Promise<StatsSnapshot> {
    const version = registryVersion(deps.db);
    if (snapshot && snapshot.version === version) return snapshot;
    const patched = patchSnapshot();
    if (patched && patched.version >= version) return patched;
    let next = await load();
    // A reload already running may have begun before the change: then one more.
    if (next.version < version) next = await load();
    return next;
  }

  return {
    fresh,
    async current() {
      const version = registryVersion(deps.db);
      if (snapshot && snapshot.version === version) return snapshot;
      const patched = patchSnapshot();
      if (patched && patched.version >= version) return patched;
      if (snapshot && snapshot.columns.workers.count >= serveStaleAbove) {
        load().catch((error: unknown) => deps.log.error("statistics reload failed", errorFields(error)));
        return snapshot;
      }
      return fresh();
    },
    isStale(s) {
      return s.version !== registryVersion(deps.db);
    },
    async close() {
      closed = true;
      keepTimer?.cancel();
      await loading?.catch(() => undefined);
      deps.reader.$client.close();
    },
  };
}
