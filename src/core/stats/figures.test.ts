// The reference definitions of the bureau's figures on a county small enough to count by hand.
// Every expected number below is worked out from src/core/stats/hand-built-county.ts.
import { describe, expect, it } from "vitest";
import { ageOn } from "../calendar.ts";
import {
  employmentFigures,
  employmentTrend,
  inLabourForce,
  labourForceBirthCutoff,
  monthEndsUpTo,
  openOn,
  publicBenefitPosts,
  workshopAbsorption,
  zeroEmploymentHouseholds,
  type EmploymentRow,
} from "./figures.ts";
import { HAND_B, HAND_D, handBuiltCounty as county } from "./hand-built-county.ts";

const row = (key: string, labour_force: number | null, employed: number, employed_baseline: number): EmploymentRow => ({
  key,
  labour_force,
  employed,
  employed_baseline,
});

// ageOn itself is table-tested in src/core/calendar.test.ts.
describe("the labour-force age", () => {
  it.each([
    ["2010-11-23", "2026-11-23", true],
    ["2010-11-24", "2026-11-23", false],
    ["2008-02-29", "2024-02-29", true],
    ["2008-03-01", "2024-02-29", false],
    ["2005-02-29", "2021-02-28", false],
  ])("the text cutoff agrees with ageOn: born %s, on %s, 16 or more = %s", (birth, on, expected) => {
    expect(birth <= labourForceBirthCutoff(on)).toBe(expected);
    expect(ageOn(birth, on) >= 16).toBe(expected);
  });

  it("counts the able and the partly able, not those who lost or never had the ability", () => {
    const base = { birthDate: "1980-01-01" };
    expect(inLabourForce({ ...base, labourAbility: "有劳动能力" }, HAND_D)).toBe(true);
    expect(inLabourForce({ ...base, labourAbility: "弱劳动力或半劳动力" }, HAND_D)).toBe(true);
    expect(inLabourForce({ ...base, labourAbility: "丧失劳动能力" }, HAND_D)).toBe(false);
    expect(inLabourForce({ ...base, labourAbility: "无劳动能力" }, HAND_D)).toBe(false);
  });

  it("a placement is open from its start to its end, both days included", () => {
    const p = { startDate: "2026-01-01", endDate: "2026-11-23" };
    expect([openOn(p, "2025-12-31"), openOn(p, "2026-01-01"), openOn(p, "2026-11-23"), openOn(p, "2026-11-24")]).toEqual([false, true, true, false]);
    expect(openOn({ startDate: "2026-01-01", endDate: null }, "2099-01-01")).toBe(true);
  });
});

describe("employmentFigures: 帮扶对象 labour force employed", () => {
  it("by town: the worker's own town, a worker turning 16 on D counts, a placement ending on D counts", () => {
    expect(employmentFigures(county, { date: HAND_D, baseline: HAND_B, by: "town" })).toEqual([
      row("东山镇", 6, 3, 2),
      row("西河乡", 4, 1, 3),
      row("total", 10, 4, 5),
    ]);
  });

  it("by household category, with a category that has no labour force", () => {
    expect(employmentFigures(county, { date: HAND_D, baseline: HAND_B, by: "category" })).toEqual([
      row("脱贫户", 5, 2, 2),
      row("脱贫不稳定户", 2, 1, 1),
      row("边缘易致贫户", 3, 1, 2),
      row("突发严重困难户", 0, 0, 0),
      row("total", 10, 4, 5),
    ]);
  });

  it("by platform: each person once, on the placement with the latest start; 就业形式 without employer", () => {
    expect(employmentFigures(county, { date: HAND_D, baseline: HAND_B, by: "platform" })).toEqual([
      row("帮扶车间", null, 1, 1),
      row("卫星工厂", null, 2, 1),
      row("公益性岗位", null, 1, 0),
      row("用工企业", null, 0, 2),
      row("灵活就业", null, 0, 1),
      row("total", 10, 4, 5),
    ]);
  });

  it("the day before D: the 15-year-old is outside the labour force, the migrant still at work", () => {
    expect(employmentFigures(county, { date: "2026-11-22", baseline: HAND_B, by: "town" })).toEqual([
      row("东山镇", 5, 2, 2),
      row("西河乡", 4, 2, 3),
      row("total", 9, 4, 5),
    ]);
  });

  it("a town scope keeps only that town's workers", () => {
    expect(employmentFigures(county, { date: HAND_D, baseline: HAND_B, by: "platform", town: "西河乡" })).toEqual([
      row("卫星工厂", null, 1, 0),
      row("用工企业", null, 0, 2),
      row("灵活就业", null, 0, 1),
      row("total", 4, 1, 3),
    ]);
    expect(employmentFigures(county, { date: HAND_D, baseline: HAND_B, by: "town", town: "无此镇" })).toEqual([row("total", 0, 0, 0)]);
  });
});

