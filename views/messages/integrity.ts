/**
 * Words of issue 10's integrity work: why a hire waits for the bureau, the bureau's confirmation
 * worklist (待核实), linking applicants to registry people, and the account fixes.
 */
import { MAX_START_BACK_DAYS, type ConfirmationReason } from "../../src/core/hire-rules.ts";

const reasonWords: Record<ConfirmationReason, string> = {
  identity: "此人不在帮扶台账中或身份未确认",
  backdated: `上岗日期早于 ${MAX_START_BACK_DAYS} 天前（补录的日期会改动过去的统计）`,
  beforeApplication: "上岗日期早于报名日期",
};

export const integrityMessages = {
  confirmations: {
    reason: (r: ConfirmationReason) => reasonWords[r],
    reasonsLine: (reasons: readonly ConfirmationReason[]) => `待核实原因：${reasons.map((r) => reasonWords[r]).join("；")}`,
    waitsNote: "待核实期间，此人记入本单位在岗名单，但不计入就业统计和补贴，人社局核实后才计入。",
    hiredNeedsConfirmation: "已录用，已记入在岗名单；上岗日期需人社局核实后才计入统计。",
    title: "待核实的录用",
    intro: "用工单位登记的录用中，需要人社局核实的：不在台账中的人、补录较早上岗日期的记录。核实后才计入就业统计和补贴。",
    navLink: "待核实录用",
    homeCount: (n: number) => `待核实的录用 ${n} 条`,
    none: "没有待核实的录用。",
    count: (n: number) => `共 ${n} 条待核实`,
    pendingKind: "不在台账中",
    placementKind: "台账人员",
    employer: "用工单位",
    posting: "报名岗位",
    start: "上岗日期",
    recordedOn: "登记日期",
    appliedOn: "报名日期",
    income: "月收入",
    worker: "台账人员",
    name: "姓名",
    phone: "手机号",
    town: "乡镇",
    searchLabel: "在台账中查找（姓名或完整身份证号）",
    search: "查找",
    candidates: "台账中的人",
    noCandidates: "台账中没有找到。请核对姓名或身份证号；确实不在台账中的，先在“导入”页用劳动力表把此人加入台账，再回来匹配。",
    matchThis: "就是此人，核实录用",
    confirmStart: "核实上岗日期无误，计入统计",
    rejectStart: (date: string) => `上岗日期不对，按登记当天 ${date} 起算`,
    rejectNote: "驳回说明（必填）",
    confirmNote: "核实说明（可选）",
    confirmed: "已核实，已计入统计。",
    rejected: "已按登记当天起算并核实。",
    matched: "已匹配到台账人员并核实。",
    gone: "这条记录已经处理过了。",
    alreadyOnRoster: "此人已在该单位在岗，不能重复记入。",
    noteRequired: "请写明驳回的理由。",
    endsBeforeRecorded: "此人的离岗日期早于登记日期，不能按登记当天起算；请核实上岗日期，或请用工单位更正。",
    noteTooLong: "说明不能超过 200 个字。",
    linkApplicant: "关联到此台账人员",
    linkedApplicant: "已关联到台账人员。",
    unlinkedApplications: "未关联台账的报名",
    unlinkedIntro: "报名人填写的姓名与台账中同一手机号的人不一致，或台账中没有此手机号。核实后可关联。",
    revisionReason: "人社局核实：驳回补录的上岗日期",
  },
  rosterExport: {
    totals: (people: number) => `合计 ${people} 人`,
    futureMonth: "这个月还没有开始，不能导出花名册。",
    monthSoFar: (today: string) => `本月的花名册只统计到今天（${today}）。`,
  },
  bureauHome: {
    title: "人社局工作台",
    intro: "从这里进入各项工作。",
    confirmationsDue: (n: number) => (n === 0 ? "没有待核实的录用。" : `有 ${n} 条录用待核实，核实后才计入统计和补贴。`),
    goConfirm: "去核实",
  },
} as const;
