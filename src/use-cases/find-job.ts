/** One posting for its public page: open, full and closed ones alike (a shared link must not break). */
import { jobRowByCode } from "../../db/queries/jobs.ts";
import type { Db } from "../../db/client.ts";
import { applicationBlock, type ApplicationBlock } from "../core/application.ts";
import { distanceKm } from "../core/geo.ts";
import { jobPoint, type JobRow } from "../search/job-document.ts";
import { applyPrefill, type ApplyPrefill } from "./apply-prefill.ts";
import { resolveOrigin, type Origin, type OriginChoice } from "./search-job-board.ts";

/** Posting codes as the registry writes them; anything else is not looked up. */
const CODE = /^[\w-]{1,40}$/;

export function findJob(deps: { db: Db }, code: string): JobRow | undefined {
  if (!CODE.test(code)) return undefined;
  return jobRowByCode(deps.db, code);
}

export interface JobPageData {
  job: JobRow;
  /** Why it takes no applications, or null when it does. */
  block: ApplicationBlock | null;
  origin?: Origin;
  distanceKm?: number;
  /** What the application form starts with (asked for with `prefillFor`). */
  prefill?: ApplyPrefill;
}

/**
 * A posting with what its page shows around it: whether it is open, how far it is, and — when
 * `prefillFor` is given — what the application form starts with (the signed-in seeker's account
 * id, or null for a visitor: then only the search's village).
 */
export function findJobPage(deps: { db: Db }, code: string, where: OriginChoice, today: string, prefillFor?: { seekerUserId: number | null }): JobPageData | undefined {
  const job = findJob(deps, code);
  if (!job) return undefined;
  const origin = resolveOrigin(deps.db, where);
  const point = jobPoint(job);
  return {
    job,
    block: applicationBlock({ status: job.status, closingDate: job.closingDate }, today),
    ...(origin ? { origin } : {}),
    ...(origin && point ? { distanceKm: distanceKm(origin.point, point) } : {}),
    ...(prefillFor ? { prefill: applyPrefill(deps, { seekerUserId: prefillFor.seekerUserId, searchVillage: origin?.village }) } : {}),
  };
}
