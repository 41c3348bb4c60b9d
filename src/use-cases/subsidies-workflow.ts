/**
 * From computed to paid (../shared/DOMAIN.md, Subsidies, steps 2–5): review, public notice,
 * objections, payment batches, the payment file and reversals. Each command loads, asks the core
 * (src/core/subsidies/workflow.ts), writes in one transaction with an audit row per line it
 * changes, and returns what happened. Migration 0011 refuses the same things a second time.
 */
import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.ts";
import {
  attachBatch,
  attachNotice,
  batchById,
  batchCountOfDay,
  detachFromBatch,
  insertBatch,
  insertNotice,
  insertObjection,
  insertReversal,
  markBatchPaidRow,
  objectionById,
  paymentRows,
  rejectApproved,
  resolveObjectionRow,
  reviewersOfBatch,
  setReview,
  withdrawRow,
  workflowLine,
  workflowLinesByIds,
  workflowLinesMatching,
  type WorkflowFilter,
  type WorkflowLineRow,
} from "../../db/queries/subsidy-workflow.ts";
import { chinaDate } from "../core/china-time.ts";
import { yuanText } from "../core/subsidies/ledger.ts";
import {
  BULK_LIMIT,
  isPayable,
  noticeWindow,
  objectionEffect,
  objectionProblem,
  paymentProblem,
  reversalProblem,
  reviewProblem,
  withdrawalProblem,
  type ObjectionOutcome,
  type ObjectionProblem,
  type PaymentProblem,
  type ReversalProblem,
  type ReviewProblem,
  type WithdrawalProblem,
} from "../core/subsidies/workflow.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { messages } from "../../views/messages.ts";
import { authorLabel, authorUserId, recordChange, recordChanges, type Change, type ChangeAuthor } from "./audit-trail.ts";

/** Which lines a command acts on: the ids ticked on the list, or every line matching a filter. */
export type LineSelection = { ids: readonly number[] } | { filter: WorkflowFilter };

function selected(db: Db, selection: LineSelection, today: string, stage: WorkflowFilter["stage"]): WorkflowLineRow[] {
  if ("ids" in selection) return workflowLinesByIds(db, selection.ids.slice(0, BULK_LIMIT));
  return workflowLinesMatching(db, { ...selection.filter, stage }, today, BULK_LIMIT);
}

export type ReviewOutcome = { status: "done"; changed: number[]; skipped: { id: number; problem: ReviewProblem }[] } | { status: "invalid"; problem: ReviewProblem };

/**
 * 审核: approves or rejects (with a reason) pending lines, one or many. Lines that are not pending
 * any more are skipped and named; a rejection without a reason changes nothing.
 */
export function reviewLines(deps: { db: Db }, props: { selection: LineSelection; decision: "approve" | "reject"; reason: string | null; by: ChangeAuthor; now: Date }): ReviewOutcome {
  if (props.decision === "reject" && props.reason === null) return { status: "invalid", problem: "reasonRequired" };
  const at = props.now.toISOString();
  return deps.db.transaction(() => {
    const lines = selected(deps.db, props.selection, chinaDate(props.now), "待审核");
    const changed: number[] = [];
    const skipped: { id: number; problem: ReviewProblem }[] = [];
    const changes: Change[] = [];
    for (const line of lines) {
      const problem = reviewProblem(line, props.decision, props.reason);
      if (problem) {
        skipped.push({ id: line.id, problem });
        continue;
      }
      const status = props.decision === "approve" ? "已审核" : "已驳回";
      setReview(deps.db, line.id, { status, userId: authorUserId(props.by), at, note: props.reason });
      changes.push({ at: props.now, action: "update", entity: "subsidy-line", entityId: line.id, before: { status: line.status }, after: { event: props.decision, status, reason: props.reason } });
      changed.push(line.id);
    }
    recordChanges(deps.db, props.by, changes);
    return { status: "done", changed, skipped } as const;
  });
}

export type PublishOutcome = { status: "published"; noticeId: number; code: string; lines: number; endsOn: string } | { status: "nothing" } | { status: "titleRequired" };

/** A short public code for the notice's address: 10 characters without look-alikes. */
function noticeCode(): string {
  const alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join("");
}

/**
 * 公示: publishes approved lines not yet on a notice (the ticked ones, or every match) as one
 * notice running `noticeDays` days from today. A notice never changes once published.
 */
