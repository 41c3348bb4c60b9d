/**
 * Loads the statistics' columnar snapshot (src/core/stats/columns.ts) from the database: each
 * table read once in id order with `.raw()` rows straight into typed arrays, no object a row, in
 * one read transaction so the tables and the registry version agree. At a million workers this
 * takes a few seconds, so the loader is a generator that yields every few thousand rows: the
 * statistics service (src/use-cases/statistics.ts) steps it between requests; loadStatsColumns
 * runs it at once. See docs/decisions/2026-11-23-statistics-snapshot.md.
 */
import { EMPLOYER_TYPES, EMPLOYMENT_FORMS, HOUSEHOLD_CATEGORIES, LABOUR_ABILITIES } from "../../src/core/enums.ts";
import { OPEN_END, dateInt, orderByString, type StatsColumns } from "../../src/core/stats/columns.ts";
import type { StatsIds } from "../../src/core/stats/patch.ts";
import type { Db } from "../client.ts";

/** Rows read between two yields of the loader. */
export const LOAD_STEP_ROWS = 20_000;

export interface StatsSnapshot {
  columns: StatsColumns;
  /** The registry version (migration 0005) the columns were read at. */
  version: number;
  /** When the read began. */
  loadedAt: Date;
  /**
   * The last row of the change log (migration 0016, db/queries/stats-changes.ts) the columns
   * include, and the ids of their rows: with both, the snapshot is patched from the rows logged
   * after it (src/core/stats/patch.ts) instead of reloaded. Absent on a snapshot that cannot be.
   */
  changeId?: number;
  ids?: StatsIds;
}

/** The last row of the statistics' change log (0 when empty). */
export function lastStatsChangeId(db: Db): number {
  return db.$client.prepare("SELECT coalesce(max(id), 0) FROM stats_changes").pluck().get() as number;
}

/** The registry version: bumped by triggers on any change of what the statistics read. */
export function registryVersion(db: Db): number {
  return (db.$client.prepare("SELECT version FROM registry_version WHERE id = 1").pluck().get() as number | undefined) ?? 0;
}

const index = <T>(values: readonly T[]) => new Map(values.map((v, i) => [v as T, i]));

