// The fused page figures (page-figures.ts) against the separate columnar figures (columns.ts, held
// to figures.ts by columns.test.ts): random registries at random dates and scopes, then the
// hand-built county around its edges.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMPLOYER_TYPES, EMPLOYMENT_FORMS, HOUSEHOLD_CATEGORIES, LABOUR_ABILITIES, POSTING_STATUSES } from "../enums.ts";
import { columnsFromRegistry, employmentColumns, publicBenefitColumns, trendColumns, workshopColumns, zeroEmploymentColumns, type StatsColumns } from "./columns.ts";
import { EMPLOYMENT_BREAKDOWNS, type EmploymentBreakdown, type EmploymentRow, type StatsRegistry } from "./figures.ts";
import { HAND_B, HAND_D, handBuiltCounty } from "./hand-built-county.ts";
import { pageFiguresColumns, type PageFigures, type PageFiguresQuery } from "./page-figures.ts";

/** The page as it was computed before: each figure's own function. */
function separately(columns: StatsColumns, query: PageFiguresQuery): PageFigures {
  const { date, baseline } = query;
  const town = query.town !== undefined ? { town: query.town } : {};
  return {
    breakdowns: Object.fromEntries(EMPLOYMENT_BREAKDOWNS.map((by) => [by, employmentColumns(columns, { date, baseline, by, ...town })])) as Record<EmploymentBreakdown, EmploymentRow[]>,
    workshops: workshopColumns(columns, { date, ...town }).rows,
    publicBenefit: publicBenefitColumns(columns, { date, ...town }),
    trend: trendColumns(columns, { date, ...town }).rows,
    zeroEmploymentHouseholds: zeroEmploymentColumns(columns, { date, ...town }).households.length,
  };
}

const TOWNS = ["东山镇", "西河乡", "南岭镇"];
/** Dates around month ends, the baseline and the trend's first month, so every edge is met. */
const DATES = ["2019-12-31", "2020-12-31", "2021-01-01", "2025-11-30", "2025-12-01", "2026-06-30", "2026-10-31", "2026-11-01", "2026-11-22", "2026-11-23", "2026-11-30"];
const BIRTHS = ["1950-03-01", "1980-01-01", "2009-11-30", "2009-12-01", "2010-06-30", "2010-07-01", "2004-12-31", "2005-01-01", "2010-11-23", "2010-11-24", "2012-06-30", "2015-01-01"];

const registryArbitrary: fc.Arbitrary<StatsRegistry> = fc
  .record({
    households: fc.array(fc.record({ category: fc.constantFrom(...HOUSEHOLD_CATEGORIES), town: fc.constantFrom(...TOWNS), code: fc.constantFrom("H1", "H2", "H3", "H10", "H7") }), { minLength: 1, maxLength: 6 }),
    workers: fc.array(
      fc.record({
        household: fc.nat(),
        town: fc.constantFrom(...TOWNS),
        birthDate: fc.constantFrom(...BIRTHS),
        labourAbility: fc.constantFrom(...LABOUR_ABILITIES),
        willingToWork: fc.boolean(),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    employers: fc.array(fc.record({ type: fc.constantFrom(...EMPLOYER_TYPES), town: fc.constantFrom(...TOWNS), code: fc.constantFrom("E1", "E2", "E3", "E20") }), { minLength: 1, maxLength: 5 }),
    placements: fc.array(
      fc.record({
        worker: fc.nat(),
        employer: fc.option(fc.nat(), { nil: null }),
        form: fc.constantFrom(...EMPLOYMENT_FORMS),
        start: fc.constantFrom(...DATES),
        end: fc.option(fc.constantFrom(...DATES), { nil: null }),
      }),
      { maxLength: 30 },
    ),
    postings: fc.array(fc.record({ employer: fc.nat(), headcount: fc.integer({ min: 1, max: 9 }), status: fc.constantFrom(...POSTING_STATUSES) }), { maxLength: 6 }),
  })
  .map((r) => ({
    households: r.households.map((h, i) => ({ id: i + 1, code: h.code, category: h.category, town: h.town, village: `${h.town}村` })),
    workers: r.workers.map((w, i) => ({
      id: i + 1,
      householdId: (w.household % r.households.length) + 1,
      town: w.town,
      birthDate: w.birthDate,
      labourAbility: w.labourAbility,
      willingToWork: w.willingToWork,
    })),
    employers: r.employers.map((e, i) => ({ id: i + 1, code: e.code, name: `${e.code}名`, type: e.type, town: e.town })),
    placements: r.placements
      .filter((p) => p.end === null || p.end >= p.start)
      .map((p, i) => ({
        id: i + 1,
        workerId: (p.worker % r.workers.length) + 1,
        employerId: p.employer === null ? null : (p.employer % r.employers.length) + 1,
        employmentForm: p.employer === null ? p.form : null,
        startDate: p.start,
        endDate: p.end,
      })),
    postings: r.postings.map((p) => ({ employerId: (p.employer % r.employers.length) + 1, headcount: p.headcount, status: p.status })),
  }));

describe("the statistics page's figures in one pass", () => {
  it("equal each figure computed on its own, on random registries, dates and scopes", () => {
    fc.assert(
      fc.property(registryArbitrary, fc.constantFrom(...DATES), fc.constantFrom(...DATES), fc.constantFrom(undefined, ...TOWNS, "无此镇"), (registry, date, baseline, town) => {
        const columns = columnsFromRegistry(registry);
        const query = { date, baseline, town };
        expect(pageFiguresColumns(columns, query)).toEqual(separately(columns, query));
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    [HAND_D, HAND_B, undefined],
    ["2026-11-22", HAND_B, undefined],
    ["2026-11-30", "2019-12-31", undefined],
    ["2025-12-31", HAND_B, undefined],
    [HAND_D, HAND_B, "东山镇"],
    [HAND_D, HAND_B, "西河乡"],
    [HAND_D, HAND_B, "无此镇"],
  ])("equal each figure computed on its own on the hand-built county at %s (baseline %s, town %s)", (date, baseline, town) => {
    const columns = columnsFromRegistry(handBuiltCounty);
    expect(pageFiguresColumns(columns, { date, baseline, town })).toEqual(separately(columns, { date, baseline, town }));
  });
});
