import { describe, expect, it } from "vitest";
import { periodFor, requiredMonths, type PolicyRule } from "./policy.ts";

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
