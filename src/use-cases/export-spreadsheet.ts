/**
 * Writes a registry spreadsheet in the import format (docs/contract.md), so that export → import
 * changes nothing; or a blank template (headers; in .xlsx also drop-downs and an example sheet). A staff tool: ID numbers are
 * decrypted and written as text. Large tables are read in pages and streamed to the file.
 */
import type { Db } from "../../db/client.ts";
import { registryStatements, type EmployerRow, type PostingRow, type VillageRow, type WorkerRow } from "../../db/queries/registry.ts";
import { SPREADSHEET_FORMATS, type RecordOf, type SpreadsheetKind } from "../imports/formats.ts";
import { employerRecord, placementRecord, postingRecord, regionRecord, workerRecord } from "../imports/records.ts";
import { createSpreadsheetWriter, spreadsheetType } from "../imports/spreadsheet.ts";
import { writeXlsxTemplate } from "../imports/templates.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { policiesWithNewestVersion } from "../../db/queries/subsidies.ts";

/** Rows read from the database at a time. */
export const EXPORT_PAGE_ROWS = 2_000;

export interface ExportSpreadsheetProps {
  db: Db;
  protector: PersonalDataProtector;
  kind: SpreadsheetKind;
  /** `.xlsx` or `.csv`. */
  file: string;
  /** Headers only. */
  template?: boolean;
  onProgress?: (rows: number) => void;
}

/** @returns the number of data rows written. */
export async function exportSpreadsheet(props: ExportSpreadsheetProps): Promise<number> {
  const format = SPREADSHEET_FORMATS[props.kind];
  // An .xlsx template has drop-downs and an example sheet (src/imports/templates.ts).
  if (props.template && spreadsheetType(props.file) === "xlsx") {
    await writeXlsxTemplate(props.file, props.kind);
    return 0;
  }
  const writer = await createSpreadsheetWriter(props.file, format.columns, format.textColumns);
  let rows = 0;
  try {
    if (!props.template) {
      const cells = format.format as (record: RecordOf[SpreadsheetKind]) => (string | number | null)[];
      for (const page of recordPages(props)) {
        for (const record of page) await writer.write(cells(record));
        rows += page.length;
        props.onProgress?.(rows);
      }
    }
  } finally {
    await writer.close();
  }
  return rows;
}

/** The kind's records in pages, oldest rows first. */
function* recordPages(props: ExportSpreadsheetProps): Generator<RecordOf[SpreadsheetKind][]> {
  const st = registryStatements(props.db);
  const { protector } = props;
  switch (props.kind) {
    case "regions":
      yield (st.allVillages.all() as VillageRow[]).map(regionRecord);
      return;
    case "employers":
      yield (st.allEmployers.all() as EmployerRow[]).map(employerRecord);
      return;
    case "postings":
      yield* paged((after) => st.postingsAfter.all(after, EXPORT_PAGE_ROWS) as PostingRow[], postingRecord);
      return;
    case "workers":
      yield* paged((after) => st.workersAfter.all(after, EXPORT_PAGE_ROWS) as WorkerRow[], (w) => workerRecord(w, protector.decrypt(w.idNumberCipher)));
      return;
    case "placements":
      yield* paged(
        (after) => st.placementsAfter.all(after, EXPORT_PAGE_ROWS) as (Parameters<typeof placementRecord>[0] & { id: number; idNumberCipher: string })[],
        (p) => placementRecord(p, protector.decrypt(p.idNumberCipher)),
      );
      return;
    case "policies":
      // Each policy with its newest version: the rule a compute applies now.
      yield policiesWithNewestVersion(props.db).map(({ policy, version }) => ({
        code: policy.code, name: policy.name, kind: policy.kind, amountFen: version.amountFen, minMonths: version.minMonths,
        maxMonthsPerPerson: version.maxMonthsPerPerson, ageLimit: version.ageLimit, onePerHousehold: version.onePerHousehold,
        startDate: version.startDate, endDate: version.endDate, fundSource: version.fundSource,
      }));
      return;
  }
}

function* paged<R extends { id: number }, T>(page: (afterId: number) => R[], toRecord: (row: R) => T): Generator<T[]> {
  let after = 0;
  for (;;) {
    const rows = page(after);
    if (rows.length === 0) return;
    yield rows.map(toRecord);
    after = rows[rows.length - 1]!.id;
  }
}
