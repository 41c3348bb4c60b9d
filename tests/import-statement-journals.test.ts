// The spreadsheet import with its statement journals in memory (the default since 2026-12-02,
// docs/decisions/2026-12-02-import-statement-journals.md) writes exactly what the path before it
// wrote — same outcomes, same rejections, same registry rows — puts the connection's temp_store
// back afterwards, and what it imported is in the next statistics figure.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { loadCounty } from "../db/load-county.ts";
import { openStatsReader } from "../db/stats-reader.ts";
import { makeIdNumber } from "../src/core/id-number.ts";
import { DEMO_SEED, DEMO_WORKERS, generateCounty } from "../src/demo/county-generator.ts";
import type { SpreadsheetKind } from "../src/imports/formats.ts";
import { createLogger } from "../src/log.ts";
import { createPersonalDataProtector } from "../src/security/personal-data.ts";
import { exportSpreadsheet } from "../src/use-cases/export-spreadsheet.ts";
import { CLI_IMPORT_AUTHOR, importSpreadsheet, type ImportOutcome } from "../src/use-cases/import-spreadsheet.ts";
import { loadDemoCountyIfEmpty } from "../src/use-cases/load-demo-county.ts";
import { createStatistics } from "../src/use-cases/statistics.ts";

const dir = mkdtempSync(join(tmpdir(), "jybf-import-journals-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const protector = createPersonalDataProtector({ hashKey: Buffer.alloc(32, 5), encryptionKey: Buffer.alloc(32, 6) });
const TODAY = "2026-11-23";
const KINDS: readonly SpreadsheetKind[] = ["regions", "employers", "postings", "workers", "placements"];
const STATS_CLOCK = () => new Date("2026-11-23T02:00:00.000Z");

const files = new Map<SpreadsheetKind, string>();
beforeAll(async () => {
  const source = openDatabase({ file: join(dir, "source.db") });
  source.transaction(() => loadCounty(source, generateCounty({ seed: DEMO_SEED, workers: DEMO_WORKERS, today: TODAY }), { protector, now: STATS_CLOCK() }));
  for (const kind of KINDS) {
    const file = join(dir, `${kind}.csv`);
    await exportSpreadsheet({ db: source, protector, kind, file });
    files.set(kind, file);
  }
  source.$client.close();
  // A few rows each file's rules or the registry reject, between good ones.
  const workers = files.get("workers")!;
  const { readFileSync } = await import("node:fs");
  const lines = readFileSync(workers, "utf8").trimEnd().split(/\r?\n/);
  const header = lines[0]!.split(",");
  // Each with an ID number of its own (not a duplicate key), then one cell made wrong.
  const bad = (sequence: number, column: string, value: string) => {
    const cells = lines[1]!.split(",");
    cells[header.indexOf("身份证号")] = makeIdNumber("362424", "1970-01-01", sequence);
    cells[header.indexOf(column)] = value;
    return cells.join(",");
  };
  lines.splice(3, 0, bad(901, "身份证号", "36242419800101123X"), bad(902, "村", "没有这个村"), bad(903, "劳动能力", "很强"));
  writeFileSync(workers, lines.join("\r\n") + "\r\n");
});

/** Every row of the registry tables an import writes, without what differs by design (random IVs, clocks). */
function registryRows(db: Db): Record<string, string> {
  const q = (sql: string) => JSON.stringify(db.$client.prepare(sql).all());
  return {
    households: q("SELECT id, code, category, relocated, size, village_id FROM households ORDER BY id"),
    workers: q(
      "SELECT id, household_id, name, id_number_hash, id_number_masked, birth_date, sex, phone, village_id, labour_ability, willing_to_work, skills, preferred_area, available_time FROM workers ORDER BY id",
    ),
    placements: q("SELECT id, worker_id, employer_id, posting_id, start_date, end_date, monthly_income, work_province, work_county, employment_form FROM placements ORDER BY id"),
    // An alert's row carries the clock's instants of its creation: the rest must be the same.
    audit: q("SELECT actor_label, action, entity, entity_id, before, after FROM audit_log ORDER BY id").replace(/\\"(createdAt|updatedAt)\\":\\"[^"\\]*\\"/g, "$1"),
    statsChanges: q("SELECT tbl, row_id, ref_old, ref_new FROM stats_changes ORDER BY id"),
    version: q("SELECT version FROM registry_version"),
  };
}

async function importAll(db: Db, statementJournals: "memory" | "default"): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const kind of KINDS) outcomes.push(await importSpreadsheet({ db, protector, kind, file: files.get(kind)!, by: CLI_IMPORT_AUTHOR, today: TODAY, statementJournals }));
  return outcomes;
}

