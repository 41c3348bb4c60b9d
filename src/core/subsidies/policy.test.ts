import { describe, expect, it } from "vitest";
import { periodFor, policyProblems, requiredMonths, type PolicyRule } from "./policy.ts";

const rule = (kind: PolicyRule["kind"], startDate = "2024-01-01", endDate: string | null = null) => ({ kind, startDate, endDate });

describe("periodFor", () => {
  it.each<[string, ReturnType<typeof rule>, string, string, unknown]>([
    ["a year for 吸纳就业补贴", rule("吸纳就业补贴"), "2025", "2026-01-01", { ok: true, period: { label: "2025", first: "2025-01-01", last: "2025-12-31" } }],
    ["a month for 公益性岗位补贴", rule("公益性岗位补贴"), "2024-02", "2024-03-01", { ok: true, period: { label: "2024-02", first: "2024-02-01", last: "2024-02-29" } }],
    ["a month for a year kind does not fit", rule("交通补贴"), "2025-03", "2026-01-01", { ok: false, problem: "wrongPeriodType" }],
    ["a year for the monthly kind does not fit", rule("公益性岗位补贴"), "2025", "2026-01-01", { ok: false, problem: "wrongPeriodType" }],
    ["a year still running (today is its last day)", rule("交通补贴"), "2025", "2025-12-31", { ok: false, problem: "notEnded" }],
    ["a month still running", rule("公益性岗位补贴"), "2025-03", "2025-03-31", { ok: false, problem: "notEnded" }],
    ["the day after the month it has ended", rule("公益性岗位补贴"), "2025-03", "2025-04-01", { ok: true, period: { label: "2025-03", first: "2025-03-01", last: "2025-03-31" } }],
    ["a year before the policy starts", rule("交通补贴", "2025-01-01"), "2024", "2026-01-01", { ok: false, problem: "outsideValidity" }],
    ["a year the policy starts within is not inside it", rule("交通补贴", "2025-03-01"), "2025", "2026-01-01", { ok: false, problem: "outsideValidity" }],
    ["a year after the policy ends", rule("交通补贴", "2024-01-01", "2024-12-31"), "2025", "2026-01-01", { ok: false, problem: "outsideValidity" }],
    ["the policy's last month is inside", rule("公益性岗位补贴", "2024-01-01", "2025-03-31"), "2025-03", "2026-01-01", { ok: true, period: { label: "2025-03", first: "2025-03-01", last: "2025-03-31" } }],
    ["nonsense", rule("交通补贴"), "25", "2026-01-01", { ok: false, problem: "badPeriod" }],
    ["month 13", rule("公益性岗位补贴"), "2025-13", "2026-01-01", { ok: false, problem: "badPeriod" }],
  ])("%s", (_label, r, text, today, expected) => {
    expect(periodFor(r, text, today)).toEqual(expected);
  });

  it("knows the default 最少月数", () => {
    expect(requiredMonths({ kind: "吸纳就业补贴", minMonths: null })).toBe(6);
    expect(requiredMonths({ kind: "交通补贴", minMonths: null })).toBe(3);
    expect(requiredMonths({ kind: "交通补贴", minMonths: 5 })).toBe(5);
  });
});

describe("policyProblems", () => {
  const base: PolicyRule = { kind: "交通补贴", amountFen: 80_000, minMonths: null, maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, startDate: "2025-01-01", endDate: null };
  it.each<[string, Partial<PolicyRule>, string[]]>([
    ["a plain transport policy", {}, []],
    ["zero yuan", { amountFen: 0 }, ["amountFen:notPositive"]],
    ["最少月数 13", { minMonths: 13 }, ["minMonths:outOfRange"]],
    ["最少月数 for the monthly kind", { kind: "公益性岗位补贴", minMonths: 3 }, ["minMonths:notForKind"]],
    ["a cap on a yearly kind", { kind: "吸纳就业补贴", maxMonthsPerPerson: 12 }, ["maxMonthsPerPerson:notForKind"]],
    ["年龄上限 and 每户限一人 on a yearly kind", { ageLimit: 60, onePerHousehold: true }, ["ageLimit:notForKind", "onePerHousehold:notForKind"]],
    ["a full public-benefit policy", { kind: "公益性岗位补贴", maxMonthsPerPerson: 36, ageLimit: 60, onePerHousehold: true }, []],
    ["age limit 10", { kind: "公益性岗位补贴", ageLimit: 10 }, ["ageLimit:outOfRange"]],
    ["cap 0", { kind: "公益性岗位补贴", maxMonthsPerPerson: 0 }, ["maxMonthsPerPerson:outOfRange"]],
    ["ends before it starts", { endDate: "2024-12-31" }, ["endDate:beforeStart"]],
    ["ends the day it starts", { endDate: "2025-01-01" }, []],
  ])("%s", (_label, over, expected) => {
    expect(policyProblems({ ...base, ...over }).map((p) => `${p.field}:${p.problem}`)).toEqual(expected);
  });
});
