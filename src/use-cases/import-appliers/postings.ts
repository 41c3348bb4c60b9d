/** Applies a `postings` row (key 编号): the posting of a known employer; one arriving open is published today. */
import { enqueueSearchUpdate } from "../../../db/queries/outbox.ts";
import type { PostingRow } from "../../../db/queries/registry.ts";
import { SPREADSHEET_FORMATS, type PostingRecord } from "../../imports/formats.ts";
import { postingRecord, sameRecord } from "../../imports/records.ts";
import { messages } from "../../../views/messages.ts";
import type { ApplierContext, RowChange } from "./context.ts";

const reasons = messages.imports.reasons;

export function postingsApplier(ctx: ApplierContext): (rec: PostingRecord) => RowChange {
  const { db, st, audit, reject, today } = ctx;
  return (rec) => {
    const employer = (st.employerIdByCode.get(rec.employerCode) as { id: number } | undefined) ?? reject("用工主体编号", reasons.unknownEmployer(rec.employerCode));
    const existing = st.postingByCode.get(rec.code) as PostingRow | undefined;
    // A posting keeps the day it was first published; one arriving open is published today.
    const publishedAt = existing?.publishedAt ?? (rec.status === "招聘中" ? today : null);
    const values = {
      code: rec.code, employerId: employer.id, title: rec.title, description: rec.description, headcount: rec.headcount, payMin: rec.payMin,
      payMax: rec.payMax, payUnit: rec.payUnit, workingTime: rec.workingTime, ageMin: rec.ageMin, ageMax: rec.ageMax,
      physicalDemand: rec.physicalDemand, skills: JSON.stringify(rec.skills), benefits: JSON.stringify(rec.benefits), status: rec.status,
      closingDate: rec.closingDate, publishedAt,
    };
    if (!existing) {
      const id = Number(st.insertPosting.run(values).lastInsertRowid);
      audit("create", "posting", id, null, rec);
      enqueueSearchUpdate(db, "posting", [id]);
      return "created";
    }
    const before = postingRecord(existing);
    if (sameRecord(SPREADSHEET_FORMATS.postings, before, rec) && existing.publishedAt === publishedAt) return "unchanged";
    st.updatePosting.run({ ...values, id: existing.id });
    audit("update", "posting", existing.id, before, rec);
    enqueueSearchUpdate(db, "posting", [existing.id]);
    return "updated";
  };
}
