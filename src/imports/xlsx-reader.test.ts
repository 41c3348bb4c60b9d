import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MAX_CELL_CHARACTERS, MAX_UNZIPPED_BYTES, XlsxLimitError, columnIndex, openXlsx } from "./xlsx-reader.ts";
import { repeated, writeHostileWorkbook, writeZip } from "../../tests/support/zip-writer.ts";

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

describe("openXlsx limits (a small file that inflates to a huge one)", () => {
  const dir = mkdtempSync(join(tmpdir(), "xlsx-limits-"));
  const hostile = join(dir, "hostile.xlsx");
  const lying = join(dir, "lying.xlsx");

  // 3×10⁸ bytes of one character, as in the issue: a few hundred KB once deflated. Built once.
  const built = (async () => {
    await writeHostileWorkbook(hostile, repeated("村", 100_000_000));
    await writeHostileWorkbook(lying, repeated("村", 100_000_000), { declaredSize: 4_000 });
  })();

  it("reads a hand-written workbook of the same shape with a normal village (the zip writer is sound)", async () => {
    const file = join(dir, "normal.xlsx");
    await writeHostileWorkbook(file, repeated("上坪村", 1));
    const { rows } = await readAll(file);
    expect(rows.map((r) => r.cells[5])).toEqual(["村", "上坪村"]);
  });

  it("refuses the 3×10⁸-character shared string: the zip says how big it is", async () => {
    await built;
    expect(statSync(hostile).size).toBeLessThan(1_000_000);
    const refused = await openXlsx(hostile).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(XlsxLimitError);
    expect((refused as XlsxLimitError).limit).toBe("unzipped");
    expect((refused as Error).message).toBe(`表格解压后超过 ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB，不像正常的表格，已拒绝读取。请检查文件，或分成几个文件导入。`);
  });

  it("refuses it while streaming when the zip lies about its size, before the string is built", async () => {
    await built;
    const refused = await openXlsx(lying).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(XlsxLimitError);
    expect((refused as XlsxLimitError).limit).toBe("cell");
    expect((refused as Error).message).toContain(`超过 ${MAX_CELL_CHARACTERS} 字`);
  });

  it("refuses one shared string over Excel's own cell limit", async () => {
    const file = join(dir, "long-cell.xlsx");
    await writeHostileWorkbook(file, repeated("村", MAX_CELL_CHARACTERS + 1));
    await expect(openXlsx(file)).rejects.toMatchObject({ name: "XlsxLimitError", limit: "cell" });
  });

  it("keeps a shared string at the limit", async () => {
    const file = join(dir, "at-limit.xlsx");
    await writeHostileWorkbook(file, repeated("村", MAX_CELL_CHARACTERS));
    const { rows } = await readAll(file);
    expect((rows[1]!.cells[5] as string).length).toBe(MAX_CELL_CHARACTERS);
  });

  it("refuses an inline cell over the limit in the sheet itself", async () => {
    const file = join(dir, "inline.xlsx");
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${"a".repeat(MAX_CELL_CHARACTERS)}</t><t>${"b".repeat(10)}</t></is></c></row></sheetData></worksheet>`;
    await writeZip(file, [
      { path: "xl/worksheets/sheet1.xml", pieces: [Buffer.from(sheet)] },
    ]);
    const opened = await openXlsx(file);
    await expect((async () => { for await (const _ of opened.rows) void _; })()).rejects.toMatchObject({ name: "XlsxLimitError", limit: "cell" });
  });

  it("stays within a small heap: a child process with 160 MB of heap refuses the lying workbook", async () => {
    await built;
    const script = join(dir, "read.mts");
    writeFileSync(
      script,
      `import { openXlsx } from ${JSON.stringify(new URL("./xlsx-reader.ts", import.meta.url).pathname)};\n` +
        `try { const o = await openXlsx(${JSON.stringify(lying)}); for await (const _ of o.rows) void _; console.log("read"); }\n` +
        `catch (e) { console.log(e.name); }\n`,
    );
    const result = spawnSync(process.execPath, ["--max-old-space-size=160", "--import", "tsx", script], { cwd: new URL("../../", import.meta.url).pathname, encoding: "utf8" });
    expect(result.stdout.trim()).toBe("XlsxLimitError");
    expect(result.status).toBe(0);
  });
});
