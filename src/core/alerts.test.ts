import { describe, expect, it } from "vitest";
import { alertsDue, isOverdue } from "./alerts.ts";
import { dayAfter, daysBetween } from "./calendar.ts";
import type { RiskHousehold, RiskPlacement } from "./risk.ts";

const D = "2026-11-23";
const household = (category: RiskHousehold["category"] = "脱贫户"): RiskHousehold => ({
  code: "H1",
  category,
  size: 4,
  members: [
    { id: 1, birthDate: "1970-01-01", labourAbility: "有劳动能力", willingToWork: true },
    { id: 2, birthDate: "1975-01-01", labourAbility: "弱劳动力或半劳动力", willingToWork: true },
    { id: 3, birthDate: "2015-01-01", labourAbility: "无劳动能力", willingToWork: false },
  ],
});
const ended: RiskPlacement = { workerId: 1, startDate: "2025-01-01", endDate: "2026-11-20", monthlyIncome: 2000 };
const open = (monthlyIncome: number | null): RiskPlacement => ({ workerId: 1, startDate: "2025-01-01", endDate: null, monthlyIncome });
const due = (props: Partial<Parameters<typeof alertsDue>[0]>) =>
  alertsDue({ household: household(), placements: [], date: D, incomeLinePerPersonMonth: 500, open: [], ...props });

describe("alertsDue", () => {
  it.each<[string, Partial<Parameters<typeof alertsDue>[0]>, string[]]>([
    ["the last work ended: zero-employment", { placements: [ended] }, ["zero-employment"]],
    ["already open: nothing more", { placements: [ended], open: ["zero-employment"] }, []],
    ["an ordinary household is not monitored", { household: household("一般户"), placements: [ended] }, []],
    ["someone works at 2000 for 4 people: fine", { placements: [open(2000)] }, []],
    ["someone works at 1600 for 4 people: below 500 a head", { placements: [open(1600)] }, ["low-income"]],
    ["income not recorded: no judgement", { placements: [open(null)] }, []],
    ["low income already open", { placements: [open(1600)], open: ["low-income"] }, []],
  ])("%s", (_, props, kinds) => expect(due(props).map((a) => a.kind)).toEqual(kinds));

  it("names the willing labour-force members to find work for, and the income figures", () => {
    expect(due({ placements: [ended] })).toEqual([{ kind: "zero-employment", jobSeekers: [1, 2] }]);
    expect(due({ placements: [open(1600)] })).toEqual([{ kind: "low-income", perPersonMonth: 400, line: 500 }]);
  });
});

describe("dates", () => {
  it("counts days and the day after", () => {
    expect(dayAfter("2026-02-28")).toBe("2026-03-01");
    expect(daysBetween("2026-11-01", "2026-11-23")).toBe(22);
  });

  it.each([
    [{ status: "open", raisedDate: "2026-11-10", actedDate: null }, true],
    [{ status: "open", raisedDate: "2026-11-16", actedDate: null }, false],
    [{ status: "open", raisedDate: "2026-11-10", actedDate: "2026-11-11" }, false],
    [{ status: "closed", raisedDate: "2026-11-01", actedDate: null }, false],
  ] as const)("overdue after 7 days without action: %o → %s", (alert, overdue) => expect(isOverdue(alert, D, 7)).toBe(overdue));
});
