/**
 * Reading and writing the registry row by row, for the spreadsheet import and export: villages,
 * employers, postings, households, workers and placements, found by their spreadsheet keys.
 * Statements are prepared once per run (`registryStatements(db)`) — an import of 100,000 rows
 * runs each of them 100,000 times.
 */
import type { Db } from "../client.ts";

export interface VillageRow {
  id: number;
  townId: number;
  town: string;
  name: string;
  lat: number;
  lng: number;
}

export interface EmployerRow {
  id: number;
  code: string;
  name: string;
  type: string;
  coreFactoryId: number | null;
  coreFactoryCode: string | null;
  townId: number;
  town: string;
  villageId: number | null;
  village: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  contactName: string | null;
  contactPhone: string | null;
  recognition: string;
}

export interface PostingRow {
  id: number;
  code: string;
  employerId: number;
  employerCode: string;
  title: string;
  description: string;
  headcount: number;
  payMin: number | null;
  payMax: number | null;
  payUnit: string;
  workingTime: string;
  ageMin: number | null;
  ageMax: number | null;
  physicalDemand: string | null;
  skills: string;
  benefits: string;
  status: string;
  closingDate: string | null;
  publishedAt: string | null;
}

export interface HouseholdRow {
  id: number;
  code: string;
  category: string;
  relocated: number;
  size: number | null;
  villageId: number;
}

export interface WorkerRow {
  id: number;
  householdId: number;
  householdCode: string;
  category: string;
  relocated: number;
  householdSize: number | null;
  name: string;
  idNumberCipher: string;
  idNumberMasked: string;
  birthDate: string;
  sex: string;
  phone: string | null;
  villageId: number;
  town: string;
  village: string;
  labourAbility: string;
  willingToWork: number;
  skills: string;
  preferredArea: string | null;
  availableTime: string | null;
}

export interface PlacementRow {
  id: number;
  workerId: number;
  employerId: number | null;
  employerCode: string | null;
  postingId: number | null;
  postingCode: string | null;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  monthlyIncome: number | null;
  workProvince: string | null;
  workCounty: string | null;
  employmentForm: string | null;
  needsConfirmation: number;
  createdByUserId: number | null;
  createdAt: string;
  updatedAt: string;
}

const EMPLOYER_SELECT = `SELECT e.id, e.code, e.name, e.type, e.core_factory_id AS coreFactoryId, c.code AS coreFactoryCode, e.town_id AS townId,
  t.name AS town, e.village_id AS villageId, v.name AS village, e.address, e.lat, e.lng, e.contact_name AS contactName,
  e.contact_phone AS contactPhone, e.recognition
  FROM employers e JOIN towns t ON t.id = e.town_id LEFT JOIN villages v ON v.id = e.village_id LEFT JOIN employers c ON c.id = e.core_factory_id`;

const POSTING_SELECT = `SELECT p.id, p.code, p.employer_id AS employerId, e.code AS employerCode, p.title, p.description, p.headcount,
  p.pay_min AS payMin, p.pay_max AS payMax, p.pay_unit AS payUnit, p.working_time AS workingTime, p.age_min AS ageMin, p.age_max AS ageMax,
  p.physical_demand AS physicalDemand, p.skills, p.benefits, p.status, p.closing_date AS closingDate, p.published_at AS publishedAt
  FROM postings p JOIN employers e ON e.id = p.employer_id`;

export const WORKER_SELECT = `SELECT w.id, w.household_id AS householdId, h.code AS householdCode, h.category, h.relocated, h.size AS householdSize,
  w.name, w.id_number_cipher AS idNumberCipher, w.id_number_masked AS idNumberMasked, w.birth_date AS birthDate, w.sex, w.phone,
  w.village_id AS villageId, t.name AS town, v.name AS village, w.labour_ability AS labourAbility, w.willing_to_work AS willingToWork,
  w.skills, w.preferred_area AS preferredArea, w.available_time AS availableTime
  FROM workers w JOIN households h ON h.id = w.household_id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id`;

const PLACEMENT_SELECT = `SELECT p.id, p.worker_id AS workerId, p.employer_id AS employerId, e.code AS employerCode, p.posting_id AS postingId,
  po.code AS postingCode, p.start_date AS startDate, p.end_date AS endDate, p.end_reason AS endReason, p.monthly_income AS monthlyIncome,
  p.work_province AS workProvince, p.work_county AS workCounty, p.employment_form AS employmentForm,
  p.needs_confirmation AS needsConfirmation, p.created_by_user_id AS createdByUserId, p.created_at AS createdAt, p.updated_at AS updatedAt
  FROM placements p LEFT JOIN employers e ON e.id = p.employer_id LEFT JOIN postings po ON po.id = p.posting_id`;

