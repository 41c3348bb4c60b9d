import { describe, expect, it } from "vitest";
import { incomePerPersonYear, isZeroEmployment, riskAlerts, type RiskHousehold, type RiskPlacement } from "./risk.ts";

const D = "2026-11-23";
const settings = { incomeLinePerPersonYear: 6000 };

const household = (overrides: Partial<RiskHousehold> = {}): RiskHousehold => ({
  code: "H01",
  category: "脱贫户",
  size: 4,
  members: [
    { id: 1, birthDate: "1975-03-01", labourAbility: "有劳动能力", willingToWork: true },
    { id: 2, birthDate: "1978-07-01", labourAbility: "弱劳动力或半劳动力", willingToWork: true },
    { id: 3, birthDate: "1948-01-01", labourAbility: "无劳动能力", willingToWork: false },
  ],
  ...overrides,
});

const job = (workerId: number, monthlyIncome: number | null, endDate: string | null = null, startDate = "2025-01-01"): RiskPlacement => ({
  workerId,
  startDate,
  endDate,
  monthlyIncome,
});

describe("riskAlerts: zero-employment", () => {
  it("when the only placement ends, the household becomes zero-employment: alert with who lost work and who seeks it", () => {
    const alerts = riskAlerts({ household: household(), before: [job(1, 2500)], after: [job(1, 2500, "2026-11-22")], date: D, settings });
    expect(alerts[0]).toEqual({ kind: "zero-employment", householdCode: "H01", workersLosingWork: [1], jobSeekers: [1, 2] });
  });

  it.each<[string, Partial<RiskHousehold>, RiskPlacement[], RiskPlacement[]]>([
    ["another member still works", {}, [job(1, 2500), job(2, 1800)], [job(1, 2500, "2026-11-22"), job(2, 1800)]],
    ["a member outside the labour force still works", {}, [job(1, 2500), job(3, 700)], [job(1, 2500, "2026-11-22"), job(3, 700)]],
    ["the placement ends only on D", {}, [job(1, 2500)], [job(1, 2500, D)]],
    ["it was already zero-employment", {}, [job(1, 2500, "2026-01-31")], [job(1, 2500, "2026-01-31")]],
    ["nobody is willing to work", { members: [{ id: 1, birthDate: "1975-03-01", labourAbility: "有劳动能力", willingToWork: false }] }, [job(1, 2500)], [job(1, 2500, "2026-11-01")]],
    ["the household is 一般户", { category: "一般户" }, [job(1, 2500)], [job(1, 2500, "2026-11-01")]],
  ])("no zero-employment alert when %s", (_, change, before, after) => {
    const alerts = riskAlerts({ household: household(change), before, after, date: D, settings });
    expect(alerts.filter((a) => a.kind === "zero-employment")).toEqual([]);
  });
});

describe("riskAlerts: income below the line", () => {
  it("estimates yearly income per person over the whole household size", () => {
    // (2,000 + 1,000) × 12 ÷ 4 = 9,000
    expect(incomePerPersonYear(household(), [job(1, 2000), job(2, 1000), job(1, 5000, "2026-10-31")], D)).toEqual({ value: 9000, complete: true });
    expect(incomePerPersonYear(household({ size: null }), [job(1, 2000)], D)).toEqual({ value: 8000, complete: true });
    expect(incomePerPersonYear(household(), [job(1, null)], D)).toEqual({ value: 0, complete: false });
  });

  it.each<[string, RiskPlacement[], RiskPlacement[], boolean]>([
    // 2,500×12÷4 = 7,500 → 1,800×12÷4 = 5,400 < 6,000
    ["falls below the line", [job(1, 2500), job(2, 0, "2026-01-01")], [job(1, 1800)], true],
    ["stays above the line", [job(1, 2500)], [job(1, 2100)], false],
    ["was already below", [job(1, 1500)], [job(1, 1200)], false],
    ["an open placement has no recorded income", [job(1, 2500)], [job(1, 1000), job(2, null)], false],
    ["becomes known and is below", [job(1, null)], [job(1, 1000)], true],
  ])("income %s: alert %s", (_, before, after, expected) => {
    const alerts = riskAlerts({ household: household(), before, after, date: D, settings }).filter((a) => a.kind === "low-income");
    expect(alerts.length === 1).toBe(expected);
  });

  it("reports both figures and the line", () => {
    expect(riskAlerts({ household: household(), before: [job(1, 2500)], after: [job(1, 1800)], date: D, settings })).toEqual([
      { kind: "low-income", householdCode: "H01", before: 7500, after: 5400, line: 6000 },
    ]);
  });

  it("a placement ending can raise both alerts at once", () => {
    const kinds = riskAlerts({ household: household(), before: [job(1, 2500)], after: [job(1, 2500, "2026-11-22")], date: D, settings }).map((a) => a.kind);
    expect(kinds).toEqual(["zero-employment", "low-income"]);
  });
});

describe("isZeroEmployment", () => {
  it("is about the date: a worker turning 16 on D joins the labour force", () => {
    const teen = household({ members: [{ id: 9, birthDate: "2010-11-23", labourAbility: "有劳动能力", willingToWork: true }] });
    expect(isZeroEmployment(teen, [], "2026-11-22")).toBe(false);
    expect(isZeroEmployment(teen, [], D)).toBe(true);
  });
});
