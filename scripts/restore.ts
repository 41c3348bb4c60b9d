/**
 * `npm run restore -- <folder>` — puts a backup made by `npm run backup` back into DATA_DIR.
 * The server must be stopped (it is refused otherwise); the search index is rebuilt from the
 * restored database at the next `npm start`.
 */
import { BackupError, restoreDataDir } from "../src/ops/backup.ts";
import { messages } from "../views/messages.ts";
import { dataDirFromEnv, EXIT_REFUSED, EXIT_USAGE, fail } from "./cli-support.ts";

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith("-")) fail(messages.backup.restoreUsage, EXIT_USAGE);
const folder = args[0]!;
try {
  restoreDataDir(folder, dataDirFromEnv());
  process.stdout.write(messages.backup.restored(folder) + "\n");
} catch (error) {
  if (error instanceof BackupError) {
    const m = messages.backup;
    const text =
      error.problem === "serverRunning" ? m.serverRunning(Number(error.detail)) : error.problem === "notABackup" ? m.notABackup(error.detail) : error.problem === "damaged" ? m.damaged(error.detail) : error.message;
    fail(text, EXIT_REFUSED);
  }
  throw error;
}
