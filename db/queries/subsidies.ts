/**
 * The subsidy ledger's SQL (docs/decisions/2026-12-01-subsidy-ledger.md): policies and their
 * versions, the facts a compute stands on, and the lines. Loads that touch every placement of a
 * period use prepared statements (drizzle's builder costs more than the row at county scale).
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { EmployerType, HouseholdCategory, RecognitionStatus } from "../../src/core/enums.ts";
import type { SubsidyLineStatus } from "../../src/core/subsidies/ledger.ts";
import type { SubsidyKind } from "../../src/core/subsidies/policy.ts";
import type { PlacementScope, SubsidyPlacement } from "../../src/core/subsidies/rules.ts";
import type { Db } from "../client.ts";
import { subsidyLines, subsidyPolicies, subsidyPolicyVersions } from "../schema.ts";

/** A database or a transaction. */
type Tx = Pick<Db, "select" | "insert" | "update" | "$client">;

export type PolicyRow = typeof subsidyPolicies.$inferSelect;
export type PolicyVersionRow = typeof subsidyPolicyVersions.$inferSelect;

/** A policy with its newest version (the one a compute applies), by 编号. */
export function policyByCode(db: Tx, code: string): { policy: PolicyRow; version: PolicyVersionRow } | undefined {
  const policy = db.select().from(subsidyPolicies).where(eq(subsidyPolicies.code, code)).get();
  if (!policy) return undefined;
  const version = db
    .select()
    .from(subsidyPolicyVersions)
    .where(eq(subsidyPolicyVersions.policyId, policy.id))
    .orderBy(desc(subsidyPolicyVersions.version))
    .limit(1)
    .get();
  return version ? { policy, version } : undefined;
}

/** `now` undefined: the database's clock stamps the row. */
export function insertPolicy(tx: Tx, values: { code: string; name: string; kind: SubsidyKind; now: string | undefined }): PolicyRow {
  const stamp = values.now === undefined ? {} : { createdAt: values.now, updatedAt: values.now };
  return tx.insert(subsidyPolicies).values({ code: values.code, name: values.name, kind: values.kind, ...stamp }).returning().get();
}

