// The SQL statistics (db/queries/stats.ts) and the columnar ones over a snapshot loaded from the
// database (src/core/stats/columns.ts, db/queries/stats-snapshot.ts) give the reference answers
// (src/core/stats/figures.ts) on the hand-built county and on the demo county, for several dates,
// breakdowns and town scopes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { loadCounty } from "../db/load-county.ts";
import { loadStatsSnapshot } from "../db/queries/stats-snapshot.ts";
import {
  columnsFromRegistry,
  employmentColumns,
  publicBenefitColumns,
  trendColumns,
  workshopColumns,
  zeroEmploymentColumns,
  type StatsColumns,
} from "../src/core/stats/columns.ts";
import {
  employmentStats,
  employmentTrendStats,
  publicBenefitPostStats,
  readStatsRegistry,
  workshopStats,
  zeroEmploymentStats,
} from "../db/queries/stats.ts";
import {
  EMPLOYMENT_BREAKDOWNS,
  employmentFigures,
  employmentTrend,
  publicBenefitPosts,
  workshopAbsorption,
  zeroEmploymentHouseholds,
  type StatsRegistry,
} from "../src/core/stats/figures.ts";
import { HAND_B, HAND_D } from "../src/core/stats/hand-built-county.ts";
import { DEMO_SEED, DEMO_WORKERS, generateCounty } from "../src/demo/county-generator.ts";
import { createPersonalDataProtector } from "../src/security/personal-data.ts";
import { loadHandBuiltCounty } from "./support/stats-fixture.ts";

const dir = mkdtempSync(join(tmpdir(), "jybf-stats-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every figure, by SQL, by columns (loaded from the database and built from the registry) and by reference, for one date, baseline and scope. */
function expectAgreement(db: Db, registry: StatsRegistry, date: string, baseline: string, town?: string) {
  const scope = town !== undefined ? { town } : {};
  const loaded = loadStatsSnapshot(db).columns;
  const built = columnsFromRegistry(registry);
  const each = (check: (columns: StatsColumns, label: string) => void) => {
    check(loaded, "loaded");
    check(built, "built");
  };
  for (const by of EMPLOYMENT_BREAKDOWNS) {
    const expected = employmentFigures(registry, { date, baseline, by, ...scope });
    expect(employmentStats(db, { date, baseline, by, ...scope }), `${by} ${date} ${town ?? ""}`).toEqual(expected);
    each((columns, label) => expect(employmentColumns(columns, { date, baseline, by, ...scope }), `${label} ${by} ${date} ${town ?? ""}`).toEqual(expected));
  }
  const zero = zeroEmploymentHouseholds(registry, { date, ...scope });
  const workshops = workshopAbsorption(registry, { date, ...scope });
  const posts = publicBenefitPosts(registry, { date, ...scope });
  const trend = employmentTrend(registry, { date, ...scope });
  expect(zeroEmploymentStats(db, { date, ...scope })).toEqual(zero);
  expect(workshopStats(db, { date, ...scope })).toEqual(workshops);
  expect(publicBenefitPostStats(db, { date, ...scope })).toEqual(posts);
  expect(employmentTrendStats(db, { date, ...scope })).toEqual(trend);
  each((columns, label) => {
    expect(zeroEmploymentColumns(columns, { date, ...scope }), label).toEqual(zero);
    expect(workshopColumns(columns, { date, ...scope }), label).toEqual(workshops);
    expect(publicBenefitColumns(columns, { date, ...scope }), label).toEqual(posts);
    expect(trendColumns(columns, { date, ...scope }), label).toEqual(trend);
  });
}

describe("SQL statistics on the hand-built county", () => {
  let db: Db;
  let registry: StatsRegistry;
  beforeAll(() => {
    db = openDatabase({ file: join(dir, "hand.db") });
    loadHandBuiltCounty(db);
    registry = readStatsRegistry(db);
  });
  afterAll(() => db?.$client.close());

  it("reads back the registry the reference was written for", () => {
    expect(registry.workers).toHaveLength(14);
    expect(registry.placements).toHaveLength(15);
  });

  it("gives the hand-worked headline by town", () => {
    expect(employmentStats(db, { date: HAND_D, baseline: HAND_B, by: "town" })).toEqual([
      { key: "东山镇", labour_force: 6, employed: 3, employed_baseline: 2 },
      { key: "西河乡", labour_force: 4, employed: 1, employed_baseline: 3 },
      { key: "total", labour_force: 10, employed: 4, employed_baseline: 5 },
    ]);
    expect(zeroEmploymentStats(db, { date: "2026-11-24" }).households.map((h) => h.code)).toEqual(["H02", "H07"]);
  });

  it.each([
    [HAND_D, HAND_B, undefined],
    ["2026-11-22", HAND_B, undefined],
    ["2026-11-24", "2021-06-30", undefined],
    [HAND_D, HAND_B, "东山镇"],
    [HAND_D, HAND_B, "西河乡"],
    ["2026-11-24", "2019-12-31", "西河乡"],
    [HAND_D, HAND_B, "无此镇"],
  ])("agrees with the reference at %s (baseline %s, town %s)", (date, baseline, town) => {
    expectAgreement(db, registry, date, baseline, town);
  });
});

describe("SQL statistics on the demo county", () => {
  const TODAY = "2026-11-23";
  let db: Db;
  let registry: StatsRegistry;
  let firstTown: string;
  beforeAll(() => {
    db = openDatabase({ file: join(dir, "demo.db") });
    const protector = createPersonalDataProtector({ hashKey: Buffer.alloc(32, 1), encryptionKey: Buffer.alloc(32, 2) });
    const county = generateCounty({ seed: DEMO_SEED, workers: DEMO_WORKERS, today: TODAY });
    db.transaction(() => loadCounty(db, county, { protector, now: new Date() }));
    registry = readStatsRegistry(db);
    firstTown = county.towns[1]!.name;
  });
  afterAll(() => db?.$client.close());

  it("has figures worth comparing: people employed, zero-employment households, workshops", () => {
    const total = employmentStats(db, { date: TODAY, baseline: "2020-12-31", by: "town" }).at(-1)!;
    expect(total.employed).toBeGreaterThan(100);
    expect(total.employed_baseline).toBeGreaterThan(0);
    expect(zeroEmploymentStats(db, { date: TODAY }).households.length).toBeGreaterThan(0);
    expect(workshopStats(db, { date: TODAY }).rows.some((r) => r.employed > 0)).toBe(true);
  });

  it.each([
    [TODAY, "2020-12-31"],
    ["2026-06-30", "2021-12-31"],
    ["2024-02-29", "2020-01-01"],
  ])("agrees with the reference at %s (baseline %s), county-wide and for one town", (date, baseline) => {
    expectAgreement(db, registry, date, baseline);
    expectAgreement(db, registry, date, baseline, firstTown);
  });
});
