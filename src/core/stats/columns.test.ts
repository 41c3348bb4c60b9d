// The columnar figures (columns.ts) against the reference (figures.ts): the edges one at a time on
// tiny registries, then the hand-built county at every date around its edges.
import { describe, expect, it } from "vitest";
import {
  OPEN_END,
  columnsFromRegistry,
  countingPlacementIndexes,
  dateInt,
  employmentColumns,
  publicBenefitColumns,
  trendColumns,
  workshopColumns,
  zeroEmploymentColumns,
} from "./columns.ts";
import {
  EMPLOYMENT_BREAKDOWNS,
  employmentFigures,
  employmentTrend,
  publicBenefitPosts,
  workshopAbsorption,
  zeroEmploymentHouseholds,
  type StatsPlacement,
  type StatsRegistry,
  type StatsWorker,
} from "./figures.ts";
import { HAND_B, HAND_D, handBuiltCounty } from "./hand-built-county.ts";

const D = "2026-11-23";
const B = "2020-12-31";

/** One 脱贫户 household (id 1) in 东山镇, employers 1 (帮扶车间) and 2 (公益性岗位), and the given workers and placements. */
function tiny(workers: Partial<StatsWorker>[], placements: Partial<StatsPlacement>[]): StatsRegistry {
  return {
    households: [
      { id: 1, code: "H1", category: "脱贫户", town: "东山镇", village: "上村" },
      { id: 2, code: "H0", category: "一般户", town: "东山镇", village: "上村" },
    ],
    workers: workers.map((w, i) => ({
      id: i + 1,
      householdId: 1,
      town: "东山镇",
      birthDate: "1980-01-01",
      labourAbility: "有劳动能力",
      willingToWork: true,
      ...w,
    })),
    employers: [
      { id: 1, code: "E1", name: "车间", type: "帮扶车间", town: "东山镇" },
      { id: 2, code: "E2", name: "公益", type: "公益性岗位", town: "东山镇" },
    ],
    placements: placements.map((p, i) => ({
      id: i + 1,
      workerId: 1,
      employerId: 1,
      employmentForm: null,
      startDate: "2025-01-01",
      endDate: null,
      ...p,
    })),
    postings: [
      { employerId: 2, headcount: 3, status: "招聘中" },
      { employerId: 2, headcount: 5, status: "已关闭" },
    ],
  };
}

/** Every columnar figure equals the reference on `registry` at `date`. */
function expectSame(registry: StatsRegistry, date: string, baseline = B, town?: string) {
  const columns = columnsFromRegistry(registry);
  const scope = town !== undefined ? { town } : {};
  for (const by of EMPLOYMENT_BREAKDOWNS) {
    expect(employmentColumns(columns, { date, baseline, by, ...scope }), by).toEqual(employmentFigures(registry, { date, baseline, by, ...scope }));
  }
  expect(zeroEmploymentColumns(columns, { date, ...scope })).toEqual(zeroEmploymentHouseholds(registry, { date, ...scope }));
  expect(workshopColumns(columns, { date, ...scope })).toEqual(workshopAbsorption(registry, { date, ...scope }));
  expect(publicBenefitColumns(columns, { date, ...scope })).toEqual(publicBenefitPosts(registry, { date, ...scope }));
  expect(trendColumns(columns, { date, ...scope })).toEqual(employmentTrend(registry, { date, ...scope }));
}

describe("dateInt", () => {
  it.each([
    ["2026-11-23", 20261123],
    ["1999-01-09", 19990109],
    ["0001-12-31", 11231],
  ])("%s is %s", (date, value) => expect(dateInt(date)).toBe(value));

  it("puts open placements after every date", () => expect(OPEN_END).toBeGreaterThan(dateInt("9999-12-30")));
});

describe("the edges, one at a time", () => {
  it.each<[string, Partial<StatsWorker>[], Partial<StatsPlacement>[]]>([
    ["a placement ending exactly on D", [{}], [{ endDate: D }]],
    ["a placement ending the day before D", [{}], [{ endDate: "2026-11-22" }]],
    ["a placement starting exactly on D", [{}], [{ startDate: D }]],
    ["a placement starting the day after D", [{}], [{ startDate: "2026-11-24" }]],
    ["a worker turning 16 on D", [{ birthDate: "2010-11-23" }], [{}]],
    ["a worker turning 16 the day after D", [{ birthDate: "2010-11-24" }], [{}]],
    ["a worker born on 29 February", [{ birthDate: "2008-02-29" }], [{}]],
    ["several open placements, the later start counts", [{}], [{ startDate: "2025-03-01", employerId: 2 }, { startDate: "2025-01-01" }]],
    ["several open placements on the same start day, the newer row counts", [{}], [{ employerId: 2 }, { employerId: null, employmentForm: "外出务工" }, {}]],
    ["two open placements at one workshop count one person", [{}], [{}, { startDate: "2024-01-01" }]],
    ["a household with no labour force", [{ labourAbility: "丧失劳动能力" }, { birthDate: "2015-01-01" }], []],
    ["a household kept out of zero-employment by a member outside the labour force who works", [{}, { birthDate: "2015-01-01" }], [{ workerId: 2 }]],
    ["unwilling workers without work", [{ willingToWork: false }, { willingToWork: false, labourAbility: "弱劳动力或半劳动力" }], []],
    ["a willing worker without work", [{ willingToWork: false }, {}], [{ endDate: "2025-06-30" }]],
    ["a worker of a 一般户 household in work", [{ householdId: 2 }, {}], [{ workerId: 1 }, { workerId: 2, employerId: 2 }]],
    ["work outside the registry", [{}], [{ employerId: null, employmentForm: "灵活就业" }]],
    ["employed at the baseline only", [{ birthDate: "1990-05-05" }], [{ startDate: "2019-01-01", endDate: "2021-01-01" }]],
  ])("%s", (_name, workers, placements) => {
    const registry = tiny(workers, placements);
    for (const date of [D, "2026-11-22", "2026-11-24", "2026-11-30"]) expectSame(registry, date);
    expectSame(registry, D, B, "东山镇");
    expectSame(registry, D, B, "无此镇");
  });

  it("picks the counting placement by latest start, then the newest row", () => {
    const columns = columnsFromRegistry(
      tiny([{}, {}], [{ startDate: "2025-03-01" }, { startDate: "2025-01-01" }, { workerId: 2 }, { workerId: 2 }, { workerId: 2, endDate: "2025-12-31" }]),
    );
    expect([...countingPlacementIndexes(columns, dateInt(D))]).toEqual([0, 3]);
    expect([...countingPlacementIndexes(columns, dateInt("2024-12-31"))]).toEqual([-1, -1]);
  });
});

describe("the hand-built county", () => {
  it.each([
    [HAND_D, HAND_B, undefined],
    ["2026-11-22", HAND_B, undefined],
    ["2026-11-24", "2021-06-30", undefined],
    ["2026-11-30", "2019-12-31", undefined],
    ["2025-12-31", HAND_B, undefined],
    [HAND_D, HAND_B, "东山镇"],
    [HAND_D, HAND_B, "西河乡"],
    ["2026-11-24", "2019-12-31", "西河乡"],
    [HAND_D, HAND_B, "无此镇"],
  ])("agrees with the reference at %s (baseline %s, town %s)", (date, baseline, town) => {
    expectSame(handBuiltCounty, date, baseline, town);
  });
});
