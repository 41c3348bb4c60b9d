/**
 * `npm run export -- <kind> <file> [--template]` — writes a registry spreadsheet from
 * DATA_DIR/app.db in the import format (`.xlsx` or `.csv` by extension), so that importing it
 * back changes nothing; `--template` writes the headers only, a blank form for staff.
 * ID numbers are decrypted: this is a staff tool. Exit codes: 0 written, 2 bad usage.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client.ts";
import { isSpreadsheetKind } from "../src/imports/formats.ts";
import { spreadsheetType } from "../src/imports/spreadsheet.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { loadPersonalDataProtector } from "../src/security/personal-data.ts";
import { exportSpreadsheet } from "../src/use-cases/export-spreadsheet.ts";
import { messages } from "../views/messages.ts";
import { createProgress, dataDirFromEnv } from "./cli.ts";

const t = messages.imports;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { template: { type: "boolean" } }, allowPositionals: true, strict: true });
  const [kind, file] = positionals;
  if (!kind || !file) return fail(t.exportUsage);
  if (!isSpreadsheetKind(kind)) return fail(t.unknownKind(kind));
  if (!spreadsheetType(file)) return fail(t.badExtension);
  const dataDir = dataDirFromEnv();
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase({ file: join(dataDir, DATABASE_FILE) });
  const progress = createProgress();
  try {
    const rows = await exportSpreadsheet({
      db,
      protector: loadPersonalDataProtector(dataDir),
      kind,
      file,
      template: values.template ?? false,
      onProgress: (n) => progress.update(t.progress(n, undefined)),
    });
    progress.done();
    process.stdout.write((values.template ? t.template(file) : t.exported(rows, file)) + "\n");
    return 0;
  } finally {
    db.$client.close();
  }
}

function fail(message: string): number {
  process.stderr.write(message + "\n");
  return 2;
}

process.exitCode = await main();
