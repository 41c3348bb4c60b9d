/**
 * The import appliers, one module per kind (regions, employers, postings, workers, placements, policies):
 * each writes one parsed row into the registry with its audit and search-outbox rows. Here they
 * are picked by kind and each row is run in its own savepoint — all of it, or (rejected) none.
 */
import type { RecordOf, Rejection, SpreadsheetKind } from "../../imports/formats.ts";
import { createApplierContext, RowRejected, type ApplierProps, type RowChange } from "./context.ts";
import { employersApplier } from "./employers.ts";
import { placementsApplier } from "./placements.ts";
import { postingsApplier } from "./postings.ts";
import { regionsApplier } from "./regions.ts";
import { workersApplier } from "./workers.ts";
import { policiesApplier } from "./policies.ts";

export { RowRejected, type ApplierProps, type RowChange } from "./context.ts";

type AnyApplier = (record: RecordOf[SpreadsheetKind], rowNumber: number) => RowChange;

const APPLIERS: { [K in SpreadsheetKind]: (ctx: ReturnType<typeof createApplierContext>) => (record: RecordOf[K], rowNumber: number) => RowChange } = {
  regions: regionsApplier,
  employers: employersApplier,
  postings: postingsApplier,
  workers: workersApplier,
  placements: placementsApplier,
  policies: policiesApplier,
};

/** A row that could not be written for a reason that is not the row's fault (a bug, a broken database). */
export class ImportRowFailed extends Error {
  override name = "ImportRowFailed";
  constructor(
    readonly kind: SpreadsheetKind,
    readonly rowNumber: number,
    options: { cause: unknown },
  ) {
    super(`${kind} row ${rowNumber} failed: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }
}

export function createApplier(kind: SpreadsheetKind, props: ApplierProps) {
  const ctx = createApplierContext(props);
  const apply = APPLIERS[kind](ctx) as AnyApplier;
  // Called inside the batch's transaction, better-sqlite3 runs this in a savepoint.
  const applyWhole = props.db.$client.transaction((record: RecordOf[SpreadsheetKind], rowNumber: number) => apply(record, rowNumber));
  /** One row inside a savepoint, with each problem of a rejected row on its own too (for a form). */
  const applyWithProblems = (record: RecordOf[SpreadsheetKind], rowNumber: number): RowChange | { rejection: Rejection; problems: readonly Rejection[] } => {
    try {
      return applyWhole(record, rowNumber);
    } catch (error) {
      if (error instanceof RowRejected) {
        // A town or village this row created was rolled back with it: read the places again.
        if (kind === "regions") ctx.loadPlaces();
        return { rejection: error.rejection, problems: error.problems };
      }
      throw new ImportRowFailed(kind, rowNumber, { cause: error });
    }
  };
  return {
    /**
     * Applies one row inside a savepoint: all of it, or (rejected) none of it. Anything but a
     * rejection is thrown as ImportRowFailed: the import stops, its batch rolls back.
     */
    applyInSavepoint(record: RecordOf[SpreadsheetKind], rowNumber: number): RowChange | Rejection {
      const outcome = applyWithProblems(record, rowNumber);
      return typeof outcome === "string" ? outcome : outcome.rejection;
    },
    applyWithProblems,
  };
}
