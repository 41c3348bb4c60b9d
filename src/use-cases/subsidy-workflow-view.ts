/**
 * What the subsidy workflow's pages show: the review list (filtered by policy, town, period and
 * stage, a cadre held to their town), a line's workflow trail, notices, batches, and the public
 * notice — whose rows carry a masked name, the village, the policy and the amount, nothing else.
 * A read model: no writes.
 */
import type { Db } from "../../db/client.ts";
import {
  batchById,
  batchList,
  noticeByCode,
  noticeList,
  publicNoticeRows,
  townChoices,
  workflowLine,
  workflowLines,
  workflowTrail,
  type WorkflowFilter,
} from "../../db/queries/subsidy-workflow.ts";
import { maskGivenName, workflowStage } from "../core/subsidies/workflow.ts";

export type { WorkflowFilter };

export const subsidyTownChoices = (deps: { db: Db }) => townChoices(deps.db);

/** A page of lines with each line's stage, plus the count and amount of every match. */
export function reviewListPage(deps: { db: Db }, filter: WorkflowFilter, today: string, page: { limit: number; offset: number }) {
  const result = workflowLines(deps.db, filter, today, page);
  return { ...result, rows: result.rows.map((r) => ({ ...r, stage: workflowStage(r, today) })) };
}

/** A line's workflow facts: stage, town (for the policy), reviewer, notice, batch, objections. */
export function lineWorkflow(deps: { db: Db }, id: number, today: string) {
  const line = workflowLine(deps.db, id);
  if (!line) return undefined;
  return { line, stage: workflowStage(line, today), ...workflowTrail(deps.db, id) };
}

export const noticesPage = (deps: { db: Db }) => noticeList(deps.db, 200);

export const batchesPage = (deps: { db: Db }) => batchList(deps.db, 200);

export function batchPage(deps: { db: Db }, id: number, today: string) {
  const batch = batchById(deps.db, id);
  if (!batch) return undefined;
  return { batch, ...reviewListPage(deps, { batchId: id }, today, { limit: 5_000, offset: 0 }) };
}

/** The public notice by its code: masked names only, grouped as the village board shows them. */
export function publicNotice(deps: { db: Db }, code: string) {
  const notice = noticeByCode(deps.db, code);
  if (!notice) return undefined;
  const rows = publicNoticeRows(deps.db, notice.id).map((r) => ({
    id: r.id,
    name: maskGivenName(r.workerName),
    town: r.town,
    village: r.village,
    policyName: r.policyName,
    kind: r.kind,
    period: r.period,
    amountFen: r.amountFen,
    employerName: r.employerName,
  }));
  return { notice, rows, amountFen: rows.reduce((s, r) => s + r.amountFen, 0) };
}
