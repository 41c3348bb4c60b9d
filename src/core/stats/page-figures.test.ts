// The fused page figures (page-figures.ts) against the separate columnar figures (columns.ts, held
// to figures.ts by columns.test.ts): random registries at random dates and scopes, then the
// hand-built county around its edges.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMPLOYER_TYPES, EMPLOYMENT_FORMS, HOUSEHOLD_CATEGORIES, LABOUR_ABILITIES, POSTING_STATUSES } from "../enums.ts";
import { columnsFromRegistry, employmentColumns, publicBenefitColumns, trendColumns, workshopColumns, zeroEmploymentColumns, type StatsColumns } from "./columns.ts";
import { EMPLOYMENT_BREAKDOWNS, employmentTrend, type EmploymentBreakdown, type EmploymentRow, type StatsPlacement, type StatsRegistry, type StatsWorker } from "./figures.ts";
import { HAND_B, HAND_D, handBuiltCounty } from "./hand-built-county.ts";
import { pageFiguresColumns, pageFiguresOf, pageState, pageStateAfter, type PageFigures, type PageFiguresQuery } from "./page-figures.ts";

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

/** A change of the registry as a patch brings it: placements recorded, ended, corrected or gone, workers' rows, new workers. */
type Change =
  | { kind: "end"; placement: number; end: string }
  | { kind: "reopen"; placement: number }
  | { kind: "move"; placement: number; worker: number; employer: number | null; start: string }
  | { kind: "add"; worker: number; employer: number | null; start: string; end: string | null }
  | { kind: "drop"; placement: number }
  | { kind: "worker"; worker: number; birthDate: string; labourAbility: StatsWorker["labourAbility"]; willingToWork: boolean; household: number; town: string }
  | { kind: "hire"; household: number; town: string; employer: number | null; start: string };

const changeArbitrary: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant("end" as const), placement: fc.nat(), end: fc.constantFrom(...DATES) }),
  fc.record({ kind: fc.constant("reopen" as const), placement: fc.nat() }),
  fc.record({ kind: fc.constant("move" as const), placement: fc.nat(), worker: fc.nat(), employer: fc.option(fc.nat(), { nil: null }), start: fc.constantFrom(...DATES) }),
  fc.record({ kind: fc.constant("add" as const), worker: fc.nat(), employer: fc.option(fc.nat(), { nil: null }), start: fc.constantFrom(...DATES), end: fc.option(fc.constantFrom(...DATES), { nil: null }) }),
  fc.record({ kind: fc.constant("drop" as const), placement: fc.nat() }),
  fc.record({
    kind: fc.constant("worker" as const),
    worker: fc.nat(),
    birthDate: fc.constantFrom(...BIRTHS),
    labourAbility: fc.constantFrom(...LABOUR_ABILITIES),
    willingToWork: fc.boolean(),
    household: fc.nat(),
    town: fc.constantFrom(...TOWNS),
  }),
  fc.record({ kind: fc.constant("hire" as const), household: fc.nat(), town: fc.constantFrom(...TOWNS), employer: fc.option(fc.nat(), { nil: null }), start: fc.constantFrom(...DATES) }),
);

