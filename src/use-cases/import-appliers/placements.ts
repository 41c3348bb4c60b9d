/**
 * Applies a `placements` row (key 身份证号+用工主体编号+开始日期): a known worker's placement at a
 * known employer (or outside the registry). Placements are corrected, never silently overwritten:
 * a changed one keeps its previous version in placement_revisions.
 */
import type { PlacementRow } from "../../../db/queries/registry.ts";
import { maskIdNumber } from "../../core/id-number.ts";
import { SPREADSHEET_FORMATS, type PlacementRecord } from "../../imports/formats.ts";
import { placementRecord, sameRecord } from "../../imports/records.ts";
import { messages } from "../../../views/messages.ts";
import type { ApplierContext, RowChange } from "./context.ts";

const t = messages.imports;
const reasons = messages.imports.reasons;

export function placementsApplier(ctx: ApplierContext): (rec: PlacementRecord) => RowChange {
  const { st, protector, audit } = ctx;
  return (rec) => {
    const problems = ctx.rowProblems();
    const worker = st.workerIdByHash.get(protector.hashIdNumber(rec.idNumber)) as { id: number } | undefined;
    if (!worker) problems.add("身份证号", reasons.unknownWorker);
    let employerId: number | null = null;
    let employerKnown = true;
    if (rec.employerCode !== null) {
      const employer = st.employerIdByCode.get(rec.employerCode) as { id: number } | undefined;
      if (employer) employerId = employer.id;
      else {
        employerKnown = false;
        problems.add("用工主体编号", reasons.unknownEmployer(rec.employerCode));
      }
    }
    let postingId: number | null = null;
    if (rec.postingCode !== null) {
      const posting = st.postingIdByCode.get(rec.postingCode) as { id: number; employerId: number } | undefined;
      if (!posting) problems.add("岗位编号", reasons.unknownPosting(rec.postingCode));
      else if (employerKnown && posting.employerId !== employerId) problems.add("岗位编号", reasons.postingOfOtherEmployer(rec.postingCode));
      else postingId = posting.id;
    }
    problems.rejectIfAny();
    if (!worker) throw new Error("unreachable: a row without its worker was rejected above");
    const values = {
      workerId: worker.id, employerId, postingId, startDate: rec.startDate, endDate: rec.endDate, monthlyIncome: rec.monthlyIncome,
      workProvince: rec.workProvince, workCounty: rec.workCounty, employmentForm: rec.employmentForm,
    };
    const logged = { ...rec, idNumber: maskIdNumber(rec.idNumber) };
    const existing = st.placementByKey.get({ workerId: worker.id, employerId, startDate: rec.startDate }) as PlacementRow | undefined;
    if (!existing) {
      const id = Number(st.insertPlacement.run(values).lastInsertRowid);
      audit("create", "placement", id, null, logged);
      return "created";
    }
    const before = placementRecord(existing, rec.idNumber);
    if (sameRecord(SPREADSHEET_FORMATS.placements, before, rec)) return "unchanged";
    st.insertPlacementRevision.run(existing.id, JSON.stringify(existing), t.revisionReason);
    st.updatePlacement.run({ ...values, id: existing.id });
    audit("update", "placement", existing.id, { ...before, idNumber: maskIdNumber(rec.idNumber) }, logged);
    return "updated";
  };
}
