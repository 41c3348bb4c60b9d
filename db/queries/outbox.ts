/** The search outbox: rows written with a change, read and cleared by the outbox worker. */
import { asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { appMeta, searchOutbox } from "../schema.ts";
import { getMeta, setMeta } from "./meta.ts";

export type OutboxEntity = (typeof searchOutbox.$inferSelect)["entity"];
export type OutboxRow = typeof searchOutbox.$inferSelect;

/** A database or a transaction: both can write the outbox row beside the change. */
type Writer = Pick<Db, "insert">;

/** Tells the search index that these postings or employers changed. Call inside the change's transaction. */
export function enqueueSearchUpdate(tx: Writer, entity: OutboxEntity, ids: readonly number[]): void {
  if (ids.length === 0) return;
  // Chunked to stay under SQLite's limit of bound parameters.
  for (let i = 0; i < ids.length; i += 5_000) {
    tx.insert(searchOutbox)
      .values(ids.slice(i, i + 5_000).map((entityId) => ({ entity, entityId })))
      .run();
  }
}

/** Rows due now, oldest first. */
export function dueOutboxRows(db: Db, now: Date, limit: number): OutboxRow[] {
  return db
    .select()
    .from(searchOutbox)
    .where(lte(searchOutbox.nextAttemptAt, now.toISOString()))
    .orderBy(asc(searchOutbox.id))
    .limit(limit)
    .all();
}

export function deleteOutboxRows(db: Db, ids: readonly number[]): void {
  if (ids.length === 0) return;
  db.delete(searchOutbox).where(inArray(searchOutbox.id, [...ids])).run();
}

/** Puts rows off until `nextAttemptAt`, recording the error. */
export function postponeOutboxRows(db: Db, ids: readonly number[], nextAttemptAt: Date, error: string): void {
  if (ids.length === 0) return;
  db.update(searchOutbox)
    .set({ attempts: sql`${searchOutbox.attempts} + 1`, nextAttemptAt: nextAttemptAt.toISOString(), lastError: error.slice(0, 500) })
    .where(inArray(searchOutbox.id, [...ids]))
    .run();
}

export function outboxBacklog(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(searchOutbox).get()!.n;
}

/** While a full rebuild of the index runs (npm run reindex), no worker sends rows (see pauseOutbox). */
const PAUSED_UNTIL_KEY = "search_outbox_paused_until";

/**
 * Holds every outbox worker — in this process or another — until `until`, leaving the rows in
 * place. A rebuild renews it while it runs and lifts it when done; if the rebuild dies, the pause
 * simply runs out.
 */
export function pauseOutbox(db: Db, until: Date): void {
  setMeta(db, PAUSED_UNTIL_KEY, until.toISOString());
}

export function resumeOutbox(db: Db): void {
  db.delete(appMeta).where(eq(appMeta.key, PAUSED_UNTIL_KEY)).run();
}

export function outboxIsPaused(db: Db, now: Date): boolean {
  const until = getMeta(db, PAUSED_UNTIL_KEY);
  return until !== undefined && until > now.toISOString();
}
