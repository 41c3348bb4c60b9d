/**
 * Retention (稳岗) counted in the database: placements per start month (cohort) and breakdown key,
 * and how many were still open 3, 6 and 12 months after their start — the rule of
 * src/core/stats/retention.ts (`keptAt`), which turns these counts into rows; and the placements
 * behind one number. A placement waiting for the bureau's confirmation (待核实) is left out, as in
 * every figure. A worker belongs to the town of their own village; 帮扶对象 = not 一般户.
 * tests/retention.test.ts holds the SQL to the core's reference on the demo county.
 */
import {
  RETENTION_HORIZONS,
  type RetentionBreakdown,
  type RetentionGroup,
  type RetentionHorizon,
} from "../../src/core/stats/retention.ts";
import type { Db } from "../client.ts";

export interface RetentionScope {
  /** Cohorts from…to, YYYY-MM inclusive. */
  from: string;
  to: string;
  /** Reference date: placements starting after it are left out. */
  date: string;
  /** The viewer's town (by name); the county when undefined. */
  town?: string | undefined;
  /** Only workers of 帮扶对象 households. */
  assisted?: boolean | undefined;
}

/**
 * The day `k` months after the start in SQL, clamped to the month's end like `monthsAfter`:
 * SQLite's '+k months' runs on into the next month (31 January + 1 month = 3 March), so the
 * smaller of that and the target month's last day is the day.
 */
const horizonDay = (k: number) => `min(date(p.start_date, '+${k} months'), date(p.start_date, 'start of month', '+${k + 1} months', '-1 day'))`;
const keptAtSql = (k: number) => `(p.end_date IS NULL OR p.end_date >= ${horizonDay(k)})`;
/** The same, counted: the date arithmetic runs for ended placements only (most are still open). */
const keptCount = (k: number) => `sum(CASE WHEN p.end_date IS NULL THEN 1 ELSE p.end_date >= ${horizonDay(k)} END)`;

const PLATFORM = "coalesce(e.type, p.employment_form)";
const EMPLOYER_KEY = "coalesce(e.code, p.employment_form)";
const WORKER_IN_TOWN = "w.village_id IN (SELECT v2.id FROM villages v2 JOIN towns t2 ON t2.id = v2.town_id WHERE t2.name = @town)";

function whereOf(scope: RetentionScope): { where: string[]; params: Record<string, string> } {
  const params: Record<string, string> = { fromDay: `${scope.from}-01`, toDay: `${scope.to}-31`, d: scope.date };
  const where = ["p.needs_confirmation = 0", "p.start_date >= @fromDay", "p.start_date <= @toDay", "p.start_date <= @d"];
  if (scope.assisted) where.push("h.category <> '一般户'");
  if (scope.town !== undefined) {
    where.push(WORKER_IN_TOWN);
    params.town = scope.town;
  }
  return { where, params };
}

/** Employer codes (and work outside the registry, by its 就业形式) with their names, for the employer rows. */
export type EmployerNames = Map<string, string>;

/**
 * Counts per cohort and key for a breakdown (by month the key is the cohort), and for the
 * employer breakdown the employers' names. The placements of the range are read from
 * placements_retention_idx, their workers (town, 帮扶对象) from workers_retention_idx and
 * households_retention_idx (0018_retention), named with INDEXED BY: the planner would otherwise
 * take the narrower dates index and read every placement's row. Employers and villages are folded
 * into keys here from small maps rather than joined once a placement.
 * @example retentionGroups(db, "platform", { from: "2025-01", to: "2026-11", date: "2026-11-23" })
 */
