/**
 * Retention (稳岗, issue 13): the bureau's page of placements still open 3, 6 and 12 months after
 * they started, the placements behind each number, and the problems of its query; and the note of
 * an alert that a hire closed.
 * Part of the message catalogue (views/messages.ts composes the parts; zh-CN).
 */
import type { RetentionBreakdown } from "../../src/core/stats/retention.ts";

export const retentionMessages = {
  retention: {
    title: "稳岗情况",
    link: "稳岗情况：上岗后 3、6、12 个月仍在岗的比例",
    intro:
      "按上岗月份统计：当月开始的就业记录中，3 个月、6 个月、12 个月后仍在岗的比例（到期那天仍在岗即算在岗）。当月上岗的人还没满期限时显示“未到期”，不按 0 算。待核实的录用不计入。",
    by: "分组",
    byOptions: { month: "按上岗月份", platform: "按就业平台", employer: "按用工主体", town: "按乡镇" } satisfies Record<RetentionBreakdown, string>,
    key: { month: "上岗月份", platform: "就业平台", employer: "用工主体", town: "乡镇" } satisfies Record<RetentionBreakdown, string>,
    from: "上岗月份从",
    to: "到",
    date: "统计日期",
    assisted: "只看帮扶对象",
    show: "查看",
    started: "上岗人数",
    horizon: (months: number) => `${months} 个月`,
    kept: (months: number) => `${months} 个月后在岗`,
    due: (months: number) => `${months} 个月已到期`,
    rate: (months: number) => `${months} 个月稳岗率`,
    notYet: "未到期",
    total: "合计",
    none: "这段时间没有上岗记录。",
    chart: (months: number) => `${months} 个月稳岗率（%）`,
    chartNone: "还没有到期的月份，暂无稳岗率图。",
    cell: (retained: number, placements: number) => `${retained} / ${placements}`,
    percent: (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`),
    outsideRegistry: (form: string) => `${form}（无用工主体）`,
    assistedOnly: "（只含帮扶对象）",
    peopleTitle: "稳岗人员名单",
    peopleIntro: (what: string) => `${what}的就业记录。身份证号已隐去中间部分。`,
    peopleCount: (n: number) => `共 ${n} 条就业记录`,
    peopleNone: "没有对应的就业记录。",
    measures: {
      started: "上岗",
      kept_3: "3 个月后仍在岗",
      kept_6: "6 个月后仍在岗",
      kept_12: "12 个月后仍在岗",
      left_3: "不满 3 个月离岗",
      left_6: "不满 6 个月离岗",
      left_12: "不满 12 个月离岗",
    },
    peopleHeading: (keyLabel: string, from: string, to: string, measure: string) => `${keyLabel}（上岗月份 ${from} 至 ${to}）${measure}`,
    name: "姓名",
    idNumber: "身份证号",
    town: "乡镇村",
    household: "户编号",
    employer: "用工主体",
    platform: "就业平台",
    startDate: "上岗日期",
    endDate: "离岗日期",
    stillOpen: "在岗",
    back: "返回稳岗情况",
    problems: {
      badRetentionBreakdown: "分组只能是按上岗月份、就业平台、用工主体或乡镇。",
      badAssisted: "“只看帮扶对象”只能是 true 或 false。",
      badMonth: "月份请写成 YYYY-MM，例如 2026-01。",
      fromAfterTo: "开始月份不能晚于结束月份。",
      toAfterDate: "结束月份不能晚于统计日期所在的月份。",
      rangeTooLong: "一次最多查看 120 个月。",
    },
  },
  /** The note of a zero-employment alert that a hire closed (src/use-cases/risk-alerts.ts closeAlertsAfterWorkStarts). */
  alertClosing: {
    byHire: "家庭成员已录用上岗，系统自动关闭预警",
  },
} as const;
