/**
 * The one-person registry form (登记/修改一人): the bureau adds or corrects one worker and their
 * household without a spreadsheet. The form's fields are the workers spreadsheet's columns, read
 * by the same row rules (src/imports/formats.ts workersFormat.parse — one parse) and written by
 * the same applier as the import (household created or updated, ID number as hash, cipher and
 * mask, audit rows naming the person), in one transaction. A town cadre writes only in their own
 * town: the row's 乡镇, an existing worker of that ID number and an existing household of that
 * code must all be theirs. See docs/decisions/2026-12-02-one-person-registry-form.md.
 */
import type { Db } from "../../db/client.ts";
import { rowTowns, townsByName, villageNamesOfTown, workerRowById } from "../../db/queries/registry-person.ts";
import { can, listScope, type Actor, type Resource } from "../core/policy.ts";
import { workersFormat, type Rejection, type WorkerRecord } from "../imports/formats.ts";
import { workerRecord } from "../imports/records.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { messages } from "../../views/messages.ts";
import type { ChangeAuthor } from "./audit-trail.ts";
import { createApplier, type RowChange } from "./import-appliers/index.ts";

/** The form's field names and the spreadsheet column each one is. */
export const PERSON_FIELDS = [
  ["householdCode", "户编号"],
  ["category", "户类型"],
  ["relocated", "是否易地搬迁"],
  ["householdSize", "家庭人口数"],
  ["name", "姓名"],
  ["idNumber", "身份证号"],
  ["phone", "联系电话"],
  ["town", "乡镇"],
  ["village", "村"],
  ["labourAbility", "劳动能力"],
  ["willingToWork", "就业意愿"],
  ["skills", "技能"],
  ["preferredArea", "期望工作地"],
  ["availableTime", "可工作时间"],
] as const satisfies readonly (readonly [string, (typeof workersFormat.columns)[number]])[];
export type PersonField = (typeof PERSON_FIELDS)[number][0];
export type PersonValues = Partial<Record<PersonField, string>>;

const fieldOfColumn = new Map<string, PersonField>(PERSON_FIELDS.map(([f, c]) => [c, f]));

/** Problems by form field (`form` for a problem of the whole row). */
export type PersonErrors = Partial<Record<PersonField | "form", string>>;

/**
 * The import's reason, except where it speaks of a spreadsheet (an ID number Excel turned into a
 * number): typed into a form, the same rule says how long the number is instead.
 */
function formReason(p: Rejection, values: PersonValues): string {
  if (p.column !== "身份证号") return p.reason;
  const typed = (values.idNumber ?? "").trim();
  const reasons = messages.imports.reasons;
  return p.reason === reasons.idAsNumber || p.reason === reasons.idTruncated(typed.replace(/\D/g, "").length) ? messages.registryPerson.idLength(typed.length) : p.reason;
}

function errorsOf(problems: readonly Rejection[], values: PersonValues = {}): PersonErrors {
  const errors: PersonErrors = {};
  for (const p of problems) {
    const field = fieldOfColumn.get(p.column) ?? "form";
    const reason = formReason(p, values);
    errors[field] = errors[field] ? `${errors[field]}；${reason}` : reason;
  }
  return errors;
}

/** The towns the actor may register people in, and (for one town) its villages to suggest. */
export function personFormOptions(deps: { db: Db }, props: { actor: Actor }): { towns: string[]; villages: string[] } {
  const scope = listScope(props.actor, "worker");
  const towns = townsByName(deps.db).filter((t) => scope.kind === "all" || (scope.kind === "town" && scope.townId === t.id));
  return { towns: towns.map((t) => t.name), villages: towns.length === 1 ? villageNamesOfTown(deps.db, scope.kind === "town" ? scope.townId : -1) : [] };
}

/** A worker as the form shows them for correction (ID number in full: the editor may see it), with what decides who may. */
export function personEditView(deps: { db: Db; protector: PersonalDataProtector }, props: { id: number }): { resource: Extract<Resource, { type: "worker" }>; values: PersonValues; name: string } | undefined {
  const row = workerRowById(deps.db, props.id);
  if (!row) return undefined;
  const cells = workersFormat.format(workerRecord(row, deps.protector.decrypt(row.idNumberCipher)));
  const values: PersonValues = {};
  PERSON_FIELDS.forEach(([field], i) => (values[field] = cells[i] === null || cells[i] === undefined ? "" : String(cells[i])));
  return { resource: { type: "worker", townId: row.townId }, values, name: row.name };
}

export type PersonSaveResult = { ok: true; workerId: number; change: RowChange } | { ok: false; errors: PersonErrors };

/**
 * Parses the form by the workers row rules and writes it as the import would, in one
 * transaction; every problem of the row comes back at once, by field, in Chinese.
 */
export function registryPersonSaver(
  deps: { db: Db; protector: PersonalDataProtector },
  props: { values: PersonValues; actor: Actor; by: ChangeAuthor; today: string },
): PersonSaveResult {
  const cells = new Map(PERSON_FIELDS.map(([field, column]) => [column, props.values[field] ?? null]));
  const parsed = workersFormat.parse(cells, props.today);
  if (!parsed.ok) return { ok: false, errors: errorsOf(parsed.problems, props.values) };
  const record: WorkerRecord = parsed.record;
  const m = messages.registryPerson;
  return deps.db.$client.transaction((): PersonSaveResult => {
    const hash = deps.protector.hashIdNumber(record.idNumber);
    const towns = rowTowns(deps.db, { town: record.town, idNumberHash: hash, householdCode: record.householdCode });
    const may = (action: "create" | "update", townId: number) => can(props.actor, action, { type: "worker", townId });
    const reach: Rejection[] = [];
    if (towns.town !== undefined && !may("create", towns.town)) reach.push({ column: "乡镇", reason: m.otherTown });
    if (towns.worker && !may("update", towns.worker.townId)) reach.push({ column: "身份证号", reason: m.workerOfOtherTown });
    if (towns.household !== undefined && !can(props.actor, "update", { type: "household", townId: towns.household })) reach.push({ column: "户编号", reason: m.householdOfOtherTown });
    if (reach.length > 0) return { ok: false, errors: errorsOf(reach) };
    const outcome = createApplier("workers", { db: deps.db, protector: deps.protector, by: props.by, today: props.today }).applyWithProblems(record, 1);
    if (typeof outcome !== "string") return { ok: false, errors: errorsOf(outcome.problems) };
    const workerId = rowTowns(deps.db, { town: record.town, idNumberHash: hash, householdCode: record.householdCode }).worker!.id;
    return { ok: true, workerId, change: outcome };
  })();
}