describe("the import with statement journals in memory", () => {
  it("gives the same outcomes, rejections and registry rows as the path before it", async () => {
    const before = openDatabase({ file: join(dir, "before.db") });
    const after = openDatabase({ file: join(dir, "after.db") });
    try {
      const old = await importAll(before, "default");
      const now = await importAll(after, "memory");
      expect(now).toEqual(old);
      const workers = now[3]!;
      if (workers.status !== "done") throw new Error(workers.status);
      expect(workers.rejected.map((r) => r.column)).toEqual(["身份证号", "村", "劳动能力"]);
      expect(workers.created).toBeGreaterThan(1000);
      expect(registryRows(after)).toEqual(registryRows(before));
      // Importing again changes nothing, either way.
      expect(await importAll(after, "memory")).toEqual(await importAll(before, "default"));
      expect(registryRows(after)).toEqual(registryRows(before));
    } finally {
      before.$client.close();
      after.$client.close();
    }
  });

  it("puts the connection's temp_store back when it is done, also when the file cannot be read", async () => {
    const db = openDatabase({ file: join(dir, "pragma.db") });
    try {
      db.$client.pragma("temp_store = FILE");
      await importSpreadsheet({ db, protector, kind: "regions", file: files.get("regions")!, by: CLI_IMPORT_AUTHOR, today: TODAY });
      expect(db.$client.pragma("temp_store", { simple: true })).toBe(1);
      const missing = await importSpreadsheet({ db, protector, kind: "regions", file: join(dir, "missing.csv"), by: CLI_IMPORT_AUTHOR, today: TODAY });
      expect(missing.status).toBe("unreadable");
      expect(db.$client.pragma("temp_store", { simple: true })).toBe(1);
      db.$client.pragma("temp_store = DEFAULT");
      await importSpreadsheet({ db, protector, kind: "regions", file: files.get("regions")!, by: CLI_IMPORT_AUTHOR, today: TODAY });
      expect(db.$client.pragma("temp_store", { simple: true })).toBe(0);
    } finally {
      db.$client.close();
    }
  });

  it("the demo county's load also keeps its journals in memory and puts temp_store back", () => {
    const db = openDatabase({ file: join(dir, "demo.db") });
    try {
      db.$client.pragma("temp_store = FILE");
      const result = loadDemoCountyIfEmpty({ db, protector }, STATS_CLOCK());
      if (!result.loaded) throw new Error(`demo county not loaded: ${result.reason}`);
      expect(result.counts.workers).toBeGreaterThanOrEqual(DEMO_WORKERS);
      expect(db.$client.prepare("SELECT count(*) FROM workers").pluck().get()).toBe(result.counts.workers);
      expect(db.$client.pragma("temp_store", { simple: true })).toBe(1);
    } finally {
      db.$client.close();
    }
  });

  it("counts what it imported in the next statistics figure, patched from the change log", async () => {
    const file = join(dir, "stats.db");
    const db = openDatabase({ file });
    const lines: string[] = [];
    const statistics = createStatistics({ db, now: STATS_CLOCK, reader: openStatsReader(file), log: createLogger({ level: "debug", write: (line) => lines.push(line) }) });
    try {
      for (const kind of ["regions", "employers", "postings"] as const) {
        await importSpreadsheet({ db, protector, kind, file: files.get(kind)!, by: CLI_IMPORT_AUTHOR, today: TODAY });
      }
      const first = await statistics.fresh();
      expect(first.columns.workers.count).toBe(0);
      const workers = await importSpreadsheet({ db, protector, kind: "workers", file: files.get("workers")!, by: CLI_IMPORT_AUTHOR, today: TODAY });
      const placements = await importSpreadsheet({ db, protector, kind: "placements", file: files.get("placements")!, by: CLI_IMPORT_AUTHOR, today: TODAY });
      if (workers.status !== "done" || placements.status !== "done") throw new Error("import failed");
      const next = await statistics.fresh();
      expect(next.columns.workers.count).toBe(workers.created);
      expect(next.columns.placements.count).toBe(db.$client.prepare("SELECT count(*) FROM placements").pluck().get());
      expect(next.columns.placements.count).toBeGreaterThan(1000);
      expect(lines.some((l) => l.includes("statistics snapshot patched"))).toBe(true);
    } finally {
      await statistics.close();
      db.$client.close();
    }
  });
});
