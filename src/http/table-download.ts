/**
 * Sends a table as a spreadsheet download (`?format=xlsx|csv`), written with the import module's
 * writer (UTF-8 CSV with a BOM that Excel reads right; `.xlsx` with text columns kept as text).
 * The writer writes files, so the table goes through a temporary file that is removed at once.
 * @example return tableDownload(c, { name: "就业统计-按乡镇", format: "csv", headers: ["乡镇", "已就业"], rows });
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context } from "hono";
import { z } from "zod";
import { createSpreadsheetWriter } from "../imports/spreadsheet.ts";

export const DOWNLOAD_FORMATS = ["xlsx", "csv"] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];
/** `format` of a page's query: a download when set, the page otherwise. */
export const DownloadFormatSchema = z.enum(DOWNLOAD_FORMATS).optional().catch(undefined);

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

export interface TableDownload {
  /** File name without extension (may be Chinese: sent RFC 5987-encoded). */
  name: string;
  format: DownloadFormat;
  headers: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  /** Columns kept as text in .xlsx (codes). */
  textColumns?: readonly string[];
}

export async function tableDownload(c: Context, table: TableDownload): Promise<Response> {
  const dir = await mkdtemp(join(tmpdir(), "jybf-download-"));
  try {
    const file = join(dir, `table.${table.format}`);
    const writer = await createSpreadsheetWriter(file, table.headers, table.textColumns ?? []);
    for (const row of table.rows) await writer.write(row);
    await writer.close();
    const bytes = await readFile(file);
    const filename = `${table.name}.${table.format}`;
    return c.body(bytes, 200, {
      "Content-Type": CONTENT_TYPES[table.format],
      "Content-Disposition": `attachment; filename="table.${table.format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
