/**
 * Versions of what the server keeps in memory (migration 0010_speed): triggers bump a cache's
 * version on any change of the tables it is made of, whoever writes, so a reader asks one
 * primary-key row before it trusts its copy. See docs/decisions/2026-12-01-rarely-changing-caches.md.
 */
import type Database from "better-sqlite3";
import type { Db } from "../client.ts";

export type CacheName = "regions" | "postings";

const statements = new WeakMap<Database.Database, Database.Statement>();

/** The cache's version now (0 before migration 0010 ran, which never happens in a migrated database). */
export function cacheVersion(db: Pick<Db, "$client">, name: CacheName): number {
  let statement = statements.get(db.$client);
  if (!statement) {
    statement = db.$client.prepare("SELECT version FROM cache_versions WHERE name = ?").pluck();
    statements.set(db.$client, statement);
  }
  return (statement.get(name) as number | undefined) ?? 0;
}

const allStatements = new WeakMap<Database.Database, Database.Statement>();

/**
 * Every cache's version at once, as one string (`postings:3,regions:7`): one statement where a
 * reader depends on several (the kept responses, src/http/kept-responses.ts). It changes whenever
 * any version does.
 */
export function cacheVersionsKey(db: Pick<Db, "$client">): string {
  let statement = allStatements.get(db.$client);
  if (!statement) {
    statement = db.$client.prepare("SELECT group_concat(name || ':' || version, ',') FROM (SELECT name, version FROM cache_versions ORDER BY name)").pluck();
    allStatements.set(db.$client, statement);
  }
  return (statement.get() as string | null) ?? "";
}

/**
 * A value computed from the database and kept until its cache's version changes.
 * @example const towns = versionedCache(db, "regions", () => townNames(db)); towns.get();
 */
export function versionedCache<T>(db: Pick<Db, "$client">, name: CacheName, load: () => T): { get(): T } {
  let held: { version: number; value: T } | undefined;
  return {
    get() {
      const version = cacheVersion(db, name);
      if (held?.version !== version) held = { version, value: load() };
      return held.value;
    },
  };
}

/**
 * Marks a cache stale by hand, for a change its triggers cannot see: the search index rebuilt
 * from another process (`npm run reindex`) holds new answers with no table changed.
 */
export function bumpCacheVersion(db: Pick<Db, "$client">, name: CacheName): void {
  db.$client.prepare("UPDATE cache_versions SET version = version + 1 WHERE name = ?").run(name);
}
