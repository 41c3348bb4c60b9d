/**
 * The bureau's statistics on a county of a million workers (db/queries/stats.ts): each figure must
 * answer within 1 s. The county is seeded once and cached between runs (bench/seeded-county.ts).
 */
import { join } from "node:path";
import { openStatsReader } from "../db/stats-reader.ts";
import { employmentStats, employmentTrendStats, publicBenefitPostStats, workshopStats, zeroEmploymentStats } from "../db/queries/stats.ts";
import { DEFAULT_BASELINE_DATE } from "../src/core/stats/figures.ts";
import { openSeededCounty } from "./seeded-county.ts";
import { percentiles, type Bench, type BenchRow } from "./types.ts";

const WORKERS = 1_000_000;
const SEED = 1;
const TODAY = "2026-11-23";
const RUNS = 7;

const bench: Bench = async (ctx) => {
  const county = openSeededCounty({ workers: WORKERS, seed: SEED, today: TODAY, progress: ctx.progress });
  county.db.$client.close();
  // As the platform would: statistics through their own reader with a large page cache.
  const db = openStatsReader(join(county.dataDir, "app.db"));
  try {
    const counts = db.$client.prepare("SELECT (SELECT count(*) FROM workers) AS workers, (SELECT count(*) FROM placements) AS placements").get() as {
      workers: number;
      placements: number;
    };
    const firstTown = (db.$client.prepare("SELECT name FROM towns ORDER BY id LIMIT 1").get() as { name: string }).name;
    const size = `${(counts.workers / 1e6).toFixed(2)}M workers, ${(counts.placements / 1e6).toFixed(2)}M placements`;
    const base = { date: TODAY, baseline: DEFAULT_BASELINE_DATE };
    const queries: [string, () => unknown, boolean][] = [
      ["employment by town", () => employmentStats(db, { ...base, by: "town" }), true],
      ["employment by platform", () => employmentStats(db, { ...base, by: "platform" }), true],
      ["employment by category", () => employmentStats(db, { ...base, by: "category" }), true],
      ["zero-employment households", () => zeroEmploymentStats(db, { date: TODAY }), true],
      ["workshop absorption", () => workshopStats(db, { date: TODAY }), true],
      ["public-benefit posts", () => publicBenefitPostStats(db, { date: TODAY }), false],
      ["monthly trend (12 months)", () => employmentTrendStats(db, { date: TODAY }), false],
      ["employment by platform, one town", () => employmentStats(db, { ...base, by: "platform", town: firstTown }), false],
    ];
    const rows: BenchRow[] = [];
    if (county.seedSeconds > 0) rows.push({ name: "seed 1M-worker county", value: Math.round(county.seedSeconds), unit: "s", note: size });
    for (const [name, run, budgeted] of queries) {
      ctx.progress(`stats: ${name}`);
      run(); // warm the page cache
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        run();
        samples.push(performance.now() - started);
      }
      const { p50, p95 } = percentiles(samples);
      const budget = budgeted ? { budget: "≤ 1000 ms" } : {};
      rows.push({ name: `stats ${name} p50`, value: Math.round(p50), unit: "ms", ...budget, note: `${size}, ${RUNS} runs` });
      rows.push({ name: `stats ${name} p95`, value: Math.round(p95), unit: "ms", ...budget });
    }
    return rows;
  } finally {
    db.$client.close();
  }
};

export default bench;
