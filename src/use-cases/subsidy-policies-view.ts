/**
 * What the bureau's policy pages show (/bureau/subsidy-policies): every policy with its newest
 * version, one policy with its versions and its newest compute runs, a run by its id. A read
 * model: no writes.
 */
import type { Db } from "../../db/client.ts";
import { computeJobByPublicId, computeJobsOfPolicy, policyOverviews, policyWithVersions } from "../../db/queries/subsidy-policies.ts";
import type { PolicyFields } from "../core/subsidies/policy.ts";
import { viewOfComputeJob, type ComputeJobView } from "../jobs/subsidy-compute-jobs.ts";

/** Runs listed on a policy's page. */
export const JOBS_SHOWN = 20;

export const subsidyPolicyList = (deps: { db: Db }) => policyOverviews(deps.db);

export function subsidyPolicyDetail(deps: { db: Db }, id: number) {
  const found = policyWithVersions(deps.db, id);
  if (!found || found.versions.length === 0) return undefined;
  const jobs: ComputeJobView[] = computeJobsOfPolicy(deps.db, id, JOBS_SHOWN).map((j) =>
    viewOfComputeJob({ ...j, policyCode: found.policy.code, policyName: found.policy.name, kind: found.policy.kind }),
  );
  const latest = jobs.find((j) => j.status === "done" && j.outcome === "done");
  const v = found.versions[0]!;
  const fields: PolicyFields = {
    code: found.policy.code,
    name: found.policy.name,
    kind: found.policy.kind,
    amountFen: v.amountFen,
    minMonths: v.minMonths,
    maxMonthsPerPerson: v.maxMonthsPerPerson,
    ageLimit: v.ageLimit,
    onePerHousehold: v.onePerHousehold,
    startDate: v.startDate,
    endDate: v.endDate,
    fundSource: v.fundSource,
  };
  return { ...found, jobs, latest, fields };
}

/** A run with the id of its policy (for the page's way back). */
export function subsidyComputeJob(deps: { db: Db }, publicId: string) {
  const job = computeJobByPublicId(deps.db, publicId);
  return job ? { job: viewOfComputeJob(job), policyId: job.policyId } : undefined;
}
