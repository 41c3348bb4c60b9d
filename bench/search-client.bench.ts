/**
 * Search latency by the way the platform reaches the engine, in one run, on the same engine,
 * index (the demo county) and query mix:
 *   - the former hand-written node:http client (kept here only, as the baseline);
 *   - the official `meilisearch` client with the global fetch as it comes (asking for gzip);
 *   - the official client with an undici Agent whose sockets set no-delay, in
 *     `requestInit.dispatcher` (the fix the seeker-search decision pointed to);
 *   - both again asking for uncompressed responses (`Accept-Encoding: identity` in
 *     `requestInit.headers`), which is what the platform does (src/search/meili-client.ts).
 * Every query goes through the platform's own job search (a search, or a multi-search when a
 * facet's own counts are needed, as on the results page), so a figure is what a page waits for
 * the engine. The clients take turns query by query, so a change in the machine's load hits all
 * alike. See docs/decisions/2026-12-01-official-search-client.md.
 */
import http from "node:http";
import { cpus, totalmem } from "node:os";
import type { JobQuery } from "../src/search/job-search.ts";
import { createJobSearch } from "../src/search/job-search.ts";
import type { JobDocument } from "../src/search/job-document.ts";
import { createJobsIndex, type JobsIndex, type JobsIndexSearch } from "../src/search/jobs-index.ts";
import { createMeiliClient, type MeiliSearchResponse } from "../src/search/meili-client.ts";
import { createLogger } from "../src/log.ts";
import { benchPlatform } from "./support.ts";
import { percentiles, type Bench, type BenchRow } from "./types.ts";

const ROUNDS = 30;

/** The searches of bench/support.ts's SEARCH_MIX, as the job search takes them, facet counts on. */
const QUERIES: readonly Omit<JobQuery, "limit" | "offset" | "facets">[] = [
  {},
  { q: "缝纫" },
  { q: "縫紉" },
  { q: "保洁" },
  { q: "扶贫车间" },
  { q: "剪线头", time: "灵活" },
  { q: "包装", age: 55 },
  { type: "帮扶车间" },
  { type: "公益性岗位", time: "半天" },
  { payAtLeast: 3000, benefits: ["包吃"] },
  { sort: "distance", origin: { lat: 25.95, lng: 115.4 } },
  { q: "缝纫", origin: { lat: 25.99, lng: 115.38 }, radiusKm: 20 },
  { sort: "newest" },
];

/**
 * The former client (src/search/meili-client.ts before 2026-12-01), reduced to the two calls a
 * search makes: node:http with a keep-alive agent and a deadline per exchange.
 */
function handWrittenJobsIndex(options: { url: string; apiKey: string; name: string }): JobsIndex {
  const agent = new http.Agent({ keepAlive: true });
  const request = <T>(method: string, path: string, body: unknown): Promise<T> =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const headers = { Authorization: `Bearer ${options.apiKey}`, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(payload)) };
      const req = http.request(new URL(options.url + path), { method, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          clearTimeout(deadline);
          const text = Buffer.concat(chunks).toString("utf8");
          if ((response.statusCode ?? 0) >= 300) reject(new Error(`HTTP ${response.statusCode}: ${text}`));
          else resolve(JSON.parse(text) as T);
        });
        response.on("error", reject);
      });
      const deadline = setTimeout(() => req.destroy(new Error("no answer within 5000 ms")), 5_000);
      req.on("error", (error) => {
        clearTimeout(deadline);
        reject(error);
      });
      req.end(payload);
    });
  const base = `/indexes/${encodeURIComponent(options.name)}`;
  const unused = () => Promise.reject(new Error("not used by the benchmark"));
  return {
    name: options.name,
    search: (params: JobsIndexSearch) => request<MeiliSearchResponse<JobDocument>>("POST", `${base}/search`, params),
    async multiSearch(queries: JobsIndexSearch[]) {
      const response = await request<{ results: MeiliSearchResponse<JobDocument>[] }>("POST", "/multi-search", {
        queries: queries.map((query) => ({ indexUid: options.name, ...query })),
      });
      return response.results;
    },
    ensure: unused,
    createIfMissing: unused,
    upsert: unused,
    remove: unused,
    clear: unused,
    get: unused,
    count: unused,
    waitForTask: unused,
    drop: unused,
    swapWith: unused,
  };
}

