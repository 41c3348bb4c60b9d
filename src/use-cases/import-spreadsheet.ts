/**
 * Imports a registry spreadsheet (docs/contract.md, "Spreadsheet formats"): each row is parsed,
 * checked against the registry, and written — or rejected whole with its row number, column and
 * reason. Rows are matched on their key, so importing the same file twice changes nothing.
 * Rows are written in batches of IMPORT_BATCH_ROWS, one transaction a batch, each row inside its
 * own savepoint, by the applier of its kind (import-appliers/); every write adds an audit row
 * naming who imported (the uploader, or the CLI's "import"), changes to postings and employers add
 * search outbox rows, and a changed placement keeps its previous version. A row the registry
 * cannot take is rejected; an error that is not the row's fault stops the import
 * (ImportRowFailed, thrown: its batch rolls back, earlier batches stay — importing again is safe).
 */
import { raiseAlertsAfterImport } from "./risk-alerts.ts";
import type { Db } from "../../db/client.ts";
import { databaseClock } from "../../db/queries/import-jobs.ts";
import { withStatementJournalsInMemoryAsync } from "../../db/statement-journals.ts";
import { cellText } from "../imports/cells.ts";
import { SPREADSHEET_FORMATS, matchHeaders, type RecordOf, type Rejection, type SpreadsheetKind } from "../imports/formats.ts";
import { openSpreadsheet, SpreadsheetUnreadableError, type OpenedSpreadsheet } from "../imports/spreadsheet.ts";
import type { CellValue } from "../imports/cells.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import type { ChangeAuthor } from "./audit-trail.ts";
import { createApplier } from "./import-appliers/index.ts";
import { messages } from "../../views/messages.ts";

const t = messages.imports;
const reasons = messages.imports.reasons;

/** Rows a transaction: big enough to be fast, small enough not to hold the writer lock for long. */
export const IMPORT_BATCH_ROWS = 1_000;
/** Who the audit log names for changes imported by `npm run import`. */
export const IMPORT_ACTOR = "import";
/** The author of a command-line import. */
export const CLI_IMPORT_AUTHOR: ChangeAuthor = { label: IMPORT_ACTOR };

export { ImportRowFailed } from "./import-appliers/index.ts";

export interface RejectedRow extends Rejection {
  rowNumber: number;
  /** The row's cells as text, in the file's column order (for the report). */
  cells: string[];
}

export type ImportOutcome =
  | { status: "unreadable"; message: string }
  | { status: "bad-header"; message: string }
  | {
      status: "done";
      kind: SpreadsheetKind;
      encoding?: string;
      headers: string[];
      unknownColumns: string[];
      created: number;
      updated: number;
      unchanged: number;
      rejected: RejectedRow[];
    };

export interface ImportSpreadsheetProps {
  db: Db;
  protector: PersonalDataProtector;
  kind: SpreadsheetKind;
  file: string;
  /** Who the audit log names: the signed-in uploader, or CLI_IMPORT_AUTHOR. */
  by: ChangeAuthor;
  /** YYYY-MM-DD: the publication date given to postings that arrive open. */
  today: string;
  onProgress?: (rowsDone: number, totalRows: number | undefined) => void;
  /**
   * Where SQLite keeps the statement journals of the import's writes: "memory" (default, see
   * db/statement-journals.ts) or "default", the connection's own setting — the path before
   * 2026-12-02, kept so the import benchmark measures its baseline in the same run.
   */
  statementJournals?: "memory" | "default";
}

interface PendingRow<K extends SpreadsheetKind> {
  rowNumber: number;
  record: RecordOf[K];
  cells: string[];
}

/**
 * Imports one file.
 * @example await importSpreadsheet({ db, protector, kind: "workers", file: "名册.xlsx", by: CLI_IMPORT_AUTHOR, today: "2026-11-23" })
 */
export async function importSpreadsheet(props: ImportSpreadsheetProps): Promise<ImportOutcome> {
  if (props.statementJournals === "default") return importRows(props);
  // Each row's writes keep a statement journal: in memory, not in a temporary file (db/statement-journals.ts).
  return withStatementJournalsInMemoryAsync(props.db, () => importRows(props));
}

