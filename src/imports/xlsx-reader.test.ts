import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnIndex, openXlsx } from "./xlsx-reader.ts";

async function writeWorkbook(rows: unknown[][], options: { sharedStrings: boolean }): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "xlsx-")), "book.xlsx");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: options.sharedStrings });
  const sheet = workbook.addWorksheet("劳动力");
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return file;
}

async function readAll(file: string) {
  const opened = await openXlsx(file);
  const rows = [];
  for await (const row of opened.rows) rows.push(row);
  return { rows, lastRow: opened.lastRow };
}

describe("openXlsx", () => {
  it.each([true, false])("keeps every Chinese character whole across the stream's chunks (shared strings: %s)", async (sharedStrings) => {
    // Tens of thousands of three-byte characters: many inflated chunks, many split characters.
    const rows = Array.from({ length: 3_000 }, (_, i) => [`脱贫户${i}`, "有劳动能力", `岭背镇上坪村第${i}组`, "箱包缝纫、剪线头"]);
    const { rows: read } = await readAll(await writeWorkbook(rows, { sharedStrings }));
    expect(read).toHaveLength(3_000);
    expect(read.map((r) => r.cells)).toEqual(rows);
    expect(JSON.stringify(read)).not.toContain("\uFFFD");
  });

  it("gives numbers as numbers (an ID number typed as a number stays visibly wrong), keeps gaps, skips empty rows", async () => {
    const file = await writeWorkbook([["身份证号", "开始日期", "备注"], [3.60731196803e17, 45123, null], [], ["36073119680305017X", null, "有"]], { sharedStrings: true });
    const { rows } = await readAll(file);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 4]);
    expect(rows[1]!.cells[0]).toBe(360731196803000000);
    expect(rows[1]!.cells[1]).toBe(45123);
    expect(rows[2]!.cells).toEqual(["36073119680305017X", null, "有"]);
  });

  it("reads column letters", () => {
    expect([columnIndex("A1"), columnIndex("Z9"), columnIndex("AA10"), columnIndex("AZ3")]).toEqual([0, 25, 26, 51]);
  });
});
