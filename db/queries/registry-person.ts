/**
 * The reads of the one-person registry form (/bureau/workers/new, /bureau/workers/:id/edit):
 * a worker as the workers spreadsheet's row reads them, and the towns that decide who may write
 * a row (the row's own town, the existing worker's, the existing household's). The write itself
 * is the import's (src/use-cases/import-appliers/workers.ts).
 */
import type { Db } from "../client.ts";
import { WORKER_SELECT, type WorkerRow } from "./registry.ts";

export function workerRowById(db: Db, id: number): (WorkerRow & { townId: number }) | undefined {
  return db.$client.prepare(`SELECT q.*, v.town_id AS townId FROM (${WORKER_SELECT} WHERE w.id = ?) q JOIN villages v ON v.id = q.villageId`).get(id) as
    | (WorkerRow & { townId: number })
    | undefined;
}

/** The registry's towns, by name (the form's choice of 乡镇). */
export function townsByName(db: Db): { id: number; name: string }[] {
  return db.$client.prepare(`SELECT id, name FROM towns ORDER BY name`).all() as { id: number; name: string }[];
}

/** The village names of a town (the form's suggestions for 村). */
export function villageNamesOfTown(db: Db, townId: number): string[] {
  return (db.$client.prepare(`SELECT name FROM villages WHERE town_id = ? ORDER BY name`).all(townId) as { name: string }[]).map((r) => r.name);
}

/** The towns that decide who may write a row: the one it names, the existing worker's (by ID hash), the existing household's (by code). */
export function rowTowns(db: Db, row: { town: string; idNumberHash: string; householdCode: string }): { town?: number; worker?: { id: number; townId: number }; household?: number } {
  const town = db.$client.prepare(`SELECT id FROM towns WHERE name = ?`).get(row.town) as { id: number } | undefined;
  const worker = db.$client.prepare(`SELECT w.id, v.town_id AS townId FROM workers w JOIN villages v ON v.id = w.village_id WHERE w.id_number_hash = ?`).get(row.idNumberHash) as
    | { id: number; townId: number }
    | undefined;
  const household = db.$client.prepare(`SELECT v.town_id AS townId FROM households h JOIN villages v ON v.id = h.village_id WHERE h.code = ?`).get(row.householdCode) as
    | { townId: number }
    | undefined;
  return { ...(town ? { town: town.id } : {}), ...(worker ? { worker } : {}), ...(household ? { household: household.townId } : {}) };
}
