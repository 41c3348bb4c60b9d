/**
 * Applies the SQL migrations that drizzle-kit generated into db/migrations, in journal order.
 *
 * Why not drizzle's own migrator: drizzle-kit writes table rebuilds as
 * `PRAGMA foreign_keys=OFF; … DROP TABLE old … PRAGMA foreign_keys=ON;` and the migrator runs
 * them inside a transaction, where SQLite ignores that pragma — so the DROP runs with foreign
 * keys on and either fails or cascades into child rows. Here foreign keys are switched off
 * outside the transaction, each migration runs in its own transaction, `foreign_key_check`
 * must come back empty before it commits, and foreign keys are switched back on afterwards
 * (the procedure of https://www.sqlite.org/lang_altertable.html#otheralter).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";

export const MIGRATIONS_FOLDER = new URL("./migrations/", import.meta.url).pathname;

interface JournalEntry {
  idx: number;
  tag: string;
}

export interface MigrationResult {
  applied: string[];
}

/** Applies every migration of `folder` not yet recorded in `schema_migrations`. */
export function migrate(sqlite: Database.Database, folder = MIGRATIONS_FOLDER): MigrationResult {
  sqlite.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (tag TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
  );
  const journal = JSON.parse(readFileSync(join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  const done = new Set(
    sqlite
      .prepare("SELECT tag FROM schema_migrations")
      .all()
      .map((row) => (row as { tag: string }).tag),
  );
  const pending = [...journal.entries].sort((a, b) => a.idx - b.idx).filter((e) => !done.has(e.tag));
  if (pending.length === 0) return { applied: [] };

  const foreignKeysWereOn = sqlite.pragma("foreign_keys", { simple: true }) === 1;
  sqlite.pragma("foreign_keys = OFF");
  try {
    for (const entry of pending) {
      const statements = readFileSync(join(folder, `${entry.tag}.sql`), "utf8")
        .split("--> statement-breakpoint")
        .map((s) => s.trim())
        // The pragmas drizzle-kit writes around rebuilds are no-ops inside a transaction;
        // foreign keys are already off for the whole run.
        .filter((s) => s.length > 0 && !/^PRAGMA\s+foreign_keys\s*=/i.test(s));
      sqlite.transaction(() => {
        for (const statement of statements) sqlite.exec(statement);
        const violations = sqlite.prepare("PRAGMA foreign_key_check").all();
        if (violations.length > 0) {
          throw new Error(
            `migration ${entry.tag} leaves ${violations.length} foreign key violation(s), first: ${JSON.stringify(violations[0])}`,
          );
        }
        sqlite
          .prepare("INSERT INTO schema_migrations (tag, applied_at) VALUES (?, ?)")
          .run(entry.tag, new Date().toISOString());
      })();
    }
  } finally {
    if (foreignKeysWereOn) sqlite.pragma("foreign_keys = ON");
  }
  return { applied: pending.map((e) => e.tag) };
}
