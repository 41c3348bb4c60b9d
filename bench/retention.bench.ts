/**
 * Retention (稳岗) at the seeded county of a million workers: each breakdown of the default range
 * (24 cohorts) for the county and for one town, for every worker and 帮扶对象 only, straight from
 * the placements (src/use-cases/retention-view.ts). Budget: ≤ 1 s per figure (issue 13). The
 * county is seeded once and cached between runs (bench/seeded-county.ts).
 */
import { RETENTION_BREAKDOWNS, defaultRetentionRange } from "../src/core/stats/retention.ts";
import { retentionView } from "../src/use-cases/retention-view.ts";
import { openSeededCounty } from "./seeded-county.ts";
import { percentiles, type Bench, type BenchRow } from "./types.ts";

const WORKERS = 1_000_000;
const SEED = 1;
const TODAY = "2026-11-23";
const RUNS = 7;

const bench: Bench = async (ctx) => {
  const county = openSeededCounty({ workers: WORKERS, seed: SEED, today: TODAY, progress: ctx.progress });
  const db = county.db;
  try {
    const sql = db.$client;
    const range = defaultRetentionRange(TODAY);
    const counts = sql
      .prepare("SELECT (SELECT count(*) FROM workers) AS workers, (SELECT count(*) FROM placements) AS placements, (SELECT count(*) FROM placements WHERE start_date >= ? AND start_date <= ?) AS inRange")
      .get(`${range.from}-01`, TODAY) as { workers: number; placements: number; inRange: number };
    const size = `${(counts.workers / 1e6).toFixed(2)}M workers, ${(counts.placements / 1e6).toFixed(2)}M placements, ${counts.inRange.toLocaleString("en")} started ${range.from}…${range.to}`;
    const town = (sql.prepare("SELECT name FROM towns ORDER BY id LIMIT 1").get() as { name: string }).name;
    const rows: BenchRow[] = [];
    for (const scope of [undefined, town])
      for (const assisted of [false, true])
        for (const by of RETENTION_BREAKDOWNS) {
          const label = `retention by ${by}${assisted ? ", 帮扶对象" : ""}${scope ? ", one town" : ""}`;
          ctx.progress(label);
          const samples: number[] = [];
          let result = 0;
          for (let i = 0; i < RUNS; i++) {
            const started = performance.now();
            result = retentionView({ db }, { date: TODAY, ...range, by, assisted, town: scope }).length;
            samples.push(performance.now() - started);
          }
          const { p50, p95 } = percentiles(samples);
          rows.push({ name: `${label} p50`, value: Math.round(p50), unit: "ms", budget: "≤ 1000 ms", note: `p95 ${Math.round(p95)} ms, ${RUNS} runs, ${result} rows; ${size}` });
        }
    return rows;
  } finally {
    db.$client.close();
  }
};

export default bench;
