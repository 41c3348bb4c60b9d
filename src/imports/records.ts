/**
 * Registry rows (db/queries/registry.ts) as spreadsheet records, for export and for telling an
 * imported row that changes nothing from one that does: two records are the same when their
 * cells are the same.
 */
import type { EmployerRow, PlacementRow, PostingRow, VillageRow, WorkerRow } from "../../db/queries/registry.ts";
import type {
  EmployerRecord,
  PlacementRecord,
  PostingRecord,
  RegionRecord,
  SpreadsheetFormat,
  SpreadsheetKind,
  WorkerRecord,
} from "./formats.ts";

const list = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
};

export function regionRecord(v: VillageRow): RegionRecord {
  return { town: v.town, village: v.name, lng: v.lng, lat: v.lat };
}

export function employerRecord(e: EmployerRow): EmployerRecord {
  return {
    code: e.code,
    name: e.name,
    type: e.type as EmployerRecord["type"],
    coreFactoryCode: e.coreFactoryCode,
    town: e.town,
    village: e.village,
    address: e.address,
    lng: e.lng,
    lat: e.lat,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    recognition: e.recognition as EmployerRecord["recognition"],
  };
}

export function postingRecord(p: PostingRow): PostingRecord {
  return {
    code: p.code,
    employerCode: p.employerCode,
    title: p.title,
    description: p.description,
    headcount: p.headcount,
    payMin: p.payMin,
    payMax: p.payMax,
    payUnit: p.payUnit as PostingRecord["payUnit"],
    workingTime: p.workingTime as PostingRecord["workingTime"],
    ageMin: p.ageMin,
    ageMax: p.ageMax,
    physicalDemand: p.physicalDemand as PostingRecord["physicalDemand"],
    skills: list(p.skills),
    benefits: list(p.benefits),
    status: p.status as PostingRecord["status"],
    closingDate: p.closingDate,
  };
}

export function workerRecord(w: WorkerRow, idNumber: string): WorkerRecord {
  return {
    householdCode: w.householdCode,
    category: w.category as WorkerRecord["category"],
    relocated: w.relocated === 1,
    householdSize: w.householdSize,
    name: w.name,
    idNumber,
    birthDate: w.birthDate,
    sex: w.sex as WorkerRecord["sex"],
    phone: w.phone,
    town: w.town,
    village: w.village,
    labourAbility: w.labourAbility as WorkerRecord["labourAbility"],
    willingToWork: w.willingToWork === 1,
    skills: list(w.skills),
    preferredArea: w.preferredArea as WorkerRecord["preferredArea"],
    availableTime: w.availableTime as WorkerRecord["availableTime"],
  };
}

export function placementRecord(
  p: Pick<PlacementRow, "employerCode" | "postingCode" | "startDate" | "endDate" | "monthlyIncome" | "workProvince" | "workCounty" | "employmentForm">,
  idNumber: string,
): PlacementRecord {
  return {
    idNumber,
    employerCode: p.employerCode,
    postingCode: p.postingCode,
    startDate: p.startDate,
    endDate: p.endDate,
    monthlyIncome: p.monthlyIncome,
    workProvince: p.workProvince,
    workCounty: p.workCounty,
    employmentForm: p.employmentForm as PlacementRecord["employmentForm"],
  };
}

/** Same cells, same record. */
export function sameRecord<K extends SpreadsheetKind>(format: SpreadsheetFormat<K>, a: Parameters<SpreadsheetFormat<K>["format"]>[0], b: Parameters<SpreadsheetFormat<K>["format"]>[0]): boolean {
  const x = format.format(a);
  const y = format.format(b);
  return x.length === y.length && x.every((cell, i) => cell === y[i]);
}
