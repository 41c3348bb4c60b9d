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
import { existsSync, writeFileSync } from "node:fs";
import { databaseId } from "../db/queries/meta.ts";
import { readStatsSnapshotFile, writeStatsSnapshotFile } from "../src/ops/stats-snapshot-file.ts";
import { loadHandBuiltCounty } from "./support/stats-fixture.ts";

/** A fixed platform clock: a patched snapshot's time never comes from the machine. */
const STATS_CLOCK = () => new Date("2026-11-23T02:00:00.000Z");

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
    const statistics = createStatistics({ db, now: STATS_CLOCK, reader: openStatsReader(file), log: createLogger({ level: "silent" }) });
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

  it("keeps each loaded snapshot on disk and answers from it at the next start while the fresh one loads", async () => {
    const kept = { file: join(dir, `kept-${n}.bin`), databaseId: databaseId(db) };
    const log = createLogger({ level: "silent" });
    const first = createStatistics({ db, now: STATS_CLOCK, reader: openStatsReader(file), log, keptSnapshot: kept });
    const loaded = await first.fresh();
    await new Promise((resolve) => setImmediate(resolve));
    await first.close();
    expect(existsSync(kept.file)).toBe(true);

    // Same registry: the kept snapshot is current, figures and all, without a load.
    const same = createStatistics({ db, now: STATS_CLOCK, reader: openStatsReader(file), log, keptSnapshot: kept });
    try {
      const answered = await same.current();
      expect(answered.version).toBe(loaded.version);
      expect(same.isStale(answered)).toBe(false);
      expect(employmentColumns(answered.columns, { date: HAND_D, baseline: HAND_B, by: "town" })).toEqual(employmentColumns(loaded.columns, { date: HAND_D, baseline: HAND_B, by: "town" }));
    } finally {
      await same.close();
    }

    // The registry changed while the server was down: the kept snapshot is patched with the
    // changes logged since (migration 0016), so the first answer is current, without a load.
    endOpenPlacements();
    const lines: string[] = [];
    const after = createStatistics({ db, now: STATS_CLOCK, reader: openStatsReader(file), log: createLogger({ level: "debug", write: (l) => lines.push(l) }), keptSnapshot: kept, serveStaleAbove: 0 });
    try {
      const answered = await after.current();
      expect(after.isStale(answered)).toBe(false);
      expect(employmentColumns(answered.columns, { date: HAND_D, baseline: HAND_B, by: "town" }).at(-1)!.employed).toBe(0);
      expect(lines.some((l) => l.includes("statistics snapshot loaded"))).toBe(false);
    } finally {
      await after.close();
    }

    // A change a patch cannot take (a town renamed): the kept figures answer until the load is done.
    db.$client.prepare("UPDATE towns SET name = name || '新' WHERE id = (SELECT min(id) FROM towns)").run();
    const renamed = createStatistics({ db, now: STATS_CLOCK, reader: openStatsReader(file), log, keptSnapshot: kept, serveStaleAbove: 0 });
    try {
      const answered = await renamed.current();
      expect(renamed.isStale(answered)).toBe(true);
      expect(answered.columns.towns.some((t) => t.endsWith("新"))).toBe(false);
      expect((await renamed.fresh()).columns.towns.some((t) => t.endsWith("新"))).toBe(true);
    } finally {
      await renamed.close();
    }
  });

  it("ignores a kept snapshot of another database, of another shape or damaged", async () => {
    const statistics = createStatistics({ db, now: STATS_CLOCK, reader: openStatsReader(file), log: createLogger({ level: "silent" }) });
    try {
      const snapshot = await statistics.fresh();
      const kept = join(dir, `other-${n}.bin`);
      writeStatsSnapshotFile(kept, "database-a", snapshot);
      expect(readStatsSnapshotFile(kept, "database-a")?.version).toBe(snapshot.version);
      expect(readStatsSnapshotFile(kept, "database-a")!.columns).toEqual(snapshot.columns);
      expect(readStatsSnapshotFile(kept, "database-b")).toBeUndefined();
      writeFileSync(kept, `${JSON.stringify({ magic: "jybf-stats-snapshot", databaseId: "database-a", shape: "workers.birth:Float64Array", version: 1, loadedAt: "", values: {}, arrays: [] })}\n`);
      expect(readStatsSnapshotFile(kept, "database-a")).toBeUndefined();
      writeFileSync(kept, "not a snapshot");
      expect(readStatsSnapshotFile(kept, "database-a")).toBeUndefined();
      expect(readStatsSnapshotFile(join(dir, "missing.bin"), "database-a")).toBeUndefined();
    } finally {
      await statistics.close();
    }
  });

  it("computes a page once per snapshot, date, baseline and town, and anew after a change", async () => {
    const statistics = createStatistics({ db, now: STATS_CLOCK, reader: openStatsReader(file), log: createLogger({ level: "silent" }) });
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

  it("answers a large county from the previous snapshot while a reload runs (a change no patch takes), then from the new one", async () => {
    const statistics = createStatistics({ db, now: STATS_CLOCK, reader: openStatsReader(file), log: createLogger({ level: "silent" }), serveStaleAbove: 0 });
    try {
      const first = await statistics.fresh();
      expect(statistics.isStale(first)).toBe(false);
      endOpenPlacements();
      db.$client.prepare("UPDATE villages SET name = name || '新' WHERE id = (SELECT min(id) FROM villages)").run();
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
