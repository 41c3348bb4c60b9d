/**
 * Reads the first worksheet of an `.xlsx` row by row without loading the workbook: the zip is
 * opened in place (unzipper), the shared strings are read once, and the sheet's XML is streamed
 * through a SAX parser. Bytes are decoded with a streaming TextDecoder, so a Chinese character
 * split across two inflated chunks stays whole — the fault that makes exceljs's own streaming
 * reader unusable for this county's files (exceljs issues 2063, 2084).
 *
 * Cells come back as the raw values Excel stored: text, numbers (dates are serial numbers — the
 * formats' parsers convert them), booleans. An ID number typed as a number therefore arrives as a
 * number and is rejected by the workers format, as it must be.
 */
import { SaxesParser } from "saxes";
import unzipper from "unzipper";

export type XlsxCell = string | number | boolean | null;

export interface XlsxRow {
  /** As Excel numbers it (1-based). */
  rowNumber: number;
  /** Cells by column, 0-based; missing cells are null. */
  cells: XlsxCell[];
}

interface ZipEntry {
  path: string;
  stream(): NodeJS.ReadableStream;
}

/** The zip's entries by path. */
async function openZip(file: string): Promise<Map<string, ZipEntry>> {
  const directory = (await unzipper.Open.file(file)) as unknown as { files: ZipEntry[] };
  return new Map(directory.files.map((f) => [f.path.replace(/^\//, ""), f]));
}

/** Feeds an entry's bytes, decoded as a stream, to a fresh SAX parser set up by `listen`. */
async function parseEntry(entry: ZipEntry, listen: (parser: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  listen(parser);
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
}

/** Async iteration over a parser's rows: the parser pushes, the consumer pulls batch by batch. */
async function* streamRows(entry: ZipEntry, listen: (parser: SaxesParser, emit: (row: XlsxRow) => void) => void): AsyncGenerator<XlsxRow> {
  const ready: XlsxRow[] = [];
  let pending: XlsxRow[] = [];
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  listen(parser, (row) => pending.push(row));
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
    ready.push(...pending);
    pending = [];
    while (ready.length > 0) yield ready.shift()!;
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
  yield* pending;
}

/** The path of the first worksheet, from the workbook and its relationships. */
async function firstSheetPath(entries: Map<string, ZipEntry>): Promise<string | undefined> {
  let relationId: string | undefined;
  const workbook = entries.get("xl/workbook.xml");
  if (workbook) {
    await parseEntry(workbook, (parser) =>
      parser.on("opentag", (tag) => {
        if (relationId === undefined && tag.name.endsWith("sheet") && !tag.name.endsWith("sheets")) {
          const id = Object.entries(tag.attributes).find(([name]) => name === "r:id" || name.endsWith(":id"))?.[1];
          if (typeof id === "string") relationId = id;
        }
      }),
    );
  }
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (relationId && rels) {
    let target: string | undefined;
    await parseEntry(rels, (parser) =>
      parser.on("opentag", (tag) => {
        if (tag.name === "Relationship" && tag.attributes.Id === relationId) target = String(tag.attributes.Target);
      }),
    );
    if (target) return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  }
  return [...entries.keys()].filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p)).sort()[0];
}

/** The shared-string table: the text of each `<si>` (rich-text runs joined, phonetic runs left out). */
async function sharedStrings(entries: Map<string, ZipEntry>): Promise<string[]> {
  const entry = entries.get("xl/sharedStrings.xml");
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string[] | undefined;
  let inText = false;
  let inPhonetic = false;
  await parseEntry(entry, (parser) => {
    parser.on("opentag", (tag) => {
      if (tag.name === "si") current = [];
      else if (tag.name === "rPh") inPhonetic = true;
      else if (tag.name === "t" && !inPhonetic) inText = true;
    });
    parser.on("text", (text) => {
      if (inText && current) current.push(text);
    });
    parser.on("closetag", (tag) => {
      if (tag.name === "t") inText = false;
      else if (tag.name === "rPh") inPhonetic = false;
      else if (tag.name === "si") {
        strings.push((current ?? []).join(""));
        current = undefined;
      }
    });
  });
  return strings;
}

/** "C12" → 2 (0-based column). */
export function columnIndex(reference: string): number {
  let index = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

export interface OpenedXlsx {
  /** Rows with at least one value, in order. */
  rows: AsyncIterable<XlsxRow>;
  /** The sheet's last row number as its dimension says, when it says (for progress). */
  lastRow?: number;
}

/**
 * Opens the first worksheet for streaming.
 * @example for await (const row of (await openXlsx("workers.xlsx")).rows) console.log(row.rowNumber, row.cells);
 */
export async function openXlsx(file: string): Promise<OpenedXlsx> {
  const entries = await openZip(file);
  const sheetPath = await firstSheetPath(entries);
  const sheet = sheetPath ? entries.get(sheetPath) : undefined;
  if (!sheet) throw new Error("the workbook has no worksheet");
  const strings = await sharedStrings(entries);

  let lastRow: number | undefined;
  // The dimension comes first in the sheet; read it from the head of the stream cheaply.
  await new Promise<void>((resolve) => {
    const parser = new SaxesParser();
    const decoder = new TextDecoder("utf-8");
    const stream = sheet.stream() as NodeJS.ReadableStream & { destroy?: () => void };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      stream.destroy?.();
      resolve();
    };
    parser.on("error", finish);
    parser.on("opentag", (tag) => {
      if (tag.name === "dimension") {
        const ref = String(tag.attributes.ref ?? "");
        const end = /:[A-Z]+(\d+)$/.exec(ref)?.[1];
        if (end) lastRow = Number(end);
        finish();
      } else if (tag.name === "sheetData") finish();
    });
    stream.on("data", (chunk: Buffer) => {
      if (!done) parser.write(decoder.decode(chunk, { stream: true }));
    });
    stream.on("end", finish);
    stream.on("error", finish);
  });

  const rows = streamRows(sheet, (parser, emit) => {
    let row: XlsxRow | undefined;
    let nextRowNumber = 1;
    let cell: { column: number; type: string } | undefined;
    let nextColumn = 0;
    let text: string[] = [];
    let inValue = false;
    parser.on("opentag", (tag) => {
      switch (tag.name) {
        case "row": {
          const r = Number(tag.attributes.r);
          row = { rowNumber: Number.isFinite(r) && r > 0 ? r : nextRowNumber, cells: [] };
          nextRowNumber = row.rowNumber + 1;
          nextColumn = 0;
          break;
        }
        case "c": {
          const ref = typeof tag.attributes.r === "string" ? tag.attributes.r : "";
          const column = ref ? columnIndex(ref) : nextColumn;
          cell = { column, type: String(tag.attributes.t ?? "n") };
          nextColumn = column + 1;
          text = [];
          break;
        }
        case "v":
        case "t":
          if (cell) inValue = true;
          break;
      }
    });
    parser.on("text", (value) => {
      if (inValue) text.push(value);
    });
    parser.on("closetag", (tag) => {
      switch (tag.name) {
        case "v":
        case "t":
          inValue = false;
          break;
        case "c": {
          if (!row || !cell) break;
          const raw = text.join("");
          let value: XlsxCell = null;
          if (cell.type === "s") value = strings[Number(raw)] ?? "";
          else if (cell.type === "inlineStr" || cell.type === "str") value = raw;
          else if (cell.type === "b") value = raw === "1";
          else if (cell.type === "e") value = null;
          else if (raw !== "") value = Number(raw);
          while (row.cells.length < cell.column) row.cells.push(null);
          row.cells[cell.column] = value;
          cell = undefined;
          break;
        }
        case "row":
          if (row && row.cells.some((c) => c !== null && c !== "")) emit(row);
          row = undefined;
          break;
      }
    });
  });
  return { rows, ...(lastRow === undefined ? {} : { lastRow }) };
}