export function retentionGroups(db: Db, by: RetentionBreakdown, scope: RetentionScope): { groups: RetentionGroup[]; names: EmployerNames } {
  const { where, params } = whereOf(scope);
  const needsWorker = by === "town" || scope.town !== undefined || scope.assisted;
  const household = scope.assisted ? "JOIN households h INDEXED BY households_retention_idx ON h.id = w.household_id" : "";
  // A town's scope starts from the town's workers (workers_village_idx) and their placements
  // (placements_worker_idx): a few percent of the county instead of a probe per placement.
  const from =
    scope.town !== undefined
      ? `workers w INDEXED BY workers_village_idx CROSS JOIN placements p INDEXED BY placements_worker_idx ON p.worker_id = w.id ${household}`
      : `placements p INDEXED BY placements_retention_idx ${needsWorker ? "JOIN workers w INDEXED BY workers_retention_idx ON w.id = p.worker_id" : ""} ${household}`;
  const key = by === "month" ? "NULL" : by === "town" ? "w.village_id" : "p.employer_id";
  const extra = by === "platform" || by === "employer" ? ", p.employment_form" : "";
  const kept = RETENTION_HORIZONS.map((k) => `${keptCount(k)} AS kept${k}`).join(", ");
  const rows = db.$client
    .prepare(
      `SELECT substr(p.start_date, 1, 7) AS cohort, ${key} AS key${extra ? `${extra} AS form` : ""}, count(*) AS started, ${kept}
       FROM ${from}
       WHERE ${where.join(" AND ")}
       GROUP BY cohort, key${extra}`,
    )
    .all(params) as ({ cohort: string; key: number | null; form?: string | null; started: number } & Record<`kept${RetentionHorizon}`, number>)[];
  const names: EmployerNames = new Map();
  let keyName: (r: (typeof rows)[number]) => string;
  if (by === "month") keyName = (r) => r.cohort;
  else if (by === "town") {
    const townOf = new Map(
      (db.$client.prepare("SELECT v.id AS id, t.name AS town FROM villages v JOIN towns t ON t.id = v.town_id").all() as { id: number; town: string }[]).map((v) => [v.id, v.town]),
    );
    keyName = (r) => townOf.get(Number(r.key))!;
  } else {
    const employers = new Map(
      (db.$client.prepare("SELECT id, code, name, type FROM employers").all() as { id: number; code: string; name: string; type: string }[]).map((e) => [e.id, e]),
    );
    keyName = (r) => {
      const e = r.key === null ? undefined : employers.get(r.key);
      if (!e) return r.form ?? "";
      if (by === "platform") return e.type;
      names.set(e.code, e.name);
      return e.code;
    };
  }
  const byId = new Map<string, RetentionGroup>();
  for (const r of rows) {
    const k = keyName(r);
    const id = `${r.cohort}|${k}`;
    let g = byId.get(id);
    if (!g) byId.set(id, (g = { cohort: r.cohort, key: k, started: 0, kept: { 3: 0, 6: 0, 12: 0 } }));
    g.started += r.started;
    for (const h of RETENTION_HORIZONS) g.kept[h] += r[`kept${h}`];
  }
  return { groups: [...byId.values()], names };
}

/** Which placements a number counts: all that started, or those kept / not kept at a horizon. */
export const RETENTION_MEASURES = ["started", "kept_3", "kept_6", "kept_12", "left_3", "left_6", "left_12"] as const;
export type RetentionMeasure = (typeof RETENTION_MEASURES)[number];

export interface RetentionPersonRow {
  placementId: number;
  workerId: number;
  name: string;
  idNumberMasked: string;
  town: string;
  village: string;
  household: string;
  category: string;
  employer: string;
  platform: string;
  startDate: string;
  endDate: string | null;
}

/**
 * The placements behind one number of the retention table: of the row's key (none: the total),
 * in cohorts from…to (the caller narrows `to` to the cohorts due at the horizon), ordered by start
 * date and id; with how many there are in all.
 */
export function retentionPeople(
  db: Db,
  query: RetentionScope & { by: RetentionBreakdown; key?: string | undefined; measure: RetentionMeasure },
  page: { limit: number; offset: number },
): { rows: RetentionPersonRow[]; total: number } {
  const { where, params } = whereOf(query);
  if (query.key !== undefined) {
    params.key = query.key;
    if (query.by === "month") where.push("substr(p.start_date, 1, 7) = @key");
    else if (query.by === "platform") where.push(`${PLATFORM} = @key`);
    else if (query.by === "employer") where.push(`${EMPLOYER_KEY} = @key`);
    else where.push("t.name = @key");
  }
  if (query.measure !== "started") {
    const [kind, months] = query.measure.split("_") as ["kept" | "left", string];
    where.push(kind === "kept" ? keptAtSql(Number(months)) : `NOT ${keptAtSql(Number(months))}`);
  }
  const from = `FROM placements p JOIN workers w ON w.id = p.worker_id JOIN households h ON h.id = w.household_id
    JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id LEFT JOIN employers e ON e.id = p.employer_id
    WHERE ${where.join(" AND ")}`;
  const total = (db.$client.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
  const rows = db.$client
    .prepare(
      `SELECT p.id AS placementId, w.id AS workerId, w.name AS name, w.id_number_masked AS idNumberMasked, t.name AS town, v.name AS village,
         h.code AS household, h.category AS category, coalesce(e.name, p.employment_form) AS employer, ${PLATFORM} AS platform,
         p.start_date AS startDate, p.end_date AS endDate
       ${from} ORDER BY p.start_date, p.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: page.limit, offset: page.offset }) as RetentionPersonRow[];
  return { rows, total };
}
