/**
 * A read-only connection for the statistics, with a page cache large enough to hold the registry.
 * The statistics read every worker and most placements; through the default 2 MB cache each run
 * reads the file again from the operating system, and where the system reclaims its file cache
 * (as the shared benchmark machine does) that means the disk: p95 went from ~2 s to 6–12 s at a
 * million workers. WAL lets this reader run beside the server's writer.
 */
import { openDatabase, type Db } from "./client.ts";

/** At most this much memory for the statistics' page cache; it fills only as pages are read. */
export const STATS_CACHE_MB = 1024;

/** @example const stats = openStatsReader("data/app.db"); employmentStats(stats, { … }) */
export function openStatsReader(file: string, cacheMb = STATS_CACHE_MB): Db {
  const db = openDatabase({ file, readonly: true, migrate: false });
  db.$client.pragma(`cache_size = -${Math.round(cacheMb * 1024)}`);
  return db;
}
