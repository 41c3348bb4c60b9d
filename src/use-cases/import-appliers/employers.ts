/** Applies an `employers` row (key 编号): the employer in its town and village, with its core factory. */
import { databaseClock } from "../../../db/queries/import-jobs.ts";
import { enqueueSearchUpdate } from "../../../db/queries/outbox.ts";
import { insertEmployer, updateEmployer } from "../../../db/queries/postings.ts";
import type { EmployerRow } from "../../../db/queries/registry.ts";
import { SPREADSHEET_FORMATS, type EmployerRecord } from "../../imports/formats.ts";
import { employerRecord, sameRecord } from "../../imports/records.ts";
import { messages } from "../../../views/messages.ts";
import type { ApplierContext, RowChange } from "./context.ts";

const reasons = messages.imports.reasons;

export function employersApplier(ctx: ApplierContext): (rec: EmployerRecord) => RowChange {
  const { db, st, towns, audit } = ctx;
  // Written through the one write path of employers (db/queries/postings.ts), stamped by the database's clock.
  const at = new Date(databaseClock(db));
  return (rec) => {
    const problems = ctx.rowProblems();
    const townId = towns.get(rec.town);
    const village = rec.village !== null ? ctx.findVillage(rec.town, rec.village, problems) : null;
    if (rec.village === null && townId === undefined) problems.add("乡镇", reasons.unknownTown(rec.town));
    let coreFactoryId: number | null = null;
    if (rec.coreFactoryCode !== null) {
      const core = st.employerIdByCode.get(rec.coreFactoryCode) as { id: number } | undefined;
      if (core) coreFactoryId = core.id;
      else problems.add("核心工厂编号", reasons.unknownCoreFactory(rec.coreFactoryCode));
    }
    problems.rejectIfAny();
    if (townId === undefined) throw new Error("unreachable: a row of an unknown town was rejected above");
    const villageId = village?.id ?? null;
    const values = { ...rec, coreFactoryId, townId, villageId };
    const existing = st.employerByCode.get(rec.code) as EmployerRow | undefined;
    if (!existing) {
      const id = insertEmployer(db, values, at).id;
      audit("create", "employer", id, null, rec);
      enqueueSearchUpdate(db, "employer", [id]);
      return "created";
    }
    const before = employerRecord(existing);
    if (sameRecord(SPREADSHEET_FORMATS.employers, before, rec)) return "unchanged";
    updateEmployer(db, existing.id, values, at);
    audit("update", "employer", existing.id, before, rec);
    enqueueSearchUpdate(db, "employer", [existing.id]);
    return "updated";
  };
}
