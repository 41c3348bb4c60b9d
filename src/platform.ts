/**
 * Assembles the running platform from a parsed environment: database (migrated), search engine
 * (bundled or external), jobs index with its settings, demo county on first start, the search
 * outbox worker, and the web app. server.ts listens with it; tests start it on their own
 * DATA_DIR and index name.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import { openDatabase, type Db } from "../db/client.ts";
import { databaseId } from "../db/queries/meta.ts";
import { openStatsReader } from "../db/stats-reader.ts";
import { createApp } from "./app.ts";
import type { Env } from "./env.ts";
import { errorFields, type Logger } from "./log.ts";
import { catchUpAfterRestart } from "./search/catch-up.ts";
import { startSupervisedEngine, type SupervisedEngine } from "./search/engine-supervisor.ts";
import { requeueIfOutdated } from "./search/index-version.ts";
import { createJobSearch } from "./search/job-search.ts";
import { createJobsIndex, type JobsIndex } from "./search/jobs-index.ts";
import { createMeiliClient } from "./search/meili-client.ts";
import { withSearchAnswers } from "./search/search-answers.ts";
import { cacheVersion, cacheVersionsKey } from "../db/queries/cache-versions.ts";
import { createOutboxWorker, type OutboxWorker } from "./search/outbox-worker.ts";
import { createSearchFallbacks } from "./search/search-fallbacks.ts";
import { loadPersonalDataProtector, type PersonalDataProtector } from "./security/personal-data.ts";
import { chinaDate } from "./core/china-time.ts";
import { systemClock, type Clock } from "./clock.ts";
import { startScheduledJobs } from "./jobs/scheduled.ts";
import { keepPostingIndexWarm } from "./jobs/posting-index-warmer.ts";
import { loadOrCreateSecret } from "./security/secrets.ts";
import { lockDataDir, type DataDirLock } from "./ops/server-lock.ts";
import { loadDemoCountyIfEmpty } from "./use-cases/load-demo-county.ts";
import { interruptImportJobs } from "./jobs/import-jobs.ts";
import { interruptComputeJobs } from "./jobs/subsidy-compute-jobs.ts";
import { createStatistics, type Statistics } from "./use-cases/statistics.ts";
import { STATS_SNAPSHOT_FILE } from "./ops/stats-snapshot-file.ts";
import { recordSettingDefaults } from "./use-cases/settings.ts";

export const DATABASE_FILE = "app.db";
export const DEFAULT_INDEX_NAME = "jobs";

export interface Platform {
  app: Hono;
  db: Db;
  index: JobsIndex;
  outbox: OutboxWorker;
  protector: PersonalDataProtector;
  /** The statistics' snapshot of the registry (tests await `statistics.fresh()` after a change). */
  statistics: Statistics;
  /** The platform's one clock (tests fix its day). */
  now: Clock;
  /** Today in China (YYYY-MM-DD), from that clock. */
  today: () => string;
  /** The bundled engine, when this platform started one; restarted when it dies. */
  engine?: SupervisedEngine;
  /** This server's hold on DATA_DIR (server.ts announces the port it listens on). */
  lock: DataDirLock;
  /** Stops the outbox worker, the engine it started, and closes the database. */
  stop(): Promise<void>;
}

export interface StartPlatformOptions {
  env: Env;
  log: Logger;
  /** Name of the jobs index (tests use their own). */
  indexName?: string;
  /**
   * The one clock every use-case, route and scheduled job reads (default: the system clock). The
   * demo county's dates are laid around its day when the demo first loads; tests give a clock that
   * starts on a fixed day (src/clock.ts clockStartingAt).
   */
  now?: Clock;
}

