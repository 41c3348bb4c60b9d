/**
 * Opens the SQLite database with the pragmas the platform relies on, and applies migrations.
 * WAL lets readers (pages, statistics) run while a writer commits; the busy timeout makes a
 * second process (a CLI import beside the server) wait instead of failing.
 */
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema.ts";
import { migrate } from "./migrate.ts";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** How long a writer waits for another's lock before giving up. */
export const BUSY_TIMEOUT_MS = 5_000;

export interface OpenDatabaseOptions {
  /** Path of the database file, or ":memory:". */
  file: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  readonly?: boolean;
}

/**
 * Opens the database.
 * @example const db = openDatabase({ file: "data/app.db" }); db.select().from(schema.towns).all();
 */
export function openDatabase(options: OpenDatabaseOptions): Db {
  const sqlite = new Database(options.file, { readonly: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  if (options.migrate ?? !options.readonly) migrate(sqlite);
  return drizzle({ client: sqlite, schema }) as Db;
}

/** Is the database answering? Used by /healthz. */
export function databaseIsHealthy(db: Db): boolean {
  try {
    return db.$client.prepare("SELECT 1 AS ok").get() !== undefined;
  } catch {
    return false;
  }
}