/** Steps through loading a snapshot; yields between chunks, returns the snapshot. */
export function* statsSnapshotLoader(db: Db, step = LOAD_STEP_ROWS): Generator<void, StatsSnapshot, void> {
  const sqlite = db.$client;
  const loadedAt = new Date();
  sqlite.exec("BEGIN");
  try {
    const version = registryVersion(db);
    const changeId = lastStatsChangeId(db);
    const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const maxId = (table: string) => (sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number) + 1;
    /** id → position, -1 where no row has that id. */
    const positions = (table: string) => new Int32Array(maxId(table)).fill(-1);

    // Small tables: towns, villages.
    const townIds = positions("towns");
    const towns: string[] = [];
    const townIdList: number[] = [];
    for (const [id, name] of sqlite.prepare("SELECT id, name FROM towns ORDER BY id").raw().iterate() as Iterable<[number, string]>) {
      townIds[id] = towns.push(name) - 1;
      townIdList.push(id);
    }
    const villageIds = positions("villages");
    const villages: string[] = [];
    const villageTown: number[] = [];
    const villageIdList: number[] = [];
    for (const [id, townId, name] of sqlite.prepare("SELECT id, town_id, name FROM villages ORDER BY id").raw().iterate() as Iterable<
      [number, number, string]
    >) {
      villageIds[id] = villages.push(name) - 1;
      villageTown.push(townIds[townId]!);
      villageIdList.push(id);
    }

    // Households.
    const categories = index(HOUSEHOLD_CATEGORIES);
    const hCount = count("households");
    const hIds = positions("households");
    const hIdList = new Int32Array(hCount);
    const hCode: string[] = new Array(hCount);
    const hTown = new Int32Array(hCount);
    const hVillage = new Int32Array(hCount);
    const hCategory = new Uint8Array(hCount);
    let n = 0;
    for (const [id, code, category, villageId] of sqlite
      .prepare("SELECT id, code, category, village_id FROM households ORDER BY id")
      .raw()
      .iterate() as Iterable<[number, string, (typeof HOUSEHOLD_CATEGORIES)[number], number]>) {
      hIds[id] = n;
      hIdList[n] = id;
      hCode[n] = code;
      const v = villageIds[villageId]!;
      hVillage[n] = v;
      hTown[n] = villageTown[v]!;
      hCategory[n] = categories.get(category)!;
      if (++n % step === 0) yield;
    }

    // Workers.
    const abilities = index(LABOUR_ABILITIES);
    const wCount = count("workers");
    const wIds = positions("workers");
    const wIdList = new Int32Array(wCount);
    const wHousehold = new Int32Array(wCount);
    const wTown = new Int32Array(wCount);
    const wBirth = new Int32Array(wCount);
    const wAbility = new Uint8Array(wCount);
    const wWilling = new Uint8Array(wCount);
    n = 0;
    for (const [id, householdId, villageId, birth, ability, willing] of sqlite
      .prepare("SELECT id, household_id, village_id, birth_date, labour_ability, willing_to_work FROM workers ORDER BY id")
      .raw()
      .iterate() as Iterable<[number, number, number, string, (typeof LABOUR_ABILITIES)[number], number]>) {
      wIds[id] = n;
      wIdList[n] = id;
      wHousehold[n] = hIds[householdId]!;
      wTown[n] = villageTown[villageIds[villageId]!]!;
      wBirth[n] = dateInt(birth);
      wAbility[n] = abilities.get(ability)!;
      wWilling[n] = willing;
      if (++n % step === 0) yield;
    }

    // Employers and the headcount of their open postings.
    const types = index(EMPLOYER_TYPES);
    const eCount = count("employers");
    const eIds = positions("employers");
    const eIdList = new Int32Array(eCount);
    const eCode: string[] = [];
    const eName: string[] = [];
    const eType = new Uint8Array(eCount);
    const eTown = new Int32Array(eCount);
    for (const [id, code, name, type, townId] of sqlite.prepare("SELECT id, code, name, type, town_id FROM employers ORDER BY id").raw().iterate() as Iterable<
      [number, string, string, (typeof EMPLOYER_TYPES)[number], number]
    >) {
      const i = eCode.push(code) - 1;
      eIds[id] = i;
      eIdList[i] = id;
      eName.push(name);
      eType[i] = types.get(type)!;
      eTown[i] = townIds[townId]!;
    }
    const openHeadcount = new Int32Array(eCount);
    for (const [employerId, headcount] of sqlite
      .prepare("SELECT employer_id, sum(headcount) FROM postings WHERE status = '招聘中' GROUP BY employer_id")
      .raw()
      .iterate() as Iterable<[number, number]>) {
      openHeadcount[eIds[employerId]!] = headcount;
    }
    yield;

    // Placements, in id order (the tie rule of the counting placement relies on it).
    const forms = index(EMPLOYMENT_FORMS);
    // A placement waiting for the bureau's confirmation (待核实) is not in the figures.
    const pCount = count("placements WHERE needs_confirmation = 0");
    const pWorker = new Int32Array(pCount);
    const pStart = new Int32Array(pCount);
    const pEnd = new Int32Array(pCount);
    const pEmployer = new Int32Array(pCount);
    const pForm = new Int8Array(pCount);
    const pIdList = new Int32Array(pCount);
    n = 0;
    for (const [id, workerId, employerId, form, start, end] of sqlite
      .prepare("SELECT id, worker_id, employer_id, employment_form, start_date, end_date FROM placements WHERE needs_confirmation = 0 ORDER BY id")
      .raw()
      .iterate() as Iterable<[number, number, number | null, (typeof EMPLOYMENT_FORMS)[number] | null, string, string | null]>) {
      pIdList[n] = id;
      pWorker[n] = wIds[workerId]!;
      pStart[n] = dateInt(start);
      pEnd[n] = end === null ? OPEN_END : dateInt(end);
      pEmployer[n] = employerId === null ? -1 : eIds[employerId]!;
      pForm[n] = form === null ? -1 : forms.get(form)!;
      if (++n % step === 0) yield;
    }
    yield;

    const columns: StatsColumns = {
      towns,
      villages,
      households: { count: hCount, code: hCode, town: hTown, village: hVillage, category: hCategory, byCode: orderByString(hCode) },
      workers: { count: wCount, household: wHousehold, town: wTown, birth: wBirth, ability: wAbility, willing: wWilling },
      placements: { count: pCount, worker: pWorker, start: pStart, end: pEnd, employer: pEmployer, form: pForm },
      employers: { count: eCount, code: eCode, name: eName, type: eType, town: eTown, byCode: orderByString(eCode), openHeadcount },
    };
    const ids: StatsIds = {
      towns: Int32Array.from(townIdList),
      villages: Int32Array.from(villageIdList),
      villageTown: Int32Array.from(villageTown),
      households: hIdList,
      workers: wIdList,
      employers: eIdList,
      placements: pIdList,
    };
    return { columns, version, loadedAt, changeId, ids };
  } finally {
    sqlite.exec("COMMIT");
  }
}

/** The snapshot, read at once (tests, benchmarks, small counties). */
export function loadStatsSnapshot(db: Db): StatsSnapshot {
  const loader = statsSnapshotLoader(db, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = loader.next();
    if (step.done) return step.value;
  }
}