export function renamePolicy(tx: Tx, id: number, name: string, now: string | undefined): void {
  tx.update(subsidyPolicies)
    .set({ name, updatedAt: now ?? sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
    .where(eq(subsidyPolicies.id, id))
    .run();
}

/** Every policy with its newest version, by code (the `policies` export). */
export function policiesWithNewestVersion(db: Tx): { policy: PolicyRow; version: PolicyVersionRow }[] {
  const policies = db.select().from(subsidyPolicies).orderBy(subsidyPolicies.code).all();
  return policies.flatMap((policy) => {
    const found = policyByCode(db, policy.code);
    return found ? [found] : [];
  });
}

export function insertPolicyVersion(tx: Tx, values: Omit<typeof subsidyPolicyVersions.$inferInsert, "id">): PolicyVersionRow {
  return tx.insert(subsidyPolicyVersions).values(values).returning().get();
}

export interface FactWorker {
  id: number;
  householdId: number;
  category: HouseholdCategory;
  birthDate: string;
  name: string;
  idNumberMasked: string;
  idNumberCipher: string;
}

export interface FactEmployer {
  id: number;
  code: string;
  name: string;
  type: EmployerType;
  recognition: RecognitionStatus;
}

/** Every employer with its type and recognition as held now. */
export function factEmployers(db: Tx): FactEmployer[] {
  return db.$client.prepare("SELECT id, code, name, type, recognition FROM employers").all() as FactEmployer[];
}

/**
 * The SQL of a kind's placement scope (src/core/subsidies/rules.ts `placementScope`) over
 * `placements p` and `households h`. SQLite's trim() takes only spaces off, JavaScript's trim()
 * all white space: so whatever the rules take for away from home passes here too (the scope may
 * let more through, never less). The employer clause is kept off the employer index (`+`): the
 * loaders walk households, and the index would make each chunk read every workshop's placements.
 */
function scopeSql(scope: PlacementScope): { sql: string; params: string[] } {
  const clauses = [`h.category IN (${scope.assistedCategories.map(() => "?").join(", ")})`];
  const params: string[] = [...scope.assistedCategories];
  if (scope.employer) {
    const recognition = scope.employer.recognition === null ? "" : " AND recognition = ?";
    clauses.push(`+p.employer_id IN (SELECT id FROM employers WHERE type IN (${scope.employer.types.map(() => "?").join(", ")})${recognition})`);
    params.push(...scope.employer.types, ...(scope.employer.recognition === null ? [] : [scope.employer.recognition]));
  }
  if (scope.awayFrom !== null) {
    clauses.push("p.work_province IS NOT NULL AND trim(p.work_province) NOT IN ('', ?)");
    params.push(scope.awayFrom);
  }
  return { sql: clauses.join(" AND "), params };
}

const PLACEMENT_OF_PERIOD = "p.needs_confirmation = 0 AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?)";

/** Households with ids in [low, high] (the page's compute counts its progress in households). */
export function householdsBetween(db: Tx, low: number, high: number): number {
  return db.$client.prepare("SELECT count(*) FROM households WHERE id BETWEEN ? AND ?").pluck().get(low, high) as number;
}

/** The lowest and highest household id (the range a compute walks in chunks), or null when there is none. */
export function householdIdRange(db: Tx): { low: number; high: number } | null {
  const r = db.$client.prepare("SELECT min(id) AS low, max(id) AS high FROM households").get() as { low: number | null; high: number | null };
  return r.low === null || r.high === null ? null : { low: r.low, high: r.high };
}

/** A placement with its worker's facts, as one row (a worker's columns repeat on each of their placements). */
type FactRow = SubsidyPlacement & Omit<FactWorker, "id">;

/**
 * The facts of a period for the households with ids in [low, high]: the confirmed placements
 * overlapping it that the kind can count (a placement still marked for the bureau's confirmation
 * never reaches a subsidy), by id, and their workers with the household's category as held now.
 * Every rule looks at one worker or one household, so chunks by household decide exactly what the
 * whole would; one statement reads both (the workers are those of the placements).
 */
export function loadFactsOfHouseholds(db: Tx, period: { first: string; last: string }, scope: PlacementScope, low: number, high: number) {
  const where = scopeSql(scope);
  const rows = db.$client
    .prepare(
      `SELECT p.id, p.worker_id AS workerId, p.employer_id AS employerId, p.start_date AS startDate, p.end_date AS endDate, p.work_province AS workProvince,
              w.household_id AS householdId, h.category, w.birth_date AS birthDate, w.name,
              w.id_number_masked AS idNumberMasked, w.id_number_cipher AS idNumberCipher
       FROM workers w JOIN households h ON h.id = w.household_id JOIN placements p ON p.worker_id = w.id
       WHERE w.household_id BETWEEN ? AND ? AND ${PLACEMENT_OF_PERIOD} AND ${where.sql}
       ORDER BY p.id`,
    )
    .all(low, high, period.last, period.first, ...where.params) as FactRow[];
  const placements: SubsidyPlacement[] = [];
  const workers = new Map<number, FactWorker>();
  for (const r of rows) {
    placements.push({ id: r.id, workerId: r.workerId, employerId: r.employerId, startDate: r.startDate, endDate: r.endDate, workProvince: r.workProvince });
    if (!workers.has(r.workerId)) {
      workers.set(r.workerId, { id: r.workerId, householdId: r.householdId, category: r.category, birthDate: r.birthDate, name: r.name, idNumberMasked: r.idNumberMasked, idNumberCipher: r.idNumberCipher });
    }
  }
  return { placements, workers: [...workers.values()] };
}

/** The facts of a period for the whole county (the CLI's one-transaction compute): `loadFactsOfHouseholds` over every household. */
export function loadFacts(db: Tx, period: { first: string; last: string }, scope: PlacementScope) {
  const range = householdIdRange(db);
  const facts = range ? loadFactsOfHouseholds(db, period, scope, range.low, range.high) : { placements: [], workers: [] };
  return { ...facts, employers: factEmployers(db) };
}

/** Workers by id, as a compute's differences name them (their masked ID number only). */
export function workerNames(db: Tx, ids: readonly number[]): Map<number, { name: string; idNumberMasked: string }> {
  const one = db.$client.prepare("SELECT name, id_number_masked AS idNumberMasked FROM workers WHERE id = ?");
  const found = new Map<number, { name: string; idNumberMasked: string }>();
  for (const id of new Set(ids)) {
    const row = one.get(id) as { name: string; idNumberMasked: string } | undefined;
    if (row) found.set(id, row);
  }
  return found;
}

/** A rejected original line of a policy and period, and whether a person re-opened it (migration 0017). */
export interface RejectedLineRow {
  id: number;
  workerId: number;
  householdId: number;
  employerId: number | null;
  round: number;
  /** What the line stood on (migration 0022); null for a line written before, whose `snapshot` is read instead. */
  factsSignature: string | null;
  snapshot: string | null;
  reopened: number;
}

export function rejectedLinesOfPeriod(db: Tx, policyId: number, period: string): RejectedLineRow[] {
  return db.$client
    .prepare(
      `SELECT l.id, l.worker_id AS workerId, w.household_id AS householdId, l.employer_id AS employerId, l.round,
              l.facts_signature AS factsSignature, CASE WHEN l.facts_signature IS NULL THEN l.snapshot END AS snapshot,
              EXISTS (SELECT 1 FROM subsidy_line_reopenings o WHERE o.line_id = l.id) AS reopened
       FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id
       WHERE l.policy_id = ? AND l.period = ? AND l.reverses_line_id IS NULL AND l.status = '已驳回'
       ORDER BY l.id`,
    )
    .all(policyId, period) as RejectedLineRow[];
}

/** Records that a person re-opened a rejected line (the database refuses any other line). */
export function insertReopening(tx: Tx, values: { lineId: number; reason: string; byUserId: number | null; byLabel: string; at: string }): number {
  return Number(
    tx.$client
      .prepare("INSERT INTO subsidy_line_reopenings (line_id, reason, by_user_id, by_label, reopened_at) VALUES (?, ?, ?, ?, ?)")
      .run(values.lineId, values.reason, values.byUserId, values.byLabel, values.at).lastInsertRowid,
  );
}

/** The re-opening of a line, if any (the line's trail). */
export function reopeningOfLine(db: Tx, lineId: number): { reason: string; byLabel: string; reopenedAt: string } | undefined {
  return db.$client.prepare("SELECT reason, by_label AS byLabel, reopened_at AS reopenedAt FROM subsidy_line_reopenings WHERE line_id = ?").get(lineId) as
    | { reason: string; byLabel: string; reopenedAt: string }
    | undefined;
}

/** A line of a policy as the compute compares it with what is due now. */
export interface ExistingLine {
  id: number;
  period: string;
  workerId: number;
  householdId: number;
  employerId: number | null;
  round: number;
  status: SubsidyLineStatus;
  /**
   * For lines of the period computed: what the line stood on (migration 0022), or, for a line
   * written before that column, its snapshot to derive it from; both null for other periods.
   */
  factsSignature: string | null;
  snapshot: string | null;
  /** Status of the live reversal of this line, if one exists. */
  reversalStatus: SubsidyLineStatus | null;
}

/**
 * The original (not reversing) lines of a policy that are live — pending, approved or paid —
 * with the status of their live reversal, over every period (the cap and 每户限一人 look beyond
 * one key); what they stood on only for the lines of `period` (the ones a compute compares). The
 * stored signature is read, never the snapshot, unless the line predates the signature.
 */
export function liveLinesOfPolicy(db: Tx, policyId: number, period: string): ExistingLine[] {
  return db.$client
    .prepare(
      `SELECT l.id, l.period, l.worker_id AS workerId, w.household_id AS householdId, l.employer_id AS employerId,
              l.round, l.status,
              CASE WHEN l.period = @period THEN l.facts_signature END AS factsSignature,
              CASE WHEN l.period = @period AND l.facts_signature IS NULL THEN l.snapshot END AS snapshot,
              (SELECT r.status FROM subsidy_lines r
                WHERE r.reverses_line_id = l.id AND r.status IN ('待审核', '已审核', '已发放')) AS reversalStatus
       FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id
       WHERE l.policy_id = @policyId AND l.reverses_line_id IS NULL AND l.status IN ('待审核', '已审核', '已发放')
       ORDER BY l.id`,
    )
    .all({ period, policyId }) as ExistingLine[];
}

/** Lines of `period` then: each key's next round is one more than its lines that were reversed and paid back. */
export function reversedRoundsOfPeriod(db: Tx, policyId: number, period: string): { workerId: number; employerId: number | null; round: number }[] {
  return db.$client
    .prepare(
      `SELECT l.worker_id AS workerId, l.employer_id AS employerId, max(l.round) AS round
       FROM subsidy_lines l JOIN subsidy_lines r ON r.reverses_line_id = l.id AND r.status = '已发放'
       WHERE l.policy_id = ? AND l.period = ? AND l.reverses_line_id IS NULL
       GROUP BY l.worker_id, l.employer_id`,
    )
    .all(policyId, period) as { workerId: number; employerId: number | null; round: number }[];
}

export interface NewLine {
  policyId: number;
  policyVersionId: number;
  period: string;
  workerId: number;
  employerId: number | null;
  round: number;
  amountFen: number;
  snapshot: unknown;
  /** `factsSignature` of the snapshot. */
  factsSignature: string;
  computedAt: string;
  createdByUserId: number | null;
  createdByLabel: string;
}

/** Rows per multi-row INSERT: one statement per row costs more than the row itself at 100,000 lines. */
const LINES_PER_INSERT = 100;

/**
 * Inserts new pending lines; returns their ids in order, consecutive (the compute's audit row names
 * them by their first and last id). The caller holds the write lock (the
 * compute's immediate transaction), so the ids are given here, one after the highest id of the
 * table — what SQLite would choose itself — and the lines go in `LINES_PER_INSERT` at a time, each
 * row still passing every trigger and index (docs/decisions/2026-12-02-subsidy-compute-speed.md).
 */
export function insertLines(tx: Tx, lines: readonly NewLine[]): number[] {
  if (lines.length === 0) return [];
  const columns = "id, policy_id, policy_version_id, period, worker_id, employer_id, round, amount_fen, status, snapshot, computed_at, created_by_user_id, created_by_label, status_changed_at, facts_signature";
  const row = "(?, ?, ?, ?, ?, ?, ?, ?, '待审核', ?, ?, ?, ?, ?, ?)";
  const statement = (n: number) => tx.$client.prepare(`INSERT INTO subsidy_lines (${columns}) VALUES ${Array.from({ length: n }, () => row).join(", ")}`);
  const full = statement(Math.min(LINES_PER_INSERT, lines.length));
  const highest = tx.$client.prepare("SELECT coalesce(max(id), 0) FROM subsidy_lines").pluck().get() as number;
  const ids = lines.map((_, i) => highest + 1 + i);
  for (let start = 0; start < lines.length; start += LINES_PER_INSERT) {
    const part = lines.slice(start, start + LINES_PER_INSERT);
    const values: unknown[] = [];
    part.forEach((l, i) => {
      values.push(ids[start + i], l.policyId, l.policyVersionId, l.period, l.workerId, l.employerId, l.round, l.amountFen, JSON.stringify(l.snapshot), l.computedAt, l.createdByUserId, l.createdByLabel, l.computedAt, l.factsSignature);
    });
    (part.length === LINES_PER_INSERT || part.length === lines.length ? full : statement(part.length)).run(values);
  }
  return ids;
}

/** The lines of a policy and period, oldest first (for tests and the line list). */
export function linesOfPolicyPeriod(db: Tx, policyId: number, period: string) {
  return db
    .select()
    .from(subsidyLines)
    .where(and(eq(subsidyLines.policyId, policyId), eq(subsidyLines.period, period)))
    .orderBy(subsidyLines.id)
    .all();
}

/** A line as its page shows it (lineDetail). */
export interface LineListRow {
  id: number;
  policyCode: string;
  policyName: string;
  kind: SubsidyKind;
  period: string;
  round: number;
  amountFen: number;
  status: SubsidyLineStatus;
  reversesLineId: number | null;
  workerName: string;
  workerIdMasked: string;
  town: string;
  village: string;
  employerCode: string | null;
  employerName: string | null;
  snapshot: string;
}

const LINE_SELECT = `
  SELECT l.id, p.code AS policyCode, p.name AS policyName, p.kind, l.period, l.round, l.amount_fen AS amountFen, l.status,
         l.reverses_line_id AS reversesLineId, w.name AS workerName, w.id_number_masked AS workerIdMasked,
         t.name AS town, v.name AS village, e.code AS employerCode, e.name AS employerName, l.snapshot
  FROM subsidy_lines l
  JOIN subsidy_policies p ON p.id = l.policy_id
  JOIN workers w ON w.id = l.worker_id
  JOIN villages v ON v.id = w.village_id
  JOIN towns t ON t.id = v.town_id
  LEFT JOIN employers e ON e.id = l.employer_id`;

/** A line with everything its trail shows: policy version, authors, reviewer. */
export function lineDetail(db: Tx, id: number) {
  const line = db.$client.prepare(`${LINE_SELECT} WHERE l.id = ?`).get(id) as LineListRow | undefined;
  if (!line) return undefined;
  const more = db.$client
    .prepare(
      `SELECT l.computed_at AS computedAt, l.created_by_label AS createdBy, l.reason, l.review_note AS reviewNote, l.reviewed_at AS reviewedAt,
              u.login AS reviewedBy, l.status_changed_at AS statusChangedAt,
              pv.version, pv.amount_fen AS versionAmountFen, pv.min_months AS minMonths, pv.max_months_per_person AS maxMonthsPerPerson,
              pv.age_limit AS ageLimit, pv.one_per_household AS onePerHousehold, pv.start_date AS startDate, pv.end_date AS endDate, pv.fund_source AS fundSource
       FROM subsidy_lines l JOIN subsidy_policy_versions pv ON pv.id = l.policy_version_id LEFT JOIN users u ON u.id = l.reviewed_by_user_id
       WHERE l.id = ?`,
    )
    .get(id) as {
    computedAt: string; createdBy: string; reason: string | null; reviewNote: string | null; reviewedAt: string | null; reviewedBy: string | null;
    statusChangedAt: string; version: number; versionAmountFen: number; minMonths: number | null; maxMonthsPerPerson: number | null;
    ageLimit: number | null; onePerHousehold: number; startDate: string; endDate: string | null; fundSource: string | null;
  };
  const reversals = db.$client
    .prepare("SELECT id, status, amount_fen AS amountFen, reason FROM subsidy_lines WHERE reverses_line_id = ? ORDER BY id")
    .all(id) as { id: number; status: SubsidyLineStatus; amountFen: number; reason: string }[];
  // The line's own rows, and the compute's row that names it among the lines it added (a line
  // computed before 2026-12-03 has a row of its own instead).
  const audit = db.$client
    .prepare(
      `SELECT created_at AS at, actor_label AS actor, action, entity, after FROM audit_log
       WHERE (entity = 'subsidy-line' AND entity_id = @lineId)
          OR (entity = 'subsidy-compute' AND entity_id = @run AND json_extract(after, '$.lines[0]') <= @id AND json_extract(after, '$.lines[1]') >= @id)
       ORDER BY id`,
    )
    .all({ lineId: String(id), id, run: `${line.policyCode}/${line.period}` }) as { at: string; actor: string; action: string; entity: string; after: string | null }[];
  return { line, ...more, onePerHousehold: more.onePerHousehold === 1, reversals, audit, reopening: reopeningOfLine(db, id) };
}

/** Policy codes for the list's filter. */
export function policyCodes(db: Tx): { code: string; name: string }[] {
  return db.select({ code: subsidyPolicies.code, name: subsidyPolicies.name }).from(subsidyPolicies).orderBy(subsidyPolicies.code).all();
}
