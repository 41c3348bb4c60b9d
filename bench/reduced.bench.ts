/**
 * Reduced mode (the engine is down) at 100,000 postings: the search as it was (FTS5 words,
 * facts as objects, countFacets; bench/reduced-before.ts) and as it is (the in-memory index,
 * src/core/reduced-index.ts), measured in the same run on the same database and the same
 * searches (bench/support.ts SEARCH_MIX, read as the platform reads them), with the index's
 * build time and memory, the rebuild after one edit, and a check that both answer alike
 * (totals, hits in order, facet counts). The postings are generated as bench/scale.bench.ts
 * does; no engine index is built (it is not used).
 */
import { loadavg } from "node:os";
import { chinaDate } from "../src/core/china-time.ts";
import { buildReducedIndex, indexBytes } from "../src/core/reduced-index.ts";
import { readQuery } from "../src/core/query-reading.ts";
import { normaliseQuery } from "../src/core/search-text.ts";
import { createLogger } from "../src/log.ts";
import { createJobSearch, effectiveSort, type JobQuery } from "../src/search/job-search.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { catchUpPostingSearch, createReducedSearch, reducedIndexFromDatabase } from "../src/search/reduced-search.ts";
import { JOBS_PER_PAGE, parseJobBoardQuery } from "../src/routes/public/job-board-query.ts";
import { createFtsReducedSearch } from "./reduced-before.ts";
import { generatePostings, POSTINGS } from "./scale.bench.ts";
import { benchPlatform, SEARCH_MIX, timeEach } from "./support.ts";
import { percentiles, type Bench, type BenchRow } from "./types.ts";

const ROUNDS = 10;

/** A results page's query string as the job board asks the search for it. */
export function boardQuery(qs: string, today: string): JobQuery {
  const params = new URLSearchParams(qs);
  const query = parseJobBoardQuery(Object.fromEntries(params), { benefit: params.getAll("benefit") });
  return {
    q: query.q,
    type: query.type,
    town: query.town,
    time: query.time,
    age: query.age,
    benefits: query.benefit,
    payAtLeast: query.pay,
    ...(query.lat !== undefined && query.lng !== undefined ? { origin: { lat: query.lat, lng: query.lng } } : {}),
    radiusKm: query.radius,
    sort: query.sort,
    limit: JOBS_PER_PAGE,
    offset: query.offset ?? 0,
    facets: true,
    openOn: today,
  };
}

