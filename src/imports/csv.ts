/**
 * CSV as county staff's Excel saves it: RFC 4180 quoting, CRLF or LF line ends, UTF-8 with or
 * without a byte-order mark, or GB18030/GBK from a Chinese Windows. A small parser and writer of
 * our own (no dependency); iconv-lite decodes GB18030.
 */
import iconv from "iconv-lite";

export type CsvEncoding = "utf-8" | "gb18030";

/**
 * Decodes a CSV file's bytes: valid UTF-8 is UTF-8 (a BOM is dropped), anything else is read as
 * GB18030, the superset of GBK and GB2312 that Excel writes as "CSV" on a Chinese Windows.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030"), encoding: "gb18030" };
  }
}

/**
 * The records of a CSV text, each with the line number it starts on (1-based, as a spreadsheet
 * numbers its rows when no field spans lines). Quoted fields may hold commas, quotes ("") and
 * line breaks. Blank lines are skipped.
 * @example [...parseCsv('a,"b ""c"""\r\n1,2\n')] // [{ line: 1, fields: ["a", 'b "c"'] }, { line: 2, fields: ["1", "2"] }]
 */
export function* parseCsv(text: string): Generator<{ line: number; fields: string[] }> {
  let i = 0;
  let line = 1;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = "";
    let atRecordEnd = false;
    while (!atRecordEnd) {
      if (text[i] === '"') {
        // Quoted field: up to the closing quote; "" is a quote.
        i++;
        for (;;) {
          if (i >= n) break;
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === "\n") line++;
          field += c;
          i++;
        }
        // Anything between the closing quote and the separator is kept, as Excel does.
        while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") field += text[i++];
      } else {
        const start = i;
        while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") i++;
        field += text.slice(start, i);
      }
      fields.push(field);
      field = "";
      if (i >= n) atRecordEnd = true;
      else if (text[i] === ",") i++;
      else {
        if (text[i] === "\r") i++;
        if (text[i] === "\n") i++;
        line++;
        atRecordEnd = true;
      }
    }
    if (fields.length === 1 && fields[0] === "") continue;
    yield { line: startLine, fields };
  }
}

/** One CSV record: fields quoted when they hold a comma, quote or line break, CRLF at the end. */
export function formatCsvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return (
    fields
      .map((value) => {
        const text = value === null || value === undefined ? "" : String(value);
        return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}

/** The byte-order mark that makes Excel read a UTF-8 CSV as UTF-8. */
export const UTF8_BOM = "\ufeff";
