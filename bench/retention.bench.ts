/**
 * Retention (稳岗) at the seeded county of a million workers: each breakdown of the default range
 * (24 cohorts) for the county and for one town, for every worker and 帮扶对象 only, as the page and
 * the API answer it — from the statistics service's in-memory snapshot
 * (src/use-cases/retention-view.ts, src/core/stats/retention-columns.ts). Budget: ≤ 1 s per
 * figure, p50 and p95 (issue 13). Baseline in the same run: the SQL counts over the placements that
 * answered before (retentionViewFromSql), fewer runs (seconds each); every snapshot answer is
 * checked equal to the SQL's. Also: a placement ended, then the next figure (the snapshot patched).
 * Wall time with CPU time beside it (the machine is shared) and the load average. The county is
 * seeded once and cached between runs (bench/seeded-county.ts).
 * BENCH_RETENTION_SQL_RUNS (default 2) sets the SQL runs; 0 skips the baseline.
 */
import { isDeepStrictEqual } from "node:util";
import { loadavg } from "node:os";
import { join } from "node:path";
import { openStatsReader } from "../db/stats-reader.ts";
import { systemClock } from "../src/clock.ts";
import { RETENTION_BREAKDOWNS, defaultRetentionRange, type RetentionQuery } from "../src/core/stats/retention.ts";
import { createLogger } from "../src/log.ts";
import { createStatistics } from "../src/use-cases/statistics.ts";
import { retentionView, retentionViewFromSql } from "../src/use-cases/retention-view.ts";
import { openSeededCounty } from "./seeded-county.ts";
import { percentiles, type Bench, type BenchRow } from "./types.ts";

const WORKERS = 1_000_000;
const SEED = 1;
const TODAY = "2026-11-23";
/** Runs of each figure from the snapshot (milliseconds each). */
const RUNS = 21;
/** Runs of each figure in SQL (seconds each at a million workers). */
const SQL_RUNS = Number(process.env.BENCH_RETENTION_SQL_RUNS ?? 2);
/** Placements ended one after the other, each followed by the next figure. */
const FRESH_RUNS = 11;

const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

/** Wall-time percentiles and the CPU time (user + system) per run of `task`, after one warm-up run. */
async function sample(task: () => unknown, runs: number, warm = true): Promise<{ p50: number; p95: number; cpu: number }> {
  if (warm) await task();
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await task();
    samples.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  return { ...percentiles(samples), cpu: (used.user + used.system) / 1000 / runs };
}