describe("zeroEmploymentHouseholds", () => {
  it("lists 帮扶对象 households with a willing labour-force member and nobody at all in work", () => {
    // H06 is kept off by a member outside the labour force who works; H08's only member is unwilling;
    // H05 has no labour force; H09 is 一般户; H02's member still works on D (placement ends on D).
    expect(zeroEmploymentHouseholds(county, { date: HAND_D })).toEqual({
      households: [{ code: "H07", town: "东山镇", village: "下村", labour_force: 2 }],
    });
  });

  it("when a placement ends on D, the household becomes zero-employment the day after", () => {
    expect(zeroEmploymentHouseholds(county, { date: "2026-11-24" })).toEqual({
      households: [
        { code: "H02", town: "东山镇", village: "下村", labour_force: 2 },
        { code: "H07", town: "东山镇", village: "下村", labour_force: 2 },
      ],
    });
  });

  it("a town scope uses the household's town", () => {
    expect(zeroEmploymentHouseholds(county, { date: "2026-11-24", town: "西河乡" })).toEqual({ households: [] });
  });
});

describe("workshopAbsorption", () => {
  it("counts distinct people open at D whatever their age or category, and the 帮扶对象 among them", () => {
    expect(workshopAbsorption(county, { date: HAND_D })).toEqual({
      rows: [
        { code: "CJ001", name: "上村帮扶车间", type: "帮扶车间", employed: 3, employed_assisted: 3 },
        { code: "CJ002", name: "河村帮扶车间", type: "帮扶车间", employed: 0, employed_assisted: 0 },
        { code: "WX001", name: "河村卫星工厂", type: "卫星工厂", employed: 3, employed_assisted: 2 },
      ],
    });
  });

  it("a town scope keeps the workshops located in that town", () => {
    expect(workshopAbsorption(county, { date: "2026-11-24", town: "西河乡" }).rows.map((r) => [r.code, r.employed])).toEqual([
      ["CJ002", 0],
      ["WX001", 2],
    ]);
  });
});

describe("publicBenefitPosts", () => {
  it("offers the headcount of open public-benefit postings and counts the people in such posts", () => {
    expect(publicBenefitPosts(county, { date: HAND_D })).toEqual({ posts_offered: 5, people: 2 });
    expect(publicBenefitPosts(county, { date: "2025-02-01" })).toEqual({ posts_offered: 5, people: 1 });
    expect(publicBenefitPosts(county, { date: HAND_D, town: "西河乡" })).toEqual({ posts_offered: 0, people: 0 });
  });
});

describe("the monthly trend", () => {
  it.each([
    ["2026-11-23", 3, ["2026-08-31", "2026-09-30", "2026-10-31"]],
    ["2026-11-30", 2, ["2026-10-31", "2026-11-30"]],
    ["2024-03-10", 2, ["2024-01-31", "2024-02-29"]],
    ["2026-01-15", 2, ["2025-11-30", "2025-12-31"]],
  ])("month-ends up to %s (%i months)", (date, count, expected) => {
    expect(monthEndsUpTo(date, count)).toEqual(expected);
  });

  it("gives labour force and employed at each month-end", () => {
    expect(employmentTrend(county, { date: HAND_D, months: 3 })).toEqual({
      rows: [
        { month: "2026-08", date: "2026-08-31", labour_force: 9, employed: 5 },
        { month: "2026-09", date: "2026-09-30", labour_force: 9, employed: 4 },
        { month: "2026-10", date: "2026-10-31", labour_force: 9, employed: 4 },
      ],
    });
    expect(employmentTrend(county, { date: HAND_D }).rows).toHaveLength(12);
  });
});
