/**
 * Keeps an index's documents in the current shape. When JOB_DOCUMENT_VERSION changes (new fields
 * the settings filter or search on), or the index is found empty while postings are open (an
 * external engine was wiped), every posting goes through the outbox again — the same path as any
 * change, so nothing else has to know.
 */
import type { Db } from "../../db/client.ts";
import { allPostingIds, countOpenPostings } from "../../db/queries/jobs.ts";
import { getMeta, setMeta } from "../../db/queries/meta.ts";
import { enqueueSearchUpdate, outboxBacklog } from "../../db/queries/outbox.ts";
import { JOB_DOCUMENT_VERSION } from "./job-document.ts";
import type { JobsIndex } from "./jobs-index.ts";

function versionKey(indexName: string): string {
  return `search_document_version:${indexName}`;
}

/** Records that an index holds documents of the current shape (after a full rebuild). */
export function markIndexCurrent(db: Pick<Db, "insert">, indexName: string): void {
  setMeta(db, versionKey(indexName), String(JOB_DOCUMENT_VERSION));
}

/** Queues every posting when the index is of an older shape or lost its documents; returns how many. */
export async function requeueIfOutdated(deps: { db: Db; index: JobsIndex }): Promise<number> {
  const { db, index } = deps;
  const current = getMeta(db, versionKey(index.name)) === String(JOB_DOCUMENT_VERSION);
  const lost = current && outboxBacklog(db) === 0 && countOpenPostings(db) > 0 && (await index.count()) === 0;
  if (current && !lost) return 0;
  const ids = allPostingIds(db);
  db.transaction((tx) => {
    enqueueSearchUpdate(tx, "posting", ids);
    markIndexCurrent(tx, index.name);
  });
  return ids.length;
}