const bench: Bench = async (ctx) => {
  const county = openSeededCounty({ workers: WORKERS, seed: SEED, today: TODAY, progress: ctx.progress });
  const db = county.db;
  const statistics = createStatistics({ db, now: systemClock, reader: openStatsReader(join(county.dataDir, "app.db")), log: createLogger({ level: "silent" }) });
  try {
    const sql = db.$client;
    const range = defaultRetentionRange(TODAY);
    const counts = sql
      .prepare("SELECT (SELECT count(*) FROM workers) AS workers, (SELECT count(*) FROM placements) AS placements, (SELECT count(*) FROM placements WHERE start_date >= ? AND start_date <= ?) AS inRange")
      .get(`${range.from}-01`, TODAY) as { workers: number; placements: number; inRange: number };
    const size = `${(counts.workers / 1e6).toFixed(2)}M workers, ${(counts.placements / 1e6).toFixed(2)}M placements, ${counts.inRange.toLocaleString("en")} started ${range.from}…${range.to}`;
    const town = (sql.prepare("SELECT name FROM towns ORDER BY id LIMIT 1").get() as { name: string }).name;
    const rows: BenchRow[] = [];

    ctx.progress("retention: statistics snapshot load");
    let t = performance.now();
    await statistics.fresh();
    rows.push({ name: "retention: statistics snapshot load (once, shared with the statistics)", value: Math.round(performance.now() - t), unit: "ms", note: `${size}; load average ${load()}` });

    for (const scope of [undefined, town])
      for (const assisted of [false, true])
        for (const by of RETENTION_BREAKDOWNS) {
          const label = `retention by ${by}${assisted ? ", 帮扶对象" : ""}${scope ? ", one town" : ""}`;
          ctx.progress(label);
          const query: RetentionQuery & { town: string | undefined } = { date: TODAY, ...range, by, assisted, town: scope };
          const fromSnapshot = (await retentionView({ statistics }, query)).rows;
          const fast = await sample(() => retentionView({ statistics }, query), RUNS);
          let slow: { p50: number; p95: number; cpu: number } | undefined;
          if (SQL_RUNS > 0) {
            // No warm-up for the slow baseline (seconds a run); each of its answers must be the snapshot's.
            slow = await sample(() => {
              if (!isDeepStrictEqual(retentionViewFromSql({ db }, query), fromSnapshot)) throw new Error(`${label}: the snapshot's rows differ from the SQL's`);
            }, SQL_RUNS, false);
          }
          const baseline = (v: number) => (slow ? { baseline: Math.round(v), baselineNote: "SQL" } : {});
          const cpu = `CPU ${fast.cpu.toFixed(1)} ms a run${slow ? ` (SQL ${Math.round(slow.cpu)} ms)` : ""}`;
          rows.push({
            name: `${label} p50`,
            value: Math.round(fast.p50),
            unit: "ms",
            budget: "≤ 1000 ms",
            ...baseline(slow?.p50 ?? NaN),
            note: `${RUNS} runs (SQL ${slow ? SQL_RUNS : "skipped"}), ${fromSnapshot.length} rows, same as SQL; ${cpu}; load average ${load()}`,
          });
          rows.push({ name: `${label} p95`, value: Math.round(fast.p95), unit: "ms", budget: "≤ 1000 ms", ...baseline(slow?.p95 ?? NaN) });
        }

    // A placement ends, then the next figure shows it: the service patches its snapshot from the
    // change log before it answers (no reload).
    {
      ctx.progress("retention: a placement ended, then the next figure");
      const month = `${range.from}-15`;
      const ids = sql
        .prepare("SELECT id FROM placements WHERE end_date IS NULL AND needs_confirmation = 0 AND start_date >= ? AND start_date < ? ORDER BY id LIMIT ?")
        .pluck()
        .all(`${range.from}-01`, month, FRESH_RUNS) as number[];
      const query: RetentionQuery & { town: string | undefined } = { date: TODAY, ...range, by: "platform", assisted: false, town: undefined };
      const kept3 = async () => {
        const total = (await retentionView({ statistics }, query)).rows.at(-1)!.horizons[0]!;
        return total.status === "measured" ? total.retained : NaN;
      };
      const before = await kept3();
      const samples: number[] = [];
      try {
        for (const id of ids) {
          // Ended on its start day: no longer kept at any horizon.
          sql.prepare("UPDATE placements SET end_date = start_date WHERE id = ?").run(id);
          t = performance.now();
          await kept3();
          samples.push(performance.now() - t);
        }
        const after = await kept3();
        if (after !== before - ids.length) throw new Error(`freshness: ${ids.length} placements ended, kept at 3 months ${before} → ${after}`);
      } finally {
        sql.prepare(`UPDATE placements SET end_date = NULL WHERE id IN (${ids.map(Number).join(",")})`).run();
      }
      const { p50, p95 } = percentiles(samples);
      rows.push({
        name: "retention: a placement ended → next figure p50",
        value: Math.round(p50),
        unit: "ms",
        budget: "≤ 1000 ms",
        note: `p95 ${Math.round(p95)} ms, ${samples.length} changes, each shown in the next figure (snapshot patched, no reload); load average ${load()}`,
      });
    }
    return rows;
  } finally {
    await statistics.close();
    db.$client.close();
  }
};

export default bench;
