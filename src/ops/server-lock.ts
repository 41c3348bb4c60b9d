/**
 * One server per DATA_DIR: an exclusive lock the operating system drops when the holding process
 * dies, however it dies. `DATA_DIR/server.lock` is a small SQLite file opened in
 * `locking_mode=EXCLUSIVE`; its first write transaction takes SQLite's exclusive POSIX lock and
 * keeps it until the connection closes, so any other opener gets SQLITE_BUSY at once. The row
 * written in that transaction says who holds the lock (pid, role, port, start time); a refused
 * opener reads it from a copy of the file's bytes (advisory locks do not stop a plain read).
 * `DATA_DIR/server.pid` is still written for operators (`kill $(cat data/server.pid)`), but only
 * by the holder, after the lock is taken. See docs/decisions/2026-12-01-server-lock.md.
 */
import { readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

export const SERVER_LOCK_FILE = "server.lock";
export const SERVER_PID_FILE = "server.pid";

/** Who holds a DATA_DIR. */
export interface LockHolder {
  pid: number;
  /** `server` (npm start) or the command holding it for a moment (`restore`). */
  role: string;
  /** The HTTP port, once the server listens. */
  port: number | null;
  /** ISO time the lock was taken. */
  startedAt: string;
}

/** Another process holds the DATA_DIR; `holder` is undefined when its record could not be read. */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(`${dataDir} is held by ${holder ? `${holder.role} pid ${holder.pid}` : "another process"}`);
  }
}

export interface DataDirLock {
  readonly holder: LockHolder;
  /** Records the port the server listens on (shown to a refused second start). */
  announcePort(port: number): void;
  /** Closes the lock's connection, which drops the OS lock; removes server.pid. Idempotent. */
  release(): void;
}

/**
 * Locks held by this process, by real path of the lock file. Reading the file's bytes from the
 * holding process would close a descriptor on it, and POSIX drops every lock a process holds on
 * a file when any of its descriptors on that file closes — so this process answers from here.
 */
const heldHere = new Map<string, LockHolder>();

const CREATE_HOLDER_TABLE =
  "CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, role TEXT NOT NULL, port INTEGER, started_at TEXT NOT NULL)";

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}

/**
 * Takes the DATA_DIR for this process, or throws DataDirLockedError naming the holder. The
 * folder must exist.
 * @example const lock = lockDataDir(env.dataDir, { role: "server", now: now() }); … lock.release();
 */
export function lockDataDir(dataDir: string, props: { role: string; now: Date; port?: number }): DataDirLock {
  const file = join(dataDir, SERVER_LOCK_FILE);
  // By the folder's real path (it exists; the file may not yet), so one folder has one key.
  const key = join(realpathSync(dataDir), SERVER_LOCK_FILE);
  const mine = heldHere.get(key);
  if (mine) throw new DataDirLockedError(dataDir, mine);
  const sqlite = new Database(file);
  const holder: LockHolder = { pid: process.pid, role: props.role, port: props.port ?? null, startedAt: props.now.toISOString() };
  try {
    sqlite.pragma("busy_timeout = 0");
    sqlite.pragma("locking_mode = EXCLUSIVE");
    // The exclusive lock is taken here and, in this locking mode, kept after the commit.
    sqlite.exec("BEGIN EXCLUSIVE");
    sqlite.exec(CREATE_HOLDER_TABLE);
    sqlite
      .prepare("INSERT OR REPLACE INTO holder (id, pid, role, port, started_at) VALUES (1, ?, ?, ?, ?)")
      .run(holder.pid, holder.role, holder.port, holder.startedAt);
    sqlite.exec("COMMIT");
  } catch (error) {
    sqlite.close();
    if (isBusy(error)) throw new DataDirLockedError(dataDir, readHolder(file));
    throw error;
  }
  heldHere.set(key, holder);
  writeFileSync(join(dataDir, SERVER_PID_FILE), `${process.pid}\n`);
  let released = false;
  return {
    holder,
    announcePort(port) {
      if (released) return;
      holder.port = port;
      sqlite.prepare("UPDATE holder SET port = ? WHERE id = 1").run(port);
    },
    release() {
      if (released) return;
      released = true;
      rmSync(join(dataDir, SERVER_PID_FILE), { force: true });
      heldHere.delete(key);
      sqlite.close();
    },
  };
}

/**
 * Who holds `dataDir` now, or undefined when nobody does. Probes by trying the lock itself (and
 * letting it go at once), so a record left by a dead process never counts.
 */
export function dataDirHolder(dataDir: string, now: Date): LockHolder | undefined {
  try {
    lockDataDir(dataDir, { role: "probe", now }).release();
    return undefined;
  } catch (error) {
    if (error instanceof DataDirLockedError) return error.holder ?? { pid: 0, role: "unknown", port: null, startedAt: "" };
    throw error;
  }
}

/** Runs `work` holding the DATA_DIR (a restore), so no server can start underneath it. */
export function withDataDirLock<T>(dataDir: string, role: string, now: Date, work: () => T): T {
  const lock = lockDataDir(dataDir, { role, now });
  try {
    return work();
  } finally {
    lock.release();
  }
}

/** The holder's row, read from an in-memory copy of the lock file (the file itself is locked). */
function readHolder(file: string): LockHolder | undefined {
  let copy: Database.Database | undefined;
  try {
    copy = new Database(readFileSync(file));
    const row = copy.prepare("SELECT pid, role, port, started_at AS startedAt FROM holder WHERE id = 1").get() as LockHolder | undefined;
    return row;
  } catch {
    // Taken a moment ago and not yet committed, or not a lock file of ours.
    return undefined;
  } finally {
    copy?.close();
  }
}
