/**
 * A marker that a server holds a DATA_DIR: `DATA_DIR/server.pid` with its process id, written at
 * start and removed at stop. `npm run restore` refuses while the process named in it is alive
 * (a crash leaves the file behind; a dead pid is ignored).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SERVER_LOCK_FILE = "server.pid";

export function holdServerLock(dataDir: string): { release(): void } {
  const file = join(dataDir, SERVER_LOCK_FILE);
  writeFileSync(file, `${process.pid}\n`);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (serverHoldingDataDir(dataDir) === process.pid) rmSync(file, { force: true });
    },
  };
}

/** The pid of a live process holding `dataDir`, or undefined. */
export function serverHoldingDataDir(dataDir: string): number | undefined {
  const file = join(dataDir, SERVER_LOCK_FILE);
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive but someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}