const bench: Bench = async ({ workDir, progress }) => {
  progress("starting a platform with the demo county and its own engine");
  const platform = await benchPlatform(workDir);
  // Postings the start-up closed (past their closing date) leave the index first: it holds still.
  await platform.outbox.drain();
  const engine = platform.engine!;
  const log = createLogger({ level: "silent" });
  const clients = {
    fetch: createMeiliClient({ url: engine.url, apiKey: engine.masterKey, compressed: true, noDelayAgent: false }),
    agent: createMeiliClient({ url: engine.url, apiKey: engine.masterKey, compressed: true, noDelayAgent: true }),
    fetchIdentity: createMeiliClient({ url: engine.url, apiKey: engine.masterKey, noDelayAgent: false }),
    // What the platform uses (the defaults).
    agentIdentity: createMeiliClient({ url: engine.url, apiKey: engine.masterKey }),
  };
  try {
    const name = platform.index.name;
    const ways = [
      { name: "hand-written node:http client", index: handWrittenJobsIndex({ url: engine.url, apiKey: engine.masterKey, name }) },
      { name: "official client, plain fetch", index: createJobsIndex(clients.fetch, name) },
      { name: "official client, undici Agent (no-delay)", index: createJobsIndex(clients.agent, name) },
      { name: "official client, plain fetch, uncompressed", index: createJobsIndex(clients.fetchIdentity, name) },
      { name: "official client, undici Agent (no-delay), uncompressed (the platform's)", index: createJobsIndex(clients.agentIdentity, name) },
    ].map((way) => ({ ...way, search: createJobSearch({ db: platform.db, index: way.index, log, today: platform.today }), samples: [] as number[] }));

    // Every way must give the same answers, from the engine, before its speed means anything.
    for (const query of QUERIES) {
      const answers = await Promise.all(ways.map((way) => way.search.search({ ...query, limit: 20, offset: 0, facets: true })));
      for (const answer of answers) {
        if (answer.degraded) throw new Error("a search was answered from the database: the engine failed");
        if (JSON.stringify(answer) !== JSON.stringify(answers[0])) throw new Error(`the clients disagree on ${JSON.stringify(query)}`);
      }
    }

    progress(`${ROUNDS} rounds of ${QUERIES.length} searches through ${ways.length} clients, taking turns`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of QUERIES) {
        for (const way of ways) {
          const started = performance.now();
          const results = await way.search.search({ ...query, limit: 20, offset: 0, facets: true });
          const ms = performance.now() - started;
          if (results.degraded) throw new Error(`${way.name}: answered from the database`);
          way.samples.push(ms);
        }
      }
    }

    const open = (platform.db.$client.prepare("SELECT count(*) AS n FROM postings WHERE status = '招聘中'").get() as { n: number }).n;
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const [baseline, ...others] = ways.map((way) => ({ name: way.name, ...percentiles(way.samples), n: way.samples.length }));
    const rows: BenchRow[] = [];
    for (const figure of [baseline!, ...others]) {
      rows.push({
        name: `${figure.name} p50`,
        value: figure.p50,
        unit: "ms",
        note: figure === baseline ? `baseline; ${open} open postings, ${figure.n} searches of ${QUERIES.length} kinds with facet counts; ${machine}` : `${figure.n} searches`,
      });
      rows.push({ name: `${figure.name} p95`, value: figure.p95, unit: "ms" });
    }
    for (const figure of others) {
      rows.push({ name: `${figure.name} p50 ÷ hand-written p50`, value: figure.p50 / baseline!.p50, unit: "×", note: "same run, same queries" });
      rows.push({ name: `${figure.name} p95 ÷ hand-written p95`, value: figure.p95 / baseline!.p95, unit: "×" });
    }
    return rows;
  } finally {
    for (const client of Object.values(clients)) await client.close();
    await platform.stop();
  }
};

export default bench;
