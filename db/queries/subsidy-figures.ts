/**
 * The subsidy ledger read for other departments and for the figures (issue 12): lines with their
 * worker and payee as `GET /api/v1/subsidies` gives them (totals over every match), the sums by
 * policy, town or period behind /bureau/stats/subsidies, the lines behind one number, and what
 * is still unconfirmed (placements marked for the bureau's confirmation). Raw prepared SQL: the
 * figures group every line of the county.
 */
import type { FigureBreakdown, FigureMeasure } from "../../src/core/subsidies/figures.ts";
import type { SubsidyLineStatus } from "../../src/core/subsidies/ledger.ts";
import type { SubsidyKind } from "../../src/core/subsidies/policy.ts";
import type { Db } from "../client.ts";

type Tx = Pick<Db, "$client">;

export interface ApiLineFilter {
  policyCode?: string | undefined;
  period?: string | undefined;
  status?: SubsidyLineStatus | undefined;
  /** The keyed hash of a whole ID number (src/security/personal-data.ts). */
  idNumberHash?: string | undefined;
}

export interface ApiLineRow {
  id: number;
  policyCode: string;
  kind: SubsidyKind;
  period: string;
  amountFen: number;
  status: SubsidyLineStatus;
  reversesLineId: number | null;
  workerName: string;
  idNumberMasked: string;
  householdCode: string;
  town: string;
  village: string;
  employerCode: string | null;
  employerName: string | null;
  countedMonths: string | null;
}

