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
  publicNoticeRowsPage,
  townChoices,
  workflowLine,
  workflowLinesPage,
  workflowTotals,
  workflowTrail,
  type LineCursor,
  type WorkflowFilter,
} from "../../db/queries/subsidy-workflow.ts";
import { maskGivenName, workflowStage } from "../core/subsidies/workflow.ts";

export type { LineCursor, WorkflowFilter };

export const subsidyTownChoices = (deps: { db: Db }) => townChoices(deps.db);

/** A keyset page of lines with each line's stage, plus the count and amount of every match. */
export function reviewListPage(deps: { db: Db }, filter: WorkflowFilter, today: string, page: LineCursor) {
  const result = workflowLinesPage(deps.db, filter, today, page);
  return { ...result, ...workflowTotals(deps.db, filter, today), rows: result.rows.map((r) => ({ ...r, stage: workflowStage(r, today) })) };
}

/** A line's workflow facts: stage, town (for the policy), reviewer, notice, batch, objections. */
export function lineWorkflow(deps: { db: Db }, id: number, today: string) {
  const line = workflowLine(deps.db, id);
  if (!line) return undefined;
  return { line, stage: workflowStage(line, today), ...workflowTrail(deps.db, id) };
}

export const noticesPage = (deps: { db: Db }) => noticeList(deps.db, 200);

export const batchesPage = (deps: { db: Db }) => batchList(deps.db, 200);

export function batchPage(deps: { db: Db }, id: number, today: string, page: LineCursor) {
  const batch = batchById(deps.db, id);
  if (!batch) return undefined;
  const lines = workflowLinesPage(deps.db, { batchId: id }, today, page);
  return { batch, ...lines, rows: lines.rows.map((r) => ({ ...r, stage: workflowStage(r, today) })) };
}

/** Rows of a public notice per page: a village board's sheet holds a few hundred names. */
export const NOTICE_PAGE_SIZE = 500;

/** The public notice by its code: masked names only, grouped as the village board shows them. */
export function publicNotice(deps: { db: Db }, code: string, page: { limit: number; after?: number | undefined } = { limit: NOTICE_PAGE_SIZE }) {
  const notice = noticeByCode(deps.db, code);
  if (!notice) return undefined;
  const found = publicNoticeRowsPage(deps.db, notice.id, page);
  const rows = found.rows.map((r) => ({
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
  return { notice, rows, lines: found.lines, amountFen: found.amountFen, hasMore: found.hasMore, first: page.after === undefined };
}
