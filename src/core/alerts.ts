/**
 * 防返贫预警 — the alerts' life and the settings around them, pure: which alerts a household's
 * placements call for at a date (from the risk rules of src/core/risk.ts), and when an open alert
 * is overdue. A use-case (src/use-cases/risk-alerts.ts) loads, asks here and writes.
 */
import { addDays, daysBetween } from "./calendar.ts";
import { isAssisted } from "./enums.ts";
import { incomePerPersonYear, isZeroEmployment, type RiskHousehold, type RiskPlacement } from "./risk.ts";
import { inLabourForce, openOn } from "./stats/figures.ts";

export const ALERT_KINDS = ["zero-employment", "low-income"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_STATUSES = ["open", "closed"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** How an alert ends (结果). */
export const ALERT_OUTCOMES = ["已就业", "已落实其他帮扶", "收入已恢复", "核实无风险", "其他"] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

// The income line (yuan per person per month) and the days after which an open alert is
// overdue are settings (src/core/settings.ts: incomeLinePerPersonMonth, alertOverdueDays), read
// through src/use-cases/settings.ts and passed in here.

/** What an alert carries besides its kind: the people to find work for, or the income figures. */
export type AlertDetail =
  | { kind: "zero-employment"; jobSeekers: number[] }
  | { kind: "low-income"; perPersonMonth: number; line: number };

/**
 * The alerts a household's placements call for at D, leaving out kinds already open. Level, not
 * edge: a household that is zero-employment at D gets one open alert however it got there (a
 * departure, a staff end, an import); the open alert keeps a second from being raised. Income is
 * judged only when someone works and every open placement has its income recorded; a
 * zero-employment household gets the zero-employment alert alone.
 * @example alertsDue({ household, placements, date: "2026-11-23", incomeLinePerPersonMonth: 500, open: [] })
 */
export function alertsDue(props: {
  household: RiskHousehold;
  placements: readonly RiskPlacement[];
  date: string;
  incomeLinePerPersonMonth: number;
  open: readonly AlertKind[];
}): AlertDetail[] {
  const { household, placements, date } = props;
  if (!isAssisted(household.category)) return [];
  const due: AlertDetail[] = [];
  const zero = isZeroEmployment(household, placements, date);
  if (zero && !props.open.includes("zero-employment")) {
    due.push({ kind: "zero-employment", jobSeekers: household.members.filter((m) => m.willingToWork && inLabourForce(m, date)).map((m) => m.id) });
  }
  const memberIds = new Set(household.members.map((m) => m.id));
  const working = placements.some((p) => memberIds.has(p.workerId) && openOn(p, date));
  if (!zero && working && !props.open.includes("low-income")) {
    const income = incomePerPersonYear(household, placements, date);
    const perPersonMonth = Math.round(income.value / 12);
    if (income.complete && perPersonMonth < props.incomeLinePerPersonMonth) {
      due.push({ kind: "low-income", perPersonMonth, line: props.incomeLinePerPersonMonth });
    }
  }
  return due;
}

/**
 * Overdue: open, nobody acted (no assignment, no note) and raised more than `days` days before
 * today (`days`: the alertOverdueDays setting).
 */
export function isOverdue(alert: { status: AlertStatus; raisedDate: string; actedDate: string | null }, today: string, days: number): boolean {
  return alert.status === "open" && alert.actedDate === null && daysBetween(alert.raisedDate, today) > days;
}

/** The latest raised date of an overdue alert at `today`: raised on or before it and not acted on. */
export function overdueRaisedUntil(today: string, days: number): string {
  return addDays(today, -(days + 1));
}
