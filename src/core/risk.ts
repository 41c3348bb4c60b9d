/**
 * 防返贫监测 — the return-to-poverty risk rules (../shared/DOMAIN.md, "Return-to-poverty risk"):
 * given a household before and after a change of its placements, which alerts to raise. Pure;
 * a use-case loads the household, asks here, and writes the alerts.
 *  - zero-employment: a 帮扶对象 household that had someone in work becomes zero-employment at D
 *    (a willing labour-force member, nobody at all in work) because a placement ended;
 *  - low income: its estimated yearly income per person from recorded work falls below the line.
 */
import { isAssisted, type HouseholdCategory, type LabourAbility } from "./enums.ts";
import { inLabourForce, openOn } from "./stats/figures.ts";

export interface RiskMember {
  id: number;
  birthDate: string;
  labourAbility: LabourAbility;
  willingToWork: boolean;
}

export interface RiskPlacement {
  workerId: number;
  startDate: string;
  endDate: string | null;
  /** Yuan a month; null when not recorded. */
  monthlyIncome: number | null;
}

export interface RiskHousehold {
  code: string;
  category: HouseholdCategory;
  /** 家庭人口数: every member, also those not registered as workers; null when unknown. */
  size: number | null;
  members: readonly RiskMember[];
}

export interface RiskSettings {
  /** The income line, yuan a year per person (configurable; counties set their own monitoring line). */
  incomeLinePerPersonYear: number;
}

export type RiskAlert =
  | {
      kind: "zero-employment";
      householdCode: string;
      /** Members whose work ended with this change. */
      workersLosingWork: number[];
      /** Willing labour-force members: the people postings should be found for. */
      jobSeekers: number[];
    }
  | {
      kind: "low-income";
      householdCode: string;
      /** Estimated yearly income per person before and after the change (yuan). */
      before: number;
      after: number;
      line: number;
    };

/** Yearly income from recorded work per person at D: open placements' monthly income × 12 ÷ household size. */
export function incomePerPersonYear(household: RiskHousehold, placements: readonly RiskPlacement[], date: string): { value: number; complete: boolean } {
  const memberIds = new Set(household.members.map((m) => m.id));
  let monthly = 0;
  let complete = true;
  for (const p of placements) {
    if (!memberIds.has(p.workerId) || !openOn(p, date)) continue;
    if (p.monthlyIncome === null) complete = false;
    else monthly += p.monthlyIncome;
  }
  const people = Math.max(1, household.size ?? household.members.length);
  return { value: Math.round((monthly * 12) / people), complete };
}

/** 零就业 at D: a willing labour-force member and nobody at all in work. */
export function isZeroEmployment(household: RiskHousehold, placements: readonly RiskPlacement[], date: string): boolean {
  const memberIds = new Set(household.members.map((m) => m.id));
  const someoneWilling = household.members.some((m) => m.willingToWork && inLabourForce(m, date));
  const someoneWorking = placements.some((p) => memberIds.has(p.workerId) && openOn(p, date));
  return someoneWilling && !someoneWorking;
}

/**
 * The alerts a change of a household's placements raises at date D. Only 帮扶对象 households are
 * monitored. An alert is raised when the condition starts with this change, not while it lasts.
 * The income alert waits while any open placement has no recorded income (no false alarms).
 * @example riskAlerts({ household, before, after, date: "2026-11-23", settings: { incomeLinePerPersonYear: 6000 } })
 */
export function riskAlerts(props: {
  household: RiskHousehold;
  before: readonly RiskPlacement[];
  after: readonly RiskPlacement[];
  date: string;
  settings: RiskSettings;
}): RiskAlert[] {
  const { household, before, after, date, settings } = props;
  if (!isAssisted(household.category)) return [];
  const alerts: RiskAlert[] = [];

  if (!isZeroEmployment(household, before, date) && isZeroEmployment(household, after, date)) {
    const workingBefore = new Set(before.filter((p) => openOn(p, date)).map((p) => p.workerId));
    alerts.push({
      kind: "zero-employment",
      householdCode: household.code,
      workersLosingWork: household.members.filter((m) => workingBefore.has(m.id)).map((m) => m.id),
      jobSeekers: household.members.filter((m) => m.willingToWork && inLabourForce(m, date)).map((m) => m.id),
    });
  }

  const incomeBefore = incomePerPersonYear(household, before, date);
  const incomeAfter = incomePerPersonYear(household, after, date);
  const line = settings.incomeLinePerPersonYear;
  if (incomeAfter.complete && incomeAfter.value < line && (incomeBefore.value >= line || !incomeBefore.complete)) {
    alerts.push({ kind: "low-income", householdCode: household.code, before: incomeBefore.value, after: incomeAfter.value, line });
  }
  return alerts;
}