function apiWhere(filter: ApiLineFilter): { sql: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  if (filter.policyCode !== undefined) clauses.push("p.code = ?"), params.push(filter.policyCode);
  if (filter.period !== undefined) clauses.push("l.period = ?"), params.push(filter.period);
  if (filter.status !== undefined) clauses.push("l.status = ?"), params.push(filter.status);
  if (filter.idNumberHash !== undefined) clauses.push("w.id_number_hash = ?"), params.push(filter.idNumberHash);
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

/** A page of lines in id order, with the count and the amount of every matching line. */
export function apiLines(db: Tx, filter: ApiLineFilter, page: { limit: number; offset: number }): { rows: ApiLineRow[]; total: number; amountFen: number } {
  const where = apiWhere(filter);
  const rows = db.$client
    .prepare(
      `SELECT l.id, p.code AS policyCode, p.kind, l.period, l.amount_fen AS amountFen, l.status, l.reverses_line_id AS reversesLineId,
              w.name AS workerName, w.id_number_masked AS idNumberMasked, h.code AS householdCode, t.name AS town, v.name AS village,
              e.code AS employerCode, e.name AS employerName,
              (SELECT json_group_array(j.value ->> '$.month') FROM json_each(l.snapshot, '$.countedMonths') j) AS countedMonths
       FROM subsidy_lines l
       JOIN subsidy_policies p ON p.id = l.policy_id
       JOIN workers w ON w.id = l.worker_id
       JOIN households h ON h.id = w.household_id
       JOIN villages v ON v.id = w.village_id
       JOIN towns t ON t.id = v.town_id
       LEFT JOIN employers e ON e.id = l.employer_id
       ${where.sql}
       ORDER BY l.id LIMIT ? OFFSET ?`,
    )
    .all(...where.params, page.limit, page.offset) as ApiLineRow[];
  const needsWorker = filter.idNumberHash !== undefined;
  const totals = db.$client
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(l.amount_fen), 0) AS amountFen
       FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id ${needsWorker ? "JOIN workers w ON w.id = l.worker_id" : ""}
       ${where.sql}`,
    )
    .get(...where.params) as { total: number; amountFen: number };
  return { rows, ...totals };
}

export type { FigureBreakdown, FigureMeasure };

export interface FigureRow {
  key: string;
  computedFen: number;
  computedPeople: number;
  approvedFen: number;
  approvedPeople: number;
  paidFen: number;
  paidPeople: number;
}

const KEY_SQL: Record<FigureBreakdown, string> = {
  policy: "p.code || ' ' || p.name",
  town: "t.name",
  period: "l.period",
};

/**
 * Which lines each measure counts (docs/decisions/2026-12-01-subsidy-policies.md):
 * computed — every original line not withdrawn (a withdrawn line was never due);
 * approved — original lines approved or paid;
 * paid — every paid line, reversals included (negative), so the sum is the net paid.
 */
const MEASURE_SQL: Record<FigureMeasure, string> = {
  computed: "l.reverses_line_id IS NULL AND l.status <> '已撤回'",
  approved: "l.reverses_line_id IS NULL AND l.status IN ('已审核', '已发放')",
  paid: "l.status = '已发放'",
};

const FIGURE_FROM = `
  FROM subsidy_lines l
  JOIN subsidy_policies p ON p.id = l.policy_id
  JOIN workers w ON w.id = l.worker_id
  JOIN villages v ON v.id = w.village_id
  JOIN towns t ON t.id = v.town_id`;

/**
 * The figures by policy, town or period (the line's own: a year or a month), optionally of one
 * policy. People: distinct workers of the lines counted; paid people are those whose paid lines
 * of the row still add up to more than nothing (a paid-back reversal takes the person out).
 */
export function subsidyFigures(db: Tx, by: FigureBreakdown, policyCode: string | undefined): FigureRow[] {
  const key = KEY_SQL[by];
  const policyWhere = policyCode === undefined ? "" : "WHERE p.code = ?";
  const params = policyCode === undefined ? [] : [policyCode];
  const rows = db.$client
    .prepare(
      `SELECT ${key} AS key,
              coalesce(sum(CASE WHEN ${MEASURE_SQL.computed} THEN l.amount_fen END), 0) AS computedFen,
              count(DISTINCT CASE WHEN ${MEASURE_SQL.computed} THEN l.worker_id END) AS computedPeople,
              coalesce(sum(CASE WHEN ${MEASURE_SQL.approved} THEN l.amount_fen END), 0) AS approvedFen,
              count(DISTINCT CASE WHEN ${MEASURE_SQL.approved} THEN l.worker_id END) AS approvedPeople,
              coalesce(sum(CASE WHEN ${MEASURE_SQL.paid} THEN l.amount_fen END), 0) AS paidFen
       ${FIGURE_FROM} ${policyWhere}
       GROUP BY 1 ORDER BY 1`,
    )
    .all(...params) as Omit<FigureRow, "paidPeople">[];
  const paidPeople = new Map(
    (
      db.$client
        .prepare(
          `SELECT key, count(*) AS n FROM (
             SELECT ${key} AS key, l.worker_id FROM ${FIGURE_FROM.replace("FROM", "")}
             ${policyWhere ? `${policyWhere} AND` : "WHERE"} ${MEASURE_SQL.paid}
             GROUP BY 1, l.worker_id HAVING sum(l.amount_fen) > 0
           ) GROUP BY key`,
        )
        .all(...params) as { key: string; n: number }[]
    ).map((r) => [r.key, r.n]),
  );
  return rows.map((r) => ({ ...r, paidPeople: paidPeople.get(r.key) ?? 0 }));
}

export interface FigurePersonRow {
  lineId: number;
  policyCode: string;
  period: string;
  status: SubsidyLineStatus;
  amountFen: number;
  workerName: string;
  idNumberMasked: string;
  town: string;
  village: string;
  employerCode: string | null;
}

/** The lines behind one number of the figures (a row's key and a measure), at most `limit`. */
export function figureLines(
  db: Tx,
  props: { by: FigureBreakdown; key: string | undefined; measure: FigureMeasure; policyCode: string | undefined; limit: number; offset: number },
): { rows: FigurePersonRow[]; total: number } {
  const clauses = [MEASURE_SQL[props.measure]];
  const params: (string | number)[] = [];
  if (props.key !== undefined) clauses.push(`${KEY_SQL[props.by]} = ?`), params.push(props.key);
  if (props.policyCode !== undefined) clauses.push("p.code = ?"), params.push(props.policyCode);
  const where = `WHERE ${clauses.join(" AND ")}`;
  const rows = db.$client
    .prepare(
      `SELECT l.id AS lineId, p.code AS policyCode, l.period, l.status, l.amount_fen AS amountFen, w.name AS workerName,
              w.id_number_masked AS idNumberMasked, t.name AS town, v.name AS village, e.code AS employerCode
       ${FIGURE_FROM} LEFT JOIN employers e ON e.id = l.employer_id
       ${where} ORDER BY l.id LIMIT ? OFFSET ?`,
    )
    .all(...params, props.limit, props.offset) as FigurePersonRow[];
  const total = (db.$client.prepare(`SELECT count(*) AS n ${FIGURE_FROM} ${where}`).get(...params) as { n: number }).n;
  return { rows, total };
}

/** Placements still marked for the bureau's confirmation, by the town of the worker: never in a subsidy until confirmed. */
export function unconfirmedPlacementsByTown(db: Tx): { town: string; placements: number }[] {
  return db.$client
    .prepare(
      `SELECT t.name AS town, count(*) AS placements
       FROM placements pl JOIN workers w ON w.id = pl.worker_id JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id
       WHERE pl.needs_confirmation = 1 GROUP BY t.name ORDER BY t.name`,
    )
    .all() as { town: string; placements: number }[];
}

/** Hires managers recorded for people not in the registry yet (pending hires): they reach no subsidy until the bureau adds them. */
export function pendingHireCount(db: Tx): number {
  // A pending hire that the bureau has matched points at its placement.
  return (db.$client.prepare("SELECT count(*) AS n FROM pending_hires WHERE placement_id IS NULL AND closed_as IS NULL").get() as { n: number }).n;
}

/**
 * The ledger's version (migration 0017): bumped by triggers whenever a line is added or changes,
 * or a policy is added or renamed — whatever program writes. With the registry's version it
 * says whether figures summed earlier still hold.
 */
export function subsidyLedgerVersion(db: Tx): number {
  return (db.$client.prepare("SELECT version FROM subsidy_ledger_version WHERE id = 1").pluck().get() as number | undefined) ?? 0;
}
