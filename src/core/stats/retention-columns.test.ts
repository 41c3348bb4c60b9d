// Retention over the columnar snapshot (retention-columns.ts) against the readable reference of
// retention.ts (groupPlacements, keptAt): the day rule on integers for every day of seven years,
// a few edges by hand, then generated registries for every breakdown, scope and filter.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysInMonth } from "../calendar.ts";
import { EMPLOYER_TYPES, EMPLOYMENT_FORMS, HOUSEHOLD_CATEGORIES } from "../enums.ts";
import { columnsFromRegistry, dateInt } from "./columns.ts";
import type { StatsRegistry } from "./figures.ts";
import { monthsAfterInt, retentionGroupsFromColumns, retentionRowsFromColumns } from "./retention-columns.ts";
import { groupPlacements, monthsAfter, RETENTION_BREAKDOWNS, retentionRows, type RetentionBreakdown, type RetentionPlacement } from "./retention.ts";

describe("monthsAfterInt is monthsAfter on yyyymmdd integers", () => {
  it.each([
    [20260131, 1, 20260228],
    [20280131, 1, 20280229],
    [20260831, 6, 20270228],
    [20251130, 12, 20261130],
    [20251215, 3, 20260315],
  ])("%i + %i months is %i", (date, months, expected) => {
    expect(monthsAfterInt(date, months)).toBe(expected);
  });

  it("for every day of 2023–2029 and every horizon up to 13 months", () => {
    for (let day = "2023-01-01"; day <= "2029-12-31"; day = addDays(day, 1))
      for (let k = 0; k <= 13; k++) expect(monthsAfterInt(dateInt(day), k)).toBe(dateInt(monthsAfter(day, k)));
  });
});

const TOWNS = ["东山镇", "西河乡", "南岭镇"];

/** A registry small enough to hold every edge: placements near the ends of months and of horizons. */
const registryArb: fc.Arbitrary<StatsRegistry> = fc
  .record({
    households: fc.array(fc.record({ town: fc.nat(TOWNS.length - 1), category: fc.nat(HOUSEHOLD_CATEGORIES.length - 1) }), { minLength: 1, maxLength: 6 }),
    workers: fc.array(fc.record({ household: fc.nat(100), town: fc.nat(TOWNS.length - 1) }), { minLength: 1, maxLength: 10 }),
    employers: fc.array(fc.record({ type: fc.nat(EMPLOYER_TYPES.length - 1), code: fc.constantFrom("E1", "E2", "E3", "E4", "外出务工") }), { maxLength: 4 }),
    placements: fc.array(
      fc.record({
        worker: fc.nat(100),
        employer: fc.option(fc.nat(100)),
        form: fc.nat(EMPLOYMENT_FORMS.length - 1),
        // Starts over 2024-01…2026-12, days chosen near a month's end.
        month: fc.nat(35),
        day: fc.constantFrom(1, 2, 15, 28, 29, 30, 31),
        // Ends near a horizon (its day, the day before, after), or open.
        end: fc.option(fc.record({ months: fc.constantFrom(0, 3, 6, 12, 13), shift: fc.integer({ min: -2, max: 2 }) }), { freq: 3 }),
      }),
      { minLength: 5, maxLength: 40 },
    ),
  })
  .map(({ households, workers, employers, placements }) => {
    const codes = new Set<string>();
    const uniqueEmployers = employers.filter((e) => !codes.has(e.code) && codes.add(e.code));
    return {
      households: households.map((h, i) => ({ id: i + 1, code: `H${i + 1}`, category: HOUSEHOLD_CATEGORIES[h.category]!, town: TOWNS[h.town]!, village: `村${h.town}` })),
      workers: workers.map((w, i) => ({ id: i + 1, householdId: (w.household % households.length) + 1, town: TOWNS[w.town]!, birthDate: "1980-01-01", labourAbility: "有劳动能力" as const, willingToWork: true })),
      employers: uniqueEmployers.map((e, i) => ({ id: i + 1, code: e.code, name: `主体${i + 1}`, type: EMPLOYER_TYPES[e.type]!, town: TOWNS[0]! })),
      placements: placements.map((p, i) => {
        const month = `${2024 + Math.floor(p.month / 12)}-${String((p.month % 12) + 1).padStart(2, "0")}`;
        const start = `${month}-${String(Math.min(p.day, daysInMonth(month))).padStart(2, "0")}`;
        const endDate = p.end === null ? null : maxDate(start, addDays(monthsAfter(start, p.end.months), p.end.shift));
        const employerId = p.employer === null || uniqueEmployers.length === 0 ? null : (p.employer % uniqueEmployers.length) + 1;
        return { id: i + 1, workerId: (p.worker % workers.length) + 1, employerId, employmentForm: employerId === null ? EMPLOYMENT_FORMS[p.form]! : null, startDate: start, endDate };
      }),
      postings: [],
    };
  });

