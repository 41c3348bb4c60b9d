/**
 * `npm run import -- <kind> <file> [--report <file>]` — imports a registry spreadsheet into
 * DATA_DIR/app.db (docs/contract.md, "Spreadsheet formats"). Prints accepted and rejected counts
 * and each rejected row (row number, column, reason); writes the rejected rows with their reasons
 * to `<file>.rejected.csv` (or --report), ready to correct and import again.
 * Exit codes: 0 every row accepted, 1 some rejected, 2 the file could not be read (or bad usage),
 * or the import stopped on an error that is not a row's fault (logged to stderr; the batches
 * written before it stay, and importing the file again is safe).
 * The audit log names the program ("import") as the author of every change.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client.ts";
import { isSpreadsheetKind } from "../src/imports/formats.ts";
import { spreadsheetType, createSpreadsheetWriter } from "../src/imports/spreadsheet.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { chinaDate } from "../src/core/china-time.ts";
import { loadPersonalDataProtector } from "../src/security/personal-data.ts";
import { createLogger, errorFields } from "../src/log.ts";
import { CLI_IMPORT_AUTHOR, ImportRowFailed, importSpreadsheet, type RejectedRow } from "../src/use-cases/import-spreadsheet.ts";
import { messages } from "../views/messages.ts";
import { bar, createProgress, dataDirFromEnv } from "./cli.ts";

const t = messages.imports;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { report: { type: "string" } }, allowPositionals: true, strict: true });
  const [kind, file] = positionals;
  if (!kind || !file) return fail(t.usage);
  if (!isSpreadsheetKind(kind)) return fail(t.unknownKind(kind));
  if (!spreadsheetType(file)) return fail(t.badExtension);
  if (!existsSync(file)) return fail(t.notFound(file));

  const dataDir = dataDirFromEnv();
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase({ file: join(dataDir, DATABASE_FILE) });
  const progress = createProgress();
  try {
    let outcome: Awaited<ReturnType<typeof importSpreadsheet>>;
    try {
      outcome = await importSpreadsheet({
        db,
        protector: loadPersonalDataProtector(dataDir),
        kind,
        file,
        by: CLI_IMPORT_AUTHOR,
        today: chinaDate(new Date()),
        onProgress: (done, total) => progress.update(`${total ? bar(done / total) + " " : ""}${t.progress(done, total)}`),
      });
    } catch (error) {
      if (!(error instanceof ImportRowFailed)) throw error;
      progress.done();
      createLogger({ level: "error", write: (line) => process.stderr.write(line + "\n") }).error("import failed", { kind, row: error.rowNumber, ...errorFields(error.cause) });
      return fail(t.failedAtRow(error.rowNumber));
    }
    progress.done();
    if (outcome.status !== "done") return fail(outcome.message);
    if (outcome.encoding) process.stderr.write(t.encoding(outcome.encoding) + "\n");
    if (outcome.unknownColumns.length > 0) process.stderr.write(t.unknownColumns(outcome.unknownColumns) + "\n");
    const accepted = outcome.created + outcome.updated + outcome.unchanged;
    process.stdout.write(t.summary(accepted, outcome.rejected.length, outcome.created, outcome.updated, outcome.unchanged) + "\n");
    for (const r of outcome.rejected) process.stdout.write(t.rejectedRow(r.rowNumber, r.column, r.reason) + "\n");
    if (outcome.rejected.length === 0) return 0;
    const report = values.report ?? `${file}.rejected.csv`;
    await writeReport(report, outcome.headers, outcome.rejected);
    process.stdout.write(t.report(report) + "\n");
    return 1;
  } finally {
    progress.done();
    db.$client.close();
  }
}

/** The rejected rows as they were, with row number, column and reason in front. */
async function writeReport(file: string, headers: string[], rejected: RejectedRow[]): Promise<void> {
  const { row, column, reason } = t.reportHeaders;
  const writer = await createSpreadsheetWriter(file, [row, column, reason, ...headers], headers);
  try {
    for (const r of rejected) await writer.write([r.rowNumber, r.column, r.reason, ...r.cells]);
  } finally {
    await writer.close();
  }
}

function fail(message: string): number {
  process.stderr.write(message + "\n");
  return 2;
}

process.exitCode = await main();
