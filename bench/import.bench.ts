/**
 * Spreadsheet import at county scale: 100,000 workers (and their placements) exported from a
 * synthetic county and imported into an empty database through `importSpreadsheet`, as CSV and
 * as .xlsx. Budget (issue 11): a 100k-row import within 30 s. Each format is imported twice in the
 * same run, the path before 2026-12-02 first (statement journals in a temporary file, the
 * baseline column) and then today's (in memory), each into its own empty database; the note gives
 * the process's CPU time of each import (wall time on a shared machine is inflated by others').
 */
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
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

  type Figures = Map<string, { seconds: number; cpu: number; accepted: number }>;
  const importAll = async (ext: string, statementJournals: "memory" | "default"): Promise<Figures> => {
    const figures: Figures = new Map();
    const db = openDatabase({ file: join(dir, `target-${ext}-${statementJournals}.db`) });
    try {
      for (const kind of KINDS) {
        ctx.progress(`import: ${kind}.${ext} (statement journals: ${statementJournals})`);
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const outcome = await importSpreadsheet({ db, protector, kind, file: join(dir, `${kind}.${ext}`), by: CLI_IMPORT_AUTHOR, today: TODAY, statementJournals });
        const seconds = (performance.now() - started) / 1000;
        const cpuUsed = process.cpuUsage(cpuBefore);
        if (outcome.status !== "done") throw new Error(`${kind}.${ext}: ${outcome.status}`);
        if (outcome.rejected.length > 0) throw new Error(`${kind}.${ext}: ${outcome.rejected.length} rows rejected`);
        figures.set(kind, { seconds, cpu: (cpuUsed.user + cpuUsed.system) / 1e6, accepted: outcome.created + outcome.updated + outcome.unchanged });
      }
      // Importing the same file again changes nothing; it still reads and compares every row.
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const again = await importSpreadsheet({ db, protector, kind: "workers", file: join(dir, `workers.${ext}`), by: CLI_IMPORT_AUTHOR, today: TODAY, statementJournals });
      if (again.status !== "done" || again.created + again.updated > 0) throw new Error("re-import changed rows");
      const cpuUsed = process.cpuUsage(cpuBefore);
      figures.set("again", { seconds: (performance.now() - started) / 1000, cpu: (cpuUsed.user + cpuUsed.system) / 1e6, accepted: again.unchanged });
    } finally {
      db.$client.close();
    }
    return figures;
  };

  const rows: BenchRow[] = [];
  const tenths = (seconds: number) => Math.round(seconds * 10) / 10;
  for (const ext of ["csv", "xlsx"]) {
    const before = await importAll(ext, "default");
    const after = await importAll(ext, "memory");
    const load = `load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`;
    for (const [kind, label] of [["workers", "workers"], ["placements", "placements"], ["again", "re-import workers, no change"]] as const) {
      const now = after.get(kind)!;
      const then = before.get(kind)!;
      const name = kind === "again" ? `${label} (.${ext})` : `import ${now.accepted.toLocaleString("en")} ${label} (.${ext})`;
      rows.push({
        name,
        value: tenths(now.seconds),
        unit: "s",
        ...(kind === "workers" ? { budget: "≤ 30 s" } : {}),
        baseline: tenths(then.seconds),
        baselineNote: "journals in a temp file",
        note: `CPU ${tenths(now.cpu)} s (before ${tenths(then.cpu)} s); ${load}`,
      });
      if (kind !== "again") rows.push({ name: `import ${label} rate (.${ext})`, value: Math.round(now.accepted / now.seconds), unit: "rows/s" });
    }
  }
  return rows;
};

export default bench;