const maxDate = (a: string, b: string) => (a > b ? a : b);

/** A reference date: any day of 2024-01…2027-04, or the start day of one of the placements (the edge of "not after the date"). */
const dateArb = fc.record({ day: fc.nat(1200), placement: fc.option(fc.nat(1000)) });

/** The reference: groupPlacements over the registry's placements with the scope applied in plain code. */
function reference(registry: StatsRegistry, by: RetentionBreakdown, scope: { from: string; to: string; date: string; town?: string; assisted: boolean }) {
  const workers = new Map(registry.workers.map((w) => [w.id, w]));
  const households = new Map(registry.households.map((h) => [h.id, h]));
  const employers = new Map(registry.employers.map((e) => [e.id, e]));
  const names = new Map<string, string>();
  const placements: RetentionPlacement[] = [];
  for (const p of registry.placements) {
    const w = workers.get(p.workerId)!;
    if (scope.town !== undefined && w.town !== scope.town) continue;
    if (scope.assisted && households.get(w.householdId)!.category === "一般户") continue;
    const e = p.employerId === null ? undefined : employers.get(p.employerId)!;
    const key = by === "month" ? p.startDate.slice(0, 7) : by === "town" ? w.town : by === "platform" ? (e?.type ?? p.employmentForm!) : (e?.code ?? p.employmentForm!);
    placements.push({ startDate: p.startDate, endDate: p.endDate, key });
    const cohort = p.startDate.slice(0, 7);
    if (by === "employer" && e && cohort >= scope.from && cohort <= scope.to && p.startDate <= scope.date) names.set(e.code, e.name);
  }
  return { groups: groupPlacements(placements, scope), names };
}

const byGroup = (a: { cohort: string; key: string }, b: { cohort: string; key: string }) => (a.cohort + "|" + a.key < b.cohort + "|" + b.key ? -1 : 1);

describe("retentionGroupsFromColumns", () => {
  it("gives the reference's groups, names and rows on generated registries, every breakdown, scope and filter", () => {
    fc.assert(
      fc.property(
        registryArb,
        fc.record({ from: fc.nat(35), length: fc.nat(30), date: dateArb, town: fc.option(fc.constantFrom(...TOWNS, "无此镇")), assisted: fc.boolean() }),
        (registry, q) => {
          const columns = columnsFromRegistry(registry);
          const from = `${2024 + Math.floor(q.from / 12)}-${String((q.from % 12) + 1).padStart(2, "0")}`;
          const to = monthsAfter(`${from}-01`, q.length).slice(0, 7);
          const starts = registry.placements.map((p) => p.startDate);
          const date = q.date.placement !== null && starts.length > 0 ? starts[q.date.placement % starts.length]! : addDays("2024-01-01", q.date.day);
          const scope = { from, to, date, assisted: q.assisted, ...(q.town !== null ? { town: q.town } : {}) };
          for (const by of RETENTION_BREAKDOWNS) {
            const got = retentionGroupsFromColumns(columns, by, scope);
            const want = reference(registry, by, scope);
            expect([...got.groups].sort(byGroup), by).toEqual([...want.groups].sort(byGroup));
            expect(got.names, by).toEqual(want.names);
            const query = { by, from, to, date };
            const rows = retentionRows(want.groups, query);
            expect(retentionRows(got.groups, query), by).toEqual(rows);
            expect(retentionRowsFromColumns(columns, { ...scope, by }), by).toEqual({ rows, names: want.names });
          }
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it("counts nothing for a town that is not in the county, and nothing for a range the wrong way round", () => {
    const registry: StatsRegistry = {
      households: [{ id: 1, code: "H1", category: "脱贫户", town: "东山镇", village: "上村" }],
      workers: [{ id: 1, householdId: 1, town: "东山镇", birthDate: "1980-01-01", labourAbility: "有劳动能力", willingToWork: true }],
      employers: [],
      placements: [{ id: 1, workerId: 1, employerId: null, employmentForm: "外出务工", startDate: "2025-03-10", endDate: null }],
      postings: [],
    };
    const columns = columnsFromRegistry(registry);
    expect(retentionGroupsFromColumns(columns, "month", { from: "2025-01", to: "2025-12", date: "2026-11-23" }).groups).toEqual([
      { cohort: "2025-03", key: "2025-03", started: 1, kept: { 3: 1, 6: 1, 12: 1 } },
    ]);
    expect(retentionGroupsFromColumns(columns, "month", { from: "2025-01", to: "2025-12", date: "2026-11-23", town: "西河乡" }).groups).toEqual([]);
    expect(retentionGroupsFromColumns(columns, "month", { from: "2025-12", to: "2025-01", date: "2026-11-23" }).groups).toEqual([]);
    // A placement starting after the reference date is not counted yet.
    expect(retentionGroupsFromColumns(columns, "month", { from: "2025-01", to: "2025-12", date: "2025-03-09" }).groups).toEqual([]);
  });
});
