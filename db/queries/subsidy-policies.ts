/**
 * The bureau's policy pages and compute jobs (docs/decisions/2026-12-01-subsidy-policies.md):
 * every policy with its newest version and line counts, a policy's versions, its retirement,
 * and the rows of web computes (start, stage, end, newest per policy, interrupted at start).
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { subsidyComputeJobs, subsidyPolicies, subsidyPolicyVersions } from "../schema.ts";
import type { PolicyRow, PolicyVersionRow } from "./subsidies.ts";

type Tx = Pick<Db, "select" | "insert" | "update" | "$client">;

export interface PolicyOverview {
  policy: PolicyRow;
  version: PolicyVersionRow;
  /** Lines of every status the policy has, over all its versions. */
  lines: number;
}

/** Every policy with its newest version and how many lines it has, live ones first, by code. */
export function policyOverviews(db: Tx): PolicyOverview[] {
  const policies = db.select().from(subsidyPolicies).orderBy(sql`${subsidyPolicies.retiredAt} IS NOT NULL`, subsidyPolicies.code).all();
  const newest = db.$client
    .prepare(
      `SELECT v.* FROM subsidy_policy_versions v
       WHERE v.version = (SELECT max(version) FROM subsidy_policy_versions x WHERE x.policy_id = v.policy_id)`,
    )
    .all() as Record<string, unknown>[];
  const versions = new Map<number, PolicyVersionRow>();
  for (const r of newest) versions.set(Number(r.policy_id), versionOfRaw(r));
  const counts = new Map(
    (db.$client.prepare("SELECT policy_id AS id, count(*) AS n FROM subsidy_lines GROUP BY policy_id").all() as { id: number; n: number }[]).map((r) => [r.id, r.n]),
  );
  return policies.flatMap((policy) => {
    const version = versions.get(policy.id);
    return version ? [{ policy, version, lines: counts.get(policy.id) ?? 0 }] : [];
  });
}

function versionOfRaw(r: Record<string, unknown>): PolicyVersionRow {
  return {
    id: Number(r.id),
    policyId: Number(r.policy_id),
    version: Number(r.version),
    amountFen: Number(r.amount_fen),
    minMonths: r.min_months === null ? null : Number(r.min_months),
    maxMonthsPerPerson: r.max_months_per_person === null ? null : Number(r.max_months_per_person),
    ageLimit: r.age_limit === null ? null : Number(r.age_limit),
    onePerHousehold: Number(r.one_per_household) === 1,
    startDate: String(r.start_date),
    endDate: r.end_date === null ? null : String(r.end_date),
    fundSource: r.fund_source === null ? null : String(r.fund_source),
    createdByUserId: r.created_by_user_id === null ? null : Number(r.created_by_user_id),
    createdByLabel: String(r.created_by_label),
    createdAt: String(r.created_at),
  };
}

/** A policy by id with every version, newest first, and the lines each version produced. */
export function policyWithVersions(db: Tx, id: number): { policy: PolicyRow; versions: (PolicyVersionRow & { lines: number })[] } | undefined {
  const policy = db.select().from(subsidyPolicies).where(eq(subsidyPolicies.id, id)).get();
  if (!policy) return undefined;
  const versions = db.select().from(subsidyPolicyVersions).where(eq(subsidyPolicyVersions.policyId, id)).orderBy(desc(subsidyPolicyVersions.version)).all();
  const counts = new Map(
    (db.$client.prepare("SELECT policy_version_id AS id, count(*) AS n FROM subsidy_lines WHERE policy_id = ? GROUP BY policy_version_id").all(id) as { id: number; n: number }[]).map(
      (r) => [r.id, r.n],
    ),
  );
  return { policy, versions: versions.map((v) => ({ ...v, lines: counts.get(v.id) ?? 0 })) };
}

/** Marks a policy retired (never deleted: migration 0009); false when it already was. */
export function retirePolicyRow(tx: Tx, id: number, at: string, byLabel: string): boolean {
  const result = tx.$client
    .prepare("UPDATE subsidy_policies SET retired_at = ?, retired_by_label = ?, updated_at = ? WHERE id = ? AND retired_at IS NULL")
    .run(at, byLabel, at, id);
  return result.changes === 1;
}

