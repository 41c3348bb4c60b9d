import { describe, expect, it } from "vitest";
import { isPayable, maskGivenName, noticeWindow, objectionEffect, objectionProblem, paymentProblem, reversalProblem, reasonText, reviewProblem, isWithdrawable, withdrawalProblem, workflowStage, type WorkflowLine } from "./workflow.ts";

const approved: WorkflowLine = { status: "已审核", reversesLineId: null, reviewedByUserId: 1, batchId: null, noticeEndsOn: null, openObjections: 0 };
const TODAY = "2026-11-23";

describe("a line's stage", () => {
  it.each<[string, Partial<WorkflowLine>, string]>([
    ["pending", { status: "待审核" }, "待审核"],
    ["approved, not published", {}, "待公示"],
    ["on a notice ending today", { noticeEndsOn: TODAY }, "公示中"],
    ["on a notice that ended yesterday", { noticeEndsOn: "2026-11-22" }, "可发放"],
    ["with an open objection, notice over", { noticeEndsOn: "2026-11-22", openObjections: 1 }, "有异议"],
    ["with an open objection, still on notice", { noticeEndsOn: TODAY, openObjections: 2 }, "有异议"],
    ["in a batch", { noticeEndsOn: "2026-11-01", batchId: 4 }, "发放中"],
    ["a reversal needs no notice", { reversesLineId: 9 }, "可发放"],
    ["paid", { status: "已发放", batchId: 4 }, "已发放"],
    ["rejected", { status: "已驳回" }, "已驳回"],
    ["withdrawn", { status: "已撤回" }, "已撤回"],
  ])("%s → %s", (_label, change, stage) => {
    expect(workflowStage({ ...approved, ...change }, TODAY)).toBe(stage);
    expect(isPayable({ ...approved, ...change }, TODAY)).toBe(stage === "可发放");
  });
});

describe("the notice window", () => {
  it.each([
    ["2026-11-23", 7, "2026-11-29", "2026-11-30"],
    ["2026-11-23", 1, "2026-11-23", "2026-11-24"],
    ["2026-12-28", 10, "2027-01-06", "2027-01-07"],
    ["2028-02-25", 5, "2028-02-29", "2028-03-01"],
  ])("published %s for %i days: last day %s, payable from %s", (published, days, endsOn, payableFrom) => {
    expect(noticeWindow(published, days)).toEqual({ endsOn, payableFrom });
  });
});

describe("masking a name for the public notice", () => {
  it.each([
    ["张秀英", "张*英"],
    ["李强", "李*"],
    ["王", "王"],
    ["欧阳小英", "欧阳*英"],
    ["欧阳", "欧*"],
    ["司马光", "司马*"],
    ["刘家大宝", "刘**宝"],
    [" 陈红 ", "陈*"],
    ["", ""],
  ])("%j → %j", (name, masked) => {
    expect(maskGivenName(name)).toBe(masked);
  });
});

describe("review", () => {
  it.each<[string, WorkflowLine["status"], "approve" | "reject", string | null, string | null]>([
    ["approve a pending line", "待审核", "approve", null, null],
    ["reject a pending line with a reason", "待审核", "reject", "不符合条件", null],
    ["reject without a reason", "待审核", "reject", null, "reasonRequired"],
    ["approve an approved line", "已审核", "approve", null, "notPending"],
    ["reject a paid line", "已发放", "reject", "x", "notPending"],
  ])("%s", (_label, status, decision, reason, problem) => {
    expect(reviewProblem({ status }, decision, reason)).toBe(problem);
  });

  it.each<[string, string | undefined, string | null]>([
    ["trimmed", "  未在岗 ", "未在岗"],
    ["blank is nothing", "   ", null],
    ["absent is nothing", undefined, null],
    ["control and invisible characters go (the shared text rule)", "未\u0000在\u200B岗\u001b", "未在岗"],
    ["only control characters is nothing", "\u0000\u0007", null],
    ["a line break becomes a space", "不在\r\n本村", "不在 本村"],
    ["201 characters is too long", "字".repeat(201), null],
    ["200 characters fit", "字".repeat(200), "字".repeat(200)],
    ["an emoji counts once: 200 of them fit", "😀".repeat(200), "😀".repeat(200)],
  ])("reason text: %s", (_label, input, expected) => {
    expect(reasonText(input)).toBe(expected);
  });
});

