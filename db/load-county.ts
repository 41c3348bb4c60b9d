/**
 * Writes a generated county (demo data or a synthetic benchmark county) into an empty database.
 * Employers and postings (a few thousand at most) go through the one write path of
 * db/queries/postings.ts like every other writer's; households, workers, placements and
 * applications (a million workers) through prepared statements. The caller owns the transaction,
 * unless it asks for `householdsPerTransaction` (seeding a benchmark county of a million workers
 * commits in batches so the WAL stays small).
 * ID numbers are stored only as keyed hash, cipher and mask (src/security/personal-data.ts).
 */
import { startOfChinaDay } from "../src/core/china-time.ts";
import { maskIdNumber, checkIdNumber } from "../src/core/id-number.ts";
import type { GeneratedCounty } from "../src/core/county.ts";
import type { PersonalDataProtector } from "../src/security/personal-data.ts";
import type { Db } from "./client.ts";
import { employerFieldsOf, insertEmployer, insertPosting, postingFieldsOf } from "./queries/postings.ts";

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
  /** When the county is written: the employers' creation time (a posting's is its publishing day). */
  now: Date;
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

  const employerIds = new Map<string, number>();
  for (const e of county.employers) {
    const townId = townIds.get(e.town);
    if (townId === undefined) throw new Error(`unknown town ${e.town}`);
    const refs = {
      townId,
      villageId: e.village ? villageId(e.town, e.village) : null,
      coreFactoryId: e.coreFactoryCode ? (employerIds.get(e.coreFactoryCode) ?? null) : null,
    };
    employerIds.set(e.code, insertEmployer(db, employerFieldsOf(e, refs), options.now).id);
    counts.employers++;
  }

  const postingIds = new Map<string, number>();
  for (const p of county.postings) {
    const employerId = employerIds.get(p.employerCode);
    if (employerId === undefined) throw new Error(`posting ${p.code}: unknown employer ${p.employerCode}`);
    postingIds.set(p.code, insertPosting(db, postingFieldsOf(p, employerId), new Date(startOfChinaDay(p.publishedAt))).id);
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
