// The statistics' own reader: read-only, a large page cache, and it sees what the writer commits.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.ts";
import { employmentStats } from "../db/queries/stats.ts";
import { openStatsReader } from "../db/stats-reader.ts";
import { HAND_B, HAND_D } from "../src/core/stats/hand-built-county.ts";
import { loadHandBuiltCounty } from "./support/stats-fixture.ts";

const dir = mkdtempSync(join(tmpdir(), "jybf-stats-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("openStatsReader", () => {
  it("answers beside the writer, sees its commits, and cannot write", () => {
    const file = join(dir, "app.db");
    const writer = openDatabase({ file });
    const reader = openStatsReader(file, 64);
    try {
      expect(reader.$client.pragma("cache_size", { simple: true })).toBe(-65536);
      expect(employmentStats(reader, { date: HAND_D, baseline: HAND_B, by: "town" })).toEqual([{ key: "total", labour_force: 0, employed: 0, employed_baseline: 0 }]);
      loadHandBuiltCounty(writer);
      expect(employmentStats(reader, { date: HAND_D, baseline: HAND_B, by: "town" }).at(-1)).toEqual({ key: "total", labour_force: 10, employed: 4, employed_baseline: 5 });
      expect(() => reader.$client.exec("DELETE FROM placements")).toThrow(/readonly/);
    } finally {
      reader.$client.close();
      writer.$client.close();
    }
  });
});
