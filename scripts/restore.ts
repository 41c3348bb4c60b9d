/**
 * `npm run restore -- <folder>` — puts a backup made by `npm run backup` back into DATA_DIR.
 * Refused at once while a server (or another restore) holds DATA_DIR (src/ops/server-lock.ts),
 * naming it; the search index is rebuilt from the restored database at the next `npm start`.
 */
import { BackupError, restoreDataDir } from "../src/ops/backup.ts";
import { dataDirLockedMessage } from "../src/ops/lock-message.ts";
import { DataDirLockedError } from "../src/ops/server-lock.ts";
import { messages } from "../views/messages.ts";
import { dataDirFromEnv, EXIT_REFUSED, EXIT_USAGE, fail } from "./cli-support.ts";

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith("-")) fail(messages.backup.restoreUsage, EXIT_USAGE);
const folder = args[0]!;
try {
  restoreDataDir(folder, dataDirFromEnv());
  process.stdout.write(messages.backup.restored(folder) + "\n");
} catch (error) {
  if (error instanceof DataDirLockedError) fail(dataDirLockedMessage(error), EXIT_REFUSED);
  if (error instanceof BackupError) {
    const m = messages.backup;
    const text = error.problem === "notABackup" ? m.notABackup(error.detail) : error.problem === "damaged" ? m.damaged(error.detail) : error.message;
    fail(text, EXIT_REFUSED);
  }
  throw error;
}
