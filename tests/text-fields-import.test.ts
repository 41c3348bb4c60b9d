// The text reproductions through the real import (real SQLite file): a NUL after a town
// name, a decomposed look-alike, a 1 MB village name in a CSV, a 293 KB .xlsx whose one shared
// string is 3×10⁸ characters.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { makeIdNumber } from "../src/core/id-number.ts";
import { createPersonalDataProtector } from "../src/security/personal-data.ts";
import { CLI_IMPORT_AUTHOR, importSpreadsheet } from "../src/use-cases/import-spreadsheet.ts";
import { repeated, writeHostileWorkbook } from "./support/zip-writer.ts";

const dir = mkdtempSync(join(tmpdir(), "jybf-text-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const protector = createPersonalDataProtector({ hashKey: Buffer.alloc(32, 3), encryptionKey: Buffer.alloc(32, 4) });
let n = 0;
const csv = (lines: string[]) => {
  const file = join(dir, `f${n++}.csv`);
  writeFileSync(file, lines.join("\r\n") + "\r\n", "utf8");
  return file;
};
const run = (db: Db, kind: "regions" | "workers", file: string) => importSpreadsheet({ db, protector, kind, file, by: CLI_IMPORT_AUTHOR, today: "2026-11-23" });
const rows = (db: Db, sql: string) => db.$client.prepare(sql).all() as Record<string, unknown>[];
const ID = makeIdNumber("360731", "1980-05-01", 11);

describe("text cells in an import", () => {
  it("makes 城关镇\\0 and a decomposed look-alike the same town, not a second one", async () => {
    const db = openDatabase({ file: join(dir, "towns.db") });
    const outcome = await run(db, "regions", csv(["乡镇,村,经度,纬度", "城关镇,上村,115.41,25.95", "城关镇\u0000,下村,115.42,25.96", "城关镇\u200b,中村,115.43,25.97", "Che\u0301ng,河村,115.3,25.8", "Chéng,山村,115.3,25.8"]));
    expect(outcome).toMatchObject({ status: "done", rejected: [] });
    expect(rows(db, "SELECT name FROM towns ORDER BY name").map((r) => r.name)).toEqual(["Chéng", "城关镇"]);
  });

  it("rejects a 1 MB village name naming row, column and 超过 30 字, and stores nothing of the row", async () => {
    const db = openDatabase({ file: join(dir, "village.db") });
    await run(db, "regions", csv(["乡镇,村,经度,纬度", "城关镇,上村,115.41,25.95"]));
    const outcome = await run(db, "workers", csv(["户编号,户类型,姓名,身份证号,乡镇,村,劳动能力", `H1,脱贫户,张三,${ID},城关镇,${"村".repeat(1_000_000)},有劳动能力`]));
    expect(outcome.status).toBe("done");
    if (outcome.status !== "done") return;
    expect(outcome.rejected.map((r) => [r.rowNumber, r.column, r.reason])).toEqual([[2, "村", "超过 30 字"]]);
    expect(rows(db, "SELECT count(*) AS n FROM workers")[0]!.n).toBe(0);
    expect(rows(db, "SELECT max(length(name)) AS n FROM villages")[0]!.n).toBe(2);
  });

  it("refuses the 293 KB .xlsx with a 3×10⁸-character shared string as unreadable, with a Chinese reason", async () => {
    const db = openDatabase({ file: join(dir, "xlsx.db") });
    const file = join(dir, "hostile.xlsx");
    await writeHostileWorkbook(file, repeated("村", 100_000_000));
    expect(statSync(file).size).toBeLessThan(1_000_000);
    const outcome = await run(db, "workers", file);
    expect(outcome).toMatchObject({ status: "unreadable", message: expect.stringContaining("表格解压后超过 100 MB") });
    expect(rows(db, "SELECT count(*) AS n FROM workers")[0]!.n).toBe(0);
  });
});
