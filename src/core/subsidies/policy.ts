/**
 * A subsidy policy as data (../shared/DOMAIN.md, "The kinds"; ../shared/CONTRACT.md `policies`):
 * its kind, amount and conditions, and the periods it may be computed for.
 */
import { lastDayOfMonth } from "./months.ts";

/** 类型 — the kinds the platform computes (社保补贴 needs insurance data the registry lacks). */
export const SUBSIDY_KINDS = ["吸纳就业补贴", "公益性岗位补贴", "交通补贴"] as const;
export type SubsidyKind = (typeof SUBSIDY_KINDS)[number];

/** Who is paid: the employer for workshop absorption, the worker otherwise. */
export function payeeOf(kind: SubsidyKind): "employer" | "worker" {
  return kind === "吸纳就业补贴" ? "employer" : "worker";
}

/** 最少月数 when the policy leaves it empty. */
export const DEFAULT_MIN_MONTHS: Record<SubsidyKind, number | null> = {
  吸纳就业补贴: 6,
  公益性岗位补贴: null,
  交通补贴: 3,
};

/** The rule of one version of a policy, as the compute reads it. Money in fen (分), exact. */
export interface PolicyRule {
  kind: SubsidyKind;
  amountFen: number;
  /** 最少月数; null: the kind's default (公益性岗位补贴 has none: its period is one month). */
  minMonths: number | null;
  /** 每人最多月数 (公益性岗位补贴); null: no cap. */
  maxMonthsPerPerson: number | null;
  /** 年龄上限 (公益性岗位补贴), on the month's first day; null: none. */
  ageLimit: number | null;
  /** 每户限一人 (公益性岗位补贴). */
  onePerHousehold: boolean;
  /** 开始日期 … 结束日期 (null: open-ended), both days inside. */
  startDate: string;
  endDate: string | null;
}

/** A policy as the `policies` spreadsheet, the page and the use-case carry it (金额 in fen). */
export interface PolicyFields extends Omit<PolicyRule, "kind"> {
  code: string;
  name: string;
  kind: SubsidyKind;
  /** 资金来源 */
  fundSource: string | null;
}

/** The months a year policy requires; the kind's default when the policy leaves it empty. */
export function requiredMonths(rule: Pick<PolicyRule, "kind" | "minMonths">): number {
  return rule.minMonths ?? DEFAULT_MIN_MONTHS[rule.kind] ?? 1;
}

/** A period of computation: a calendar year (`2025`) or month (`2025-03`), with its first and last day. */
export interface Period {
  label: string;
  first: string;
  last: string;
}

export type PeriodProblem = "badPeriod" | "wrongPeriodType" | "notEnded" | "outsideValidity";

/**
 * The period `text` for a policy of `kind`, checked against the rule and today:
 * a year for 吸纳就业补贴 and 交通补贴, a month for 公益性岗位补贴; it must have ended before
 * `today` (a running month would count days that have not happened) and lie inside the policy's
 * validity.
 * @example periodFor({ ...rule, kind: "交通补贴" }, "2025", "2026-01-05") // { ok: true, period: { label: "2025", first: "2025-01-01", last: "2025-12-31" } }
 */
export function periodFor(
  rule: Pick<PolicyRule, "kind" | "startDate" | "endDate">,
  text: string,
  today: string,
): { ok: true; period: Period } | { ok: false; problem: PeriodProblem } {
  const year = /^(\d{4})$/.exec(text);
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (!year && !month) return { ok: false, problem: "badPeriod" };
  const wantsMonth = rule.kind === "公益性岗位补贴";
  if (wantsMonth !== Boolean(month)) return { ok: false, problem: "wrongPeriodType" };
  const period: Period = month
    ? { label: text, first: `${text}-01`, last: lastDayOfMonth(text) }
    : { label: text, first: `${text}-01-01`, last: `${text}-12-31` };
  if (period.last >= today) return { ok: false, problem: "notEnded" };
  if (period.first < rule.startDate || (rule.endDate !== null && period.last > rule.endDate)) {
    return { ok: false, problem: "outsideValidity" };
  }
  return { ok: true, period };
}

/** What is wrong with a policy's fields, by field; empty when it may be saved. */
export type PolicyProblem =
  | { field: "amountFen"; problem: "notPositive" }
  | { field: "minMonths"; problem: "outOfRange" | "notForKind" }
  | { field: "maxMonthsPerPerson"; problem: "outOfRange" | "notForKind" }
  | { field: "ageLimit"; problem: "outOfRange" | "notForKind" }
  | { field: "onePerHousehold"; problem: "notForKind" }
  | { field: "endDate"; problem: "beforeStart" };

/**
 * The checks a policy passes before it is saved (page, import, CLI alike): a positive amount;
 * 最少月数 1–12 for the yearly kinds only (公益性岗位补贴 is paid month by month); 每人最多月数
 * (≥ 1), 年龄上限 (16–120) and 每户限一人 for 公益性岗位补贴 only; 结束日期 not before 开始日期.
 * @example policyProblems({ kind: "交通补贴", amountFen: 0, ... }) // [{ field: "amountFen", problem: "notPositive" }]
 */
export function policyProblems(rule: PolicyRule): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const monthly = rule.kind === "公益性岗位补贴";
  if (!Number.isInteger(rule.amountFen) || rule.amountFen <= 0) problems.push({ field: "amountFen", problem: "notPositive" });
  if (rule.minMonths !== null) {
    if (monthly) problems.push({ field: "minMonths", problem: "notForKind" });
    else if (!Number.isInteger(rule.minMonths) || rule.minMonths < 1 || rule.minMonths > 12) problems.push({ field: "minMonths", problem: "outOfRange" });
  }
  if (rule.maxMonthsPerPerson !== null) {
    if (!monthly) problems.push({ field: "maxMonthsPerPerson", problem: "notForKind" });
    else if (!Number.isInteger(rule.maxMonthsPerPerson) || rule.maxMonthsPerPerson < 1) problems.push({ field: "maxMonthsPerPerson", problem: "outOfRange" });
  }
  if (rule.ageLimit !== null) {
    if (!monthly) problems.push({ field: "ageLimit", problem: "notForKind" });
    else if (!Number.isInteger(rule.ageLimit) || rule.ageLimit < 16 || rule.ageLimit > 120) problems.push({ field: "ageLimit", problem: "outOfRange" });
  }
  if (rule.onePerHousehold && !monthly) problems.push({ field: "onePerHousehold", problem: "notForKind" });
  if (rule.endDate !== null && rule.endDate < rule.startDate) problems.push({ field: "endDate", problem: "beforeStart" });
  return problems;
}