/** Takes a retired policy back into use; false when it was not retired. */
export function reinstatePolicyRow(tx: Tx, id: number, at: string): boolean {
  const result = tx.$client.prepare("UPDATE subsidy_policies SET retired_at = NULL, retired_by_label = NULL, updated_at = ? WHERE id = ? AND retired_at IS NOT NULL").run(at, id);
  return result.changes === 1;
}

export type ComputeJobRow = typeof subsidyComputeJobs.$inferSelect;

export function insertComputeJob(tx: Tx, values: { publicId: string; policyId: number; period: string; userId: number | null; byLabel: string; startedAt: string }): ComputeJobRow {
  return tx.insert(subsidyComputeJobs).values(values).returning().get();
}

export function setComputeJobStage(tx: Tx, id: number, stage: number): void {
  tx.update(subsidyComputeJobs).set({ stage }).where(eq(subsidyComputeJobs.id, id)).run();
}

/** Households walked so far, and in all (the page's progress bar). */
export function setComputeJobProgress(tx: Tx, id: number, stage: 1 | 2, done: number, total: number): void {
  tx.$client.prepare("UPDATE subsidy_compute_jobs SET stage = ?, households_done = ?, households_total = ? WHERE id = ? AND status = 'running'").run(stage, done, total, id);
}

export function finishComputeJob(
  tx: Tx,
  id: number,
  end: { status: "done" | "failed"; outcome: string; version: number | null; added: number; unchanged: number; keptRejected?: number; differences: unknown; finishedAt: string },
): void {
  tx.update(subsidyComputeJobs)
    .set({
      status: end.status,
      stage: 3,
      outcome: end.outcome,
      version: end.version,
      added: end.added,
      unchanged: end.unchanged,
      keptRejected: end.keptRejected ?? 0,
      differences: JSON.stringify(end.differences),
      finishedAt: end.finishedAt,
    })
    .where(and(eq(subsidyComputeJobs.id, id), eq(subsidyComputeJobs.status, "running")))
    .run();
}

/** A job with its policy's code and name, by its public id. */
export function computeJobByPublicId(db: Tx, publicId: string): (ComputeJobRow & { policyCode: string; policyName: string; kind: string }) | undefined {
  return db
    .select({ job: subsidyComputeJobs, policyCode: subsidyPolicies.code, policyName: subsidyPolicies.name, kind: subsidyPolicies.kind })
    .from(subsidyComputeJobs)
    .innerJoin(subsidyPolicies, eq(subsidyPolicies.id, subsidyComputeJobs.policyId))
    .where(eq(subsidyComputeJobs.publicId, publicId))
    .all()
    .map((r) => ({ ...r.job, policyCode: r.policyCode, policyName: r.policyName, kind: r.kind }))[0];
}

/** The newest jobs of a policy, newest first. */
export function computeJobsOfPolicy(db: Tx, policyId: number, limit: number): ComputeJobRow[] {
  return db.select().from(subsidyComputeJobs).where(eq(subsidyComputeJobs.policyId, policyId)).orderBy(desc(subsidyComputeJobs.id)).limit(limit).all();
}

/** Jobs a process that is gone left running: they become 'interrupted'. Returns how many. */
export function interruptRunningComputeJobs(tx: Tx, at: string): number {
  return tx.update(subsidyComputeJobs).set({ status: "interrupted", finishedAt: at }).where(eq(subsidyComputeJobs.status, "running")).run().changes;
}

/** Any job still running for this policy and period (one at a time per key space). */
export function runningComputeJob(db: Tx, policyId: number, period: string): ComputeJobRow | undefined {
  return db
    .select()
    .from(subsidyComputeJobs)
    .where(and(eq(subsidyComputeJobs.policyId, policyId), eq(subsidyComputeJobs.period, period), eq(subsidyComputeJobs.status, "running")))
    .orderBy(asc(subsidyComputeJobs.id))
    .get();
}
