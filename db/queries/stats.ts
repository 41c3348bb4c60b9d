/**
 * The bureau's figures computed in the database, for a county of a million workers: each query
 * scans the registry once with aggregates, on the existing indexes. The definitions are those of
 * src/core/stats/figures.ts (the readable reference); tests/stats-queries.test.ts holds the two
 * to the same answers. Results are the JSON API's rows (docs/contract.md).
 */
import {
  LABOUR_FORCE_ABILITIES,
  TOTAL_KEY,
  WORKSHOP_TYPES,
  labourForceBirthCutoff,
  monthEndsUpTo,
  orderEmploymentRows,
  TREND_MONTHS,
  type DateQuery,
  type EmploymentQuery,
  type EmploymentRow,
  type PublicBenefitPosts,
  type StatsRegistry,
  type StatsWorker,
  type TrendPoint,
  type WorkshopRow,
  type ZeroEmploymentHousehold,
} from "../../src/core/stats/figures.ts";
import type { Db } from "../client.ts";

/** SQL literal list of the abilities that count towards the labour force (constants, not input). */
const ABLE = LABOUR_FORCE_ABILITIES.map((a) => `'${a}'`).join(", ");
const WORKSHOPS = WORKSHOP_TYPES.map((t) => `'${t}'`).join(", ");

/** `1` when the placement alias `p` is open at the named date parameter. */
/** A placement open at the date; one waiting for the bureau's confirmation (待核实) does not count. */
const openAt = (param: string) => `(p.needs_confirmation = 0 AND p.start_date <= @${param} AND (p.end_date IS NULL OR p.end_date >= @${param}))`;

/** Labour force at a date, for the worker alias `w`, by its birth-date cutoff parameter. */
const labourForceAt = (cutoffParam: string) => `(w.birth_date <= @${cutoffParam} AND w.labour_ability IN (${ABLE}))`;

/** The platform of the placement alias `p` joined with employer alias `e`. */
const PLATFORM = "coalesce(e.type, p.employment_form)";

/**
 * The worker's own village belongs to the scoped town. Written as an IN over the (small) set of
 * the town's villages so SQLite can walk workers_village_idx for a town cadre.
 */
const WORKER_IN_TOWN = "w.village_id IN (SELECT v2.id FROM villages v2 JOIN towns t2 ON t2.id = v2.town_id WHERE t2.name = @town)";

function scopeParams(scope: { town?: string }): { town?: string } {
  return scope.town !== undefined ? { town: scope.town } : {};
}

/**
 * 帮扶对象劳动力就业 by town, platform or household category, with the baseline and a total row.
 * @example employmentStats(db, { date: "2026-11-23", baseline: "2020-12-31", by: "town" })
 */
export function employmentStats(db: Db, query: EmploymentQuery): EmploymentRow[] {
  const params = {
    d: query.date,
    b: query.baseline,
    cutD: labourForceBirthCutoff(query.date),
    cutB: labourForceBirthCutoff(query.baseline),
    ...scopeParams(query),
  };
  const scope = query.town !== undefined ? `AND ${WORKER_IN_TOWN}` : "";
  if (query.by === "platform") return employmentByPlatform(db, params, scope);
  if (query.by === "category") return employmentByKey(db, "category", "h.category", params, scope, (key) => String(key));
  // By the worker's own village, then villages summed into their towns: a tiny map instead of two lookups a worker.
  const townOfVillage = new Map(
    (db.$client.prepare("SELECT v.id AS id, t.name AS town FROM villages v JOIN towns t ON t.id = v.town_id").all() as { id: number; town: string }[]).map(
      (v) => [v.id, v.town],
    ),
  );
  // The unary + keeps SQLite from walking workers_village_idx (random row reads) to avoid a sort.
  return employmentByKey(db, "town", "+w.village_id", params, scope, (key) => townOfVillage.get(Number(key))!);
}

