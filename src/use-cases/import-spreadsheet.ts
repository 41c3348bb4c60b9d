/**
 * Imports a registry spreadsheet (docs/contract.md, "Spreadsheet formats"): each row is parsed,
 * checked against the registry, and written — or rejected whole with its row number, column and
 * reason. Rows are matched on their key, so importing the same file twice changes nothing.
 * Rows are written in batches of IMPORT_BATCH_ROWS, one transaction a batch, each row inside its
 * own savepoint; every write adds an audit row (actor "import"), changes to postings and
 * employers add search outbox rows, and a changed placement keeps its previous version.
 */
import { raiseAlertsAfterImport } from "./risk-alerts.ts";
import type { Db } from "../../db/client.ts";
import { createAuditAppender } from "../../db/queries/audit.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { employerIdsInVillage, registryStatements, type EmployerRow, type PlacementRow, type PostingRow, type VillageRow, type WorkerRow } from "../../db/queries/registry.ts";
import { maskIdNumber } from "../core/id-number.ts";
import { cellText } from "../imports/cells.ts";
import {
  SPREADSHEET_FORMATS,
  matchHeaders,
  type EmployerRecord,
  type PlacementRecord,
  type PostingRecord,
  type RecordOf,
  type RegionRecord,
  type Rejection,
  type SpreadsheetKind,
  type WorkerRecord,
} from "../imports/formats.ts";
import { employerRecord, placementRecord, postingRecord, sameRecord, workerRecord } from "../imports/records.ts";
import { openSpreadsheet, SpreadsheetUnreadableError, type OpenedSpreadsheet } from "../imports/spreadsheet.ts";
import type { CellValue } from "../imports/cells.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import type { PolicyFields } from "../core/subsidies/policy.ts";
import { applyPolicy } from "./subsidies-policies.ts";
import { messages } from "../../views/messages.ts";

const t = messages.imports;
const reasons = messages.imports.reasons;

/** Rows a transaction: big enough to be fast, small enough not to hold the writer lock for long. */
export const IMPORT_BATCH_ROWS = 1_000;
/** Who the audit log names for imported changes. */
export const IMPORT_ACTOR = "import";

export interface RejectedRow extends Rejection {
  rowNumber: number;
  /** The row's cells as text, in the file's column order (for the report). */
  cells: string[];
}

export type ImportOutcome =
  | { status: "unreadable"; message: string }
  | { status: "bad-header"; message: string }
  | {
      status: "done";
      kind: SpreadsheetKind;
      encoding?: string;
      headers: string[];
      unknownColumns: string[];
      created: number;
      updated: number;
      unchanged: number;
      rejected: RejectedRow[];
    };

export interface ImportSpreadsheetProps {
  db: Db;
  protector: PersonalDataProtector;
  kind: SpreadsheetKind;
  file: string;
  /** YYYY-MM-DD: the publication date given to postings that arrive open. */
  today: string;
  onProgress?: (rowsDone: number, totalRows: number | undefined) => void;
}

type RowChange = "created" | "updated" | "unchanged";
type Applied = RowChange | Rejection;

/** Thrown inside a row's savepoint to roll the row back and reject it. */
class RowRejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.reason);
  }
}

interface PendingRow<K extends SpreadsheetKind> {
  rowNumber: number;
  record: RecordOf[K];
  cells: string[];
}

/**
 * Imports one file.
 * @example await importSpreadsheet({ db, protector, kind: "workers", file: "名册.xlsx", today: "2026-11-23" })
 */