export async function startPlatform(options: StartPlatformOptions): Promise<Platform> {
  const { env, log } = options;
  const now = options.now ?? systemClock;
  const today = () => chinaDate(now());
  mkdirSync(env.dataDir, { recursive: true });
  // One server per DATA_DIR: refuses (DataDirLockedError) before touching anything of a running
  // one; the OS drops the lock if this process dies (src/ops/server-lock.ts; released in stop()).
  const serverLock = lockDataDir(env.dataDir, { role: "server", now: now() });
  const db = openDatabase({ file: join(env.dataDir, DATABASE_FILE) });
  const protector = loadPersonalDataProtector(env.dataDir);
  // The environment's defaults of the settings, read through src/use-cases/settings.ts.
  recordSettingDefaults({ db }, env.settings);

  // The engine boots in its own process while the demo county is written here.
  const enginePromise: Promise<SupervisedEngine | undefined> = env.meili
    ? Promise.resolve(undefined)
    : startSupervisedEngine({ dataDir: env.dataDir, log });
  let engine: SupervisedEngine | undefined;
  try {
    // Web imports the last run left 'running' were cut short by its end: say so on their pages.
    const interrupted = await interruptImportJobs({ db, now });
    if (interrupted > 0) log.warn("web imports interrupted by the restart", { jobs: interrupted });
    const computes = interruptComputeJobs({ db, now });
    if (computes > 0) log.warn("subsidy computes interrupted by the restart", { jobs: computes });
    if (env.demoData) {
      const started = performance.now();
      const result = loadDemoCountyIfEmpty({ db, protector }, now(), { subsidies: env.demoSubsidies });
      if (result.loaded) log.info("demo county loaded", { ...result.counts, ms: Math.round(performance.now() - started) });
    }
    engine = await enginePromise;
  } catch (error) {
    await enginePromise.then((e) => e?.stop()).catch(() => undefined);
    db.$client.close();
    serverLock.release();
    throw error;
  }

  const meili = createMeiliClient(env.meili ? { url: env.meili.url, apiKey: env.meili.masterKey } : { url: engine!.url, apiKey: engine!.masterKey });
  // Searches answer from memory until a write or the postings' version says otherwise (search-answers.ts).
  const index = withSearchAnswers(createJobsIndex(meili, options.indexName ?? DEFAULT_INDEX_NAME), { version: () => cacheVersion(db, "postings") });
  const outbox = createOutboxWorker({ db, index, log });
  try {
    // Settings first, then documents: the engine indexes documents with the settings in force.
    await index.ensure();
    const requeued = await requeueIfOutdated({ db, index });
    if (requeued > 0) log.info("search index of an older shape or empty; sending every posting again", { postings: requeued });
    await outbox.drain();
  } catch (error) {
    // The board still answers from the database; the worker retries until the engine is back.
    log.error("search engine not ready; serving in reduced mode", errorFields(error));
  }
  outbox.start();
  engine?.onRestart(() => void catchUpAfterRestart({ db, index, outbox, log }));
  const searchFallbacks = createSearchFallbacks(log);

  // The statistics' snapshot loads in the background from their own read-only connection; the
  // first statistics request waits for it, later changes patch it (src/use-cases/statistics.ts).
  const statistics = createStatistics({
    db,
    reader: openStatsReader(join(env.dataDir, DATABASE_FILE)),
    log,
    keptSnapshot: { file: join(env.dataDir, STATS_SNAPSHOT_FILE), databaseId: databaseId(db) },
    now,
  });
  statistics.fresh().catch((error: unknown) => log.error("statistics snapshot failed", errorFields(error)));

  const scheduled = startScheduledJobs({ db, log, now, pokeSearch: () => outbox.poke() });
  const postingIndexWarmer = keepPostingIndexWarm({ db, log });

  // What a kept anonymous response was made from (src/http/kept-responses.ts): every cache
  // version (postings and regions, one statement), the search answers' generation (every index write, every engine failure),
  // the bundled engine's restarts and today's date. Nothing is kept while the engine is down.
  const keptResponsesState = (): string | undefined => {
    const status = engine?.status();
    if (searchFallbacks.status().engine === "down" || (status && status.state !== "running")) return undefined;
    return `${cacheVersionsKey(db)}.${index.answersStatus().writes}.${status?.restarts ?? 0}.${today()}`;
  };

  const app = createApp({
    db,
    log,
    jobSearch: createJobSearch({ db, index, log, today, fallbacks: searchFallbacks }),
    searchIsHealthy: () => meili.isHealthy(),
    searchStatus: () => ({ engine: engine?.status(), fallbacks: searchFallbacks.status() }),
    protector,
    csrfKey: loadOrCreateSecret(env.dataDir, "csrf-key"),
    pokeSearch: () => outbox.poke(),
    statistics,
    now,
    today,
    ...(env.keptResponses ? { keptResponsesState } : {}),
    ...(env.publicUrl ? { publicUrl: env.publicUrl } : {}),
  });

  let stopped = false;
  return {
    app,
    db,
    index,
    outbox,
    protector,
    statistics,
    now,
    today,
    ...(engine ? { engine } : {}),
    lock: serverLock,
    async stop() {
      if (stopped) return;
      stopped = true;
      scheduled.stop();
      postingIndexWarmer.stop();
      await outbox.stop();
      await statistics.close();
      await engine?.stop();
      await meili.close();
      db.$client.close();
      serverLock.release();
    },
  };
}
