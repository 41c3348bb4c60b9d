/**
 * Throughput of the seeker's search over real HTTP, against the search engine's own in the same
 * run (issue 11): keep-alive connections, 8 requests in flight, the 13 searches of SEARCH_MIX.
 *   - baseline: Meilisearch alone, sent exactly the requests the results page sends it (the
 *     search with its filters, 5 facets and 20 hits, plus the multi-search of a chosen facet's
 *     own counts), recorded by running the page's own use-case against a recording index;
 *   - the results page `GET /jobs?…` asking for brotli, as a phone's browser does;
 *   - the JSON API `GET /api/v1/jobs?…`.
 * The server is a process of its own (`node --import tsx src/server.ts`, LOG_LEVEL=info as
 * deployed) on an engine this benchmark started; the driver runs here. The three take turns for
 * ROUNDS rounds, so a change in the machine's load hits all alike; figures are the medians of
 * the rounds, each ratio taken round by round. BENCH_POSTINGS=100000 adds postings first
 * (seeded by the benchmark, slow); BENCH_CPU_PROF=<dir> writes the server's CPU profile there.
 */
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../db/client.ts";
import { chinaDate } from "../src/core/china-time.ts";
import { createLogger } from "../src/log.ts";
import { DATABASE_FILE, DEFAULT_INDEX_NAME } from "../src/platform.ts";
import { parseJobBoardQuery, JOBS_PER_PAGE } from "../src/routes/public/job-board-query.ts";
import { startBundledEngine } from "../src/search/engine-process.ts";
import { createJobSearch } from "../src/search/job-search.ts";
import type { JobsIndex, JobsIndexSearch } from "../src/search/jobs-index.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { searchJobBoard } from "../src/use-cases/search-job-board.ts";
import { driveLoad, processCpuMs, startServerProcess, type LoadFigures, type LoadRequest } from "./http-load.ts";
import { SEARCH_MIX } from "./support.ts";
import type { Bench, BenchRow } from "./types.ts";

