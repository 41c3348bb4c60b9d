/**
 * Search latency at the demo county's size (~280 open postings): a results page as the browser
 * gets it (engine search with facet counts, rendering, compression), the htmx fragment typing
 * fetches, and the JSON API — and the same page answered from the database with the engine down.
 */
import { createLogger } from "../src/log.ts";
import { createJobSearch } from "../src/search/job-search.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { createApp } from "../src/app.ts";
import { benchPlatform, SEARCH_MIX, timeEach } from "./support.ts";
import type { Bench, BenchRow } from "./types.ts";

const ROUNDS = 20;

const bench: Bench = async ({ workDir, progress }) => {
  progress("starting a platform with the demo county");
  const platform = await benchPlatform(workDir);
  try {
    const app = platform.app;
    const open = (platform.db.$client.prepare("SELECT count(*) AS n FROM postings WHERE status = '招聘中'").get() as { n: number }).n;
    const get = (path: string, headers: Record<string, string> = {}) => async () => {
      const res = await app.request(path, { headers: { "Accept-Encoding": "br", ...headers } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      await res.arrayBuffer();
    };
    const rows: BenchRow[] = [];
    const measure = async (name: string, run: (qs: string) => () => Promise<void>, note: string) => {
      progress(name);
      const t = await timeEach(SEARCH_MIX, ROUNDS, (qs) => run(qs)());
      rows.push({ name: `${name} p50`, value: t.p50, unit: "ms", note: `${open} open postings; ${t.n} requests, ${SEARCH_MIX.length} kinds of search; ${note}` });
      rows.push({ name: `${name} p95`, value: t.p95, unit: "ms" });
    };
    await measure("results page", (qs) => get(`/jobs?${qs}`), "HTML with facet counts, brotli");
    await measure("results fragment (htmx)", (qs) => get(`/jobs?${qs}`, { "HX-Request": "true", "HX-Target": "job-list" }), "list + counts");
    await measure("API /api/v1/jobs", (qs) => get(`/api/v1/jobs?${qs.replace("radius=", "radius_km=")}`), "JSON, no facets");

    // Reduced mode: the same pages answered by the plain database search.
    const unreachable = createJobsIndex(createMeiliClient({ url: "http://127.0.0.1:9", apiKey: "x" }), "jobs");
    const log = createLogger({ level: "silent" });
    const today = () => new Date().toISOString().slice(0, 10);
    const degradedApp = createApp({ db: platform.db, log, jobSearch: createJobSearch({ db: platform.db, index: unreachable, log, today }), searchIsHealthy: async () => false, now: platform.now, today, protector: platform.protector, statistics: platform.statistics, csrfKey: "bench-csrf-key-0123456789abcdef" });
    progress("results page, engine down");
    const t = await timeEach(SEARCH_MIX, ROUNDS, async (qs) => (await degradedApp.request(`/jobs?${qs}`, { headers: { "Accept-Encoding": "br" } })).arrayBuffer());
    rows.push({ name: "results page, engine down p50", value: t.p50, unit: "ms", note: "plain database search with facet counts" });
    rows.push({ name: "results page, engine down p95", value: t.p95, unit: "ms" });
    return rows;
  } finally {
    await platform.stop();
  }
};

export default bench;
