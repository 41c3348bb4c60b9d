/**
 * The words of the field rules for dates, numbers and phones (src/core/date-fields.ts,
 * number-fields.ts, phone.ts): one text per problem code, shared by forms, the spreadsheet
 * import and the API. Part of the message catalogue (views/messages.ts composes the parts; zh-CN).
 */
import { EARLIEST_RECORD_DATE, MAX_AGE_YEARS, MAX_CLOSING_AHEAD_DAYS, MAX_START_AHEAD_DAYS, type DateProblem } from "../../src/core/date-fields.ts";
import { NUMBER_RULES } from "../../src/core/number-fields.ts";

const earliest = EARLIEST_RECORD_DATE;

/** A date's problem for people: the same words in a form and in an import's row reason. */
const dateProblems = {
  date: "日期不存在或格式不对，请按 2026-12-31 的格式填写。",
  dateTooEarly: `日期不能早于 ${earliest}。`,
  dateInFuture: "日期不能晚于今天。",
  dateTooFarAhead: "日期不能超过十年以后。",
  birthInFuture: "出生日期不能晚于今天。",
  birthTooEarly: `出生日期不能早于 ${MAX_AGE_YEARS} 年前。`,
  startTooFar: `上岗日期最多填 ${MAX_START_AHEAD_DAYS} 天以后。`,
  endInFuture: "离岗日期不能晚于今天。",
  closingTooFar: `截止日期最多填 ${MAX_CLOSING_AHEAD_DAYS} 天以后。`,
} as const satisfies Record<DateProblem, string>;

export const fieldsMessages = {
  /** Field rules (dates, numbers, phones), by problem code. */
  fields: {
    problems: {
      ...dateProblems,
      headcountTooBig: `招聘人数最多 ${NUMBER_RULES.headcount.max} 人。`,
      payTooBig: `工资不能超过 ${NUMBER_RULES.pay.max} 元。`,
      incomeTooBig: `月收入不能超过 ${NUMBER_RULES.monthlyIncome.max} 元。`,
      phone: "手机号应为 11 位数字，以 1 开头。",
      contactPhone: "联系电话应为手机号、带区号的座机（如 0797-8812345，可加分机）或 400/800 电话。",
    },
    /** The statistics' dates (pages and API `date` / `baseline`). */
    stats: {
      dateTooEarly: `统计日期不能早于 ${earliest}。`,
      dateInFuture: "统计日期不能晚于今天。",
    },
    /** A spreadsheet row's reason for a date out of its column's range, by problem code. */
    importDates: {
      date: "日期不存在或格式不对，应为 YYYY-MM-DD（例如 2024-03-01）",
      dateTooEarly: `日期不能早于 ${earliest}`,
      dateInFuture: "日期不能晚于今天",
      dateTooFarAhead: "日期不能超过十年以后",
      birthInFuture: "出生日期不能晚于今天",
      birthTooEarly: `出生日期不能早于 ${MAX_AGE_YEARS} 年前`,
      startTooFar: `开始日期最多填 ${MAX_START_AHEAD_DAYS} 天以后`,
      endInFuture: "结束日期不能晚于今天",
      closingTooFar: `截止日期最多填 ${MAX_CLOSING_AHEAD_DAYS} 天以后`,
    } as const satisfies Record<DateProblem, string>,
    importPhones: {
      mobile: "联系电话应为 11 位手机号",
      contact: "联系电话应为手机号、带区号的座机（如 0797-8812345）或 400/800 电话",
    },
    /** An ID number whose birth date lies outside the birthDate rule. */
    idBirthRange: `身份证号中的出生日期不合理（应在今天以前、${MAX_AGE_YEARS} 年以内）`,
  },
} as const;
