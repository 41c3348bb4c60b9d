/**
 * Reading and writing spreadsheet files row by row: `.xlsx` through exceljs (its streaming writer;
 * its whole-workbook reader, see readXlsxRows), `.csv` through our own parser with encoding
 * detection. Rows carry the number the spreadsheet shows (header = row 1).
 */
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { once } from "node:events";
import ExcelJS from "exceljs";
import { fromExcelValue, type CellValue } from "./cells.ts";
import { decodeCsv, formatCsvRecord, parseCsv, UTF8_BOM, type CsvEncoding } from "./csv.ts";

export type SpreadsheetType = "xlsx" | "csv";

export interface SheetRow {
  /** As the spreadsheet numbers it: the header is row 1. */
  rowNumber: number;
  cells: CellValue[];
}

export interface OpenedSpreadsheet {
  type: SpreadsheetType;
  /** For CSV: the encoding detected. */
  encoding?: CsvEncoding;
  /** Rows after the first (the header), for the progress bar. */
  totalRows?: number;
  /** The header row, then every data row. */
  rows: AsyncIterable<SheetRow>;
}

/** The file cannot be read as a spreadsheet at all (exit code 2 of the import command). */
export class SpreadsheetUnreadableError extends Error {
  override name = "SpreadsheetUnreadableError";
}

export function spreadsheetType(file: string): SpreadsheetType | undefined {
  const ext = extname(file).toLowerCase();
  return ext === ".xlsx" ? "xlsx" : ext === ".csv" ? "csv" : undefined;
}

/** Opens a spreadsheet for reading; throws SpreadsheetUnreadableError for a file it cannot read. */
export async function openSpreadsheet(file: string): Promise<OpenedSpreadsheet> {
  const type = spreadsheetType(file);
  if (!type) throw new SpreadsheetUnreadableError("extension");
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new SpreadsheetUnreadableError((error as NodeJS.ErrnoException).code ?? "read");
  }
  if (type === "csv") {
    const { text, encoding } = decodeCsv(bytes);
    const records = [...parseCsv(text)];
    return {
      type,
      encoding,
      totalRows: Math.max(0, records.length - 1),
      rows: (async function* () {
        for (const r of records) yield { rowNumber: r.line, cells: r.fields };
      })(),
    };
  }
  // A .xlsx is a zip: check the signature so a renamed file fails clearly rather than deep in the reader.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new SpreadsheetUnreadableError("not an xlsx file");
  bytes = Buffer.alloc(0); // the reader reads the file itself
  const rows = await readXlsxRows(file);
  return {
    type,
    totalRows: Math.max(0, rows.length - 1),
    rows: (async function* () {
      yield* rows;
    })(),
  };
}

/**
 * The rows of the first worksheet. The workbook is loaded whole: exceljs's streaming reader
 * decodes each inflated chunk on its own and so breaks a Chinese character that straddles two
 * chunks (docs/decisions/2026-11-23-spreadsheet-import.md).
 */
async function readXlsxRows(file: string): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new SpreadsheetUnreadableError(error instanceof Error ? error.message : String(error));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: CellValue[] = [];
    for (let i = 1; i < values.length; i++) cells.push(fromExcelValue(values[i]));
    rows.push({ rowNumber, cells });
  });
  return rows;
}

export interface SpreadsheetWriter {
  write(cells: readonly (string | number | null)[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Writes a spreadsheet row by row. CSV is UTF-8 with a BOM (Excel then reads it right); in .xlsx
 * the `textColumns` (ID numbers, phones, codes) are text cells with the text number format, so
 * Excel never turns an ID number into a number.
 */
export async function createSpreadsheetWriter(file: string, headers: readonly string[], textColumns: readonly string[]): Promise<SpreadsheetWriter> {
  const type = spreadsheetType(file);
  if (!type) throw new SpreadsheetUnreadableError("extension");
  if (type === "csv") {
    const out = createWriteStream(file);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, "drain");
    };
    await write(UTF8_BOM + formatCsvRecord(headers));
    return {
      write: (cells) => write(formatCsvRecord(cells)),
      close: () => new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))),
    };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.columns = headers.map((header) => ({
    header,
    key: header,
    width: Math.max(10, header.length * 3),
    ...(textColumns.includes(header) ? { style: { numFmt: "@" } } : {}),
  }));
  return {
    write: async (cells) => {
      sheet.addRow(cells.map((c) => (c === null ? null : c))).commit();
    },
    close: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}
