/**
 * Subsidy computes started from the bureau's page run here, after the page's answer, as job rows
 * (migration 0013) the page polls — the pattern of the web imports (src/jobs/import-jobs.ts).
 * A job runs the stepped form of the compute `npm run subsidies -- compute` runs
 * (computeSubsidiesInSteps: the same rules and the same write), reading on a read-only connection
 * of its own and deciding in chunks of households so the server keeps answering; the page polls
 * people done / total. Its end is written in the compute's own write transaction: either the
 * lines and the job's outcome are both there, or neither is, and a restart marks a job still
 * 'running' as 'interrupted' (nothing of it was written; computing again is safe, it adds only
 * new keys).
 * See docs/decisions/2026-12-01-subsidy-policies.md.
 */
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { openDatabase, type Db } from "../../db/client.ts";
import { policyByCode } from "../../db/queries/subsidies.ts";
import {
  computeJobByPublicId,
  finishComputeJob,
  insertComputeJob,
  interruptRunningComputeJobs,
  runningComputeJob,
  setComputeJobProgress,
  setComputeJobStage,
} from "../../db/queries/subsidy-policies.ts";
import { chinaDate } from "../core/china-time.ts";
import { periodFor, type PeriodProblem } from "../core/subsidies/policy.ts";
import { errorFields, type Logger } from "../log.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { authorLabel, authorUserId, type ChangeAuthor } from "../use-cases/audit-trail.ts";
import { currentSettings } from "../use-cases/settings.ts";
import { computeSubsidies, computeSubsidiesInSteps, ruleOf, type ComputeOutcome, type DifferenceView } from "../use-cases/subsidies-compute.ts";
import { computeJobEnd, newComputeJobId } from "../use-cases/subsidy-compute-runs.ts";

export interface ComputeJobsDeps {
  db: Db;
  protector: PersonalDataProtector;
  log: Logger;
  now: () => Date;
}

/** A job's stage: 0 queued, 1 deciding (people done / total), 2 writing (one transaction), 3 ended. */
export const COMPUTE_STAGE_ENDED = 3;

export type StartComputeOutcome =
  | { status: "started"; publicId: string }
  | { status: "alreadyRunning"; publicId: string }
  | { status: "unknownPolicy" }
  | { status: "retired" }
  | { status: PeriodProblem; startDate: string; endDate: string | null };

/** A job as its page shows it. */
export interface ComputeJobView {
  publicId: string;
  policyCode: string;
  policyName: string;
  kind: string;
  period: string;
  byLabel: string;
  startedAt: string;
  finishedAt: string | null;
  status: "running" | "done" | "failed" | "interrupted";
  stage: number;
  householdsDone: number;
  householdsTotal: number | null;
  /** The compute's own outcome once done: "done", or the problem it met when it ran. */
  outcome: ComputeOutcome["status"] | null;
  version: number | null;
  added: number;
  unchanged: number;
  keptRejected: number;
  differences: DifferenceView[];
}

export interface ComputeJobs {
  /** Checks the policy and period, records the job and starts it after the answer. */
  start(props: { policyCode: string; period: string; by: ChangeAuthor }): StartComputeOutcome;
  find(publicId: string): ComputeJobView | undefined;
  /** Resolves when every compute started here has ended. */
  idle(): Promise<void>;
}

/**
 * At start: a job still 'running' belongs to a process that is gone.
 * @example interruptComputeJobs({ db, now }) // in startPlatform, before the app serves
 */
export function interruptComputeJobs(deps: { db: Db; now: () => Date }): number {
  return interruptRunningComputeJobs(deps.db, deps.now().toISOString());
}

export function viewOfComputeJob(job: NonNullable<ReturnType<typeof computeJobByPublicId>>): ComputeJobView {
  let differences: DifferenceView[] = [];
  try {
    differences = job.differences ? (JSON.parse(job.differences) as DifferenceView[]) : [];
  } catch {
    differences = [];
  }
  return {
    publicId: job.publicId,
    policyCode: job.policyCode,
    policyName: job.policyName,
    kind: job.kind,
    period: job.period,
    byLabel: job.byLabel,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    status: job.status,
    stage: job.stage,
    householdsDone: job.householdsDone,
    householdsTotal: job.householdsTotal,
    outcome: (job.outcome as ComputeOutcome["status"] | null) ?? null,
    version: job.version,
    added: job.added,
    unchanged: job.unchanged,
    keptRejected: job.keptRejected,
    differences,
  };
}

export function createComputeJobs(deps: ComputeJobsDeps): ComputeJobs {
  const { db, log } = deps;
  const running = new Set<Promise<void>>();

  /** A read-only connection of the job's own (a read transaction held across turns of the event loop must not be the server's). */
  function openReader(): Db | undefined {
    const file = db.$client.name;
    if (db.$client.memory || !file) return undefined;
    return openDatabase({ file, readonly: true, migrate: false });
  }

  async function run(jobId: number, props: { policyCode: string; period: string; by: ChangeAuthor }): Promise<void> {
    // Let the page's answer go out first, then say the facts are being read.
    await yieldToEventLoop();
    setComputeJobStage(db, jobId, 1);
    await yieldToEventLoop();
    const finish = (outcome: ComputeOutcome) => finishComputeJob(db, jobId, computeJobEnd(outcome, deps.now()));
    const reader = openReader();
    try {
      const props2 = { policyCode: props.policyCode, period: props.period, countyProvince: currentSettings(db).countyProvince, by: props.by, now: deps.now() };
      if (reader) {
        let lastWrite = 0;
        await computeSubsidiesInSteps(
          { db, reader, protector: deps.protector },
          {
            ...props2,
            onProgress: (done, total) => {
              // The bar moves about ten times a second at most; the last chunk says so too.
              const t = performance.now();
              if (done < total && t - lastWrite < 100) return;
              lastWrite = t;
              setComputeJobProgress(db, jobId, done < total ? 1 : 2, done, total);
            },
            alsoInTransaction: finish,
          },
        );
      } else {
        // An in-memory database has no second connection: one transaction, as the CLI does.
        db.transaction(() => finish(computeSubsidies({ db, protector: deps.protector }, props2)), { behavior: "immediate" });
      }
    } catch (error) {
      log.error("subsidy compute failed", { job: jobId, ...errorFields(error) });
      finishComputeJob(db, jobId, { status: "failed", outcome: "failed", version: null, added: 0, unchanged: 0, differences: [], finishedAt: deps.now().toISOString() });
    } finally {
      reader?.$client.close();
    }
  }

  return {
    start(props) {
      const found = policyByCode(db, props.policyCode);
      if (!found) return { status: "unknownPolicy" };
      if (found.policy.retiredAt !== null) return { status: "retired" };
      const rule = ruleOf(found.policy.kind, found.version);
      const checked = periodFor(rule, props.period, chinaDate(deps.now()));
      if (!checked.ok) return { status: checked.problem, startDate: rule.startDate, endDate: rule.endDate };
      const already = runningComputeJob(db, found.policy.id, props.period);
      if (already) return { status: "alreadyRunning", publicId: already.publicId };
      const job = insertComputeJob(db, {
        publicId: newComputeJobId(),
        policyId: found.policy.id,
        period: props.period,
        userId: authorUserId(props.by),
        byLabel: authorLabel(props.by),
        startedAt: deps.now().toISOString(),
      });
      const task = run(job.id, props).finally(() => running.delete(task));
      running.add(task);
      return { status: "started", publicId: job.publicId };
    },
    find(publicId) {
      const job = computeJobByPublicId(db, publicId);
      return job ? viewOfComputeJob(job) : undefined;
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