/**
 * The worker subquery shared by the employment queries: every 帮扶对象 worker (in scope) with
 * labour-force flags at D and B. Workers are scanned in rowid order and their household looked up
 * by primary key (CROSS JOIN fixes that order; the planner would otherwise start from the
 * category index and read workers at random).
 */
function assistedWorkers(columns: string, scope: string): string {
  return `SELECT w.id AS worker_ref, ${columns}
          FROM workers w CROSS JOIN households h ON h.id = w.household_id
          WHERE h.category <> '一般户' ${scope}`;
}

function employmentByKey(
  db: Db,
  by: "town" | "category",
  keyColumn: string,
  params: Record<string, string>,
  scope: string,
  keyName: (key: string | number) => string,
): EmploymentRow[] {
  // One probe of placements_worker_idx per worker in the labour force at D or B gives both flags
  // (bit 2: a placement open at D, bit 1: open at B). LIMIT -1 keeps SQLite from flattening the
  // subquery into the aggregate, which would run the probe once for each use of `open`.
  const rows = db.$client
    .prepare(
      `SELECT key, sum(lf_d) AS labour_force, sum(lf_d AND (open & 2) > 0) AS employed, sum(lf_b AND (open & 1) > 0) AS employed_baseline
       FROM (
         SELECT key, lf_d, lf_b,
           CASE WHEN lf_d OR lf_b THEN
             (SELECT max(CASE WHEN ${openAt("d")} THEN 2 ELSE 0 END) | max(CASE WHEN ${openAt("b")} THEN 1 ELSE 0 END)
              FROM placements p WHERE p.worker_id = worker_ref)
           ELSE 0 END AS open
         FROM (${assistedWorkers(`${keyColumn} AS key, ${labourForceAt("cutD")} AS lf_d, ${labourForceAt("cutB")} AS lf_b`, scope)})
         LIMIT -1
       )
       GROUP BY key`,
    )
    .all(params) as { key: string | number; labour_force: number; employed: number; employed_baseline: number }[];
  const byKey = new Map<string, EmploymentRow>();
  const total: EmploymentRow = { key: TOTAL_KEY, labour_force: 0, employed: 0, employed_baseline: 0 };
  for (const r of rows) {
    const key = keyName(r.key);
    let row = byKey.get(key);
    if (!row) byKey.set(key, (row = { key, labour_force: 0, employed: 0, employed_baseline: 0 }));
    row.labour_force! += r.labour_force;
    row.employed += r.employed;
    row.employed_baseline += r.employed_baseline;
    total.labour_force! += r.labour_force;
    total.employed += r.employed;
    total.employed_baseline += r.employed_baseline;
  }
  return orderEmploymentRows(by, [...byKey.values(), total]);
}

function employmentByPlatform(db: Db, params: Record<string, string>, scope: string): EmploymentRow[] {
  // The platform of the placement that counts at each date: the latest start, then the newest row
  // (placements_worker_idx gives a worker's placements by start date). Grouped by the pair, so
  // one pass answers both dates; LIMIT -1 keeps each probe from running twice.
  const countingPlatform = (date: string) =>
    `(SELECT ${PLATFORM} FROM placements p LEFT JOIN employers e ON e.id = p.employer_id
      WHERE p.worker_id = worker_ref AND ${openAt(date)}
      ORDER BY p.start_date DESC, p.id DESC LIMIT 1)`;
  const pairs = db.$client
    .prepare(
      `SELECT platform_d, platform_b, sum(lf_d) AS labour_force, count(*) AS n
       FROM (
         SELECT lf_d,
           CASE WHEN lf_d THEN ${countingPlatform("d")} END AS platform_d,
           CASE WHEN lf_b THEN ${countingPlatform("b")} END AS platform_b
         FROM (${assistedWorkers(`${labourForceAt("cutD")} AS lf_d, ${labourForceAt("cutB")} AS lf_b`, scope)})
         LIMIT -1
       )
       GROUP BY platform_d, platform_b`,
    )
    .all(params) as { platform_d: string | null; platform_b: string | null; labour_force: number; n: number }[];
  const rows = new Map<string, EmploymentRow>();
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, labour_force: null, employed: 0, employed_baseline: 0 }));
    return r;
  };
  const total: EmploymentRow = { key: TOTAL_KEY, labour_force: 0, employed: 0, employed_baseline: 0 };
  for (const pair of pairs) {
    total.labour_force! += pair.labour_force;
    if (pair.platform_d !== null) {
      row(pair.platform_d).employed += pair.n;
      total.employed += pair.n;
    }
    if (pair.platform_b !== null) {
      row(pair.platform_b).employed_baseline += pair.n;
      total.employed_baseline += pair.n;
    }
  }
  return orderEmploymentRows("platform", [...rows.values(), total]);
}