export function publishNotice(deps: { db: Db }, props: { selection: LineSelection; title: string | null; noticeDays: number; by: ChangeAuthor; now: Date }): PublishOutcome {
  if (props.title === null) return { status: "titleRequired" };
  const today = chinaDate(props.now);
  const at = props.now.toISOString();
  return deps.db.transaction(() => {
    const lines = selected(deps.db, props.selection, today, "待公示").filter((l) => l.status === "已审核" && l.noticeId === null && l.reversesLineId === null && l.openObjections === 0 && l.batchId === null);
    if (lines.length === 0) return { status: "nothing" } as const;
    const window = noticeWindow(today, props.noticeDays);
    const code = noticeCode();
    const noticeId = insertNotice(deps.db, { code, title: props.title!, publishedOn: today, endsOn: window.endsOn, noticeDays: props.noticeDays, userId: authorUserId(props.by), label: authorLabel(props.by), at });
    attachNotice(deps.db, lines.map((l) => l.id), noticeId);
    recordChange(deps.db, props.by, { at: props.now, action: "create", entity: "subsidy-notice", entityId: noticeId, after: { code, title: props.title, publishedOn: today, endsOn: window.endsOn, lines: lines.length } });
    recordChanges(deps.db, props.by, lines.map((l) => ({ at: props.now, action: "update", entity: "subsidy-line", entityId: l.id, after: { event: "notice", noticeId, code, endsOn: window.endsOn } })));
    return { status: "published", noticeId, code, lines: lines.length, endsOn: window.endsOn } as const;
  });
}

export type ObjectionOutcomeResult = { status: "recorded"; objectionId: number } | { status: "notFound" } | { status: "invalid"; problem: ObjectionProblem | "raisedByRequired" };

/** 异议: staff record an objection against a line; while open it holds the line back (out of any unpaid batch). */
export function recordObjection(deps: { db: Db }, props: { lineId: number; raisedBy: string | null; content: string | null; by: ChangeAuthor; now: Date }): ObjectionOutcomeResult {
  const at = props.now.toISOString();
  return deps.db.transaction(() => {
    const line = workflowLine(deps.db, props.lineId);
    if (!line) return { status: "notFound" } as const;
    const problem = objectionProblem(line, props.content);
    if (problem) return { status: "invalid", problem } as const;
    if (props.raisedBy === null) return { status: "invalid", problem: "raisedByRequired" } as const;
    if (line.batchId !== null && line.status === "已审核") detachFromBatch(deps.db, line.id);
    const objectionId = insertObjection(deps.db, { lineId: line.id, raisedBy: props.raisedBy, content: props.content!, userId: authorUserId(props.by), label: authorLabel(props.by), at });
    recordChange(deps.db, props.by, { at: props.now, action: "create", entity: "subsidy-objection", entityId: objectionId, after: { lineId: line.id, raisedBy: props.raisedBy, content: props.content, leftBatch: line.batchId } });
    recordChange(deps.db, props.by, { at: props.now, action: "update", entity: "subsidy-line", entityId: line.id, after: { event: "objection", objectionId, leftBatch: line.batchId } });
    return { status: "recorded", objectionId } as const;
  });
}

export type ResolveOutcome =
  | { status: "resolved"; lineId: number; effect: "none" | "reject" | "reverse"; reversalId?: number }
  | { status: "notFound" }
  | { status: "alreadyResolved" }
  | { status: "resolutionRequired" };

/**
 * Resolves an objection. 不成立: the line goes on. 成立: an unpaid line is rejected with the
 * resolution as its reason; a paid line gets a reversing line, pending review like any line.
 */
export function resolveObjection(deps: { db: Db }, props: { objectionId: number; outcome: ObjectionOutcome; resolution: string | null; by: ChangeAuthor; now: Date }): ResolveOutcome {
  if (props.resolution === null) return { status: "resolutionRequired" };
  const at = props.now.toISOString();
  return deps.db.transaction(() => {
    const objection = objectionById(deps.db, props.objectionId);
    if (!objection) return { status: "notFound" } as const;
    if (objection.outcome !== null) return { status: "alreadyResolved" } as const;
    const line = workflowLine(deps.db, objection.lineId)!;
    resolveObjectionRow(deps.db, objection.id, { outcome: props.outcome, resolution: props.resolution!, userId: authorUserId(props.by), label: authorLabel(props.by), at });
    recordChange(deps.db, props.by, { at: props.now, action: "update", entity: "subsidy-objection", entityId: objection.id, before: { outcome: null }, after: { outcome: props.outcome, resolution: props.resolution } });
    let effect = objectionEffect(props.outcome, line);
    const reason = messages.subsidyWorkflow.objectionUpheld(props.resolution!);
    let reversalId: number | undefined;
    if (effect === "reject") {
      rejectApproved(deps.db, line.id, { at, note: reason });
      recordChange(deps.db, props.by, { at: props.now, action: "update", entity: "subsidy-line", entityId: line.id, before: { status: line.status }, after: { event: "objectionUpheld", status: "已驳回", reason } });
    } else if (effect === "reverse") {
      if (line.liveReversalId !== null) effect = "none";
      else {
        reversalId = insertReversal(deps.db, line.id, { reason, userId: authorUserId(props.by), label: authorLabel(props.by), at });
        recordChange(deps.db, props.by, { at: props.now, action: "create", entity: "subsidy-line", entityId: reversalId, after: { event: "reversal", reverses: line.id, amountFen: -line.amountFen, reason } });
      }
    } else {
      recordChange(deps.db, props.by, { at: props.now, action: "update", entity: "subsidy-line", entityId: line.id, after: { event: "objectionResolved", outcome: props.outcome } });
    }
    return { status: "resolved", lineId: line.id, effect, ...(reversalId !== undefined ? { reversalId } : {}) } as const;
  });
}