/** Every statement the import and export use, prepared once (employers and postings are written by db/queries/postings.ts). */
export function registryStatements(db: Db) {
  const s = db.$client;
  const now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
  return {
    allVillages: s.prepare(`SELECT v.id, v.town_id AS townId, t.name AS town, v.name, v.lat, v.lng FROM villages v JOIN towns t ON t.id = v.town_id ORDER BY t.id, v.id`),
    allTowns: s.prepare(`SELECT id, name FROM towns`),
    insertTown: s.prepare(`INSERT INTO towns (name) VALUES (?)`),
    insertVillage: s.prepare(`INSERT INTO villages (town_id, name, lat, lng) VALUES (@townId, @name, @lat, @lng)`),
    updateVillage: s.prepare(`UPDATE villages SET lat = @lat, lng = @lng WHERE id = @id`),

    employerByCode: s.prepare(`${EMPLOYER_SELECT} WHERE e.code = ?`),
    employerIdByCode: s.prepare(`SELECT id, type FROM employers WHERE code = ?`),
    allEmployers: s.prepare(`${EMPLOYER_SELECT} ORDER BY e.id`),

    postingByCode: s.prepare(`${POSTING_SELECT} WHERE p.code = ?`),
    postingIdByCode: s.prepare(`SELECT id, employer_id AS employerId FROM postings WHERE code = ?`),
    postingsAfter: s.prepare(`${POSTING_SELECT} WHERE p.id > ? ORDER BY p.id LIMIT ?`),

    householdByCode: s.prepare(`SELECT id, code, category, relocated, size, village_id AS villageId FROM households WHERE code = ?`),
    insertHousehold: s.prepare(`INSERT INTO households (code, category, relocated, size, village_id) VALUES (@code, @category, @relocated, @size, @villageId)`),
    updateHousehold: s.prepare(
      `UPDATE households SET category = @category, relocated = @relocated, size = @size, updated_at = ${now} WHERE id = @id`,
    ),
    workerByHash: s.prepare(`${WORKER_SELECT} WHERE w.id_number_hash = ?`),
    workerIdByHash: s.prepare(`SELECT id FROM workers WHERE id_number_hash = ?`),
    workersAfter: s.prepare(`${WORKER_SELECT} WHERE w.id > ? ORDER BY w.id LIMIT ?`),
    insertWorker: s.prepare(
      `INSERT INTO workers (household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, phone, village_id,
         labour_ability, willing_to_work, skills, preferred_area, available_time)
       VALUES (@householdId, @name, @hash, @cipher, @masked, @birthDate, @sex, @phone, @villageId,
         @labourAbility, @willingToWork, @skills, @preferredArea, @availableTime)`,
    ),
    updateWorker: s.prepare(
      `UPDATE workers SET household_id = @householdId, name = @name, phone = @phone, village_id = @villageId, labour_ability = @labourAbility,
         willing_to_work = @willingToWork, skills = @skills, preferred_area = @preferredArea, available_time = @availableTime, updated_at = ${now}
       WHERE id = @id`,
    ),

    placementByKey: s.prepare(`${PLACEMENT_SELECT} WHERE p.worker_id = @workerId AND p.employer_id IS @employerId AND p.start_date = @startDate`),
    placementsAfter: s.prepare(
      `SELECT p.id, w.id_number_cipher AS idNumberCipher, e.code AS employerCode, po.code AS postingCode, p.start_date AS startDate,
         p.end_date AS endDate, p.monthly_income AS monthlyIncome, p.work_province AS workProvince, p.work_county AS workCounty,
         p.employment_form AS employmentForm
       FROM placements p JOIN workers w ON w.id = p.worker_id LEFT JOIN employers e ON e.id = p.employer_id LEFT JOIN postings po ON po.id = p.posting_id
       WHERE p.id > ? ORDER BY p.id LIMIT ?`,
    ),
    insertPlacement: s.prepare(
      `INSERT INTO placements (worker_id, employer_id, posting_id, start_date, end_date, monthly_income, work_province, work_county, employment_form)
       VALUES (@workerId, @employerId, @postingId, @startDate, @endDate, @monthlyIncome, @workProvince, @workCounty, @employmentForm)`,
    ),
    updatePlacement: s.prepare(
      `UPDATE placements SET posting_id = @postingId, end_date = @endDate, monthly_income = @monthlyIncome, work_province = @workProvince,
         work_county = @workCounty, employment_form = @employmentForm, updated_at = ${now}
       WHERE id = @id`,
    ),
    insertPlacementRevision: s.prepare(`INSERT INTO placement_revisions (placement_id, previous, reason) VALUES (?, ?, ?)`),
  };
}

export type RegistryStatements = ReturnType<typeof registryStatements>;

/** Employers located in a village (their default coordinates are its centre). */
export function employerIdsInVillage(db: Db, villageId: number): number[] {
  return (db.$client.prepare("SELECT id FROM employers WHERE village_id = ?").all(villageId) as { id: number }[]).map((r) => r.id);
}