/**
 * 零就业家庭 at D: 帮扶对象 households with a willing labour-force member and no member at all in
 * work, by household code.
 */
export function zeroEmploymentStats(db: Db, query: DateQuery): { households: ZeroEmploymentHousehold[] } {
  const scope = query.town !== undefined ? "AND t.name = @town" : "";
  const households = db.$client
    .prepare(
      `SELECT h.code AS code, t.name AS town, v.name AS village, z.labour_force AS labour_force
       FROM (
         SELECT w.household_id AS household_id, sum(${labourForceAt("cut")}) AS labour_force
         FROM workers w
         GROUP BY w.household_id
         HAVING max(${labourForceAt("cut")} AND w.willing_to_work) = 1
       ) z
       JOIN households h ON h.id = z.household_id
       JOIN villages v ON v.id = h.village_id
       JOIN towns t ON t.id = v.town_id
       WHERE h.category <> '一般户' ${scope}
         AND NOT EXISTS (
           SELECT 1 FROM workers m JOIN placements p ON p.worker_id = m.id
           WHERE m.household_id = z.household_id AND ${openAt("d")}
         )
       ORDER BY h.code`,
    )
    .all({ d: query.date, cut: labourForceBirthCutoff(query.date), ...scopeParams(query) }) as ZeroEmploymentHousehold[];
  return { households };
}

/**
 * 吸纳就业 at D for every 帮扶车间 and 卫星工厂 (of the scoped town): distinct people with a
 * placement there open at D, and of them the 帮扶对象 workers. By employer code.
 */
export function workshopStats(db: Db, query: DateQuery): { rows: WorkshopRow[] } {
  const scope = query.town !== undefined ? "AND e.town_id = (SELECT id FROM towns WHERE name = @town)" : "";
  // Placements are scanned once in table order (NOT INDEXED: the date and employer indexes would
  // read rows at random), kept when open at a workshop, made distinct per person, and only those
  // people are looked up for their household's category.
  const rows = db.$client
    .prepare(
      `SELECT e.code AS code, e.name AS name, e.type AS type,
         coalesce(a.employed, 0) AS employed, coalesce(a.employed_assisted, 0) AS employed_assisted
       FROM employers e
       LEFT JOIN (
         SELECT x.employer_id AS employer_id, count(*) AS employed, sum(h.category <> '一般户') AS employed_assisted
         FROM (
           SELECT DISTINCT p.employer_id AS employer_id, p.worker_id AS worker_id
           FROM placements p NOT INDEXED CROSS JOIN employers pe ON pe.id = p.employer_id
           WHERE pe.type IN (${WORKSHOPS}) AND ${openAt("d")}
         ) x
         CROSS JOIN workers w ON w.id = x.worker_id
         CROSS JOIN households h ON h.id = w.household_id
         GROUP BY x.employer_id
       ) a ON a.employer_id = e.id
       WHERE e.type IN (${WORKSHOPS}) ${scope}
       ORDER BY e.code`,
    )
    .all({ d: query.date, ...scopeParams(query) }) as WorkshopRow[];
  return { rows };
}

