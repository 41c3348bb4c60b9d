/** Installation facts in app_meta (e.g. when the demo county was loaded). */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { appMeta, towns } from "../schema.ts";

export function getMeta(db: Pick<Db, "select">, key: string): string | undefined {
  return db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key)).get()?.value;
}

export function setMeta(db: Pick<Db, "insert">, key: string, value: string): void {
  db.insert(appMeta).values({ key, value }).onConflictDoUpdate({ target: appMeta.key, set: { value } }).run();
}

/**
 * This database's identity, made on first asking: a file kept beside it (the statistics
 * snapshot) tells by it whether it was made from this database or from one created afresh.
 * A backup carries it; a restore removes what was kept beside the database it replaces.
 */
export function databaseId(db: Pick<Db, "select" | "insert">): string {
  const known = getMeta(db, "database_id");
  if (known) return known;
  const id = randomUUID();
  db.insert(appMeta).values({ key: "database_id", value: id }).onConflictDoNothing().run();
  return getMeta(db, "database_id")!;
}

/** A database with no towns holds no county yet. */
export function registryIsEmpty(db: Db): boolean {
  return db.select({ n: sql<number>`count(*)` }).from(towns).get()!.n === 0;
}
