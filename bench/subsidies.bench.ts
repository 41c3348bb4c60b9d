/**
 * The subsidy ledger at the 1M-worker seeded county (issue 12): computing one policy for a year
 * (budget ≤ 20 s) — the compute that `npm run subsidies -- compute` and the bureau's page run, one
 * transaction — then computing it again (adds nothing), and the ledger's pages at ≥ 100k lines
 * (budget p95 ≤ 300 ms): the line list (first page, a filtered page, a deep page), the figures,
 * the policy page and the API. The cached county is copied first: lines are never deleted, so the
 * cache must not receive them. The notice and batch pages are another part's (not measured here).
 */
import { copyFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../db/client.ts";
import { openStatsReader } from "../db/stats-reader.ts";
import { clockStartingAt } from "../src/clock.ts";
import { createApp } from "../src/app.ts";
import { createLogger } from "../src/log.ts";
import { loadPersonalDataProtector } from "../src/security/personal-data.ts";
import { createJobSearch } from "../src/search/job-search.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { createAccount, createApiToken } from "../src/use-cases/accounts.ts";
import { createStatistics } from "../src/use-cases/statistics.ts";
import { computeSubsidies } from "../src/use-cases/subsidies-compute.ts";
import { savePolicy, type PolicyInput } from "../src/use-cases/subsidies-policies.ts";
import { webClient } from "../tests/support/web-client.ts";
import { openSeededCounty } from "./seeded-county.ts";
import { percentiles, type Bench, type BenchRow } from "./types.ts";

// BENCH_WORKERS lets a quick run use a smaller cached county; the figures of record are at 1M.
const WORKERS = Number(process.env.BENCH_WORKERS) || 1_000_000;
const SEED = 1;
const TODAY = "2026-11-23";
const LINES_WANTED = 100_000;
const RUNS = 21;

const BASE = { maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, minMonths: null, endDate: null, fundSource: "就业补助资金" } as const;
const POLICIES: PolicyInput[] = [
  { ...BASE, code: "B-XN-2025", name: "吸纳就业补贴", kind: "吸纳就业补贴", amountFen: 200_000, startDate: "2025-01-01" },
  { ...BASE, code: "B-JT-2025", name: "交通补贴", kind: "交通补贴", amountFen: 80_000, startDate: "2025-01-01" },
  { ...BASE, code: "B-GY-2025", name: "公益性岗位补贴", kind: "公益性岗位补贴", amountFen: 70_000, startDate: "2025-01-01", endDate: "2025-12-31", ageLimit: 60, onePerHousehold: true },
];

const bench: Bench = async (ctx) => {
  // Copy the cached county's files without opening them here: opening would migrate the shared
  // cache to this branch's schema, and a compute writes lines that can never be deleted.
  const cacheDir = join(tmpdir(), "jybf-bench-cache", `county-${WORKERS}-${SEED}-${TODAY}`);
  let seedSeconds = 0;
  if (!existsSync(join(cacheDir, "ready"))) {
    const seeded = openSeededCounty({ workers: WORKERS, seed: SEED, today: TODAY, progress: ctx.progress });
    seedSeconds = seeded.seedSeconds;
    seeded.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    seeded.db.$client.close();
  }
  ctx.progress("subsidies: copying the seeded county");
  const file = join(ctx.workDir, "app.db");
  copyFileSync(join(cacheDir, "app.db"), file);
  for (const suffix of ["-wal"]) if (existsSync(join(cacheDir, `app.db${suffix}`))) copyFileSync(join(cacheDir, `app.db${suffix}`), `${file}${suffix}`);
  const county = { protector: loadPersonalDataProtector(cacheDir), seedSeconds };
  const db = openDatabase({ file });
  const rows: BenchRow[] = [];
  if (county.seedSeconds > 0) rows.push({ name: "seed 1M-worker county", value: Math.round(county.seedSeconds), unit: "s" });
  const by = { label: "bench" };
  const now = new Date(`${TODAY}T02:00:00Z`);
  try {
    const counts = db.$client.prepare("SELECT (SELECT count(*) FROM workers) AS workers, (SELECT count(*) FROM placements) AS placements").get() as { workers: number; placements: number };
    const size = `${(counts.workers / 1e6).toFixed(2)}M workers, ${(counts.placements / 1e6).toFixed(2)}M placements`;
    for (const input of POLICIES) savePolicy({ db }, { input, by, now });
    const compute = (policyCode: string, period: string) => {
      const started = performance.now();
      const outcome = computeSubsidies({ db, protector: county.protector }, { policyCode, period, countyProvince: "江西省", by, now });
      if (outcome.status !== "done") throw new Error(`${policyCode} ${period}: ${outcome.status}`);
      return { seconds: (performance.now() - started) / 1000, added: outcome.addedIds.length, unchanged: outcome.unchanged };
    };
    for (const code of ["B-XN-2025", "B-JT-2025"]) {
      ctx.progress(`subsidies: compute ${code} 2025`);
      const first = compute(code, "2025");
      rows.push({ name: `compute ${code.slice(2, 4)} one year (first)`, value: Number(first.seconds.toFixed(2)), unit: "s", budget: "≤ 20 s", note: `${first.added} lines added, ${size}` });
      const again = compute(code, "2025");
      rows.push({ name: `compute ${code.slice(2, 4)} one year again (adds nothing)`, value: Number(again.seconds.toFixed(2)), unit: "s", budget: "≤ 20 s", note: `${again.added} added, ${again.unchanged} unchanged` });
    }
    // Months of public-benefit posts until the ledger holds the lines the pages are measured at.
    let monthSeconds: number[] = [];
    for (let month = 1; month <= 12; month++) {
      const total = (db.$client.prepare("SELECT count(*) AS n FROM subsidy_lines").get() as { n: number }).n;
      if (total >= LINES_WANTED) break;
      ctx.progress(`subsidies: compute B-GY-2025 2025-${String(month).padStart(2, "0")} (${total} lines so far)`);
      monthSeconds.push(compute("B-GY-2025", `2025-${String(month).padStart(2, "0")}`).seconds);
    }
    if (monthSeconds.length > 0) rows.push({ name: "compute GY one month p50", value: Number(percentiles(monthSeconds).p50.toFixed(2)), unit: "s", note: `${monthSeconds.length} months` });
    monthSeconds = [];
    const lines = (db.$client.prepare("SELECT count(*) AS n FROM subsidy_lines").get() as { n: number }).n;

    const log = createLogger({ level: "silent" });
    const statistics = createStatistics({ db, reader: openStatsReader(file), log });
    const unreachable = createJobsIndex(createMeiliClient({ url: "http://127.0.0.1:9", apiKey: "x" }), "jobs");
    const app = createApp({
      db,
      log,
      jobSearch: createJobSearch({ db, index: unreachable, log, today: () => TODAY }),
      searchIsHealthy: async () => false,
      protector: county.protector,
      csrfKey: "bench-csrf-key-0123456789abcdef",
      statistics,
      now: clockStartingAt(`${TODAY}T10:00:00+08:00`),
      today: () => TODAY,
    });
    await createAccount(db, { role: "county", login: "bench-county", password: "补贴基准测试密码2026", by });
    const web = webClient(app);
    if ((await web.login("bench-county", "补贴基准测试密码2026")).status !== 303) throw new Error("sign-in failed");
    const token = createApiToken(db, { role: "department", name: "bench", by }).token;
    const policyId = (db.$client.prepare("SELECT id FROM subsidy_policies WHERE code = 'B-JT-2025'").get() as { id: number }).id;
    const pages: [string, string, Record<string, string>][] = [
      ["line list, first page", "/bureau/subsidies", {}],
      ["line list, policy + period + status", "/bureau/subsidies?policy=B-GY-2025&period=2025-03&status=待审核", {}],
      ["line list, page at offset 50,000", "/bureau/subsidies?offset=50000", {}],
      ["subsidy figures by town", "/bureau/stats/subsidies?by=town", {}],
      ["subsidy figures by policy", "/bureau/stats/subsidies", {}],
      ["policy page", `/bureau/subsidy-policies/${policyId}`, {}],
      ["API /api/v1/subsidies limit=500", "/api/v1/subsidies?limit=500", { Authorization: `Bearer ${token}` }],
    ];
    for (const [name, path, headers] of pages) {
      ctx.progress(`subsidies: ${name}`);
      const get = async () => {
        const res = path.startsWith("/api/") ? await app.request(path, { headers }) : await web.get(path, { "Accept-Encoding": "br" });
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        await res.arrayBuffer();
      };
      await get();
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await get();
        samples.push(performance.now() - t);
      }
      const { p50, p95 } = percentiles(samples);
      rows.push({ name: `${name} p50`, value: Math.round(p50), unit: "ms", budget: "≤ 300 ms", note: `${lines.toLocaleString("en")} lines, ${RUNS} runs` });
      rows.push({ name: `${name} p95`, value: Math.round(p95), unit: "ms", budget: "≤ 300 ms" });
    }
    return rows;
  } finally {
    db.$client.close();
  }
};

export default bench;
