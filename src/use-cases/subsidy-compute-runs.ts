/**
 * A compute recorded as a compute job (migration 0013) without the job runner: the command's
 * (`npm run subsidies -- compute`) and the demo's. The page's computes run as jobs
 * (src/jobs/subsidy-compute-jobs.ts) and end with the same `computeJobEnd`, so the policy's
 * 计算记录 lists every compute, wherever it ran.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.ts";
import { policyByCode } from "../../db/queries/subsidies.ts";
import { finishComputeJob, insertComputeJob } from "../../db/queries/subsidy-policies.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { authorLabel, authorUserId } from "./audit-trail.ts";
import { computeSubsidies, type ComputeOutcome, type ComputeProps } from "./subsidies-compute.ts";

/** A job's id in its page's address: unguessable, so a job's page is found only through the policy. */
export const newComputeJobId = () => randomBytes(12).toString("base64url");

/** A job's end as its row keeps it: the compute's outcome, what it added and the differences. */
export function computeJobEnd(outcome: ComputeOutcome, finishedAt: Date): Parameters<typeof finishComputeJob>[2] {
  const done = outcome.status === "done";
  return {
    status: "done",
    outcome: outcome.status,
    version: done ? outcome.policy.version : null,
    added: done ? outcome.addedIds.length : 0,
    unchanged: done ? outcome.unchanged : 0,
    keptRejected: done ? outcome.keptRejected : 0,
    differences: done ? outcome.differences : [],
    finishedAt: finishedAt.toISOString(),
  };
}

/**
 * The compute `npm run subsidies -- compute` (and the demo) runs: the whole compute in one transaction, recorded
 * in that same transaction as an ended job, so the policy's page lists it beside the page's own
 * (with its differences) and a page started meanwhile waits for the lock instead of racing it. A
 * refused compute (unknown policy, a period that does not fit) records nothing, as on the page.
 */
export function computeAndRecord(deps: { db: Db; protector: PersonalDataProtector; now: () => Date }, props: Omit<ComputeProps, "now">): ComputeOutcome {
  const { db } = deps;
  return db.transaction(() => {
    const startedAt = deps.now();
    const outcome = computeSubsidies({ db, protector: deps.protector }, { ...props, now: startedAt });
    if (outcome.status !== "done") return outcome;
    const found = policyByCode(db, outcome.policy.code)!;
    const job = insertComputeJob(db, {
      publicId: newComputeJobId(),
      policyId: found.policy.id,
      period: outcome.period,
      userId: authorUserId(props.by),
      byLabel: authorLabel(props.by),
      startedAt: startedAt.toISOString(),
    });
    finishComputeJob(db, job.id, computeJobEnd(outcome, deps.now()));
    return outcome;
  }, { behavior: "immediate" });
}
