/**
 * What the 代办 form shows (a read model): the worker, the posting, the matcher's reasons or
 * exclusions for the pair, the phone to prefill, and what decides who may apply (the worker's town).
 */
import type { Db } from "../../db/client.ts";
import { matchingWorkerById, postingForMatching } from "../../db/queries/recommend.ts";
import { workerForApplication } from "../../db/queries/on-behalf.ts";
import { assessPosting, type Assessment } from "../core/recommend/recommend.ts";
import type { Resource } from "../core/policy.ts";

export function onBehalfFormView(deps: { db: Db }, props: { workerId: number; postingCode: string; today: string }) {
  const worker = matchingWorkerById(deps.db, props.workerId);
  const posting = postingForMatching(deps.db, props.postingCode);
  if (!worker || !posting) return undefined;
  const assessment: Assessment = assessPosting(worker, posting, props.today);
  return {
    resource: { type: "worker", townId: worker.townId } satisfies Resource,
    townId: worker.townId,
    worker: { id: worker.id, name: worker.name },
    posting: { code: posting.code, title: posting.title, employerName: posting.employerName, town: posting.town },
    assessment,
    phone: workerForApplication(deps.db, worker.id)?.phone ?? "",
  };
}

/** What decides who may act on a worker's applications (their town); undefined when there is no such worker. */
export function workerResourceOf(deps: { db: Db }, workerId: number): Extract<Resource, { type: "worker" }> | undefined {
  const worker = matchingWorkerById(deps.db, workerId);
  return worker && { type: "worker", townId: worker.townId };
}