export async function importSpreadsheet(props: ImportSpreadsheetProps): Promise<ImportOutcome> {
  const started = new Date().toISOString();
  let sheet: OpenedSpreadsheet;
  try {
    sheet = await openSpreadsheet(props.file);
  } catch (error) {
    if (error instanceof SpreadsheetUnreadableError) return { status: "unreadable", message: t.unreadable(error.message) };
    throw error;
  }
  const format = SPREADSHEET_FORMATS[props.kind];
  const applier = createApplier(props);
  const result = {
    status: "done" as const,
    kind: props.kind,
    ...(sheet.encoding ? { encoding: sheet.encoding } : {}),
    headers: [] as string[],
    unknownColumns: [] as string[],
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: [] as RejectedRow[],
  };
  let positions: Map<string, number> | undefined;
  const seenKeys = new Map<string, number>();
  let batch: PendingRow<SpreadsheetKind>[] = [];
  let rowsRead = 0;

  const flush = () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const outcomes = props.db.$client.transaction(() => rows.map((row) => applier.applyInSavepoint(row.record, row.rowNumber)))();
    outcomes.forEach((outcome, i) => {
      if (typeof outcome === "string") result[outcome]++;
      else result.rejected.push({ rowNumber: rows[i]!.rowNumber, cells: rows[i]!.cells, ...outcome });
    });
    props.onProgress?.(rowsRead, sheet.totalRows);
  };

  try {
    for await (const row of sheet.rows) {
      if (!positions) {
        if (row.cells.every((c) => cellText(c) === "")) continue;
        const match = matchHeaders(format, row.cells);
        if (match.duplicated.length > 0) return { status: "bad-header", message: t.duplicateColumn(match.duplicated[0]!) };
        if (match.missing.length > 0) return { status: "bad-header", message: t.missingColumns(match.missing) };
        positions = match.positions;
        result.headers = row.cells.map(cellText);
        result.unknownColumns = match.unknown;
        continue;
      }
      if (row.cells.every((c) => cellText(c) === "")) continue;
      rowsRead++;
      const cells = new Map<string, CellValue>();
      for (const [header, index] of positions) cells.set(header, row.cells[index] ?? null);
      const texts = result.headers.map((_, i) => cellText(row.cells[i] ?? null));
      const parsed = format.parse(cells);
      if (!parsed.ok) {
        result.rejected.push({ rowNumber: row.rowNumber, cells: texts, ...parsed.rejection });
        continue;
      }
      const key = (format.key as (r: RecordOf[SpreadsheetKind]) => string)(parsed.record);
      const earlier = seenKeys.get(key);
      if (earlier !== undefined) {
        result.rejected.push({ rowNumber: row.rowNumber, cells: texts, column: t.wholeRow, reason: reasons.duplicateKey(earlier) });
        continue;
      }
      seenKeys.set(key, row.rowNumber);
      batch.push({ rowNumber: row.rowNumber, record: parsed.record, cells: texts });
      if (batch.length >= IMPORT_BATCH_ROWS) flush();
    }
  } catch (error) {
    if (error instanceof SpreadsheetUnreadableError) return { status: "unreadable", message: t.unreadable(error.message) };
    throw error;
  }
  if (!positions) return { status: "bad-header", message: t.noHeader };
  flush();
  // Placements that arrive with an end date may leave a household without work: the same alerts
  // as a manager's or staff's recording of the end, whichever way the file came in (CLI or upload).
  if (props.kind === "placements") raiseAlertsAfterImport({ db: props.db }, { sinceIso: started, today: props.today });
  props.onProgress?.(rowsRead, sheet.totalRows);
  result.rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  return result;
}

// ---------------------------------------------------------------------------------------------

