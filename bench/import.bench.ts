/**
 * Spreadsheet import at county scale: 100,000 workers (and their placements) exported from a
 * synthetic county and imported into an empty database through `importSpreadsheet`, as CSV and
 * as .xlsx. Budget (issue 11): a 100k-row import within 30 s.
 */
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { openDatabase } from "../db/client.ts";
import type { SpreadsheetKind } from "../src/imports/formats.ts";
import { createPersonalDataProtector } from "../src/security/personal-data.ts";
import { exportSpreadsheet } from "../src/use-cases/export-spreadsheet.ts";
import { CLI_IMPORT_AUTHOR, importSpreadsheet } from "../src/use-cases/import-spreadsheet.ts";
import { seedCounty } from "../src/use-cases/seed-county.ts";
import type { Bench, BenchRow } from "./types.ts";

const WORKERS = 100_000;
const TODAY = "2026-11-23";
const KINDS: readonly SpreadsheetKind[] = ["regions", "employers", "postings", "workers", "placements"];

const bench: Bench = async (ctx) => {
  const dir = join(ctx.workDir, "import");
  mkdirSync(dir, { recursive: true });
  const protector = createPersonalDataProtector({ hashKey: Buffer.alloc(32, 7), encryptionKey: Buffer.alloc(32, 9) });
  const source = openDatabase({ file: join(dir, "source.db") });
  ctx.progress(`import: seeding ${WORKERS} workers`);
  seedCounty({ db: source, protector, workers: WORKERS, seed: 2, today: TODAY });
  for (const kind of KINDS) {
    for (const ext of ["csv", "xlsx"]) {
      ctx.progress(`import: exporting ${kind}.${ext}`);
      await exportSpreadsheet({ db: source, protector, kind, file: join(dir, `${kind}.${ext}`) });
    }
  }
  source.$client.close();

  const rows: BenchRow[] = [];
  for (const ext of ["csv", "xlsx"]) {
    const db = openDatabase({ file: join(dir, `target-${ext}.db`) });
    try {
      for (const kind of KINDS) {
        ctx.progress(`import: ${kind}.${ext}`);
        const started = performance.now();
        const outcome = await importSpreadsheet({ db, protector, kind, file: join(dir, `${kind}.${ext}`), by: CLI_IMPORT_AUTHOR, today: TODAY });
        const seconds = (performance.now() - started) / 1000;
        if (outcome.status !== "done") throw new Error(`${kind}.${ext}: ${outcome.status}`);
        const accepted = outcome.created + outcome.updated + outcome.unchanged;
        if (outcome.rejected.length > 0) throw new Error(`${kind}.${ext}: ${outcome.rejected.length} rows rejected`);
        if (kind !== "workers" && kind !== "placements") continue;
        const budget = kind === "workers" ? { budget: "≤ 30 s" } : {};
        rows.push({ name: `import ${accepted.toLocaleString("en")} ${kind} (.${ext})`, value: Math.round(seconds * 10) / 10, unit: "s", ...budget });
        rows.push({ name: `import ${kind} rate (.${ext})`, value: Math.round(accepted / seconds), unit: "rows/s" });
      }
      // Importing the same file again changes nothing; it still reads and compares every row.
      const started = performance.now();
      const again = await importSpreadsheet({ db, protector, kind: "workers", file: join(dir, `workers.${ext}`), by: CLI_IMPORT_AUTHOR, today: TODAY });
      if (again.status !== "done" || again.created + again.updated > 0) throw new Error("re-import changed rows");
      rows.push({ name: `re-import workers, no change (.${ext})`, value: Math.round((performance.now() - started) / 100) / 10, unit: "s" });
    } finally {
      db.$client.close();
    }
  }
  return rows;
};

export default bench;
