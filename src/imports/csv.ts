/**
 * CSV as county staff's Excel saves it: RFC 4180 quoting, CRLF, LF or CR line ends, UTF-8 with or
 * without a byte-order mark, or GB18030/GBK from a Chinese Windows. Read as a stream — the file's
 * bytes go through an iconv-lite decoding stream into csv-parse's streaming parser, so memory
 * does not grow with the file (docs/decisions/2026-12-01-streaming-csv.md). Written by our own
 * small record formatter.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { parse } from "csv-parse";

export type CsvEncoding = "utf-8" | "gb18030";

/** One record of a CSV file, with the line it starts on (1-based, as a spreadsheet numbers its rows when no field spans lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** The record could not be read (a quote opened and never closed): its fields are empty. */
  problem?: "unclosed-quote";
}

/** What one quick pass over the bytes tells before parsing: the encoding, and the records for the progress bar. */
export interface CsvScan {
  encoding: CsvEncoding;
  /** Non-blank records, header included. */
  records: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Looks at a CSV file once, chunk by chunk: valid UTF-8 (the whole file) is UTF-8, anything else
 * is read as GB18030, the superset of GBK and GB2312 that Excel writes as "CSV" on a Chinese
 * Windows. Counts records (line ends outside quotes, blank lines left out): neither a quote nor a
 * line end byte can be part of a multi-byte character in either encoding, so bytes suffice.
 */
export async function scanCsv(source: AsyncIterable<Uint8Array>): Promise<CsvScan> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let utf8 = true;
  let records = 0;
  let quoted = false;
  let lineHasContent = false;
  for await (const chunk of source) {
    if (utf8) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === QUOTE) {
        quoted = !quoted;
        lineHasContent = true;
      } else if (!quoted && (b === LF || b === CR)) {
        if (lineHasContent) records++;
        lineHasContent = false;
      } else lineHasContent = true;
    }
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  if (lineHasContent) records++;
  return { encoding: utf8 ? "utf-8" : "gb18030", records };
}

/** Line breaks in a field, a CRLF counting once. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return n;
}

/** CRLFs inside a record's fields: csv-parse counts each of them as two lines. */
function crlfs(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) {
    let at = field.indexOf("\r\n");
    while (at !== -1) {
      n++;
      at = field.indexOf("\r\n", at + 2);
    }
  }
  return n;
}

const SKIPPED = Object.freeze({ skipped: true });

/**
 * The records of a CSV byte stream, decoded as `encoding`, one at a time. Quoted fields may hold
 * commas, quotes ("") and line breaks; blank lines are skipped; rows may have any number of
 * fields. A quote that is never closed makes one record with `problem` set (from its line to the
 * end of the file), never an exception.
 * @example for await (const r of readCsv(createReadStream(file), "gb18030")) console.log(r.line, r.fields);
 */
export async function* readCsv(source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream, encoding: CsvEncoding): AsyncGenerator<CsvRecord> {
  /** The last line of the previous record, as the file numbers lines. */
  let lastLine = 0;
  /** How many lines csv-parse's count is ahead of the file's (CRLFs inside fields). */
  let overcount = 0;
  const parser = parse({
    info: true,
    bom: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    // A stray quote inside a field is kept as text, as Excel reads it.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // With quotes and column counts relaxed, what is left to fail is a quote never closed
    // (CSV_QUOTE_NOT_CLOSED): the record runs to the end of the file.
    // A marker goes into the record stream, so it arrives in its place among the records.
    on_skip: () => {
      parser.push(SKIPPED);
      return undefined;
    },
  });
  const decoder = iconv.decodeStream(encoding === "utf-8" ? "utf8" : "gb18030");
  const input: NodeJS.ReadableStream = "pipe" in source ? source : Readable.from(source);
  input.on("error", (error: Error) => parser.destroy(error));
  decoder.on("error", (error: Error) => parser.destroy(error));
  input.pipe(decoder).pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } } | typeof SKIPPED>) {
      if ("skipped" in item) {
        yield { line: lastLine + 1, fields: [], problem: "unclosed-quote" };
        continue;
      }
      overcount += crlfs(item.record);
      const end = item.info.lines - overcount;
      let inside = 0;
      for (const field of item.record) inside += lineBreaks(field);
      lastLine = end;
      yield { line: end - inside, fields: item.record.map(restoreFormulaText) };
    }
  } finally {
    // The consumer may stop early (a bad header): let go of the file.
    parser.destroy();
    (input as Readable).destroy?.();
  }
}

/** Scans, then streams, a CSV file: its encoding, its record count, and its records. */
export async function openCsv(file: string): Promise<{ encoding: CsvEncoding; records: number; rows: AsyncGenerator<CsvRecord> }> {
  const { encoding, records } = await scanCsv(createReadStream(file));
  return { encoding, records, rows: readCsv(createReadStream(file), encoding) };
}

/** A text Excel or WPS would run as a formula: it starts with = + - @, a tab or a CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A real number written as text, which stays as it is (-12, +3.5). */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * CSV formula injection: a cell that a spreadsheet program would run as a formula is written
 * with a leading apostrophe, which makes it text; real numbers (typed, or text like `-12`) are
 * kept. Reading a CSV drops that apostrophe again, so export → import changes nothing.
 * @example neutraliseFormulaText('=HYPERLINK("http://x","点我")') // `'=HYPERLINK("http://x","点我")`
 */
export function neutraliseFormulaText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The inverse of neutraliseFormulaText, for a cell read from a CSV. @example restoreFormulaText("'=1+1") // "=1+1" */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && neutraliseFormulaText(text.slice(1)) !== text.slice(1) ? text.slice(1) : text;
}

/**
 * One CSV record: fields quoted when they hold a comma, quote or line break, CRLF at the end;
 * text that would run as a formula is neutralised (neutraliseFormulaText).
 */
export function formatCsvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return (
    fields
      .map((value) => {
        const text = value === null || value === undefined ? "" : typeof value === "number" ? String(value) : neutraliseFormulaText(value);
        return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}

/** The byte-order mark that makes Excel read a UTF-8 CSV as UTF-8. */
export const UTF8_BOM = "\ufeff";