export type BatchOutcome = { status: "built"; batchId: number; code: string; lines: number; amountFen: number } | { status: "nothing" };

/** 发放批次: every approved line past its notice with no open objection and in no batch (matching the filter), into a new batch. */
export function buildBatch(deps: { db: Db }, props: { filter: WorkflowFilter; by: ChangeAuthor; now: Date }): BatchOutcome {
  const today = chinaDate(props.now);
  const at = props.now.toISOString();
  return deps.db.transaction(() => {
    const lines = workflowLinesMatching(deps.db, { ...props.filter, stage: "可发放" }, today, BULK_LIMIT).filter((l) => isPayable(l, today));
    if (lines.length === 0) return { status: "nothing" } as const;
    const prefix = `FF${today.replaceAll("-", "")}-`;
    const code = `${prefix}${String(batchCountOfDay(deps.db, prefix) + 1).padStart(3, "0")}`;
    const batchId = insertBatch(deps.db, { code, userId: authorUserId(props.by), label: authorLabel(props.by), at });
    attachBatch(deps.db, lines.map((l) => l.id), batchId);
    const amountFen = lines.reduce((s, l) => s + l.amountFen, 0);
    recordChange(deps.db, props.by, { at: props.now, action: "create", entity: "subsidy-batch", entityId: batchId, after: { code, lines: lines.length, amountFen, filter: props.filter } });
    recordChanges(deps.db, props.by, lines.map((l) => ({ at: props.now, action: "update", entity: "subsidy-line", entityId: l.id, after: { event: "batch", batchId, code } })));
    return { status: "built", batchId, code, lines: lines.length, amountFen } as const;
  });
}

export type MarkPaidOutcome = { status: "paid"; lines: number } | { status: "notFound" } | { status: "invalid"; problem: PaymentProblem };

/** Marks a batch paid with the bank's reference and date, by someone who approved none of its lines (four eyes); its lines become 已发放. */
export function markBatchPaid(deps: { db: Db }, props: { batchId: number; bankReference: string | null; paidOn: string; by: { userId: number; login: string }; now: Date }): MarkPaidOutcome {
  const at = props.now.toISOString();
  return deps.db.transaction(() => {
    const batch = batchById(deps.db, props.batchId);
    if (!batch) return { status: "notFound" } as const;
    const problem = paymentProblem({
      batch: { status: batch.status, createdOn: chinaDate(new Date(batch.createdAt)), lines: batch.lines },
      reviewerIds: reviewersOfBatch(deps.db, batch.id),
      payerUserId: props.by.userId,
      bankReference: props.bankReference,
      paidOn: props.paidOn,
      today: chinaDate(props.now),
    });
    if (problem) return { status: "invalid", problem } as const;
    const ids = markBatchPaidRow(deps.db, batch.id, { bankReference: props.bankReference!, paidOn: props.paidOn, userId: props.by.userId, label: props.by.login, at });
    recordChange(deps.db, props.by, { at: props.now, action: "update", entity: "subsidy-batch", entityId: batch.id, before: { status: batch.status }, after: { status: "已发放", bankReference: props.bankReference, paidOn: props.paidOn, lines: ids.length } });
    recordChanges(deps.db, props.by, ids.map((id) => ({ at: props.now, action: "update", entity: "subsidy-line", entityId: id, before: { status: "已审核" }, after: { event: "paid", status: "已发放", batch: batch.code, bankReference: props.bankReference, paidOn: props.paidOn } })));
    return { status: "paid", lines: ids.length } as const;
  });
}

export type WithdrawOutcome = { status: "withdrawn" } | { status: "notFound" } | { status: "invalid"; problem: WithdrawalProblem };

