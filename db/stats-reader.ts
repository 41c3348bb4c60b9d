/**
 * A read-only connection for the statistics: the statistics service (src/use-cases/statistics.ts)
 * reads its snapshot of the registry through it, in one read transaction, beside the server's
 * writer (WAL). The snapshot reads each table once in order, so a modest page cache is enough;
 * a larger one (the SQL figures once needed 1 GB to stay under ~2 s) would only hold a second
 * copy of the registry in memory.
 */
import { openDatabase, type Db } from "./client.ts";

/** At most this much memory for the reader's page cache; it fills only as pages are read. */
export const STATS_CACHE_MB = 32;

/** @example const reader = openStatsReader("data/app.db"); loadStatsSnapshot(reader) */
export function openStatsReader(file: string, cacheMb = STATS_CACHE_MB): Db {
  const db = openDatabase({ file, readonly: true, migrate: false });
  db.$client.pragma(`cache_size = -${Math.round(cacheMb * 1024)}`);
  return db;
}
