/** The settings table (migration 0007): the environment's defaults and the admin's overrides. */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { settings } from "../schema.ts";

export interface SettingRow {
  key: string;
  defaultValue: string;
  value: string | null;
  updatedAt: string | null;
  updatedByUserId: number | null;
}

export function settingRows(db: Pick<Db, "select">): SettingRow[] {
  return db.select().from(settings).all();
}

/** Records the default a key has from the environment, keeping any override. */
export function upsertSettingDefault(db: Pick<Db, "insert">, key: string, defaultValue: string): void {
  db.insert(settings).values({ key, defaultValue }).onConflictDoUpdate({ target: settings.key, set: { defaultValue: sql`excluded.default_value` } }).run();
}

/** Sets (or clears, with null) a key's override; the key's row exists (its default was recorded). */
export function updateSettingValue(db: Pick<Db, "update">, key: string, props: { value: string | null; updatedAt: string; updatedByUserId: number | null }): void {
  db.update(settings).set(props).where(eq(settings.key, key)).run();
}
