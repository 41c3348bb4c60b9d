/**
 * Reading and writing spreadsheet files row by row: `.xlsx` read by our streaming reader
 * (xlsx-reader.ts) and written by exceljs's streaming writer, `.csv` streamed through csv-parse
 * after a first pass that detects the encoding (csv.ts). Rows carry the number the spreadsheet
 * shows (header = row 1).
 */
import { createWriteStream } from "node:fs";
import { access, open } from "node:fs/promises";
import { extname } from "node:path";
import { once } from "node:events";
import ExcelJS from "exceljs";
import { fromExcelValue, type CellValue } from "./cells.ts";
import { openXlsx, type OpenedXlsx } from "./xlsx-reader.ts";
import { formatCsvRecord, openCsv, UTF8_BOM, type CsvEncoding } from "./csv.ts";

export type SpreadsheetType = "xlsx" | "csv";

export interface SheetRow {
  /** As the spreadsheet numbers it: the header is row 1. */
  rowNumber: number;
  cells: CellValue[];
  /** The row could not be read at all (CSV: a quote never closed, from this row to the end). */
  problem?: "unclosed-quote";
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

/** The first `length` bytes of a file (fewer when it is shorter). */
async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Opens a spreadsheet for reading; throws SpreadsheetUnreadableError for a file it cannot read. */
export async function openSpreadsheet(file: string): Promise<OpenedSpreadsheet> {
  const type = spreadsheetType(file);
  if (!type) throw new SpreadsheetUnreadableError("extension");
  // Neither kind is read whole: a CSV is scanned once for its encoding, then streamed; of an .xlsx
  // only the first bytes are read here, its reader streams the rest.
  if (type === "csv") {
    let csv: Awaited<ReturnType<typeof openCsv>>;
    try {
      await access(file);
      csv = await openCsv(file);
    } catch (error) {
      throw new SpreadsheetUnreadableError((error as NodeJS.ErrnoException).code ?? "read");
    }
    return {
      type,
      encoding: csv.encoding,
      totalRows: Math.max(0, csv.records - 1),
      rows: (async function* () {
        try {
          for await (const r of csv.rows) yield { rowNumber: r.line, cells: r.fields, ...(r.problem ? { problem: r.problem } : {}) };
        } catch (error) {
          throw new SpreadsheetUnreadableError((error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)));
        }
      })(),
    };
  }
  let bytes: Buffer;
  try {
    bytes = await readHead(file, 4);
  } catch (error) {
    throw new SpreadsheetUnreadableError((error as NodeJS.ErrnoException).code ?? "read");
  }
  // A .xlsx is a zip: check the signature so a renamed file fails clearly rather than deep in the reader.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new SpreadsheetUnreadableError("not an xlsx file");
  let sheet: OpenedXlsx;
  try {
    sheet = await openXlsx(file);
  } catch (error) {
    throw new SpreadsheetUnreadableError(error instanceof Error ? error.message : String(error));
  }
  return {
    type,
    ...(sheet.lastRow === undefined ? {} : { totalRows: Math.max(0, sheet.lastRow - 1) }),
    rows: (async function* () {
      try {
        for await (const row of sheet.rows) yield { rowNumber: row.rowNumber, cells: row.cells.map(fromExcelValue) };
      } catch (error) {
        throw new SpreadsheetUnreadableError(error instanceof Error ? error.message : String(error));
      }
    })(),
  };
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
