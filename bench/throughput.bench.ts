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
 * the rounds, each ratio taken round by round.
 *
 * Two mixes: "repeating" cycles through the 13 searches (the server keeps the engine's answers,
 * src/search/search-answers.ts, so after the first of each it answers from memory), and
 * "unique", where every request differs (each of the 13 searches from a position of its own,
 * never the same twice in the run, as phones send theirs), so no kept answer ever serves and the
 * figure is the server's own cost beside the engine's. BENCH_MIX=repeating|unique picks one
 * (default both). BENCH_POSTINGS=100000 writes that many postings beside the demo county and
 * rebuilds the index first (as bench/scale.bench.ts does), and waits until the server's outbox
 * worker has brought the reduced mode's text index up to date, so it does not run during the
 * measurement. BENCH_CPU_PROF=<dir> writes the server's CPU profile there.
 *
 * Before/after in the same run: a second server, started with KEPT_RESPONSES=0 on its own copy
 * of the demo county and its own engine (src/http/kept-responses.ts off; everything else the
 * same), takes its turns beside the first ("page, kept off" and "API, kept off"), and the page's
 * and API's req/s rows carry its figure as their baseline. BENCH_KEPT_OFF=0 leaves it out.
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
import { generatePostings } from "./scale.bench.ts";
import { rebuildJobsIndex } from "../src/search/rebuild-index.ts";
import { driveLoad, processCpuMs, startServerProcess, type LoadFigures, type LoadRequest } from "./http-load.ts";
import { SEARCH_MIX } from "./support.ts";
import type { Bench, BenchRow } from "./types.ts";

const CONCURRENCY = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 0);
const MIXES = (process.env.BENCH_MIX ? [process.env.BENCH_MIX] : ["repeating", "unique"]) as ("repeating" | "unique")[];
/** Measure a second server with KEPT_RESPONSES=0 beside the first (the "before" of the same run). */
const COMPARE = process.env.BENCH_KEPT_OFF !== "0";
/** Requests of the unique mix a kind gets in one round (more than any kind makes in SECONDS + warm-up). */
const UNIQUE_PER_ROUND = Number(process.env.BENCH_UNIQUE_PER_ROUND ?? 12_000);

/**
 * The k-th request of the unique mix: one of the 13 searches, from a position of its own (a grid
 * of 0.001° steps — the results page rounds positions to 3 decimals — over the county; no two k
 * share one), so the engine request differs every time. Pure.
 */
export function uniqueSearch(k: number): string {
  const params = new URLSearchParams(SEARCH_MIX[k % SEARCH_MIX.length]!);
  const cell = Math.floor(k / SEARCH_MIX.length);
  params.set("lat", (25.6 + (cell % 800) * 0.001).toFixed(3));
  params.set("lng", (115.0 + Math.floor(cell / 800) * 0.001).toFixed(3));
  return params.toString();
}

