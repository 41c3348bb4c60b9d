/**
 * The subsidy ledger's SQL (docs/decisions/2026-12-01-subsidy-ledger.md): policies and their
 * versions, the facts a compute stands on, and the lines. Loads that touch every placement of a
 * period use prepared statements (drizzle's builder costs more than the row at county scale).
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { EmployerType, HouseholdCategory, RecognitionStatus } from "../../src/core/enums.ts";
import type { SubsidyLineStatus } from "../../src/core/subsidies/ledger.ts";
import type { SubsidyKind } from "../../src/core/subsidies/policy.ts";
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

export interface FactPlacement {
  id: number;
  workerId: number;
  employerId: number | null;
  startDate: string;
  endDate: string | null;
  workProvince: string | null;
}

/**
 * The facts of a period: confirmed placements overlapping it (a placement still marked for the
 * bureau's confirmation never reaches a subsidy), their workers with the household's category
 * as held now, and every employer with its type and recognition as held now.
 */
export function loadFacts(db: Tx, period: { first: string; last: string }) {
  const placements = db.$client
    .prepare(
      `SELECT id, worker_id AS workerId, employer_id AS employerId, start_date AS startDate, end_date AS endDate, work_province AS workProvince
       FROM placements
       WHERE needs_confirmation = 0 AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)
       ORDER BY id`,
    )
    .all(period.last, period.first) as FactPlacement[];
  const workers = db.$client
    .prepare(
      `SELECT w.id, w.household_id AS householdId, h.category, w.birth_date AS birthDate, w.name,
              w.id_number_masked AS idNumberMasked, w.id_number_cipher AS idNumberCipher
       FROM workers w JOIN households h ON h.id = w.household_id
       WHERE w.id IN (SELECT worker_id FROM placements WHERE needs_confirmation = 0 AND start_date <= ? AND (end_date IS NULL OR end_date >= ?))`,
    )
    .all(period.last, period.first) as FactWorker[];
  const employers = db.$client
    .prepare("SELECT id, code, name, type, recognition FROM employers")
    .all() as FactEmployer[];
  return { placements, workers, employers };
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
  snapshot: string;
  /** Status of the live reversal of this line, if one exists. */
  reversalStatus: SubsidyLineStatus | null;
}

/**
 * The original (not reversing) lines of a policy that are live — pending, approved or paid —
 * with the status of their live reversal, over every period (the cap and 每户限一人 look beyond
 * one key), plus, per key of `period`, the highest round already reversed and paid back.
 */
export function liveLinesOfPolicy(db: Tx, policyId: number): ExistingLine[] {
  return db.$client
    .prepare(
      `SELECT l.id, l.period, l.worker_id AS workerId, w.household_id AS householdId, l.employer_id AS employerId,
              l.round, l.status, l.snapshot,
              (SELECT r.status FROM subsidy_lines r
                WHERE r.reverses_line_id = l.id AND r.status IN ('待审核', '已审核', '已发放')) AS reversalStatus
       FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id
       WHERE l.policy_id = ? AND l.reverses_line_id IS NULL AND l.status IN ('待审核', '已审核', '已发放')
       ORDER BY l.id`,
    )
    .all(policyId) as ExistingLine[];
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
  computedAt: string;
  createdByUserId: number | null;
  createdByLabel: string;
}

/** Inserts new pending lines; returns their ids in order. */
export function insertLines(tx: Tx, lines: readonly NewLine[]): number[] {
  const insert = tx.$client.prepare(
    `INSERT INTO subsidy_lines (policy_id, policy_version_id, period, worker_id, employer_id, round, amount_fen, status, snapshot, computed_at, created_by_user_id, created_by_label, status_changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '待审核', ?, ?, ?, ?, ?)`,
  );
  return lines.map((l) =>
    Number(
      insert.run(l.policyId, l.policyVersionId, l.period, l.workerId, l.employerId, l.round, l.amountFen, JSON.stringify(l.snapshot), l.computedAt, l.createdByUserId, l.createdByLabel, l.computedAt)
        .lastInsertRowid,
    ),
  );
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
