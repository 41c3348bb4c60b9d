/**
 * The retention figures (稳岗) as the bureau's page and the API read them: counts per cohort and
 * key from the statistics' in-memory snapshot (src/core/stats/retention-columns.ts; patched after
 * each change, so a placement recorded or ended is in the next figure), turned into rows by the
 * core (src/core/stats/retention.ts); the same counted in SQL (db/queries/retention.ts), kept as
 * the reference the tests and the benchmark compare with; and the placements behind a number,
 * limited to the cohorts that number counts. See docs/decisions/2026-12-02-retention-from-snapshot.md.
 */
import type { Db } from "../../db/client.ts";
import { RETENTION_MEASURES, retentionGroups, retentionPeople, type RetentionMeasure } from "../../db/queries/retention.ts";
import { retentionRowsFromColumns } from "../core/stats/retention-columns.ts";
import { latestDueCohort, retentionRows, type RetentionQuery, type RetentionRow } from "../core/stats/retention.ts";
import type { Statistics } from "./statistics.ts";

export { RETENTION_MEASURES };
export type { RetentionMeasure };

export interface RetentionViewRow extends RetentionRow {
  /** The employer's name, by employer (work outside the registry: none). */
  name?: string | undefined;
}

/** The rows with, by employer, each employer's name. */
function named(rows: RetentionViewRow[], names: Map<string, string>, query: RetentionQuery): RetentionViewRow[] {
  if (query.by === "employer") for (const row of rows) row.name = names.get(row.key);
  return rows;
}

/**
 * The rows of the query in the viewer's town scope, the total row last, from the current
 * statistics snapshot; `asOf` is when a stale snapshot was taken (a large county's reload under
 * way, as the statistics page says), undefined when it is current.
 * @example await retentionView({ statistics }, { date: "2026-11-23", from: "2024-12", to: "2026-11", by: "platform", assisted: false, town: undefined })
 */
export async function retentionView(
  deps: { statistics: Statistics },
  query: RetentionQuery & { town: string | undefined },
): Promise<{ rows: RetentionViewRow[]; asOf: Date | undefined }> {
  const snapshot = await deps.statistics.current();
  const { rows, names } = retentionRowsFromColumns(snapshot.columns, query);
  return { rows: named(rows, names, query), asOf: deps.statistics.isStale(snapshot) ? snapshot.loadedAt : undefined };
}

/**
 * The same rows counted in SQL from the placements, always the registry as it is: the reference
 * retentionView is held to (tests/retention-columns.test.ts) and the benchmark's baseline.
 */
export function retentionViewFromSql(deps: { db: Db }, query: RetentionQuery & { town: string | undefined }): RetentionViewRow[] {
  const { groups, names } = retentionGroups(deps.db, query.by, query);
  return named(retentionRows(groups, query), names, query);
}

/**
 * A page of the placements behind one number: the row's key (none for the total), and for a
 * horizon only the cohorts due at it (those the number counts). `to` comes back narrowed.
 */
export function retentionPeopleView(
  deps: { db: Db },
  props: { query: RetentionQuery & { town: string | undefined; key: string | undefined; measure: RetentionMeasure }; page: { limit: number; offset: number } },
) {
  const q = props.query;
  const horizon = q.measure === "started" ? undefined : Number(q.measure.split("_")[1]);
  let to = q.to;
  if (horizon !== undefined) {
    const due = latestDueCohort(horizon, q.date);
    if (due < to) to = due;
  }
  if (to < q.from) return { rows: [], total: 0, to };
  return { ...retentionPeople(deps.db, { ...q, to }, props.page), to };
}