/** 公益性岗位 at D: posts offered by open postings and people in such posts (employers of the scoped town). */
export function publicBenefitPostStats(db: Db, query: DateQuery): PublicBenefitPosts {
  const scope = query.town !== undefined ? "AND e.town_id = (SELECT id FROM towns WHERE name = @town)" : "";
  return db.$client
    .prepare(
      `SELECT
         (SELECT coalesce(sum(po.headcount), 0) FROM postings po JOIN employers e ON e.id = po.employer_id
          WHERE e.type = '公益性岗位' AND po.status = '招聘中' ${scope}) AS posts_offered,
         (SELECT count(DISTINCT p.worker_id) FROM placements p JOIN employers e ON e.id = p.employer_id
          WHERE e.type = '公益性岗位' AND ${openAt("d")} ${scope}) AS people`,
    )
    .get({ d: query.date, ...scopeParams(query) }) as PublicBenefitPosts;
}

/**
 * The headline's monthly trend: 帮扶对象 labour force and employed at each of the last twelve
 * month-ends up to D, in one pass (one probe of a worker's placements gives a bit per month).
 */
export function employmentTrendStats(db: Db, query: DateQuery & { months?: number }): { rows: TrendPoint[] } {
  const dates = monthEndsUpTo(query.date, query.months ?? TREND_MONTHS);
  const params: Record<string, string> = { ...scopeParams(query) };
  dates.forEach((date, i) => {
    params[`d${i}`] = date;
    params[`cut${i}`] = labourForceBirthCutoff(date);
  });
  const bits = dates.map((_, i) => `max(CASE WHEN ${openAt(`d${i}`)} THEN ${2 ** i} ELSE 0 END)`).join(" | ");
  const flags = dates.map((_, i) => `${labourForceAt(`cut${i}`)} AS lf${i}`).join(", ");
  const sums = dates.map((_, i) => `sum(lf${i}) AS lf${i}, sum(lf${i} AND (open & ${2 ** i}) > 0) AS e${i}`).join(", ");
  const anyForce = dates.map((_, i) => `lf${i}`).join(" OR ");
  const scope = query.town !== undefined ? `AND ${WORKER_IN_TOWN}` : "";
  const totals = db.$client
    .prepare(
      `SELECT ${sums} FROM (
         SELECT *, CASE WHEN ${anyForce} THEN (SELECT ${bits} FROM placements p WHERE p.worker_id = worker_ref) ELSE 0 END AS open
         FROM (${assistedWorkers(flags, scope)})
         LIMIT -1
       )`,
    )
    .get(params) as Record<string, number | null>;
  return {
    rows: dates.map((date, i) => ({ month: date.slice(0, 7), date, labour_force: totals[`lf${i}`] ?? 0, employed: totals[`e${i}`] ?? 0 })),
  };
}

/**
 * The whole registry as the reference statistics read it (src/core/stats/figures.ts). For tests
 * and small counties: it holds every worker and placement in memory.
 */
export function readStatsRegistry(db: Db): StatsRegistry {
  const all = <T>(query: string) => db.$client.prepare(query).all() as T[];
  return {
    households: all(
      `SELECT h.id, h.code, h.category, t.name AS town, v.name AS village
       FROM households h JOIN villages v ON v.id = h.village_id JOIN towns t ON t.id = v.town_id ORDER BY h.id`,
    ),
    workers: all<Omit<StatsWorker, "willingToWork"> & { willingToWork: number }>(
      `SELECT w.id, w.household_id AS householdId, t.name AS town, w.birth_date AS birthDate, w.labour_ability AS labourAbility,
         w.willing_to_work AS willingToWork
       FROM workers w JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id ORDER BY w.id`,
    ).map((w) => ({ ...w, willingToWork: w.willingToWork === 1 })),
    employers: all(`SELECT e.id, e.code, e.name, e.type, t.name AS town FROM employers e JOIN towns t ON t.id = e.town_id ORDER BY e.id`),
    placements: all(
      `SELECT id, worker_id AS workerId, employer_id AS employerId, employment_form AS employmentForm, start_date AS startDate, end_date AS endDate
       FROM placements WHERE needs_confirmation = 0 ORDER BY id`,
    ),
    postings: all(`SELECT employer_id AS employerId, headcount, status FROM postings ORDER BY id`),
  };
}
