/**
 * Recommendations (the one matcher, src/use-cases/recommendations.ts) on the seeded county of a
 * million workers with 100,000 open postings: the seeded county's postings are topped up inside a
 * transaction that is rolled back at the end (the cached county stays as it was). Measured: the
 * open-postings index's cold load, a recommendation for a random worker (worker read + version
 * check + scoring every open posting), the same through the HTTP API with a county token, and
 * the index's reload after one posting changed. Budget: p95 ≤ 200 ms.
 */
import { createApiToken } from "../src/use-cases/accounts.ts";
import { openPostings, workerRecommendations } from "../src/use-cases/recommendations.ts";
import { recommendationsApi } from "../src/routes/api/recommendations-api.ts";
import type { AppDeps } from "../src/app-deps.ts";
import { openSeededCounty } from "./seeded-county.ts";
import { percentiles, type Bench, type BenchRow } from "./types.ts";

/** The county's size; BENCH_RECOMMEND_WORKERS sets a smaller one (the answer reads the worker by key, so its time follows the postings, not the registry's size). */
const WORKERS = Number(process.env.BENCH_RECOMMEND_WORKERS ?? 1_000_000);
const SEED = 1;
const TODAY = "2026-11-23";
const OPEN_POSTINGS = 100_000;
const RUNS = 100;
const API_RUNS = 30;

const bench: Bench = async (ctx) => {
  const county = openSeededCounty({ workers: WORKERS, seed: SEED, today: TODAY, progress: ctx.progress });
  const db = county.db;
  const sqlite = db.$client;
  const rows: BenchRow[] = [];
  if (county.seedSeconds > 0) rows.push({ name: `seed ${WORKERS.toLocaleString("en")}-worker county`, value: Math.round(county.seedSeconds), unit: "s" });
  sqlite.exec("BEGIN");
  try {
    // Top the open postings up to 100k: copies of open postings of the county, spread over its employers.
    const open = sqlite.prepare("SELECT count(*) FROM postings WHERE status = '招聘中'").pluck().get() as number;
    const employers = sqlite.prepare("SELECT id FROM employers ORDER BY id").pluck().all() as number[];
    const templates = sqlite.prepare("SELECT * FROM postings WHERE status = '招聘中' ORDER BY id LIMIT 500").all() as Record<string, unknown>[];
    ctx.progress(`recommend: ${open} open postings seeded, topping up to ${OPEN_POSTINGS}`);
    const insert = sqlite.prepare(
      `INSERT INTO postings (code, employer_id, title, description, headcount, pay_min, pay_max, pay_unit, working_time, age_min, age_max, physical_demand, skills, benefits, status, closing_date, published_at)
       VALUES (@code, @employer_id, @title, @description, @headcount, @pay_min, @pay_max, @pay_unit, @working_time, @age_min, @age_max, @physical_demand, @skills, @benefits, '招聘中', @closing_date, @published_at)`,
    );
    for (let i = 0; open + i < OPEN_POSTINGS; i++) {
      const t = templates[i % templates.length]!;
      insert.run({ ...t, code: `BENCH${String(i).padStart(6, "0")}`, employer_id: employers[(i * 7919) % employers.length] });
    }
    const openNow = sqlite.prepare("SELECT count(*) FROM postings WHERE status = '招聘中'").pluck().get() as number;
    const size = `${WORKERS.toLocaleString("en")} workers, ${Math.round(openNow / 1000)}k open postings`;

    let started = performance.now();
    const postings = openPostings(db);
    rows.push({ name: "recommend: open-postings index cold load", value: Math.round(performance.now() - started), unit: "ms", note: `${postings.length} postings` });

    // Random workers (a fixed stride over the ids, so every run asks the same people).
    const maxId = sqlite.prepare("SELECT max(id) FROM workers").pluck().get() as number;
    const ids = Array.from({ length: RUNS }, (_, i) => 1 + ((i * 104_729) % maxId));
    workerRecommendations({ db }, { workerId: ids[0]!, today: TODAY }); // warm
    const samples: number[] = [];
    let hits = 0;
    for (const workerId of ids) {
      const t = performance.now();
      const answer = workerRecommendations({ db }, { workerId, today: TODAY });
      samples.push(performance.now() - t);
      hits += answer?.answer.hits.length ?? 0;
    }
    const { p50, p95 } = percentiles(samples);
    rows.push({ name: "recommend: one worker p50", value: p50, unit: "ms", budget: "≤ 200 ms", note: `${size}, ${RUNS} workers, ${(hits / RUNS).toFixed(1)} hits each` });
    rows.push({ name: "recommend: one worker p95", value: p95, unit: "ms", budget: "≤ 200 ms", note: size });

    // Through the API: ID-number lookup by hash, the policy, the answer worded and serialised.
    const token = createApiToken(db, { role: "county", name: "bench", by: { label: "bench" } }).token;
    const api = recommendationsApi({ db, protector: county.protector, today: () => TODAY } as unknown as AppDeps);
    const ciphers = sqlite.prepare(`SELECT id_number_cipher FROM workers WHERE id IN (${ids.slice(0, API_RUNS).join(",")})`).pluck().all() as string[];
    const idNumbers = ciphers.map((c) => county.protector.decrypt(c));
    const apiSamples: number[] = [];
    for (const idNumber of idNumbers) {
      const t = performance.now();
      const res = await api.request(`/workers/${idNumber}/recommendations`, { headers: { Authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`recommendations API: ${res.status}`);
      await res.arrayBuffer();
      apiSamples.push(performance.now() - t);
    }
    const viaApi = percentiles(apiSamples);
    rows.push({ name: "recommend: API GET p50", value: viaApi.p50, unit: "ms", budget: "≤ 200 ms", note: `${API_RUNS} runs, county token` });
    rows.push({ name: "recommend: API GET p95", value: viaApi.p95, unit: "ms", budget: "≤ 200 ms" });

    // One posting closes: the next answer reloads the index.
    sqlite.prepare("UPDATE postings SET status = '已招满' WHERE code = 'BENCH000000'").run();
    started = performance.now();
    workerRecommendations({ db }, { workerId: ids[1]!, today: TODAY });
    rows.push({ name: "recommend: first answer after a posting changed (index reload)", value: Math.round(performance.now() - started), unit: "ms" });
  } finally {
    sqlite.exec("ROLLBACK");
    sqlite.close();
  }
  return rows;
};

export default bench;
