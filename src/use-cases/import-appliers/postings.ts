/** Applies a `postings` row (key 编号): the posting of a known employer; one arriving open is published today. */
import { databaseClock } from "../../../db/queries/import-jobs.ts";
import { enqueueSearchUpdate } from "../../../db/queries/outbox.ts";
import { insertPosting, updatePosting } from "../../../db/queries/postings.ts";
import type { PostingRow } from "../../../db/queries/registry.ts";
import { publishedDate } from "../../core/posting-rules.ts";
import { SPREADSHEET_FORMATS, type PostingRecord } from "../../imports/formats.ts";
import { postingRecord, sameRecord } from "../../imports/records.ts";
import { messages } from "../../../views/messages.ts";
import type { ApplierContext, RowChange } from "./context.ts";

const reasons = messages.imports.reasons;

export function postingsApplier(ctx: ApplierContext): (rec: PostingRecord) => RowChange {
  const { db, st, audit, reject, today } = ctx;
  // Written through the one write path of postings (db/queries/postings.ts), stamped by the database's clock.
  const at = new Date(databaseClock(db));
  return (rec) => {
    const employer = (st.employerIdByCode.get(rec.employerCode) as { id: number } | undefined) ?? reject("用工主体编号", reasons.unknownEmployer(rec.employerCode));
    const existing = st.postingByCode.get(rec.code) as PostingRow | undefined;
    // A posting keeps the day it was first published; one arriving open is published today.
    const publishedAt = publishedDate({ status: rec.status, previous: existing?.publishedAt, today });
    const values = { ...rec, employerId: employer.id, publishedAt };
    if (!existing) {
      const id = insertPosting(db, values, at).id;
      audit("create", "posting", id, null, rec);
      enqueueSearchUpdate(db, "posting", [id]);
      return "created";
    }
    const before = postingRecord(existing);
    if (sameRecord(SPREADSHEET_FORMATS.postings, before, rec) && existing.publishedAt === publishedAt) return "unchanged";
    updatePosting(db, existing.id, values, at);
    audit("update", "posting", existing.id, before, rec);
    enqueueSearchUpdate(db, "posting", [existing.id]);
    return "updated";
  };
}
