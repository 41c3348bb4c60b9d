/** Towns and villages of the registry, for search filters and "distance from my village". */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { towns, villages } from "../schema.ts";

export interface VillageOption {
  id: number;
  town: string;
  name: string;
  lat: number;
  lng: number;
}

/** Every town name, in registry order. */
export function townNames(db: Db): string[] {
  return db.select({ name: towns.name }).from(towns).orderBy(asc(towns.id)).all().map((t) => t.name);
}

/** Every village with its town and centre, town by town. */
export function villageOptions(db: Db): VillageOption[] {
  return db
    .select({ id: villages.id, town: towns.name, name: villages.name, lat: villages.lat, lng: villages.lng })
    .from(villages)
    .innerJoin(towns, eq(villages.townId, towns.id))
    .orderBy(asc(towns.id), asc(villages.id))
    .all();
}

export function villageById(db: Db, id: number): VillageOption | undefined {
  return db
    .select({ id: villages.id, town: towns.name, name: villages.name, lat: villages.lat, lng: villages.lng })
    .from(villages)
    .innerJoin(towns, eq(villages.townId, towns.id))
    .where(eq(villages.id, id))
    .get();
}

/** A database or a transaction. */
type Tx = Pick<Db, "select" | "insert" | "update">;

/** The town's id, adding the town when it is new. */
export function ensureTown(tx: Tx, name: string): number {
  const found = tx.select({ id: towns.id }).from(towns).where(eq(towns.name, name)).get();
  return found?.id ?? Number(tx.insert(towns).values({ name }).returning({ id: towns.id }).get().id);
}

export function villageIdByName(tx: Pick<Db, "select">, town: string, village: string): number | undefined {
  return tx
    .select({ id: villages.id })
    .from(villages)
    .innerJoin(towns, eq(villages.townId, towns.id))
    .where(and(eq(towns.name, town), eq(villages.name, village)))
    .get()?.id;
}

export function townIdByName(tx: Pick<Db, "select">, town: string): number | undefined {
  return tx.select({ id: towns.id }).from(towns).where(eq(towns.name, town)).get()?.id;
}

/** Adds a village or moves its centre; returns its id and the centre it had before. */
export function upsertVillage(tx: Tx, townId: number, name: string, point: { lat: number; lng: number }): { id: number; before?: { lat: number; lng: number } } {
  const found = tx.select().from(villages).where(and(eq(villages.townId, townId), eq(villages.name, name))).get();
  if (!found) return { id: tx.insert(villages).values({ townId, name, ...point }).returning({ id: villages.id }).get().id };
  tx.update(villages).set(point).where(eq(villages.id, found.id)).run();
  return { id: found.id, before: { lat: found.lat, lng: found.lng } };
}

/** Changes when a town or village is added or removed (names are never edited in place). */
export function regionsSignature(db: Db): string {
  const row = db.$client
    .prepare("SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) FROM towns) || '/' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM villages) AS signature")
    .get() as { signature: string };
  return row.signature;
}
