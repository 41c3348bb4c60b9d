/** The county's towns (乡镇): names for scopes and filters. */
import type { Db } from "../client.ts";

/** The town's name, or undefined when there is no such town. */
export function townNameById(db: Db, id: number): string | undefined {
  const row = db.$client.prepare("SELECT name FROM towns WHERE id = ?").get(id) as { name: string } | undefined;
  return row?.name;
}

/** The town's id by name, or undefined. */
export function townIdByName(db: Db, name: string): number | undefined {
  const row = db.$client.prepare("SELECT id FROM towns WHERE name = ?").get(name) as { id: number } | undefined;
  return row?.id;
}

/** Every town, by name. */
export function allTowns(db: Db): { id: number; name: string }[] {
  return db.$client.prepare("SELECT id, name FROM towns ORDER BY name").all() as { id: number; name: string }[];
}
