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
 *
 * Limits (docs/decisions/2026-12-01-text-fields.md): the upload cap measures the compressed file,
 * and deflate turns 293 KB into 300 MB of one repeated character. So the reader refuses, while
 * streaming and before anything grows, a workbook whose entries inflate to more than
 * `MAX_UNZIPPED_BYTES`, and a cell (shared string or inline) longer than `MAX_CELL_CHARACTERS`,
 * Excel's own limit for a cell. Either is an `XlsxLimitError` with a Chinese message.
 */
import { SaxesParser } from "saxes";
import unzipper from "unzipper";
import { messages } from "../../views/messages.ts";

/** Excel's own limit: a cell holds at most 32,767 characters. */
export const MAX_CELL_CHARACTERS = 32_767;
/** Unzipped, a county's largest registry is tens of MB; ten times that is not a spreadsheet. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/**
 * The most raw XML characters between two `<`: a cell at its limit with every character written as
 * an entity (`&#x1F600;`, 10 characters). Checked on the stream, before the parser buffers a text.
 */
const MAX_XML_RUN = MAX_CELL_CHARACTERS * 10;

/** A workbook over the reader's limits; `message` is for people (Chinese). */
export class XlsxLimitError extends Error {
  constructor(readonly limit: "cell" | "unzipped") {
    super(limit === "cell" ? messages.textFields.xlsxStringTooLong(MAX_CELL_CHARACTERS) : messages.textFields.xlsxTooLarge(MAX_UNZIPPED_BYTES / 1024 / 1024));
    this.name = "XlsxLimitError";
  }
}

/**
 * What one workbook may still inflate, shared by every entry read, and the guard on runs of text
 * between tags (kept across chunks).
 */
class InflateBudget {
  private left: number;
  constructor(bytes: number) {
    this.left = bytes;
  }
  /** Counts an inflated chunk; throws once the workbook is over its size. */
  take(chunk: Buffer): void {
    this.left -= chunk.length;
    if (this.left < 0) throw new XlsxLimitError("unzipped");
  }
}

/** Throws when a decoded chunk, continuing `run` characters without `<`, makes a run too long. */
function guardRuns(text: string, state: { run: number }): void {
  let from = 0;
  for (;;) {
    const next = text.indexOf("<", from);
    const length = (next === -1 ? text.length : next) - from;
    if (state.run + length > MAX_XML_RUN) throw new XlsxLimitError("cell");
    if (next === -1) {
      state.run += length;
      return;
    }
    state.run = 0;
    from = next + 1;
  }
}

/** An entry's decoded text, chunk by chunk, within the budget and the run guard. */
async function* entryText(entry: ZipEntry, budget: InflateBudget): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  const runs = { run: 0 };
  for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
    budget.take(chunk);
    const text = decoder.decode(chunk, { stream: true });
    guardRuns(text, runs);
    yield text;
  }
  yield decoder.decode();
}

export type XlsxCell = string | number | boolean | null;

export interface XlsxRow {
  /** As Excel numbers it (1-based). */
  rowNumber: number;
  /** Cells by column, 0-based; missing cells are null. */
  cells: XlsxCell[];
}

interface ZipEntry {
  path: string;
  /** As the zip's central directory declares it (may lie: the inflated bytes are counted too). */
  uncompressedSize?: number;
  stream(): NodeJS.ReadableStream;
}

