/**
 * From computed to paid (../shared/DOMAIN.md, Subsidies, steps 2–5): review, public notice (公示),
 * objections (异议), payment batches and reversals, as plain rules of plain data and `today`.
 * Use-cases ask these before they write; migration 0012 refuses the same things in the database.
 */
import type { SubsidyLineStatus } from "./ledger.ts";
import { addDays } from "../calendar.ts";
import { cleanText as cleanFieldText, textLength } from "../text-fields.ts";

/** Reasons, notes and references are short texts a person types. */
export const REASON_MAX_LENGTH = 200;
export const BANK_REFERENCE_MAX_LENGTH = 64;
/** Lines one bulk action or one batch takes at most (a county's month fits; a page stays quick). */
export const BULK_LIMIT = 5_000;

/** What an objection's resolution found. 成立: the objection is right; 不成立: the line stands. */
export const OBJECTION_OUTCOMES = ["成立", "不成立"] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/** A line as the workflow's rules see it. */
export interface WorkflowLine {
  status: SubsidyLineStatus;
  reversesLineId: number | null;
  reviewedByUserId: number | null;
  batchId: number | null;
  /** The last day of the notice the line was published on, if any. */
  noticeEndsOn: string | null;
  openObjections: number;
}

/** Where a line stands, for lists and filters: the ledger's status refined by notice, objection and batch. */
export type WorkflowStage = "待审核" | "待公示" | "公示中" | "有异议" | "可发放" | "发放中" | "已发放" | "已驳回" | "已撤回";
export const WORKFLOW_STAGES: readonly WorkflowStage[] = ["待审核", "待公示", "公示中", "有异议", "可发放", "发放中", "已发放", "已驳回", "已撤回"];

/** @example workflowStage({ status: "已审核", noticeEndsOn: "2026-11-29", … }, "2026-11-23") // "公示中" */
export function workflowStage(line: WorkflowLine, today: string): WorkflowStage {
  if (line.status !== "已审核") return line.status;
  if (line.openObjections > 0) return "有异议";
  if (line.batchId !== null) return "发放中";
  if (line.reversesLineId === null) {
    if (line.noticeEndsOn === null) return "待公示";
    if (line.noticeEndsOn >= today) return "公示中";
  }
  return "可发放";
}

/** May the line go into a new payment batch today? Approved, on a notice that has ended (a reversal needs none), no open objection, in no batch yet. */
export function isPayable(line: WorkflowLine, today: string): boolean {
  return workflowStage(line, today) === "可发放";
}

/**
 * A reason, note or reference as typed, cleaned by the platform's one text rule
 * (src/core/text-fields.ts: NFC, control and invisible characters gone, line breaks made spaces,
 * ends trimmed); null when blank or longer than `max` characters (code points, as people count).
 * @example reasonText(" 未在岗\u0000 ") // "未在岗"
 */
export function reasonText(text: string | undefined | null, max = REASON_MAX_LENGTH): string | null {
  const t = cleanFieldText(text ?? "");
  return t.length === 0 || textLength(t) > max ? null : t;
}

/**
 * A notice published on `publishedOn` runs `days` days, the day of publication counted; its lines
 * may be paid from the day after its last day.
 * @example noticeWindow("2026-11-23", 7) // { endsOn: "2026-11-29", payableFrom: "2026-11-30" }
 */
export function noticeWindow(publishedOn: string, days: number): { endsOn: string; payableFrom: string } {
  return { endsOn: addDays(publishedOn, days - 1), payableFrom: addDays(publishedOn, days) };
}

/**
 * A worker's name as a public notice shows it: the surname kept, the given name masked but its
 * last character (DOMAIN.md: 张*英). Two-character compound surnames (欧阳, 司马 …) are kept whole
 * when the name is long enough to have a given name after them.
 * @example maskGivenName("张秀英") // "张*英" ; maskGivenName("李强") // "李*" ; maskGivenName("欧阳小英") // "欧阳*英"
 */
export function maskGivenName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "";
  const surnameLength = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join("")) ? 2 : 1;
  const surname = chars.slice(0, surnameLength).join("");
  const given = chars.slice(surnameLength);
  if (given.length === 0) return surname;
  if (given.length === 1) return `${surname}*`;
  return `${surname}${"*".repeat(given.length - 1)}${given.at(-1)}`;
}

const COMPOUND_SURNAMES = new Set([
  "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "南宫", "独孤", "西门", "轩辕", "百里", "呼延", "申屠", "太史", "闻人", "万俟",
]);

