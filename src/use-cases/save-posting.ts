/**
 * Writes a posting (岗位) given as a spreadsheet row (src/core/county.ts), matched on its code, and
 * tells the search index through the outbox in the same transaction — the registry's way in for
 * postings that arrive with their own code (test fixtures, scripts). It writes through the same
 * row and the same publishing rule as the manager's pages and the import (db/queries/postings.ts,
 * `publishedDate`). Changing the status to 已招满 or 已关闭 takes it out of search.
 */
import type { Db } from "../../db/client.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { employerByCode, insertPosting, postingByCode, postingFieldsOf, updatePosting } from "../../db/queries/postings.ts";
import { chinaDate } from "../core/china-time.ts";
import type { CountyPosting } from "../core/county.ts";
import type { PostingStatus } from "../core/enums.ts";
import { publishedDate } from "../core/posting-rules.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";
import { recordRegistryWrite, RegistryReferenceError } from "./save-employer.ts";

export interface SavePostingProps {
  /** The `postings` spreadsheet's columns (docs/contract.md); without publishedAt, `publishedDate` decides. */
  posting: Omit<CountyPosting, "publishedAt"> & { publishedAt?: string };
  by: ChangeAuthor;
  now: Date;
}

export function savePosting(deps: { db: Db }, props: SavePostingProps): { postingId: number; created: boolean } {
  const { now } = props;
  const p = props.posting;
  return deps.db.transaction((tx) => {
    const employer = employerByCode(tx, p.employerCode);
    if (!employer) throw new RegistryReferenceError(`unknown employer ${p.employerCode}`);
    const before = postingByCode(tx, p.code);
    const publishedAt = p.publishedAt ?? publishedDate({ status: p.status, previous: before?.publishedAt, today: chinaDate(now) });
    const fields = { ...postingFieldsOf(p, employer.id), publishedAt };
    const postingId = before ? updatePosting(tx, before.id, fields, now).id : insertPosting(tx, fields, now).id;
    recordRegistryWrite(tx, props.by, { entity: "posting", id: postingId, code: p.code, before, after: fields });
    return { postingId, created: !before };
  });
}

/** Marks a posting 招聘中, 已招满 or 已关闭; a posting no longer recruiting leaves search. */
export function changePostingStatus(deps: { db: Db }, props: { code: string; status: PostingStatus; by: ChangeAuthor; now: Date }): void {
  const { now } = props;
  deps.db.transaction((tx) => {
    const before = postingByCode(tx, props.code);
    if (!before) throw new RegistryReferenceError(`unknown posting ${props.code}`);
    if (before.status === props.status) return;
    updatePosting(tx, before.id, { status: props.status }, now);
    enqueueSearchUpdate(tx, "posting", [before.id]);
    recordChange(tx, props.by, {
      action: "update",
      entity: "posting",
      entityId: props.code,
      before: { status: before.status },
      after: { status: props.status },
    });
  });
}
