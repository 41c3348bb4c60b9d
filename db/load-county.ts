/**
 * Writes a generated county (demo data or a synthetic benchmark county) into an empty database
 * with prepared statements — fast enough for a million workers. The caller owns the transaction,
 * unless it asks for `householdsPerTransaction` (seeding a benchmark county of a million workers
 * commits in batches so the WAL stays small).
 * ID numbers are stored only as keyed hash, cipher and mask (src/security/personal-data.ts).
 */
import { maskIdNumber, checkIdNumber } from "../src/core/id-number.ts";
import type { GeneratedCounty } from "../src/demo/county-types.ts";
import type { PersonalDataProtector } from "../src/security/personal-data.ts";
import type { Db } from "./client.ts";

export interface CountyLoadCounts {
  towns: number;
  villages: number;
  employers: number;
  postings: number;
  households: number;
  workers: number;
  placements: number;
  applications: number;
}

export interface LoadCountyOptions {
  protector: PersonalDataProtector;
  /** Called every `progressEvery` households with the counts so far. */
  onProgress?: (counts: CountyLoadCounts) => void;
  progressEvery?: number;
  /**
   * Commit every this many households (BEGIN/COMMIT on the connection); the caller must then not
   * hold a transaction. Towns, villages, employers and postings go in the first batch.
   */
  householdsPerTransaction?: number;
}

