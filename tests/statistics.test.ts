// The statistics service (src/use-cases/statistics.ts): answers from its snapshot, sees a change
// of the registry through the version the triggers of migration 0005 keep, and either waits for
// the reload (small county) or answers from the previous snapshot until it is done (large county).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { registryVersion } from "../db/queries/stats-snapshot.ts";
import { openStatsReader } from "../db/stats-reader.ts";
import { employmentColumns } from "../src/core/stats/columns.ts";
import { HAND_B, HAND_D } from "../src/core/stats/hand-built-county.ts";
import { createLogger } from "../src/log.ts";
import { createStatistics, type Statistics } from "../src/use-cases/statistics.ts";
import { statsPageView } from "../src/use-cases/stats-view.ts";
import { loadHandBuiltCounty } from "./support/stats-fixture.ts";

const dir = mkdtempSync(join(tmpdir(), "jybf-statistics-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const total = async (statistics: Statistics, which: "current" | "fresh" = "current") =>
  employmentColumns((await statistics[which]()).columns, { date: HAND_D, baseline: HAND_B, by: "town" }).at(-1);

describe("the statistics service", () => {
  let db: Db;
  let file: string;
  let n = 0;
  beforeEach(() => {
    file = join(dir, `app-${++n}.db`);
    db = openDatabase({ file });
    loadHandBuiltCounty(db);
  });
  afterEach(() => db.$client.close());

  /** Ends every placement of the hand-built county that is open at D, the day before D. */
  const endOpenPlacements = () =>
    db.$client.prepare("UPDATE placements SET end_date = ? WHERE start_date < ? AND (end_date IS NULL OR end_date >= ?)").run("2026-11-22", "2026-11-22", HAND_D);

  it("bumps the registry version on a change of what the statistics read, not on other writes", () => {
    const before = registryVersion(db);
    db.$client.prepare("UPDATE workers SET phone = phone").run();
    expect(registryVersion(db)).toBe(before);
    endOpenPlacements();
    expect(registryVersion(db)).toBeGreaterThan(before);
  });

  it("answers a small county's change at once", async () => {
    const statistics = createStatistics({ db, reader: openStatsReader(file), log: createLogger({ level: "silent" }) });
    try {
      expect(await total(statistics)).toEqual({ key: "total", labour_force: 10, employed: 4, employed_baseline: 5 });
      const first = await statistics.current();
      expect(await statistics.current()).toBe(first); // no change, no reload
      endOpenPlacements();
      expect((await total(statistics))!.employed).toBe(0);
    } finally {
      await statistics.close();
    }
  });

  it("computes a page once per snapshot, date, baseline and town, and anew after a change", async () => {
    const statistics = createStatistics({ db, reader: openStatsReader(file), log: createLogger({ level: "silent" }) });
    try {
      const props = { date: HAND_D, baseline: HAND_B, town: undefined };
      const first = await statsPageView({ statistics }, props);
      const again = await statsPageView({ statistics }, props);
      expect(again.breakdowns).toBe(first.breakdowns); // read back, not recomputed
      const otherDate = await statsPageView({ statistics }, { ...props, date: HAND_B });
      expect(otherDate.breakdowns).not.toBe(first.breakdowns);
      expect(first.breakdowns.town.at(-1)!.employed).toBe(4);
      endOpenPlacements();
      const after = await statsPageView({ statistics }, props);
      expect(after.breakdowns.town.at(-1)!.employed).toBe(0);
    } finally {
      await statistics.close();
    }
  });

  it("answers a large county from the previous snapshot while the reload runs, then from the new one", async () => {
    const statistics = createStatistics({ db, reader: openStatsReader(file), log: createLogger({ level: "silent" }), serveStaleAbove: 0 });
    try {
      const first = await statistics.fresh();
      expect(statistics.isStale(first)).toBe(false);
      endOpenPlacements();
      const stale = await statistics.current();
      expect(stale).toBe(first);
      expect(statistics.isStale(stale)).toBe(true);
      expect((await total(statistics, "fresh"))!.employed).toBe(0);
      const next = await statistics.current();
      expect(next).not.toBe(first);
      expect(statistics.isStale(next)).toBe(false);
    } finally {
      await statistics.close();
    }
  });
});