/** `registry` after `change` (ids as a database gives them: a new row takes the next id). */
function applyChange(registry: StatsRegistry, change: Change): StatsRegistry {
  const placements = [...registry.placements];
  const workers = [...registry.workers];
  const nextId = (rows: readonly { id: number }[]) => Math.max(0, ...rows.map((r) => r.id)) + 1;
  const employerId = (n: number | null) => (n === null ? null : (n % registry.employers.length) + 1);
  const withEnd = (p: StatsPlacement, end: string | null): StatsPlacement => ({ ...p, endDate: end !== null && end < p.startDate ? p.startDate : end });
  const at = (n: number) => n % placements.length;
  switch (change.kind) {
    case "end":
      if (placements.length > 0) placements[at(change.placement)] = withEnd(placements[at(change.placement)]!, change.end);
      break;
    case "reopen":
      if (placements.length > 0) placements[at(change.placement)] = withEnd(placements[at(change.placement)]!, null);
      break;
    case "move":
      if (placements.length > 0) {
        const p = placements[at(change.placement)]!;
        const employer = employerId(change.employer);
        placements[at(change.placement)] = withEnd(
          { ...p, workerId: (change.worker % workers.length) + 1, employerId: employer, employmentForm: employer === null ? "灵活就业" : null, startDate: change.start },
          p.endDate,
        );
      }
      break;
    case "add": {
      const employer = employerId(change.employer);
      const p: StatsPlacement = { id: nextId(placements), workerId: (change.worker % workers.length) + 1, employerId: employer, employmentForm: employer === null ? "外出务工" : null, startDate: change.start, endDate: null };
      placements.push(withEnd(p, change.end));
      break;
    }
    case "drop":
      if (placements.length > 0) placements.splice(at(change.placement), 1);
      break;
    case "worker": {
      const i = change.worker % workers.length;
      workers[i] = { ...workers[i]!, birthDate: change.birthDate, labourAbility: change.labourAbility, willingToWork: change.willingToWork, householdId: (change.household % registry.households.length) + 1, town: change.town };
      break;
    }
    case "hire": {
      const id = nextId(workers);
      workers.push({ id, householdId: (change.household % registry.households.length) + 1, town: change.town, birthDate: "1980-01-01", labourAbility: "有劳动能力", willingToWork: true });
      const employer = employerId(change.employer);
      placements.push({ id: nextId(placements), workerId: id, employerId: employer, employmentForm: employer === null ? "灵活就业" : null, startDate: change.start, endDate: null });
      break;
    }
  }
  return { ...registry, workers, placements };
}

/** The columns of `registry` sharing the town and village lists of `previous` when they are the same (as a patch shares them). */
function columnsAfter(previous: StatsColumns, registry: StatsRegistry): StatsColumns {
  const columns = columnsFromRegistry(registry);
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return same(columns.towns, previous.towns) && same(columns.villages, previous.villages) ? { ...columns, towns: previous.towns, villages: previous.villages } : columns;
}

describe("the page's counters moved to a patched snapshot", () => {
  it("give the figures of a whole pass over the new columns, after every change of random sequences", () => {
    fc.assert(
      fc.property(
        registryArbitrary,
        fc.array(changeArbitrary, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...DATES),
        fc.constantFrom(...DATES),
        fc.constantFrom(undefined, ...TOWNS, "无此镇"),
        (registry, changes, date, baseline, town) => {
          const query = { date, baseline, town };
          let columns = columnsFromRegistry(registry);
          let state = pageState(columns, query);
          for (const change of changes) {
            registry = applyChange(registry, change);
            const next = columnsAfter(columns, registry);
            const moved = pageStateAfter(state, next);
            // Placement changes alone (the figures' everyday change) are always followed, never recomputed.
            if (next.towns === columns.towns && (change.kind === "end" || change.kind === "reopen" || change.kind === "add")) expect(moved).toBeDefined();
            state = moved ?? pageState(next, query);
            expect(pageFiguresOf(state)).toEqual(pageFiguresColumns(next, query));
            columns = next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers undefined (compute afresh) when the town list is not the one the counters were taken over", () => {
    const columns = columnsFromRegistry(handBuiltCounty);
    const state = pageState(columns, { date: HAND_D, baseline: HAND_B });
    expect(pageStateAfter(state, columnsFromRegistry(handBuiltCounty))).toBeUndefined();
    expect(pageStateAfter(state, columns)).toBe(state);
  });
});

describe("the columnar trend over other lengths", () => {
  it("equals the reference for 1, 13, 16, 17 and 24 months on random registries", () => {
    fc.assert(
      fc.property(registryArbitrary, fc.constantFrom(...DATES), fc.constantFrom(1, 13, 16, 17, 24), fc.constantFrom(undefined, ...TOWNS), (registry, date, months, town) => {
        const scope = town !== undefined ? { town } : {};
        expect(trendColumns(columnsFromRegistry(registry), { date, months, ...scope })).toEqual(employmentTrend(registry, { date, months, ...scope }));
      }),
      { numRuns: 200 },
    );
  });
});
