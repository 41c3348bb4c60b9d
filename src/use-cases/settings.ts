/**
 * The one way to read and change the county's settings (src/core/settings.ts). The environment's
 * defaults are recorded in the settings table at every start (`recordSettingDefaults`), so any
 * code holding the database — a route, a use-case inside its transaction, a command — reads the
 * settings in force with `currentSettings(db)` alone. An admin's change is one transaction with
 * an audit row per changed setting (before and after).
 */
import type { Db } from "../../db/client.ts";
import { settingRows, updateSettingValue, upsertSettingDefault } from "../../db/queries/settings.ts";
import { BUILT_IN_SETTINGS, effectiveSettings, encodeSetting, SETTING_KEYS, type SettingKey, type Settings } from "../core/settings.ts";
import { authorUserId, recordChange, type ChangeAuthor } from "./audit-trail.ts";

/** A database or a transaction. */
type Tx = Pick<Db, "select" | "insert" | "update">;

/** The settings in force. */
export function currentSettings(db: Pick<Db, "select">): Settings {
  return effectiveSettings(settingRows(db));
}

/** One setting as the settings page shows it: in force, the override (if any) and the default. */
export interface SettingState<K extends SettingKey = SettingKey> {
  key: K;
  value: Settings[K];
  override: string | null;
  defaultValue: string;
}

/** Every setting with its default and override, in SETTING_KEYS order. */
export function settingStates(db: Pick<Db, "select">): SettingState[] {
  const rows = new Map(settingRows(db).map((r) => [r.key, r]));
  const now = currentSettings(db);
  const defaults = effectiveSettings(settingRows(db).map((r) => ({ ...r, value: null })));
  return SETTING_KEYS.map((key) => ({ key, value: now[key], override: rows.get(key)?.value ?? null, defaultValue: encodeSetting(defaults[key]) }));
}

/**
 * At start: records the environment's defaults. A default that differs from the one recorded
 * before changes what is in force where no override is set, so it is audited too (by
 * `environment`), in the same transaction.
 */
export function recordSettingDefaults(deps: { db: Db }, defaults: Settings): void {
  deps.db.transaction((tx) => {
    const before = new Map(settingRows(tx).map((r) => [r.key, r.defaultValue]));
    for (const key of SETTING_KEYS) {
      const value = encodeSetting(defaults[key]);
      const previous = before.get(key);
      if (previous === value) continue;
      upsertSettingDefault(tx, key, value);
      recordChange(tx, { label: "environment" }, { action: previous === undefined ? "create" : "update", entity: "setting", entityId: key, ...(previous === undefined ? {} : { before: { defaultValue: previous } }), after: { defaultValue: value } });
    }
  });
}

export type SettingsChangeResult = { changed: SettingKey[] };

/**
 * Saves the settings form's overrides (null: back to the default) in one transaction, with an
 * audit row per setting whose override changed. Returns the keys that changed.
 * @example settingsChanger({ db }, { overrides: { ...none, alertOverdueDays: 10 }, by, now })
 */
export function settingsChanger(
  deps: { db: Db },
  props: { overrides: { [K in SettingKey]: Settings[K] | null }; by: ChangeAuthor; now: Date },
): SettingsChangeResult {
  return deps.db.transaction((tx) => {
    // The defaults are recorded at start; a database never started gets the built-in ones.
    ensureDefaults(tx);
    const before = new Map(settingRows(tx).map((r) => [r.key, r]));
    const inForceBefore = currentSettings(tx);
    const changed: SettingKey[] = [];
    for (const key of SETTING_KEYS) {
      const next = props.overrides[key];
      const value = next === null ? null : encodeSetting(next);
      const row = before.get(key)!;
      if (row.value === value) continue;
      updateSettingValue(tx, key, { value, updatedAt: props.now.toISOString(), updatedByUserId: authorUserId(props.by) });
      changed.push(key);
    }
    const inForceAfter = currentSettings(tx);
    for (const key of changed) {
      recordChange(tx, props.by, {
        action: "update",
        entity: "setting",
        entityId: key,
        before: { override: before.get(key)!.value, value: inForceBefore[key] },
        after: { override: props.overrides[key] === null ? null : encodeSetting(props.overrides[key]!), value: inForceAfter[key] },
      });
    }
    return { changed };
  });
}

function ensureDefaults(tx: Tx): void {
  const present = new Set(settingRows(tx).map((r) => r.key));
  for (const key of SETTING_KEYS) if (!present.has(key)) upsertSettingDefault(tx, key, encodeSetting(BUILT_IN_SETTINGS[key]));
}