/** Inserts the county; returns what it wrote. Posting ids are returned for the search outbox. */
export function loadCounty(db: Db, county: GeneratedCounty, options: LoadCountyOptions): CountyLoadCounts & { postingIds: number[] } {
  const sqlite = db.$client;
  const batch = options.householdsPerTransaction;
  if (batch !== undefined) sqlite.exec("BEGIN");
  try {
    const result = loadInto(db, county, options);
    if (batch !== undefined) sqlite.exec("COMMIT");
    return result;
  } catch (error) {
    // Batches already committed stay; the caller (a benchmark seed) starts over on a fresh file.
    if (batch !== undefined && sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
}

function loadInto(db: Db, county: GeneratedCounty, options: LoadCountyOptions): CountyLoadCounts & { postingIds: number[] } {
  const sqlite = db.$client;
  const batch = options.householdsPerTransaction;
  const counts: CountyLoadCounts = { towns: 0, villages: 0, employers: 0, postings: 0, households: 0, workers: 0, placements: 0, applications: 0 };

  const insertTown = sqlite.prepare("INSERT INTO towns (name) VALUES (?)");
  const insertVillage = sqlite.prepare("INSERT INTO villages (town_id, name, lat, lng) VALUES (?, ?, ?, ?)");
  const townIds = new Map<string, number>();
  const villageIds = new Map<string, number>();
  const villageKey = (town: string, village: string) => `${town}\u0000${village}`;
  for (const town of county.towns) {
    const townId = Number(insertTown.run(town.name).lastInsertRowid);
    townIds.set(town.name, townId);
    counts.towns++;
    for (const village of town.villages) {
      villageIds.set(villageKey(town.name, village.name), Number(insertVillage.run(townId, village.name, village.lat, village.lng).lastInsertRowid));
      counts.villages++;
    }
  }
  const villageId = (town: string, village: string): number => {
    const id = villageIds.get(villageKey(town, village));
    if (id === undefined) throw new Error(`unknown village ${town} ${village}`);
    return id;
  };

  const insertEmployer = sqlite.prepare(
    `INSERT INTO employers (code, name, type, core_factory_id, town_id, village_id, address, lat, lng, contact_name, contact_phone, recognition)
     VALUES (@code, @name, @type, @coreFactoryId, @townId, @villageId, @address, @lat, @lng, @contactName, @contactPhone, @recognition)`,
  );
  const employerIds = new Map<string, number>();
  for (const e of county.employers) {
    const townId = townIds.get(e.town);
    if (townId === undefined) throw new Error(`unknown town ${e.town}`);
    const id = insertEmployer.run({
      code: e.code,
      name: e.name,
      type: e.type,
      coreFactoryId: e.coreFactoryCode ? (employerIds.get(e.coreFactoryCode) ?? null) : null,
      townId,
      villageId: e.village ? villageId(e.town, e.village) : null,
      address: e.address ?? null,
      lat: e.lat ?? null,
      lng: e.lng ?? null,
      contactName: e.contactName ?? null,
      contactPhone: e.contactPhone ?? null,
      recognition: e.recognition,
    }).lastInsertRowid;
    employerIds.set(e.code, Number(id));
    counts.employers++;
  }

  const insertPosting = sqlite.prepare(
    `INSERT INTO postings (code, employer_id, title, description, headcount, pay_min, pay_max, pay_unit, working_time, age_min, age_max,
       physical_demand, skills, benefits, status, closing_date, published_at, created_at, updated_at)
     VALUES (@code, @employerId, @title, @description, @headcount, @payMin, @payMax, @payUnit, @workingTime, @ageMin, @ageMax,
       @physicalDemand, @skills, @benefits, @status, @closingDate, @publishedAt, @publishedAt, @publishedAt)`,
  );
  const postingIds = new Map<string, number>();
  for (const p of county.postings) {
    const employerId = employerIds.get(p.employerCode);
    if (employerId === undefined) throw new Error(`posting ${p.code}: unknown employer ${p.employerCode}`);
    const id = insertPosting.run({
      code: p.code,
      employerId,
      title: p.title,
      description: p.description,
      headcount: p.headcount,
      payMin: p.payMin ?? null,
      payMax: p.payMax ?? null,
      payUnit: p.payUnit,
      workingTime: p.workingTime,
      ageMin: p.ageMin ?? null,
      ageMax: p.ageMax ?? null,
      physicalDemand: p.physicalDemand ?? null,
      skills: JSON.stringify(p.skills),
      benefits: JSON.stringify(p.benefits),
      status: p.status,
      closingDate: p.closingDate ?? null,
      publishedAt: p.publishedAt,
    }).lastInsertRowid;
    postingIds.set(p.code, Number(id));
    counts.postings++;
  }

  const insertHousehold = sqlite.prepare(
    "INSERT INTO households (code, category, relocated, size, village_id) VALUES (?, ?, ?, ?, ?)",
  );
  const insertWorker = sqlite.prepare(
    `INSERT INTO workers (household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, phone, village_id,
       labour_ability, willing_to_work, skills, preferred_area, available_time)
     VALUES (@householdId, @name, @hash, @cipher, @masked, @birthDate, @sex, @phone, @villageId,
       @labourAbility, @willing, @skills, @preferredArea, @availableTime)`,
  );
  const insertPlacement = sqlite.prepare(
    `INSERT INTO placements (worker_id, employer_id, posting_id, start_date, end_date, end_reason, monthly_income, work_province, work_county, employment_form)
     VALUES (@workerId, @employerId, @postingId, @startDate, @endDate, @endReason, @monthlyIncome, @workProvince, @workCounty, @employmentForm)`,
  );
  const insertApplication = sqlite.prepare(
    `INSERT INTO applications (posting_id, worker_id, applicant_name, applicant_phone, applicant_village, note, status, created_at, updated_at)
     VALUES (@postingId, @workerId, @name, @phone, @village, @note, @status, @createdAt, @createdAt)`,
  );

  const progressEvery = options.progressEvery ?? 10_000;
  for (const h of county.households()) {
    const vId = villageId(h.town, h.village);
    const householdId = Number(insertHousehold.run(h.code, h.category, h.relocated ? 1 : 0, h.size, vId).lastInsertRowid);
    counts.households++;
    const workerIds = new Map<string, number>();
    for (const w of h.workers) {
      const checked = checkIdNumber(w.idNumber);
      if (!checked.ok) throw new Error(`household ${h.code}: invalid ID number (${checked.problem})`);
      const id = insertWorker.run({
        householdId,
        name: w.name,
        hash: options.protector.hashIdNumber(checked.idNumber),
        cipher: options.protector.encrypt(checked.idNumber),
        masked: maskIdNumber(checked.idNumber),
        birthDate: checked.birthDate,
        sex: checked.sex,
        phone: w.phone ?? null,
        villageId: vId,
        labourAbility: w.labourAbility,
        willing: w.willingToWork ? 1 : 0,
        skills: JSON.stringify(w.skills),
        preferredArea: w.preferredArea ?? null,
        availableTime: w.availableTime ?? null,
      }).lastInsertRowid;
      workerIds.set(checked.idNumber, Number(id));
      counts.workers++;
    }
    for (const p of h.placements) {
      const workerId = workerIds.get(p.idNumber.toUpperCase());
      if (workerId === undefined) throw new Error(`household ${h.code}: placement of a worker not in the household`);
      insertPlacement.run({
        workerId,
        employerId: p.employerCode ? (employerIds.get(p.employerCode) ?? null) : null,
        postingId: p.postingCode ? (postingIds.get(p.postingCode) ?? null) : null,
        startDate: p.startDate,
        endDate: p.endDate ?? null,
        endReason: p.endReason ?? null,
        monthlyIncome: p.monthlyIncome ?? null,
        workProvince: p.workProvince ?? null,
        workCounty: p.workCounty ?? null,
        employmentForm: p.employerCode ? null : (p.employmentForm ?? null),
      });
      counts.placements++;
    }
    for (const a of h.applications) {
      const postingId = postingIds.get(a.postingCode);
      if (postingId === undefined) continue;
      insertApplication.run({
        postingId,
        workerId: a.idNumber ? (workerIds.get(a.idNumber.toUpperCase()) ?? null) : null,
        name: a.applicantName,
        phone: a.applicantPhone,
        village: a.applicantVillage ?? null,
        note: a.note ?? null,
        status: a.status,
        createdAt: a.createdAt,
      });
      counts.applications++;
    }
    if (batch !== undefined && counts.households % batch === 0) {
      sqlite.exec("COMMIT");
      sqlite.exec("BEGIN");
    }
    if (options.onProgress && counts.households % progressEvery === 0) options.onProgress(counts);
  }
  return { ...counts, postingIds: [...postingIds.values()] };
}
