/**
 * Backups: an online, consistent copy of the database (SQLite's `VACUUM INTO`, which reads one
 * snapshot while the server keeps writing) together with DATA_DIR/secrets — without the keys the
 * encrypted ID numbers are lost. A backup is a folder: `app.db`, `secrets/`, `manifest.json`.
 * Restore checks the copy, puts both back while no server runs, and queues every posting
 * for the search index, which is rebuilt from the database at the next start.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/client.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { withDataDirLock } from "./server-lock.ts";
import { STATS_SNAPSHOT_FILE } from "./stats-snapshot-file.ts";

export const BACKUP_DATABASE_FILE = "app.db";
export const BACKUP_MANIFEST_FILE = "manifest.json";
const DATABASE_FILE = "app.db";

export interface BackupManifest {
  createdAt: string;
  /** Rows per table at the moment of the copy. */
  rows: Record<string, number>;
  migrations: string[];
}

export class BackupError extends Error {
  override name = "BackupError";
  constructor(
    readonly problem: "notABackup" | "damaged" | "exists" | "noDatabase",
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/** `backups/backup-2026-11-23T08-15-02Z` — a default folder name that sorts by time. */
export function defaultBackupFolder(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return join(dataDir, "backups", `backup-${stamp}`);
}

function rowCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

/**
 * Copies the live database and the secrets into `folder` (which must not exist yet).
 * @example backupDataDir("/srv/jybf/data", "/mnt/usb/backup-2026-11-23")
 */
export function backupDataDir(dataDir: string, folder: string, now = new Date()): BackupManifest {
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BackupError("noDatabase", source);
  const target = resolve(folder);
  if (existsSync(target)) throw new BackupError("exists", target);
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  const sqlite = new Database(source, { readonly: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    // One read transaction: VACUUM INTO writes exactly the snapshot it started with.
    sqlite.prepare("VACUUM INTO ?").run(join(partial, BACKUP_DATABASE_FILE));
  } finally {
    sqlite.close();
  }
  const copy = new Database(join(partial, BACKUP_DATABASE_FILE), { readonly: true });
  let manifest: BackupManifest;
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new BackupError("damaged", String(check));
    manifest = {
      createdAt: now.toISOString(),
      rows: rowCounts(copy),
      migrations: (copy.prepare("SELECT tag FROM schema_migrations ORDER BY tag").all() as { tag: string }[]).map((r) => r.tag),
    };
  } finally {
    copy.close();
  }
  chmodSync(join(partial, BACKUP_DATABASE_FILE), 0o600);
  const secrets = join(dataDir, "secrets");
  // Always a secrets/ folder, even empty, so restore can tell a backup from a stray copy.
  if (existsSync(secrets)) cpSync(secrets, join(partial, "secrets"), { recursive: true });
  else mkdirSync(join(partial, "secrets"), { mode: 0o700 });
  writeFileSync(join(partial, BACKUP_MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
  // The folder appears complete or not at all.
  renameSync(partial, target);
  return manifest;
}

/**
 * Puts a backup back into `dataDir`: refuses while a server holds it, checks the copy first,
 * keeps the replaced database as `app.db.before-restore-<time>`, drops the bundled search
 * engine's data (derived; rebuilt at next start) and queues every posting for the index.
 */
export function restoreDataDir(folder: string, dataDir: string, now = new Date()): BackupManifest {
  mkdirSync(dataDir, { recursive: true });
  // Throws DataDirLockedError while a server (or another restore) holds the folder; holding the
  // lock meanwhile keeps a server from starting on a half-restored folder.
  return withDataDirLock(dataDir, "restore", now, () => restoreUnlocked(folder, dataDir, now));
}

function restoreUnlocked(folder: string, dataDir: string, now: Date): BackupManifest {
  const source = resolve(folder);
  const backupDb = join(source, BACKUP_DATABASE_FILE);
  const manifestFile = join(source, BACKUP_MANIFEST_FILE);
  if (!existsSync(backupDb) || !existsSync(manifestFile) || !existsSync(join(source, "secrets"))) throw new BackupError("notABackup", source);
  const probe = new Database(backupDb, { readonly: true });
  try {
    const check = probe.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new BackupError("damaged", String(check));
  } finally {
    probe.close();
  }
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, DATABASE_FILE);
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  if (existsSync(target)) renameSync(target, `${target}.before-restore-${stamp}`);
  for (const suffix of ["-wal", "-shm"]) rmSync(target + suffix, { force: true });
  cpSync(backupDb, target);
  chmodSync(target, 0o600);
  const secrets = join(dataDir, "secrets");
  if (existsSync(secrets)) renameSync(secrets, `${secrets}.before-restore-${stamp}`);
  cpSync(join(source, "secrets"), secrets, { recursive: true });
  chmodSync(secrets, 0o700);
  for (const name of readdirSync(secrets)) chmodSync(join(secrets, name), 0o600);
  // The bundled engine's index may hold postings the backup does not: start it afresh. The
  // statistics kept on disk are of the replaced database (same id, other versions): drop them too.
  rmSync(join(dataDir, "meili"), { recursive: true, force: true });
  rmSync(join(dataDir, STATS_SNAPSHOT_FILE), { force: true });
  const db = openDatabase({ file: target });
  try {
    db.transaction((tx) => {
      const postingIds = (db.$client.prepare("SELECT id FROM postings").all() as { id: number }[]).map((r) => r.id);
      enqueueSearchUpdate(tx, "posting", postingIds);
    });
  } finally {
    db.$client.close();
  }
  return JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest;
}
