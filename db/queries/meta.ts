/** Installation facts in app_meta (e.g. when the demo county was loaded). */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { appMeta, towns } from "../schema.ts";

export function getMeta(db: Pick<Db, "select">, key: string): string | undefined {
  return db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key)).get()?.value;
}

export function setMeta(db: Pick<Db, "insert">, key: string, value: string): void {
  db.insert(appMeta).values({ key, value }).onConflictDoUpdate({ target: appMeta.key, set: { value } }).run();
}

/** A database with no towns holds no county yet. */
export function registryIsEmpty(db: Db): boolean {
  return db.select({ n: sql<number>`count(*)` }).from(towns).get()!.n === 0;
}
