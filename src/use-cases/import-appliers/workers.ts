/**
 * Applies a `workers` row (key 身份证号): the household (created in the worker's village when new)
 * and the worker, the ID number stored as hash, cipher and mask — the audit log holds the mask only.
 * Within one file every row of a household must describe it the same way as its first row.
 */
import type { WorkerRow } from "../../../db/queries/registry.ts";
import { maskIdNumber } from "../../core/id-number.ts";
import { SPREADSHEET_FORMATS, type WorkerRecord } from "../../imports/formats.ts";
import { sameRecord, workerRecord } from "../../imports/records.ts";
import { messages } from "../../../views/messages.ts";
import type { ApplierContext, RowChange } from "./context.ts";

const reasons = messages.imports.reasons;

export function workersApplier(ctx: ApplierContext): (rec: WorkerRecord, rowNumber: number) => RowChange {
  const { st, protector, audit } = ctx;
  /** Household fields as the first accepted row of each household in this file gave them. */
  const households = new Map<string, { rowNumber: number; category: string; relocated: boolean; size: number | null }>();
  return (rec, rowNumber) => {
    const problems = ctx.rowProblems();
    const found = ctx.findVillage(rec.town, rec.village, problems);
    const first = households.get(rec.householdCode);
    if (first && (first.category !== rec.category || first.relocated !== rec.relocated || first.size !== rec.householdSize)) {
      problems.add("户类型", reasons.householdMismatch(first.rowNumber));
    }
    problems.rejectIfAny();
    const village = found!;
    let change: RowChange = "unchanged";
    const householdValues = { category: rec.category, relocated: rec.relocated ? 1 : 0, size: rec.householdSize };
    let household = st.householdByCode.get(rec.householdCode) as { id: number; category: string; relocated: number; size: number | null } | undefined;
    if (!household) {
      const id = Number(st.insertHousehold.run({ code: rec.householdCode, ...householdValues, villageId: village.id }).lastInsertRowid);
      audit("create", "household", id, null, { code: rec.householdCode, ...householdValues, villageId: village.id });
      household = { id, ...householdValues };
    } else if (household.category !== rec.category || household.relocated !== householdValues.relocated || household.size !== rec.householdSize) {
      st.updateHousehold.run({ id: household.id, ...householdValues });
      audit("update", "household", household.id, { category: household.category, relocated: household.relocated, size: household.size }, householdValues);
      change = "updated";
    }
    const values = {
      householdId: household.id, name: rec.name, phone: rec.phone, villageId: village.id, labourAbility: rec.labourAbility,
      willingToWork: rec.willingToWork ? 1 : 0, skills: JSON.stringify(rec.skills), preferredArea: rec.preferredArea, availableTime: rec.availableTime,
    };
    // The audit log names a worker by the masked ID number, never the number itself.
    const logged = { ...rec, idNumber: maskIdNumber(rec.idNumber) };
    const hash = protector.hashIdNumber(rec.idNumber);
    const existing = st.workerByHash.get(hash) as WorkerRow | undefined;
    if (!existing) {
      const id = Number(
        st.insertWorker.run({
          ...values,
          hash,
          cipher: protector.encrypt(rec.idNumber),
          masked: maskIdNumber(rec.idNumber),
          birthDate: rec.birthDate,
          sex: rec.sex,
        }).lastInsertRowid,
      );
      audit("create", "worker", id, null, logged);
      change = "created";
    } else {
      const before = workerRecord(existing, rec.idNumber);
      if (!sameRecord(SPREADSHEET_FORMATS.workers, before, rec) || existing.householdId !== household.id) {
        st.updateWorker.run({ ...values, id: existing.id });
        audit("update", "worker", existing.id, { ...before, idNumber: maskIdNumber(rec.idNumber) }, logged);
        change = "updated";
      }
    }
    if (!first) households.set(rec.householdCode, { rowNumber, category: rec.category, relocated: rec.relocated, size: rec.householdSize });
    return change;
  };
}