describe("objections", () => {
  it.each<[string, Partial<WorkflowLine>, string | null, string | null]>([
    ["an approved line on notice", { noticeEndsOn: TODAY }, "不在村", null],
    ["a paid line", { status: "已发放", noticeEndsOn: "2026-10-01" }, "重复领取", null],
    ["an approved line never published", {}, "x", "notObjectable"],
    ["a pending line", { status: "待审核", noticeEndsOn: null }, "x", "notObjectable"],
    ["a reversal", { reversesLineId: 3, noticeEndsOn: TODAY }, "x", "notObjectable"],
    ["without content", { noticeEndsOn: TODAY }, null, "contentRequired"],
  ])("%s", (_label, change, content, problem) => {
    expect(objectionProblem({ ...approved, ...change }, content)).toBe(problem);
  });

  it.each<[string, "成立" | "不成立", WorkflowLine["status"], string]>([
    ["dismissed: the line goes on", "不成立", "已审核", "none"],
    ["upheld before payment: rejected", "成立", "已审核", "reject"],
    ["upheld after payment: reversed", "成立", "已发放", "reverse"],
    ["upheld on a line already rejected: nothing more", "成立", "已驳回", "none"],
  ])("%s", (_label, outcome, status, effect) => {
    expect(objectionEffect(outcome, { status })).toBe(effect);
  });
});

describe("marking a batch paid", () => {
  const base: Parameters<typeof paymentProblem>[0] = { batch: { status: "待发放", createdOn: "2026-11-20", lines: 3 }, reviewerIds: [1, 2, null], payerUserId: 3, bankReference: "NX20261123001", paidOn: "2026-11-22", today: TODAY };
  it.each<[string, Partial<typeof base>, string | null]>([
    ["a second person with the bank's reference", {}, null],
    ["paid on the day of the batch", { paidOn: "2026-11-20" }, null],
    ["the approver of one of its lines (four eyes)", { payerUserId: 2 }, "fourEyes"],
    ["without a reference", { bankReference: null }, "referenceRequired"],
    ["a date that does not exist", { paidOn: "2026-02-30" }, "badDate"],
    ["a date in the future", { paidOn: "2026-11-24" }, "dateInFuture"],
    ["a date before the batch", { paidOn: "2026-11-19" }, "dateBeforeBatch"],
    ["a batch already paid", { batch: { status: "已发放", createdOn: "2026-11-20", lines: 3 } }, "alreadyPaid"],
    ["an empty batch", { batch: { status: "待发放", createdOn: "2026-11-20", lines: 0 } }, "empty"],
  ])("%s", (_label, change, problem) => {
    expect(paymentProblem({ ...base, ...change })).toBe(problem);
  });
});

describe("reversals", () => {
  it.each<[string, Partial<WorkflowLine>, boolean, string | null, string | null]>([
    ["a paid line, with a reason", { status: "已发放" }, false, "就业记录更正", null],
    ["an approved line", {}, false, "x", "notPaid"],
    ["a line already reversed", { status: "已发放" }, true, "x", "alreadyReversed"],
    ["a reversal", { status: "已发放", reversesLineId: 2 }, false, "x", "isReversal"],
    ["without a reason", { status: "已发放" }, false, null, "reasonRequired"],
  ])("%s", (_label, change, live, reason, problem) => {
    expect(reversalProblem({ ...approved, ...change }, live, reason)).toBe(problem);
  });
});

describe("withdrawal (撤回) of a line no longer due", () => {
  it.each<[string, Partial<WorkflowLine>, string | null, string | null]>([
    ["a pending line, with a reason", { status: "待审核" }, "就业记录更正后不足 3 个月", null],
    ["a pending reversal, with a reason", { status: "待审核", reversesLineId: 7 }, "冲销提错了", null],
    ["an approved line in no batch", {}, "就业记录更正", null],
    ["an approved line on a notice, in no batch", { noticeEndsOn: "2026-11-22" }, "就业记录更正", null],
    ["without a reason", { status: "待审核" }, null, "reasonRequired"],
    ["an approved line already in a payment batch", { batchId: 3 }, "x", "notWithdrawable"],
    ["a paid line (it is reversed instead)", { status: "已发放", batchId: 3 }, "x", "notWithdrawable"],
    ["a rejected line", { status: "已驳回" }, "x", "notWithdrawable"],
    ["a withdrawn line", { status: "已撤回" }, "x", "notWithdrawable"],
    ["an approved line with an open objection", { openObjections: 1 }, "x", "openObjection"],
  ])("%s", (_label, change, reason, problem) => {
    expect(withdrawalProblem({ ...approved, ...change }, reason)).toBe(problem);
    expect(isWithdrawable({ ...approved, ...change })).toBe(problem === null || problem === "reasonRequired");
  });
});