/** The engine requests the results page makes for each search of the mix, recorded (not sent). */
async function pageEngineRequests(db: ReturnType<typeof openDatabase>, indexName: string, searches: readonly string[]): Promise<LoadRequest[]> {
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
  for (const qs of searches) {
    const params = new URLSearchParams(qs);
    const single = Object.fromEntries(params);
    const query = parseJobBoardQuery(single, { benefit: params.getAll("benefit") });
    await searchJobBoard({ db, jobSearch }, query, JOBS_PER_PAGE);
  }
  return recorded;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Kind = "engine" | "page" | "api" | "pageOff" | "apiOff";
const KINDS: readonly Kind[] = COMPARE ? ["engine", "page", "api", "pageOff", "apiOff"] : ["engine", "page", "api"];

/** Writes BENCH_POSTINGS postings into the server's database and rebuilds the index from them. */
async function addPostings(dataDir: string, engine: { url: string; masterKey: string }, progress: (m: string) => void): Promise<void> {
  const db = openDatabase({ file: join(dataDir, DATABASE_FILE) });
  const meili = createMeiliClient({ url: engine.url, apiKey: engine.masterKey });
  try {
    progress(`writing ${POSTINGS.toLocaleString("en")} postings`);
    generatePostings(db.$client, POSTINGS, chinaDate(new Date()));
    progress("rebuilding the index");
    await rebuildJobsIndex({ db, meili, indexName: DEFAULT_INDEX_NAME, log: createLogger({ level: "warn" }) });
  } finally {
    await meili.close();
    db.$client.close();
  }
}

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
  if (POSTINGS > 0) await addPostings(dataDir, engine, progress);
  // The "before" of the same run: the same county on a server with the kept responses off.
  const offEngine = COMPARE ? await startBundledEngine({ dataDir: join(workDir, "engine-off"), log }) : undefined;
  const offDataDir = join(workDir, "data-off");
  mkdirSync(offDataDir, { recursive: true });
  if (offEngine) progress("starting the server with KEPT_RESPONSES=0");
  const offServer = offEngine
    ? await startServerProcess({ DATA_DIR: offDataDir, DEMO_DATA: "1", MEILI_URL: offEngine.url, MEILI_MASTER_KEY: offEngine.masterKey, KEPT_RESPONSES: "0" })
    : undefined;
  if (offEngine && POSTINGS > 0) await addPostings(offDataDir, offEngine, progress);
  const db = openDatabase({ file: join(dataDir, DATABASE_FILE), readonly: true });
  const meili = createMeiliClient({ url: engine.url, apiKey: engine.masterKey });
  try {
    const open = (db.$client.prepare("SELECT count(*) AS n FROM postings WHERE status = '招聘中'").get() as { n: number }).n;
    const index = createJobsIndex(meili, DEFAULT_INDEX_NAME);
    for (let waited = 0; (await index.count().catch(() => 0)) < open && waited < 600; waited++) await new Promise((r) => setTimeout(r, 100));
    progress(`${open} open postings indexed`);
    // The server's outbox worker writes changed postings' search text for the reduced mode; let it finish first.
    const stale = () => (db.$client.prepare("SELECT count(*) AS n FROM posting_search_stale").get() as { n: number }).n;
    for (let waited = 0; stale() > 0 && waited < 3_000; waited++) await new Promise((r) => setTimeout(r, 100));
    if (offEngine) {
      const offDb = openDatabase({ file: join(offDataDir, DATABASE_FILE), readonly: true });
      const offMeili = createMeiliClient({ url: offEngine.url, apiKey: offEngine.masterKey });
      try {
        const offIndex = createJobsIndex(offMeili, DEFAULT_INDEX_NAME);
        for (let waited = 0; (await offIndex.count().catch(() => 0)) < open && waited < 600; waited++) await new Promise((r) => setTimeout(r, 100));
        const offStale = () => (offDb.$client.prepare("SELECT count(*) AS n FROM posting_search_stale").get() as { n: number }).n;
        for (let waited = 0; offStale() > 0 && waited < 3_000; waited++) await new Promise((r) => setTimeout(r, 100));
      } finally {
        offDb.$client.close();
        await offMeili.close();
      }
    }

    const rows: BenchRow[] = [];
    const loads: number[] = [];
    const labels = {
      engine: "Meilisearch alone, the page's searches",
      page: "results page GET /jobs, brotli",
      api: "GET /api/v1/jobs",
      pageOff: "results page, KEPT_RESPONSES=0 (before)",
      apiOff: "GET /api/v1/jobs, KEPT_RESPONSES=0 (before)",
    } as const;
    for (const mix of MIXES) {
      // Each round's requests: the same 13 for the repeating mix; for the unique mix a fresh slice (no request twice in the run).
      const searchesOf = (kind: Kind, round: number): string[] =>
        mix === "repeating"
          ? [...SEARCH_MIX]
          : Array.from({ length: UNIQUE_PER_ROUND }, (_, i) => uniqueSearch(((round - 1) * KINDS.length + KINDS.indexOf(kind)) * UNIQUE_PER_ROUND + i));
      const mixes = async (kind: Kind, round: number): Promise<LoadRequest[]> => {
        const searches = searchesOf(kind, round);
        if (kind === "engine") return pageEngineRequests(db, DEFAULT_INDEX_NAME, searches);
        if (kind === "page" || kind === "pageOff") return searches.map((qs) => ({ path: `/jobs?${qs}` }));
        return searches.map((qs) => ({ path: `/api/v1/jobs?${qs.replace("radius=", "radius_km=")}` }));
      };
      const headers: Record<Kind, Record<string, string>> = {
        engine: { Authorization: `Bearer ${engine.masterKey}`, "Content-Type": "application/json", "Accept-Encoding": "identity" },
        page: { "Accept-Encoding": "br, gzip" },
        api: { "Accept-Encoding": "br, gzip" },
        pageOff: { "Accept-Encoding": "br, gzip" },
        apiOff: { "Accept-Encoding": "br, gzip" },
      };
      const figures = Object.fromEntries(KINDS.map((kind) => [kind, [] as LoadFigures[]])) as Record<Kind, LoadFigures[]>;
      // CPU a request costs, whatever else the machine runs: the server's and the engine's own.
      const cpuPerRequest = Object.fromEntries(KINDS.map((kind) => [kind, { server: [] as number[], engine: [] as number[] }])) as Record<Kind, { server: number[]; engine: number[] }>;
      const off = (kind: Kind) => kind === "pageOff" || kind === "apiOff";
      const serverOf = (kind: Kind) => (off(kind) ? offServer! : server);
      const engineOf = (kind: Kind) => (off(kind) ? offEngine! : engine);
      for (let round = 1; round <= ROUNDS; round++) {
        for (const kind of KINDS) {
          const requests = await mixes(kind, round);
          progress(`${mix} mix, round ${round}/${ROUNDS}: ${kind}`);
          const pids = { server: serverOf(kind).child.pid!, engine: engineOf(kind).enginePid };
          const before = { server: processCpuMs(pids.server), engine: processCpuMs(pids.engine) };
          const f = await driveLoad({ origin: kind === "engine" ? engine.url : serverOf(kind).origin, mix: requests, concurrency: CONCURRENCY, seconds: SECONDS, headers: headers[kind] });
          figures[kind].push(f);
          // Includes the warm-up second's requests in neither count nor CPU only approximately: both scale alike.
          cpuPerRequest[kind].server.push((processCpuMs(pids.server) - before.server) / f.requests);
          cpuPerRequest[kind].engine.push((processCpuMs(pids.engine) - before.engine) / f.requests);
        }
        loads.push(loadavg()[0]!);
      }
      const tag = `, ${mix} mix`;
      const note = `${open} open postings; ${mix} mix (${mix === "repeating" ? `${SEARCH_MIX.length} searches in turn` : "no request twice"}); keep-alive, ${CONCURRENCY} in flight, ${ROUNDS} rounds of ${SECONDS} s; load average ${loads.map((l) => l.toFixed(1)).join("/")}`;
      for (const kind of KINDS) {
        const f = figures[kind];
        const reqPerSecond = (k: Kind) => median(figures[k].map((x) => x.reqPerSecond));
        // The kept responses' before and after, side by side: the page's and API's req/s against the same server with them off.
        const before = COMPARE && (kind === "page" || kind === "api") ? { baseline: reqPerSecond(kind === "page" ? "pageOff" : "apiOff"), baselineNote: "KEPT_RESPONSES=0, same run" } : {};
        rows.push({ name: `${labels[kind]}${tag} req/s`, value: reqPerSecond(kind), unit: "req/s", ...before, ...(kind === "engine" ? { note: `baseline; ${note}` } : { note: `${f.reduce((sum, x) => sum + x.requests, 0)} requests` }) });
        rows.push({ name: `${labels[kind]}${tag} p50`, value: median(f.map((x) => x.p50)), unit: "ms" });
        rows.push({ name: `${labels[kind]}${tag} p95`, value: median(f.map((x) => x.p95)), unit: "ms" });
        if (kind !== "engine") rows.push({ name: `${labels[kind]}${tag} server CPU per request`, value: median(cpuPerRequest[kind].server), unit: "ms", note: "user + system of the server process (warm-up included), per measured request" });
        rows.push({ name: `${labels[kind]}${tag} engine CPU per request`, value: median(cpuPerRequest[kind].engine), unit: "ms" });
      }
      const ratio = (kind: Kind) => median(figures[kind].map((x, i) => x.reqPerSecond / figures.engine[i]!.reqPerSecond));
      rows.push({ name: `results page req/s ÷ engine req/s${tag}`, value: ratio("page"), unit: "×", budget: "≥ 0.7", note: "round by round, median" });
      rows.push({ name: `API req/s ÷ engine req/s${tag}`, value: ratio("api"), unit: "×", budget: "≥ 0.85", note: "round by round, median" });
      if (COMPARE) {
        rows.push({ name: `results page req/s ÷ engine req/s${tag}, KEPT_RESPONSES=0 (before)`, value: ratio("pageOff"), unit: "×", note: "round by round, median; the same engine-alone rounds" });
        rows.push({ name: `API req/s ÷ engine req/s${tag}, KEPT_RESPONSES=0 (before)`, value: ratio("apiOff"), unit: "×", note: "round by round, median; the same engine-alone rounds" });
      }
    }
    return rows;
  } finally {
    db.$client.close();
    await meili.close();
    await server.stop();
    await engine.stop();
    await offServer?.stop();
    await offEngine?.stop();
  }
};

export default bench;
