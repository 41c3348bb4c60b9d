/**
 * The retention figures (稳岗) as the bureau's page and the API read them: counts per cohort and
 * key from the placements (db/queries/retention.ts, its own query beside the statistics snapshot),
 * turned into rows by the core (src/core/stats/retention.ts); and the placements behind a number,
 * limited to the cohorts that number counts.
 */
import type { Db } from "../../db/client.ts";
import { RETENTION_MEASURES, retentionGroups, retentionPeople, type RetentionMeasure } from "../../db/queries/retention.ts";
import { latestDueCohort, retentionRows, type RetentionQuery, type RetentionRow } from "../core/stats/retention.ts";

export { RETENTION_MEASURES };
export type { RetentionMeasure };

export interface RetentionViewRow extends RetentionRow {
  /** The employer's name, by employer (work outside the registry: none). */
  name?: string | undefined;
}

/**
 * The rows of the query in the viewer's town scope, the total row last.
 * @example retentionView({ db }, { date: "2026-11-23", from: "2024-12", to: "2026-11", by: "platform", assisted: false, town: undefined })
 */
export function retentionView(deps: { db: Db }, query: RetentionQuery & { town: string | undefined }): RetentionViewRow[] {
  const { groups, names } = retentionGroups(deps.db, query.by, query);
  const rows: RetentionViewRow[] = retentionRows(groups, query);
  if (query.by === "employer") for (const row of rows) row.name = names.get(row.key);
  return rows;
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
