/**
 * Recommendations (the one matcher, src/use-cases/recommendations.ts) on the seeded county of a
 * million workers with 100,000 open postings: the seeded county's postings are topped up in a copy
 * of its database in the scratch folder (the cached county stays as it was). Measured: the
 * posting index's cold build, a recommendation for a sample of workers (version check + worker
 * read + ranking the index + the shown postings read by id), the same through the HTTP API with a
 * county token, the index's rebuild after one posting changed — and, in the same run as the
 * baseline, the straightforward path the index replaced (every open posting read as objects,
 * `recommend` over them), checked to give the same answers. Also candidates for a posting
 * (/bureau/postings/:code/candidates) and a manager's nearby count at this size.
 * Budgets: recommendation p95 ≤ 200 ms; candidates ≤ 1 s.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../db/client.ts";
import { matchingWorkerById, postingForMatching } from "../db/queries/recommend.ts";
import { recommend } from "../src/core/recommend/recommend.ts";
import { createApiToken } from "../src/use-cases/accounts.ts";
import { postingCandidates, suitableNearbyCount } from "../src/use-cases/candidates.ts";
import { openPostingIndex, openPostings, workerRecommendations } from "../src/use-cases/recommendations.ts";
import { recommendationsApi } from "../src/routes/api/recommendations-api.ts";
import type { AppDeps } from "../src/app-deps.ts";
import { openSeededCounty } from "./seeded-county.ts";
import { percentiles, type Bench, type BenchRow } from "./types.ts";

/** The county's size; BENCH_RECOMMEND_WORKERS sets a smaller one (the answer reads the worker by key, so its time follows the postings, not the registry's size). */
const WORKERS = Number(process.env.BENCH_RECOMMEND_WORKERS ?? 1_000_000);
const SEED = 1;
const TODAY = "2026-11-23";
const OPEN_POSTINGS = 100_000;
const RUNS = 200;
const API_RUNS = 50;
/** Workers the old path is timed and compared on (it costs seconds each on a loaded machine). */
const OLD_RUNS = 20;
const CANDIDATE_RUNS = 10;

const bench: Bench = async (ctx) => {
  const county = openSeededCounty({ workers: WORKERS, seed: SEED, today: TODAY, progress: ctx.progress });
  const rows: BenchRow[] = [];
  if (county.seedSeconds > 0) rows.push({ name: `seed ${WORKERS.toLocaleString("en")}-worker county`, value: Math.round(county.seedSeconds), unit: "s" });
  // A copy of the cached county in the scratch folder, topped up and committed there: read inside
  // an open write transaction of 90k new postings, every page the answers need competes with the
  // transaction's dirty pages for SQLite's small cache, and the figures measured that instead.
  county.db.$client.pragma("wal_checkpoint(TRUNCATE)");
  county.db.$client.close();
  const file = join(ctx.workDir, "app.db");
  ctx.progress("recommend: copying the county's database to the scratch folder");
  copyFileSync(join(county.dataDir, "app.db"), file);
  const db = openDatabase({ file });
  const sqlite = db.$client;
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
    sqlite.exec("COMMIT");
    const openNow = sqlite.prepare("SELECT count(*) FROM postings WHERE status = '招聘中'").pluck().get() as number;
    const size = `${WORKERS.toLocaleString("en")} workers, ${Math.round(openNow / 1000)}k open postings`;

    let started = performance.now();
    const index = openPostingIndex(db);
    rows.push({ name: "recommend: posting index cold build", value: Math.round(performance.now() - started), unit: "ms", note: `${index.size} postings, ${index.placeLat.length} places, ${index.skillSets.length} skill sets` });

    // A sample of workers (a fixed stride over the ids, so every run asks the same people).
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
    rows.push({ name: "recommend: API GET p50", value: viaApi.p50, unit: "ms", budget: "≤ 200 ms", note: `${apiSamples.length} workers, county token` });
    rows.push({ name: "recommend: API GET p95", value: viaApi.p95, unit: "ms", budget: "≤ 200 ms" });

    // Baseline in the same run: the straightforward path (objects for every open posting, recommend over them), same answers.
    started = performance.now();
    const objects = openPostings(db);
    rows.push({ name: "baseline: open postings read as objects (old index load)", value: Math.round(performance.now() - started), unit: "ms", note: `${objects.length} postings` });
    const oldSamples: number[] = [];
    let differ = 0;
    for (const workerId of ids.slice(0, OLD_RUNS)) {
      const t = performance.now();
      const worker = matchingWorkerById(db, workerId);
      const old = worker && recommend(worker, objects, TODAY);
      oldSamples.push(performance.now() - t);
      const fast = workerRecommendations({ db }, { workerId, today: TODAY });
      if (JSON.stringify(old) !== JSON.stringify(fast?.answer)) differ++;
    }
    if (differ > 0) throw new Error(`recommendations: the posting index and recommend disagree for ${differ} of ${OLD_RUNS} workers`);
    const old = percentiles(oldSamples);
    rows.push({ name: "baseline: recommend over every posting object p50", value: old.p50, unit: "ms", note: `${OLD_RUNS} workers; same answers as the index: ${OLD_RUNS - differ}/${OLD_RUNS}` });
    rows.push({ name: "baseline: recommend over every posting object p95", value: old.p95, unit: "ms" });

    // One posting closes: the next answer rebuilds the index.
    sqlite.prepare("UPDATE postings SET status = '已招满' WHERE code = 'BENCH000000'").run();
    started = performance.now();
    workerRecommendations({ db }, { workerId: ids[1]!, today: TODAY });
    rows.push({ name: "recommend: first answer after a posting changed (index rebuild)", value: Math.round(performance.now() - started), unit: "ms" });

    // Candidates for postings of the seeded county (a county user sees every town's people), and a manager's nearby count.
    const codes = sqlite.prepare("SELECT code FROM postings WHERE status = '招聘中' AND code NOT LIKE 'BENCH%' ORDER BY id").pluck().all() as string[];
    const sample = Array.from({ length: Math.min(CANDIDATE_RUNS, codes.length) }, (_, i) => codes[Math.floor((i * codes.length) / CANDIDATE_RUNS)]!);
    const actor = { kind: "user", role: "county", userId: 1 } as const;
    const candidateSamples: number[] = [];
    const countSamples: number[] = [];
    let shown = 0;
    for (const code of sample) {
      const posting = postingForMatching(db, code)!;
      let t = performance.now();
      shown += postingCandidates({ db }, { posting, actor, today: TODAY }).candidates.length;
      candidateSamples.push(performance.now() - t);
      t = performance.now();
      suitableNearbyCount({ db }, { posting, today: TODAY });
      countSamples.push(performance.now() - t);
    }
    const cand = percentiles(candidateSamples);
    rows.push({ name: "candidates: one posting p50", value: cand.p50, unit: "ms", budget: "≤ 1000 ms", note: `${WORKERS.toLocaleString("en")} workers, ${sample.length} postings, ${(shown / sample.length).toFixed(1)} shown each` });
    rows.push({ name: "candidates: one posting p95", value: cand.p95, unit: "ms", budget: "≤ 1000 ms" });
    const count = percentiles(countSamples);
    rows.push({ name: "candidates: a manager's nearby count p50", value: count.p50, unit: "ms", note: "within 15 km" });
    rows.push({ name: "candidates: a manager's nearby count p95", value: count.p95, unit: "ms" });
  } finally {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    sqlite.close();
  }
  return rows;
};

export default bench;