function createApplier(props: ImportSpreadsheetProps) {
  const { db, protector } = props;
  const st = registryStatements(db);
  const villageKey = (town: string, village: string) => `${town}\u0000${village}`;
  const towns = new Map<string, number>();
  const villages = new Map<string, VillageRow>();
  const loadPlaces = () => {
    towns.clear();
    villages.clear();
    for (const row of st.allTowns.all() as { id: number; name: string }[]) towns.set(row.name, row.id);
    for (const v of st.allVillages.all() as VillageRow[]) villages.set(villageKey(v.town, v.name), v);
  };
  loadPlaces();
  /** Household fields as the first accepted row of each household in this file gave them. */
  const households = new Map<string, { rowNumber: number; category: string; relocated: boolean; size: number | null }>();
  const appendAudit = createAuditAppender(db);
  const audit = (action: "create" | "update", entity: string, entityId: number | string, before: unknown, after: unknown) =>
    appendAudit({ actorLabel: IMPORT_ACTOR, action, entity, entityId, before, after });
  const reject = (column: string, reason: string): never => {
    throw new RowRejected({ column, reason });
  };

  const villageOf = (town: string, village: string): VillageRow => {
    if (!towns.has(town)) reject("乡镇", reasons.unknownTown(town));
    return villages.get(villageKey(town, village)) ?? reject("村", reasons.unknownVillage(town, village));
  };

  const appliers: { [K in SpreadsheetKind]: (record: RecordOf[K], rowNumber?: number) => RowChange } = {
    regions(rec: RegionRecord) {
      let townId = towns.get(rec.town);
      if (townId === undefined) {
        townId = Number(st.insertTown.run(rec.town).lastInsertRowid);
        towns.set(rec.town, townId);
        audit("create", "town", townId, null, { name: rec.town });
      }
      const existing = villages.get(villageKey(rec.town, rec.village));
      if (!existing) {
        const id = Number(st.insertVillage.run({ townId, name: rec.village, lat: rec.lat, lng: rec.lng }).lastInsertRowid);
        villages.set(villageKey(rec.town, rec.village), { id, townId, town: rec.town, name: rec.village, lat: rec.lat, lng: rec.lng });
        audit("create", "village", id, null, rec);
        return "created";
      }
      if (existing.lat === rec.lat && existing.lng === rec.lng) return "unchanged";
      st.updateVillage.run({ id: existing.id, lat: rec.lat, lng: rec.lng });
      audit("update", "village", existing.id, { lat: existing.lat, lng: existing.lng }, { lat: rec.lat, lng: rec.lng });
      villages.set(villageKey(rec.town, rec.village), { ...existing, lat: rec.lat, lng: rec.lng });
      // Employers without their own point are shown at the village centre.
      enqueueSearchUpdate(db, "employer", employerIdsInVillage(db, existing.id));
      return "updated";
    },

    employers(rec: EmployerRecord) {
      const townId = towns.get(rec.town) ?? reject("乡镇", reasons.unknownTown(rec.town));
      const villageId = rec.village === null ? null : villageOf(rec.town, rec.village).id;
      let coreFactoryId: number | null = null;
      if (rec.coreFactoryCode !== null) {
        const core = st.employerIdByCode.get(rec.coreFactoryCode) as { id: number } | undefined;
        coreFactoryId = core?.id ?? reject("核心工厂编号", reasons.unknownCoreFactory(rec.coreFactoryCode));
      }
      const values = {
        code: rec.code, name: rec.name, type: rec.type, coreFactoryId, townId, villageId, address: rec.address, lat: rec.lat, lng: rec.lng,
        contactName: rec.contactName, contactPhone: rec.contactPhone, recognition: rec.recognition,
      };
      const existing = st.employerByCode.get(rec.code) as EmployerRow | undefined;
      if (!existing) {
        const id = Number(st.insertEmployer.run(values).lastInsertRowid);
        audit("create", "employer", id, null, rec);
        enqueueSearchUpdate(db, "employer", [id]);
        return "created";
      }
      const before = employerRecord(existing);
      if (sameRecord(SPREADSHEET_FORMATS.employers, before, rec)) return "unchanged";
      st.updateEmployer.run({ ...values, id: existing.id });
      audit("update", "employer", existing.id, before, rec);
      enqueueSearchUpdate(db, "employer", [existing.id]);
      return "updated";
    },

    postings(rec: PostingRecord) {
      const employer = (st.employerIdByCode.get(rec.employerCode) as { id: number } | undefined) ?? reject("用工主体编号", reasons.unknownEmployer(rec.employerCode));
      const existing = st.postingByCode.get(rec.code) as PostingRow | undefined;
      // A posting keeps the day it was first published; one arriving open is published today.
      const publishedAt = existing?.publishedAt ?? (rec.status === "招聘中" ? props.today : null);
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
    },

    workers(rec: WorkerRecord, rowNumber?: number) {
      const village = villageOf(rec.town, rec.village);
      const first = households.get(rec.householdCode);
      if (first && (first.category !== rec.category || first.relocated !== rec.relocated || first.size !== rec.householdSize)) {
        reject("户类型", reasons.householdMismatch(first.rowNumber));
      }
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
      if (!first) households.set(rec.householdCode, { rowNumber: rowNumber ?? 0, category: rec.category, relocated: rec.relocated, size: rec.householdSize });
      return change;
    },

    placements(rec: PlacementRecord) {
      const worker = (st.workerIdByHash.get(protector.hashIdNumber(rec.idNumber)) as { id: number } | undefined) ?? reject("身份证号", reasons.unknownWorker);
      let employerId: number | null = null;
      if (rec.employerCode !== null) {
        employerId = ((st.employerIdByCode.get(rec.employerCode) as { id: number } | undefined) ?? reject("用工主体编号", reasons.unknownEmployer(rec.employerCode))).id;
      }
      let postingId: number | null = null;
      if (rec.postingCode !== null) {
        const posting = (st.postingIdByCode.get(rec.postingCode) as { id: number; employerId: number } | undefined) ?? reject("岗位编号", reasons.unknownPosting(rec.postingCode));
        if (posting.employerId !== employerId) reject("岗位编号", reasons.postingOfOtherEmployer(rec.postingCode));
        postingId = posting.id;
      }
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
      // Placements are corrected, never silently overwritten: the previous version is kept.
      st.insertPlacementRevision.run(existing.id, JSON.stringify(existing), t.revisionReason);
      st.updatePlacement.run({ ...values, id: existing.id });
      audit("update", "placement", existing.id, { ...before, idNumber: maskIdNumber(rec.idNumber) }, logged);
      return "updated";
    },

    policies(rec: PolicyFields) {
      // A changed rule becomes the policy's next version; lines keep the version they came from.
      const outcome = applyPolicy(db, { input: rec, by: { label: IMPORT_ACTOR }, nowIso: null });
      switch (outcome.status) {
        case "kindChanged":
          return reject("类型", messages.subsidies.reasons.kindChanged(outcome.kind));
        case "invalid":
          return reject(t.wholeRow, reasons.rowFailed);
        case "created":
          return "created";
        case "unchanged":
          return "unchanged";
        default:
          return "updated";
      }
    },
  };

  const apply = appliers[props.kind] as (record: RecordOf[SpreadsheetKind], rowNumber?: number) => RowChange;
  // Called inside the batch's transaction, better-sqlite3 runs this in a savepoint.
  const applyWhole = db.$client.transaction((record: RecordOf[SpreadsheetKind], rowNumber: number) => apply(record, rowNumber));
  return {
    /** Applies one row inside a savepoint: all of it, or (rejected) none of it. */
    applyInSavepoint(record: RecordOf[SpreadsheetKind], rowNumber: number): Applied {
      try {
        return applyWhole(record, rowNumber);
      } catch (error) {
        if (error instanceof RowRejected) return error.rejection;
        // A town or village this row created was rolled back with it: read the places again.
        if (props.kind === "regions") loadPlaces();
        return { column: t.wholeRow, reason: reasons.rowFailed };
      }
    },
  };
}