export type ReviewProblem = "notPending" | "reasonRequired";

/** Approving or rejecting a line: only a pending one; a rejection needs a reason. */
export function reviewProblem(line: Pick<WorkflowLine, "status">, decision: "approve" | "reject", reason: string | null): ReviewProblem | null {
  if (line.status !== "待审核") return "notPending";
  if (decision === "reject" && reason === null) return "reasonRequired";
  return null;
}

export type ObjectionProblem = "notObjectable" | "contentRequired";

/** An objection is recorded against a line someone could have seen on a notice: approved and published, or already paid. */
export function objectionProblem(line: Pick<WorkflowLine, "status" | "reversesLineId" | "noticeEndsOn">, content: string | null): ObjectionProblem | null {
  if (line.reversesLineId !== null || line.noticeEndsOn === null) return "notObjectable";
  if (line.status !== "已审核" && line.status !== "已发放") return "notObjectable";
  if (content === null) return "contentRequired";
  return null;
}

/**
 * What an objection's resolution does to its line. 不成立: nothing, the line goes on (once its
 * other objections are resolved too). 成立: a line not yet paid is rejected with the resolution as
 * its reason; a paid one gets a reversing line (pending review) with that reason.
 */
export function objectionEffect(outcome: ObjectionOutcome, line: Pick<WorkflowLine, "status">): "none" | "reject" | "reverse" {
  if (outcome === "不成立") return "none";
  if (line.status === "已发放") return "reverse";
  if (line.status === "已审核" || line.status === "待审核") return "reject";
  return "none";
}

export type PaymentProblem = "alreadyPaid" | "fourEyes" | "referenceRequired" | "badDate" | "dateInFuture" | "dateBeforeBatch" | "empty";

/**
 * Marking a batch paid: a bank reference, a paid-on date between the batch's creation and today,
 * and four eyes — the person marking it approved none of its lines.
 */
export function paymentProblem(props: {
  batch: { status: "待发放" | "已发放"; createdOn: string; lines: number };
  reviewerIds: readonly (number | null)[];
  payerUserId: number;
  bankReference: string | null;
  paidOn: string;
  today: string;
}): PaymentProblem | null {
  if (props.batch.status === "已发放") return "alreadyPaid";
  if (props.batch.lines === 0) return "empty";
  if (props.reviewerIds.includes(props.payerUserId)) return "fourEyes";
  if (props.bankReference === null) return "referenceRequired";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(props.paidOn) || Number.isNaN(Date.parse(`${props.paidOn}T00:00:00Z`)) || new Date(`${props.paidOn}T00:00:00Z`).toISOString().slice(0, 10) !== props.paidOn) return "badDate";
  if (props.paidOn > props.today) return "dateInFuture";
  if (props.paidOn < props.batch.createdOn) return "dateBeforeBatch";
  return null;
}

export type WithdrawalProblem = "notWithdrawable" | "openObjection" | "reasonRequired";

/**
 * 撤回: a line found no longer due (a placement corrected after the compute; DOMAIN.md, step 1)
 * is withdrawn with a reason while no money is on its way: pending, or approved and in no payment
 * batch. An open objection is resolved first (an upheld one rejects the line anyway). A withdrawn
 * line holds no key: a later compute proposes the key again if it is due again.
 */
export function withdrawalProblem(line: Pick<WorkflowLine, "status" | "batchId" | "openObjections">, reason: string | null): WithdrawalProblem | null {
  if (!(line.status === "待审核" || (line.status === "已审核" && line.batchId === null))) return "notWithdrawable";
  if (line.openObjections > 0) return "openObjection";
  if (reason === null) return "reasonRequired";
  return null;
}

/** May the line be withdrawn now (given a reason)? For the line page's form. */
export function isWithdrawable(line: Pick<WorkflowLine, "status" | "batchId" | "openObjections">): boolean {
  const problem = withdrawalProblem(line, null);
  return problem === null || problem === "reasonRequired";
}

export type ReversalProblem = "notPaid" | "alreadyReversed" | "isReversal" | "reasonRequired";

/** A reversal undoes a paid original line once, with a reason. */
export function reversalProblem(line: Pick<WorkflowLine, "status" | "reversesLineId">, liveReversal: boolean, reason: string | null): ReversalProblem | null {
  if (line.reversesLineId !== null) return "isReversal";
  if (line.status !== "已发放") return "notPaid";
  if (liveReversal) return "alreadyReversed";
  if (reason === null) return "reasonRequired";
  return null;
}