/** The zip's entries by path. */
async function openZip(file: string): Promise<Map<string, ZipEntry>> {
  const directory = (await unzipper.Open.file(file)) as unknown as { files: ZipEntry[] };
  return new Map(directory.files.map((f) => [f.path.replace(/^\//, ""), f]));
}

/** Feeds an entry's bytes, decoded as a stream, to a fresh SAX parser set up by `listen`. */
async function parseEntry(entry: ZipEntry, budget: InflateBudget, listen: (parser: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  listen(parser);
  for await (const text of entryText(entry, budget)) {
    parser.write(text);
    if (failure) throw failure;
  }
  parser.close();
  if (failure) throw failure;
}

/** Async iteration over a parser's rows: the parser pushes, the consumer pulls batch by batch. */
async function* streamRows(entry: ZipEntry, budget: InflateBudget, listen: (parser: SaxesParser, emit: (row: XlsxRow) => void) => void): AsyncGenerator<XlsxRow> {
  const ready: XlsxRow[] = [];
  let pending: XlsxRow[] = [];
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  listen(parser, (row) => pending.push(row));
  for await (const text of entryText(entry, budget)) {
    parser.write(text);
    if (failure) throw failure;
    ready.push(...pending);
    pending = [];
    while (ready.length > 0) yield ready.shift()!;
  }
  parser.close();
  if (failure) throw failure;
  yield* pending;
}

/** The path of the first worksheet, from the workbook and its relationships. */
async function firstSheetPath(entries: Map<string, ZipEntry>, budget: InflateBudget): Promise<string | undefined> {
  let relationId: string | undefined;
  const workbook = entries.get("xl/workbook.xml");
  if (workbook) {
    await parseEntry(workbook, budget, (parser) =>
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
    await parseEntry(rels, budget, (parser) =>
      parser.on("opentag", (tag) => {
        if (tag.name === "Relationship" && tag.attributes.Id === relationId) target = String(tag.attributes.Target);
      }),
    );
    if (target) return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  }
  return [...entries.keys()].filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p)).sort()[0];
}

/** The shared-string table: the text of each `<si>` (rich-text runs joined, phonetic runs left out). */
async function sharedStrings(entries: Map<string, ZipEntry>, budget: InflateBudget): Promise<string[]> {
  const entry = entries.get("xl/sharedStrings.xml");
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string[] | undefined;
  let currentLength = 0;
  let inText = false;
  let inPhonetic = false;
  await parseEntry(entry, budget, (parser) => {
    parser.on("opentag", (tag) => {
      if (tag.name === "si") (current = []), (currentLength = 0);
      else if (tag.name === "rPh") inPhonetic = true;
      else if (tag.name === "t" && !inPhonetic) inText = true;
    });
    parser.on("text", (text) => {
      if (!inText || !current) return;
      currentLength += text.length;
      if (currentLength > MAX_CELL_CHARACTERS) throw new XlsxLimitError("cell");
      current.push(text);
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

/** How much of the sheet is read looking for its dimension. */
const DIMENSION_HEAD_BYTES = 64 * 1024;

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
  // The sizes the zip declares come first: a workbook that says it is too big is refused unread.
  const declared = [...entries.values()].reduce((sum, e) => sum + (e.uncompressedSize ?? 0), 0);
  if (declared > MAX_UNZIPPED_BYTES) throw new XlsxLimitError("unzipped");
  const budget = new InflateBudget(MAX_UNZIPPED_BYTES);
  const sheetPath = await firstSheetPath(entries, budget);
  const sheet = sheetPath ? entries.get(sheetPath) : undefined;
  if (!sheet) throw new Error("the workbook has no worksheet");
  const strings = await sharedStrings(entries, budget);

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
    let head = 0;
    stream.on("data", (chunk: Buffer) => {
      if (done) return;
      head += chunk.length;
      // The dimension is in the sheet's first bytes; past them, give up rather than read on.
      if (head > DIMENSION_HEAD_BYTES) return finish();
      parser.write(decoder.decode(chunk, { stream: true }));
    });
    stream.on("end", finish);
    stream.on("error", finish);
  });

  const rows = streamRows(sheet, budget, (parser, emit) => {
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
          textLength = 0;
          break;
        }
        case "v":
        case "t":
          if (cell) inValue = true;
          break;
      }
    });
    let textLength = 0;
    parser.on("text", (value) => {
      if (!inValue) return;
      textLength += value.length;
      if (textLength > MAX_CELL_CHARACTERS) throw new XlsxLimitError("cell");
      text.push(value);
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
