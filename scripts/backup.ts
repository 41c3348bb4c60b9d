/**
 * `npm run backup -- [<folder>]` — an online, consistent copy of the database plus the keys in
 * DATA_DIR/secrets, safe while the server runs. Default folder: DATA_DIR/backups/backup-<time>.
 */
import { BackupError, backupDataDir, defaultBackupFolder } from "../src/ops/backup.ts";
import { messages } from "../views/messages.ts";
import { dataDirFromEnv, EXIT_REFUSED, EXIT_USAGE, fail } from "./cli-support.ts";

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith("-")) fail(messages.backup.usage, EXIT_USAGE);
const dataDir = dataDirFromEnv();
const folder = args[0] ?? defaultBackupFolder(dataDir);
try {
  const manifest = backupDataDir(dataDir, folder);
  process.stdout.write(`${messages.backup.done(folder)}\n${JSON.stringify(manifest.rows)}\n`);
} catch (error) {
  if (error instanceof BackupError) fail(error.problem === "exists" ? messages.backup.exists(error.detail) : error.message, EXIT_REFUSED);
  throw error;
}
