import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { checkIdNumber } from "../core/id-number.ts";
import { SPREADSHEET_FORMATS, SPREADSHEET_KINDS } from "./formats.ts";
import { openSpreadsheet } from "./spreadsheet.ts";
import { TEMPLATE_CHOICES, TEMPLATE_DATA_SHEET, TEMPLATE_EXAMPLE_SHEET, TEMPLATE_EXAMPLES, columnLetter, writeXlsxTemplate } from "./templates.ts";

const dir = mkdtempSync(join(tmpdir(), "jybf-templates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("columnLetter", () => {
  it.each([
    [1, "A"],
    [14, "N"],
    [26, "Z"],
    [27, "AA"],
  ])("%d is %s", (n, letter) => expect(columnLetter(n)).toBe(letter));
});

describe("the example rows", () => {
  it.each(SPREADSHEET_KINDS)("%s: the example parses as an accepted row", (kind) => {
    const format = SPREADSHEET_FORMATS[kind];
    const cells = new Map(Object.entries(TEMPLATE_EXAMPLES[kind]));
    const parsed = format.parse(cells as never, "2026-11-23");
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    for (const column of Object.keys(TEMPLATE_EXAMPLES[kind])) expect(format.columns).toContain(column);
  });

  it("uses an ID number with a right check digit", () => {
    expect(checkIdNumber(TEMPLATE_EXAMPLES.workers.身份证号!).ok).toBe(true);
  });
});

describe("writeXlsxTemplate", () => {
  it("writes drop-downs for the fixed lists, wide text columns for ID numbers, and the example on a second sheet the import does not read", async () => {
    const file = join(dir, "workers.xlsx");
    await writeXlsxTemplate(file, "workers");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const data = book.getWorksheet(TEMPLATE_DATA_SHEET)!;
    const columns = SPREADSHEET_FORMATS.workers.columns;
    const idColumn = columns.indexOf("身份证号") + 1;
    expect(data.getColumn(idColumn).width).toBeGreaterThanOrEqual(20);
    expect(data.getCell(2, idColumn).numFmt).toBe("@");
    const categoryColumn = columns.indexOf("户类型") + 1;
    const validation = data.getCell(5, categoryColumn).dataValidation;
    expect(validation.type).toBe("list");
    expect(validation.formulae).toEqual([`"${TEMPLATE_CHOICES.workers.户类型!.join(",")}"`]);
    expect(data.getCell(5, columns.indexOf("姓名") + 1).dataValidation).toBeUndefined();
    const example = book.getWorksheet(TEMPLATE_EXAMPLE_SHEET)!;
    expect(example.getCell(2, idColumn).value).toBe(TEMPLATE_EXAMPLES.workers.身份证号);

    // The import reads the first sheet: headers only, no row to import.
    const opened = await openSpreadsheet(file);
    const rows = [];
    for await (const row of opened.rows) rows.push(row);
    expect(rows.length).toBe(1);
    expect(rows[0]!.cells).toEqual([...columns]);
  });
});
