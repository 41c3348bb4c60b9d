/**
 * Statement journals in memory for bulk writers (the spreadsheet import, the demo county's load).
 * Inside a transaction SQLite keeps a statement journal for each write that may fail halfway (an
 * INSERT with triggers and unique indexes, each row's savepoint), so that the statement alone can
 * be undone. With temp_store at its default those journals spill to a temporary file: a
 * 100,000-worker import wrote about two million pages to it, most of the import's system time.
 * One statement's journal is a few pages, so memory is the right place; the connection's own
 * setting is put back afterwards. See docs/decisions/2026-12-02-import-statement-journals.md.
 */
import type { Db } from "./client.ts";

function journalsInMemory(db: Db): () => void {
  const before = db.$client.pragma("temp_store", { simple: true }) as number;
  db.$client.pragma("temp_store = MEMORY");
  return () => void db.$client.pragma(`temp_store = ${before}`);
}

/** Runs the synchronous `work` with the connection's temporary files in memory. */
export function withStatementJournalsInMemory<T>(db: Db, work: () => T): T {
  const restore = journalsInMemory(db);
  try {
    return work();
  } finally {
    restore();
  }
}

/** Runs the asynchronous `work` with the connection's temporary files in memory until it settles. */
export async function withStatementJournalsInMemoryAsync<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const restore = journalsInMemory(db);
  try {
    return await work();
  } finally {
    restore();
  }
}
