import { describe, expect, it } from "vitest";
import {
  checkRetentionRange,
  cohortDue,
  defaultRetentionRange,
  groupPlacements,
  keptAt,
  latestDueCohort,
  monthsAfter,
  retentionRows,
  type RetentionPlacement,
} from "./retention.ts";

const D = "2026-11-23";

describe("monthsAfter", () => {
  it.each([
    ["2026-01-10", 3, "2026-04-10"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2027-01-31", 1, "2027-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-08-31", 6, "2027-02-28"],
    ["2025-11-30", 12, "2026-11-30"],
    ["2025-12-15", 3, "2026-03-15"],
  ] as const)("%s + %i months is %s", (date, months, expected) => {
    expect(monthsAfter(date, months)).toBe(expected);
  });
});

describe("keptAt: still open on the day the horizon is reached", () => {
  it.each([
    // A placement that ended in its fourth month counts at 3, not at 6.
    ["2026-01-10", "2026-05-20", 3, true],
    ["2026-01-10", "2026-05-20", 6, false],
    // The end day is a day at work: ending on the horizon's day still counts.
    ["2026-01-10", "2026-04-10", 3, true],
    ["2026-01-10", "2026-04-09", 3, false],
    // Open placements are kept at every horizon.
    ["2025-01-10", null, 12, true],
    // A 31 January start reaches three months on 30 April.
    ["2026-01-31", "2026-04-30", 3, true],
    ["2026-01-31", "2026-04-29", 3, false],
    // A one-day placement is kept at no horizon.
    ["2026-03-01", "2026-03-01", 3, false],
  ] as const)("from %s to %s at %i months: %s", (startDate, endDate, months, expected) => {
    expect(keptAt({ startDate, endDate }, months)).toBe(expected);
  });
});

describe("cohortDue: every placement of the cohort has reached the horizon by D", () => {
  it.each([
    ["2026-08", 3, "2026-11-23", false],
    ["2026-08", 3, "2026-11-30", true],
    ["2026-07", 3, "2026-11-23", true],
    ["2026-04", 6, "2026-11-23", true],
    ["2026-05", 6, "2026-11-23", false],
    ["2025-10", 12, "2026-11-23", true],
    ["2025-11", 12, "2026-11-23", false],
    // February's last day plus three months is 28 May (not 31 May).
    ["2026-02", 3, "2026-05-28", true],
    ["2026-02", 3, "2026-05-27", false],
  ] as const)("cohort %s at %i months on %s: %s", (cohort, months, date, expected) => {
    expect(cohortDue(cohort, months, date)).toBe(expected);
  });
});

const p = (startDate: string, endDate: string | null, key = "帮扶车间"): RetentionPlacement => ({ startDate, endDate, key });

describe("latestDueCohort", () => {
  it.each([
    [3, "2026-11-23", "2026-07"],
    [3, "2026-11-30", "2026-08"],
    [6, "2026-11-23", "2026-04"],
    [12, "2026-11-23", "2025-10"],
    [12, "2026-12-31", "2025-12"],
  ] as const)("at %i months on %s: %s", (months, date, expected) => {
    expect(latestDueCohort(months, date)).toBe(expected);
    expect(cohortDue(expected, months, date)).toBe(true);
  });
});

describe("retentionRows", () => {
  const placements = [
    p("2025-01-05", null),
    p("2025-01-20", "2025-05-10"), // ended in month 4: kept at 3, not 6
    p("2025-01-25", "2025-02-01"), // left within a month
    p("2025-03-01", "2025-12-01", "公益性岗位"), // kept at 3 and 6, not 12
    p("2026-09-10", null), // too recent for any horizon at D
    p("2026-11-24", null), // starts after D: left out
    p("2024-12-31", null), // before the range: left out
  ];
  const range = { from: "2025-01", to: "2026-11", date: D };
  const groups = groupPlacements(placements, range);

  it("by month: a share once the cohort is due, not yet before, empty months with no share", () => {
    const rows = retentionRows(groups, { by: "month", ...range });
    expect(rows).toHaveLength(24);
    const jan = rows[0]!;
    expect(jan.key).toBe("2025-01");
    expect(jan.started).toBe(3);
    expect(jan.horizons).toEqual([
      { months: 3, status: "measured", placements: 3, retained: 2, rate: 2 / 3 },
      { months: 6, status: "measured", placements: 3, retained: 1, rate: 1 / 3 },
      { months: 12, status: "measured", placements: 3, retained: 1, rate: 1 / 3 },
    ]);
    const feb = rows[1]!;
    expect(feb.started).toBe(0);
    expect(feb.horizons[0]).toEqual({ months: 3, status: "measured", placements: 0, retained: 0, rate: null });
    const sep = rows.find((r) => r.key === "2026-09")!;
    expect(sep.started).toBe(1);
    expect(sep.horizons.map((h) => h.status)).toEqual(["not_yet", "not_yet", "not_yet"]);
    expect(sep.horizons[0]).toEqual({ months: 3, status: "not_yet", placements: null, retained: null, rate: null });
    // 2026-11 holds nothing (the placement starting after D is out), and nothing is due yet.
    expect(rows.find((r) => r.key === "2026-11")!.started).toBe(0);
    // 2025-11 is due at 12 months on 2026-11-30, after D.
    expect(rows.find((r) => r.key === "2025-11")!.horizons[2]!.status).toBe("not_yet");
    expect(rows.find((r) => r.key === "2025-10")!.horizons[2]!.status).toBe("measured");
  });

  it("the total pools the cohorts that have reached each horizon; recent ones wait", () => {
    const total = retentionRows(groups, { by: "month", ...range }).at(-1)!;
    expect(total.key).toBe("total");
    expect(total.started).toBe(5);
    expect(total.horizons).toEqual([
      { months: 3, status: "measured", placements: 4, retained: 3, rate: 3 / 4 },
      { months: 6, status: "measured", placements: 4, retained: 2, rate: 2 / 4 },
      { months: 12, status: "measured", placements: 4, retained: 1, rate: 1 / 4 },
    ]);
  });

  it("by a key: rows by most started; a key with only recent cohorts is not yet, not 0", () => {
    const recentOnly = groupPlacements([...placements, p("2026-10-02", "2026-10-03", "外出务工")], range);
    const rows = retentionRows(recentOnly, { by: "platform", ...range });
    expect(rows.map((r) => [r.key, r.started])).toEqual([
      ["帮扶车间", 4],
      ["公益性岗位", 1],
      ["外出务工", 1],
      ["total", 6],
    ]);
    expect(rows[0]!.horizons[0]).toEqual({ months: 3, status: "measured", placements: 3, retained: 2, rate: 2 / 3 });
    expect(rows[1]!.horizons.map((h) => h.retained)).toEqual([1, 1, 0]);
    expect(rows[2]!.horizons.map((h) => h.status)).toEqual(["not_yet", "not_yet", "not_yet"]);
  });

  it("a range with no cohort due yet is not yet in every row", () => {
    const recent = { from: "2026-10", to: "2026-11", date: D };
    const rows = retentionRows(groupPlacements([p("2026-10-02", null)], recent), { by: "month", ...recent });
    expect(rows.flatMap((r) => r.horizons.map((h) => h.status))).toEqual(Array(9).fill("not_yet"));
  });
});

describe("ranges", () => {
  it("defaults to the 24 cohorts up to D's month", () => {
    expect(defaultRetentionRange(D)).toEqual({ from: "2024-12", to: "2026-11" });
  });

  it.each([
    [{ from: "2025-13", to: "2026-01" }, "badMonth"],
    [{ from: "2025-1", to: "2026-01" }, "badMonth"],
    [{ from: "2026-02", to: "2026-01" }, "fromAfterTo"],
    [{ from: "2026-01", to: "2026-12" }, "toAfterDate"],
    [{ from: "2016-11", to: "2026-11" }, "rangeTooLong"],
    [{ from: "2016-12", to: "2026-11" }, undefined],
    [{ from: "2026-11", to: "2026-11" }, undefined],
  ] as const)("%j: %s", (range, problem) => {
    expect(checkRetentionRange(range, D)).toBe(problem);
  });
});
