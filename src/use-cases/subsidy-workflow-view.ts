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
import { registryVersion } from "../../db/queries/stats-snapshot.ts";
import { subsidyLedgerVersion } from "../../db/queries/subsidy-figures.ts";
import { maskGivenName, workflowStage } from "../core/subsidies/workflow.ts";

export type { LineCursor, WorkflowFilter };

export const subsidyTownChoices = (deps: { db: Db }) => townChoices(deps.db);

/**
 * The count and amount of the review list's matches without a stage, counted once per version of
 * the ledger and the registry (docs/decisions/2026-12-02-subsidy-ledger-write.md): those totals
 * read only the lines, the policies' codes and the workers' towns, and every change of them bumps
 * one of the two versions (migrations 0005 and 0017, triggers), so a kept total is exact until
 * the next change, whichever process makes it. A stage also reads objections and the date: its
 * totals are counted on every request, as before. Per database; only the current versions kept.
 */
const totalsCache = new WeakMap<Db, { version: string; entries: Map<string, { total: number; amountFen: number }> }>();

function listTotals(db: Db, filter: WorkflowFilter, today: string): { total: number; amountFen: number } {
  if (filter.stage) return workflowTotals(db, filter, today);
  const version = `${subsidyLedgerVersion(db)}/${registryVersion(db)}`;
  let cache = totalsCache.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() };
    totalsCache.set(db, cache);
  }
  const key = JSON.stringify([filter.policyCode || null, filter.townId ?? null, filter.period || null, filter.batchId ?? null, filter.noticeId ?? null]);
  let totals = cache.entries.get(key);
  if (totals === undefined) {
    totals = workflowTotals(db, filter, today);
    cache.entries.set(key, totals);
  }
  return totals;
}

/** A keyset page of lines with each line's stage, plus the count and amount of every match. */
export function reviewListPage(deps: { db: Db }, filter: WorkflowFilter, today: string, page: LineCursor) {
  const result = workflowLinesPage(deps.db, filter, today, page);
  return { ...result, ...listTotals(deps.db, filter, today), rows: result.rows.map((r) => ({ ...r, stage: workflowStage(r, today) })) };
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