const bench: Bench = async ({ workDir, progress }) => {
  progress("starting a platform with the demo county");
  const platform = await benchPlatform(workDir);
  const log = createLogger({ level: "silent" });
  try {
    const db = platform.db;
    const today = chinaDate(new Date());
    progress(`writing ${POSTINGS.toLocaleString("en")} postings`);
    generatePostings(db.$client, POSTINGS, today);
    progress("writing their search text (search pairs)");
    let started = performance.now();
    const written = catchUpPostingSearch(db);
    const catchUpSeconds = (performance.now() - started) / 1000;
    const open = db.$client.prepare("SELECT count(*) FROM postings WHERE status = '招聘中'").pluck().get() as number;

    progress("building the in-memory index");
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    started = performance.now();
    let cpu = process.cpuUsage();
    const built = reducedIndexFromDatabase(db);
    const buildMs = performance.now() - started;
    const buildCpuMs = cpuMs(cpu);
    const heapAfter = process.memoryUsage().heapUsed;
    // The same build without the database read, to split the figure.
    cpu = process.cpuUsage();
    buildReducedIndex(
      Array.from({ length: built.size }, (_, i) => ({
        id: built.ids[i]!,
        text: built.texts[i]!,
        facts: { type: "用工企业", town: "", workingTime: "全天", ageMin: null, ageMax: null, benefits: [], monthlyPay: null, point: null, closingDate: null },
      })),
    );
    const pairsOnlyCpuMs = cpuMs(cpu);

    // The searches as the platform makes them: the query read (synonyms, variants, pinyin) first.
    const asked = SEARCH_MIX.map((qs) => {
      const query = boardQuery(qs, today);
      return { qs, query, q: readQuery(normaliseQuery(query.q ?? "")).text, sort: effectiveSort(query) };
    });
    const before = createFtsReducedSearch(db);
    const after = createReducedSearch(db);

    progress("checking both answer alike");
    let agree = 0;
    const differ: string[] = [];
    for (const { qs, query, q, sort } of asked) {
      const a = before.search(query, q, sort);
      const b = after.search(query, q, sort);
      const same =
        a.total === b.total &&
        JSON.stringify(a.hits.map((h) => [h.code, h.distance_km])) === JSON.stringify(b.hits.map((h) => [h.code, h.distance_km])) &&
        JSON.stringify(sortedFacets(a.facets)) === JSON.stringify(sortedFacets(b.facets));
      if (same) agree++;
      else differ.push(decodeURIComponent(qs) || "(empty)");
    }

    progress("timing the search before (FTS5 + countFacets)");
    const old = timeWithCpu(asked, ROUNDS, ({ query, q, sort }) => before.search(query, q, sort));
    progress("timing the search after (in-memory index)");
    const now = timeWithCpu(asked, ROUNDS, ({ query, q, sort }) => after.search(query, q, sort));
    progress("timing the whole search, engine unreachable");
    const unreachable = createJobsIndex(createMeiliClient({ url: "http://127.0.0.1:9", apiKey: "x" }), "jobs");
    const jobSearch = createJobSearch({ db, index: unreachable, log, today: () => today });
    const whole = await timeEach(asked, ROUNDS, async ({ query }) => jobSearch.search(query));

    // After a change the next search writes the text, reads posting_changes and patches the index
    // (an edit, a closing), or builds it again (a new posting).
    const afterChange = (change: () => void) => {
      const samples: { wall: number; cpu: number }[] = [];
      for (let round = 0; round < 3; round++) {
        change();
        started = performance.now();
        cpu = process.cpuUsage();
        after.search(asked[1]!.query, asked[1]!.q, asked[1]!.sort);
        samples.push({ wall: performance.now() - started, cpu: cpuMs(cpu) });
      }
      return samples.sort((x, y) => x.wall - y.wall)[1]!;
    };
    const openIds = db.$client.prepare("SELECT id FROM postings WHERE status = '招聘中' ORDER BY id DESC LIMIT 3").pluck().all() as number[];
    progress("one posting edited, then one closed: the next search patches the index");
    let edit = 0;
    const edited = afterChange(() => db.$client.prepare("UPDATE postings SET title = title || '工', pay_max = pay_max + 1 WHERE id = ?").run(openIds[edit++ % 3]));
    let closing = 0;
    const closed = afterChange(() => db.$client.prepare("UPDATE postings SET status = '已关闭' WHERE id = ?").run(openIds[closing++ % 3]));
    progress("one posting added: the next search appends it to the index");
    let added = 0;
    const inserted = afterChange(() =>
      db.$client
        .prepare(
          `INSERT INTO postings (code, employer_id, title, description, headcount, pay_unit, working_time, skills, benefits, status, published_at)
           SELECT ?, employer_id, title, description, 1, pay_unit, working_time, skills, benefits, '招聘中', ? FROM postings LIMIT 1`,
        )
        .run(`BENCH${added++}`, today),
    );

    const load = loadavg().map((l) => l.toFixed(1)).join("/");
    const n = `${old.n} searches, ${SEARCH_MIX.length} kinds × ${ROUNDS} rounds, facet counts, 20 hits read`;
    return [
      { name: "reduced mode before (FTS5), 100k p50", value: old.p50, unit: "ms", note: `${n}; ${open.toLocaleString("en")} open postings` },
      { name: "reduced mode before (FTS5), 100k p95", value: old.p95, unit: "ms" },
      { name: "reduced mode after (in-memory index), 100k p50", value: now.p50, unit: "ms", baseline: old.p50, baselineNote: "FTS5 + countFacets", note: n },
      { name: "reduced mode after (in-memory index), 100k p95", value: now.p95, unit: "ms", budget: "≤ 50 ms", baseline: old.p95, baselineNote: "FTS5 + countFacets" },
      { name: "reduced mode p95, before ÷ after", value: old.p95 / now.p95, unit: "×" },
      { name: "reduced mode before, CPU per search p50", value: old.cpu.p50, unit: "ms", note: "this process's CPU time per search: what the wall clock would be on an idle core" },
      { name: "reduced mode before, CPU per search p95", value: old.cpu.p95, unit: "ms" },
      { name: "reduced mode after, CPU per search p50", value: now.cpu.p50, unit: "ms", baseline: old.cpu.p50, baselineNote: "FTS5 + countFacets" },
      { name: "reduced mode after, CPU per search p95", value: now.cpu.p95, unit: "ms", budget: "≤ 50 ms", baseline: old.cpu.p95, baselineNote: "FTS5 + countFacets" },
      { name: "whole search, engine unreachable, 100k p50", value: whole.p50, unit: "ms", note: "createJobSearch: query reading, the refused connection, the reduced mode" },
      { name: "whole search, engine unreachable, 100k p95", value: whole.p95, unit: "ms" },
      { name: "before and after agree", value: agree, unit: `of ${asked.length}`, note: differ.length > 0 ? `differ: ${differ.join(", ")}` : "totals, hits in order, facet counts" },
      { name: "in-memory index build, 100k", value: buildMs, unit: "ms", note: `wall clock; database read + build, on the first reduced-mode search` },
      { name: "in-memory index build, 100k, CPU", value: buildCpuMs, unit: "ms", note: `this process's CPU time (the wall clock waits for the other engineers' processes); the pair lists alone ${pairsOnlyCpuMs.toFixed(0)} ms` },
      { name: "in-memory index size, 100k", value: indexBytes(built) / 2 ** 20, unit: "MiB", note: `${built.pairs.size.toLocaleString("en")} distinct pairs, ${built.pairEntries.toLocaleString("en")} list entries; heap grew ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MiB during the build` },
      { name: "search after one posting edited, 100k median", value: edited.wall, unit: "ms", note: `CPU ${edited.cpu.toFixed(0)} ms; its text written again, the index patched (posting_changes)` },
      { name: "search after one posting closed, 100k median", value: closed.wall, unit: "ms", note: `CPU ${closed.cpu.toFixed(0)} ms; patched out of the index` },
      { name: "search after one posting added, 100k median", value: inserted.wall, unit: "ms", baseline: buildMs, baselineNote: "a whole build (what a new posting cost before)", note: `CPU ${inserted.cpu.toFixed(0)} ms (a build: ${buildCpuMs.toFixed(0)} ms); its text written, the index patched: a posting published now is appended (posting_changes); whole builds by then: ${after.builds()} (the first search's)` },
      { name: "search text written, 100k", value: catchUpSeconds, unit: "s", note: `${written.toLocaleString("en")} postings as search pairs (posting_search), as the outbox worker does; load average ${load}` },
    ] satisfies BenchRow[];
  } finally {
    await platform.stop();
  }
};

/** Wall clock and CPU time of each call (after a warm-up round): p50 and p95 of both, in ms. */
function timeWithCpu<T>(items: readonly T[], rounds: number, task: (item: T) => unknown): { p50: number; p95: number; n: number; cpu: { p50: number; p95: number } } {
  for (const item of items) task(item);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const since = process.cpuUsage();
      const started = performance.now();
      task(item);
      wall.push(performance.now() - started);
      cpu.push(cpuMs(since));
    }
  }
  return { ...percentiles(wall), n: wall.length, cpu: percentiles(cpu) };
}

/** This process's CPU time since `since`, in ms. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Facet counts with their keys in one order, for comparing. */
function sortedFacets(facets: object | undefined): unknown {
  if (!facets) return facets;
  return Object.fromEntries(
    Object.entries(facets)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, counts]) => [name, Object.entries(counts as Record<string, number>).sort(([a], [b]) => a.localeCompare(b))]),
  );
}

export default bench;
