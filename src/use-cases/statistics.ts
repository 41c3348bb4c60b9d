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
 */
import type { Db } from "../../db/client.ts";
import { registryVersion, statsSnapshotLoader, type StatsSnapshot } from "../../db/queries/stats-snapshot.ts";
import { readStatsSnapshotFile, writeStatsSnapshotFile } from "../ops/stats-snapshot-file.ts";
import { errorFields, type Logger } from "../log.ts";

/** From this many workers a change is answered from the previous snapshot while the reload runs. */
export const SERVE_STALE_ABOVE = 100_000;

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
}

/** @example const statistics = createStatistics({ db, reader: openStatsReader(file), log }); const { columns } = await statistics.current(); */
export function createStatistics(deps: StatisticsDeps): Statistics {
  const serveStaleAbove = deps.serveStaleAbove ?? SERVE_STALE_ABOVE;
  const kept = deps.keptSnapshot;
  let snapshot: StatsSnapshot | undefined = kept ? readStatsSnapshotFile(kept.file, kept.databaseId) : undefined;
  if (snapshot) deps.log.info("statistics snapshot read from disk", { version: snapshot.version, workers: snapshot.columns.workers.count });
  let keptVersion = snapshot?.version;
  let loading: Promise<StatsSnapshot> | undefined;
  let closed = false;

  /** Keeps a newly loaded snapshot on disk, after the requests waiting for it have their answer. */
  const keep = (loaded: StatsSnapshot) => {
    if (!kept || loaded.version === keptVersion) return;
    setImmediate(() => {
      if (closed || snapshot !== loaded) return;
      try {
        writeStatsSnapshotFile(kept.file, kept.databaseId, loaded);
        keptVersion = loaded.version;
      } catch (error) {
        deps.log.warn("statistics snapshot not kept on disk", errorFields(error));
      }
    });
  };

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
      await loading?.catch(() => undefined);
      deps.reader.$client.close();
    },
  };
}