/**
 * 撤回: withdraws a line no longer due (a difference a compute listed), with a reason, in one
 * transaction with its audit row. The key is free again: a later compute proposes it if due.
 */
export function withdrawLine(deps: { db: Db }, props: { lineId: number; reason: string | null; by: ChangeAuthor; now: Date }): WithdrawOutcome {
  const at = props.now.toISOString();
  return deps.db.transaction(() => {
    const line = workflowLine(deps.db, props.lineId);
    if (!line) return { status: "notFound" } as const;
    const problem = withdrawalProblem(line, props.reason);
    if (problem) return { status: "invalid", problem } as const;
    withdrawRow(deps.db, line.id, { at, note: props.reason! });
    recordChange(deps.db, props.by, { at: props.now, action: "update", entity: "subsidy-line", entityId: line.id, before: { status: line.status }, after: { event: "withdraw", status: "已撤回", reason: props.reason } });
    return { status: "withdrawn" } as const;
  });
}

export type ReverseOutcome = { status: "created"; reversalId: number } | { status: "notFound" } | { status: "invalid"; problem: ReversalProblem };

/** 冲销: a new negative line undoing a paid line, with a reason and its author; reviewed and paid like any line. */
export function reverseLine(deps: { db: Db }, props: { lineId: number; reason: string | null; by: ChangeAuthor; now: Date }): ReverseOutcome {
  const at = props.now.toISOString();
  return deps.db.transaction(() => {
    const line = workflowLine(deps.db, props.lineId);
    if (!line) return { status: "notFound" } as const;
    const problem = reversalProblem(line, line.liveReversalId !== null, props.reason);
    if (problem) return { status: "invalid", problem } as const;
    const reversalId = insertReversal(deps.db, line.id, { reason: props.reason!, userId: authorUserId(props.by), label: authorLabel(props.by), at });
    recordChange(deps.db, props.by, { at: props.now, action: "create", entity: "subsidy-line", entityId: reversalId, after: { event: "reversal", reverses: line.id, amountFen: -line.amountFen, reason: props.reason } });
    recordChange(deps.db, props.by, { at: props.now, action: "update", entity: "subsidy-line", entityId: line.id, after: { event: "reversed", reversalId, reason: props.reason } });
    return { status: "created", reversalId } as const;
  });
}

/**
 * The payment file (.xlsx) for the bank or finance office: payee, full ID number, amount, fund
 * source, the batch's reference. Decrypted in memory only; the download itself is audited (who,
 * which batch, how many lines and yuan) in the same call, before the bytes leave.
 */
export async function paymentFile(deps: { db: Db; protector: PersonalDataProtector }, props: { batchId: number; by: ChangeAuthor; now: Date }): Promise<{ fileName: string; bytes: Buffer } | undefined> {
  const m = messages.subsidyWorkflow.file;
  const batch = batchById(deps.db, props.batchId);
  if (!batch) return undefined;
  const rows = paymentRows(deps.db, batch.id);
  deps.db.transaction(() => {
    recordChange(deps.db, props.by, { at: props.now, action: "create", entity: "subsidy-payment-file", entityId: batch.id, after: { batch: batch.code, lines: rows.length, amountFen: batch.amountFen, at: props.now.toISOString() } });
  });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = messages.site.name;
  const sheet = workbook.addWorksheet(m.sheet);
  sheet.addRow([m.title(batch.code), batch.bankReference ? m.bankReference(batch.bankReference) : m.unpaid]);
  sheet.addRow([...m.headers]);
  rows.forEach((r, i) => {
    const employerPaid = r.kind === "吸纳就业补贴" && r.employerCode !== null;
    sheet.addRow([
      i + 1,
      employerPaid ? (r.employerName ?? "") : r.workerName,
      employerPaid ? m.employerPayee(r.employerCode!) : m.workerPayee,
      r.workerName,
      deps.protector.decrypt(r.idNumberCipher),
      `${r.town}${r.village}`,
      `${r.policyCode} ${r.policyName}`,
      r.period,
      Number(yuanText(r.amountFen)),
      r.fundSource ?? "",
      `${batch.code}-${r.id}`,
      r.reversesLineId !== null ? m.reversalOf(r.reversesLineId) : "",
    ]);
  });
  sheet.addRow(["", m.total, "", "", "", "", "", "", Number(yuanText(batch.amountFen))]);
  sheet.getRow(2).font = { bold: true };
  sheet.getColumn(5).numFmt = "@";
  sheet.columns.forEach((col, i) => (col.width = [6, 20, 16, 10, 22, 16, 24, 10, 12, 14, 20, 16][i] ?? 12));
  return { fileName: `${batch.code}.xlsx`, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