async function importRows(props: ImportSpreadsheetProps): Promise<ImportOutcome> {
  // Placements changed by this import are those updated from now on, by the database's own clock.
  const started = databaseClock(props.db);
  let sheet: OpenedSpreadsheet;
  try {
    sheet = await openSpreadsheet(props.file);
  } catch (error) {
    if (error instanceof SpreadsheetUnreadableError) return { status: "unreadable", message: t.unreadable(error.message) };
    throw error;
  }
  const format = SPREADSHEET_FORMATS[props.kind];
  const applier = createApplier(props.kind, { db: props.db, protector: props.protector, by: props.by, today: props.today });
  const result = {
    status: "done" as const,
    kind: props.kind,
    ...(sheet.encoding ? { encoding: sheet.encoding } : {}),
    headers: [] as string[],
    unknownColumns: [] as string[],
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: [] as RejectedRow[],
  };
  let positions: Map<string, number> | undefined;
  const seenKeys = new Map<string, number>();
  let batch: PendingRow<SpreadsheetKind>[] = [];
  let rowsRead = 0;

  const flush = () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const outcomes = props.db.$client.transaction(() => rows.map((row) => applier.applyInSavepoint(row.record, row.rowNumber)))();
    outcomes.forEach((outcome, i) => {
      if (typeof outcome === "string") result[outcome]++;
      else result.rejected.push({ rowNumber: rows[i]!.rowNumber, cells: rows[i]!.cells, ...outcome });
    });
    props.onProgress?.(rowsRead, sheet.totalRows);
  };

  try {
    for await (const row of sheet.rows) {
      if (row.problem && !positions) return { status: "unreadable", message: t.unreadable(reasons.unclosedQuote) };
      if (row.problem) {
        rowsRead++;
        result.rejected.push({ rowNumber: row.rowNumber, cells: [], column: t.wholeRow, reason: reasons.unclosedQuote });
        continue;
      }
      if (!positions) {
        if (row.cells.every((c) => cellText(c) === "")) continue;
        const match = matchHeaders(format, row.cells);
        if (match.duplicated.length > 0) return { status: "bad-header", message: t.duplicateColumn(match.duplicated[0]!) };
        if (match.missing.length > 0) return { status: "bad-header", message: t.missingColumns(match.missing) };
        positions = match.positions;
        result.headers = row.cells.map(cellText);
        result.unknownColumns = match.unknown;
        continue;
      }
      if (row.cells.every((c) => cellText(c) === "")) continue;
      rowsRead++;
      const cells = new Map<string, CellValue>();
      for (const [header, index] of positions) cells.set(header, row.cells[index] ?? null);
      const texts = result.headers.map((_, i) => cellText(row.cells[i] ?? null));
      const parsed = format.parse(cells, props.today);
      if (!parsed.ok) {
        result.rejected.push({ rowNumber: row.rowNumber, cells: texts, ...parsed.rejection });
        continue;
      }
      const key = (format.key as (r: RecordOf[SpreadsheetKind]) => string)(parsed.record);
      const earlier = seenKeys.get(key);
      if (earlier !== undefined) {
        result.rejected.push({ rowNumber: row.rowNumber, cells: texts, column: t.wholeRow, reason: reasons.duplicateKey(earlier) });
        continue;
      }
      seenKeys.set(key, row.rowNumber);
      batch.push({ rowNumber: row.rowNumber, record: parsed.record, cells: texts });
      if (batch.length >= IMPORT_BATCH_ROWS) flush();
    }
  } catch (error) {
    if (error instanceof SpreadsheetUnreadableError) return { status: "unreadable", message: t.unreadable(error.message) };
    throw error;
  }
  if (!positions) return { status: "bad-header", message: t.noHeader };
  flush();
  // Placements that arrive with an end date may leave a household without work: the same alerts
  // as a manager's or staff's recording of the end, whichever way the file came in (CLI or upload).
  if (props.kind === "placements") raiseAlertsAfterImport({ db: props.db }, { sinceIso: started, today: props.today });
  props.onProgress?.(rowsRead, sheet.totalRows);
  result.rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  return result;
}