const CONCURRENCY = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/** The engine requests the results page makes for each search of the mix, recorded (not sent). */
async function pageEngineRequests(db: ReturnType<typeof openDatabase>, indexName: string): Promise<LoadRequest[]> {
  const recorded: LoadRequest[] = [];
  const empty = { hits: [], estimatedTotalHits: 0, facetDistribution: {}, processingTimeMs: 0, query: "" };
  const recorder = {
    name: indexName,
    async search(params: JobsIndexSearch) {
      recorded.push({ method: "POST", path: `/indexes/${indexName}/search`, body: JSON.stringify(params) });
      return empty;
    },
    async multiSearch(queries: JobsIndexSearch[]) {
      recorded.push({ method: "POST", path: "/multi-search", body: JSON.stringify({ queries: queries.map((query) => ({ indexUid: indexName, ...query })) }) });
      return queries.map(() => empty);
    },
  } as unknown as JobsIndex;
  const today = () => chinaDate(new Date());
  const jobSearch = createJobSearch({ db, index: recorder, log: createLogger({ level: "silent" }), today });
  for (const qs of SEARCH_MIX) {
    const params = new URLSearchParams(qs);
    const single = Object.fromEntries(params);
    const query = parseJobBoardQuery(single, { benefit: params.getAll("benefit") });
    await searchJobBoard({ db, jobSearch }, query, JOBS_PER_PAGE);
  }
  return recorded;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const bench: Bench = async ({ workDir, progress }) => {
  const log = createLogger({ level: "warn" });
  const engine = await startBundledEngine({ dataDir: join(workDir, "engine"), log });
  const dataDir = join(workDir, "data");
  mkdirSync(dataDir, { recursive: true });
  const profileDir = process.env.BENCH_CPU_PROF;
  progress("starting the server on the demo county");
  const server = await startServerProcess(
    { DATA_DIR: dataDir, DEMO_DATA: "1", MEILI_URL: engine.url, MEILI_MASTER_KEY: engine.masterKey },
    profileDir ? { cpuProfileDir: profileDir } : {},
  );
  const db = openDatabase({ file: join(dataDir, DATABASE_FILE), readonly: true });
  const meili = createMeiliClient({ url: engine.url, apiKey: engine.masterKey });
  try {
    const open = (db.$client.prepare("SELECT count(*) AS n FROM postings WHERE status = '招聘中'").get() as { n: number }).n;
    const index = createJobsIndex(meili, DEFAULT_INDEX_NAME);
    for (let waited = 0; (await index.count().catch(() => 0)) < open && waited < 600; waited++) await new Promise((r) => setTimeout(r, 100));
    progress(`${open} open postings indexed`);

    const engineMix = await pageEngineRequests(db, DEFAULT_INDEX_NAME);
    const pageMix = SEARCH_MIX.map((qs) => ({ path: `/jobs?${qs}` }));
    const apiMix = SEARCH_MIX.map((qs) => ({ path: `/api/v1/jobs?${qs.replace("radius=", "radius_km=")}` }));
    const kinds = {
      engine: () => driveLoad({ origin: engine.url, mix: engineMix, concurrency: CONCURRENCY, seconds: SECONDS, headers: { Authorization: `Bearer ${engine.masterKey}`, "Content-Type": "application/json", "Accept-Encoding": "identity" } }),
      page: () => driveLoad({ origin: server.origin, mix: pageMix, concurrency: CONCURRENCY, seconds: SECONDS, headers: { "Accept-Encoding": "br, gzip" } }),
      api: () => driveLoad({ origin: server.origin, mix: apiMix, concurrency: CONCURRENCY, seconds: SECONDS, headers: { "Accept-Encoding": "br, gzip" } }),
    };
    const figures: Record<keyof typeof kinds, LoadFigures[]> = { engine: [], page: [], api: [] };
    // CPU a request costs, whatever else the machine runs: the server's and the engine's own.
    const cpuPerRequest: Record<keyof typeof kinds, { server: number[]; engine: number[] }> = { engine: { server: [], engine: [] }, page: { server: [], engine: [] }, api: { server: [], engine: [] } };
    const loads: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) {
        progress(`round ${round}/${ROUNDS}: ${kind}`);
        const before = { server: processCpuMs(server.child.pid!), engine: processCpuMs(engine.enginePid) };
        const f = await kinds[kind]();
        figures[kind].push(f);
        // Includes the warm-up second's requests in neither count nor CPU only approximately: both scale alike.
        cpuPerRequest[kind].server.push((processCpuMs(server.child.pid!) - before.server) / f.requests);
        cpuPerRequest[kind].engine.push((processCpuMs(engine.enginePid) - before.engine) / f.requests);
      }
      loads.push(loadavg()[0]!);
    }
    const rows: BenchRow[] = [];
    const note = `${open} open postings; keep-alive, ${CONCURRENCY} in flight, ${SEARCH_MIX.length} kinds of search, ${ROUNDS} rounds of ${SECONDS} s; load average ${loads.map((l) => l.toFixed(1)).join("/")}`;
    const labels = { engine: "Meilisearch alone, the page's searches", page: "results page GET /jobs, brotli", api: "GET /api/v1/jobs" } as const;
    for (const kind of ["engine", "page", "api"] as const) {
      const f = figures[kind];
      rows.push({ name: `${labels[kind]} req/s`, value: median(f.map((x) => x.reqPerSecond)), unit: "req/s", ...(kind === "engine" ? { note: `baseline; ${note}` } : { note: `${f.reduce((s, x) => s + x.requests, 0)} requests` }) });
      rows.push({ name: `${labels[kind]} p50`, value: median(f.map((x) => x.p50)), unit: "ms" });
      rows.push({ name: `${labels[kind]} p95`, value: median(f.map((x) => x.p95)), unit: "ms" });
      if (kind !== "engine") rows.push({ name: `${labels[kind]} server CPU per request`, value: median(cpuPerRequest[kind].server), unit: "ms", note: "user + system of the server process (warm-up included), per measured request" });
      rows.push({ name: `${labels[kind]} engine CPU per request`, value: median(cpuPerRequest[kind].engine), unit: "ms" });
    }
    const ratio = (kind: "page" | "api") => median(figures[kind].map((x, i) => x.reqPerSecond / figures.engine[i]!.reqPerSecond));
    rows.push({ name: "results page req/s ÷ engine req/s", value: ratio("page"), unit: "×", budget: "≥ 0.7", note: "round by round, median" });
    rows.push({ name: "API req/s ÷ engine req/s", value: ratio("api"), unit: "×", budget: "≥ 0.85", note: "round by round, median" });
    return rows;
  } finally {
    db.$client.close();
    await meili.close();
    await server.stop();
    await engine.stop();
  }
};

export default bench;
