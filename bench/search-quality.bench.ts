/**
 * Search quality on the demo county: recall@5 of the graded query set (bench/search-quality-queries.ts)
 * through the engine and through the plain database search (reduced mode).
 *
 * recall@5 of one query = relevant postings among its first five results ÷ min(5, relevant postings
 * in the county); the figure is the mean over the queries. "found" is the share of queries with at
 * least one relevant posting among the first five. With `--verbose` (or BENCH_VERBOSE=1) every
 * query's score is printed to stderr, worst first.
 */
import { createLogger } from "../src/log.ts";
import { createJobSearch, type JobSearch } from "../src/search/job-search.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { benchPlatform } from "./support.ts";
import { GRADED_QUERIES, type QueryFamily } from "./search-quality-queries.ts";
import type { Bench, BenchRow } from "./types.ts";

interface PostingFacts {
  code: string;
  title: string;
  employerType: string;
  town: string;
  village: string | null;
}

const TOP = 5;

function isRelevant(family: QueryFamily, posting: PostingFacts): boolean {
  return (
    (family.title !== undefined && family.title.test(posting.title)) ||
    (family.employerType !== undefined && family.employerType === posting.employerType) ||
    (family.town !== undefined && family.town === posting.town) ||
    (family.village !== undefined && family.village === posting.village)
  );
}

/** Recall@5 per query of one search path. */
async function grade(search: JobSearch, postings: readonly PostingFacts[]): Promise<{ q: string; family: string; recall: number; relevant: number; shown: string[] }[]> {
  const byCode = new Map(postings.map((p) => [p.code, p]));
  const scores = [];
  for (const { q, family } of GRADED_QUERIES) {
    const relevant = postings.filter((p) => isRelevant(family, p)).length;
    if (relevant === 0) throw new Error(`query ${q}: no posting of family "${family.name}" in the demo county`);
    const results = await search.search({ q, limit: TOP, offset: 0 });
    const hits = results.hits.filter((hit) => {
      const posting = byCode.get(hit.code);
      return posting !== undefined && isRelevant(family, posting);
    }).length;
    scores.push({ q, family: family.name, recall: hits / Math.min(TOP, relevant), relevant, shown: results.hits.map((hit) => hit.title) });
  }
  return scores;
}

const bench: Bench = async ({ workDir, progress }) => {
  progress("starting a platform with the demo county");
  const platform = await benchPlatform(workDir);
  try {
    const db = platform.db;
    const postings = db.$client
      .prepare(
        `SELECT p.code, p.title, e.type AS employerType, t.name AS town, v.name AS village
           FROM postings p JOIN employers e ON e.id = p.employer_id JOIN towns t ON t.id = e.town_id
           LEFT JOIN villages v ON v.id = e.village_id
          WHERE p.status = '招聘中' AND (p.closing_date IS NULL OR p.closing_date >= ?)`,
      )
      .all(platform.today()) as PostingFacts[];
    const log = createLogger({ level: "silent" });
    const engine = createJobSearch({ db, index: platform.index, log, today: platform.today });
    const unreachable = createJobsIndex(createMeiliClient({ url: "http://127.0.0.1:9", apiKey: "x" }), "jobs");
    const reduced = createJobSearch({ db, index: unreachable, log, today: platform.today });

    const verbose = process.argv.includes("--verbose") || process.env.BENCH_VERBOSE === "1";
    const rows: BenchRow[] = [];
    for (const [name, search] of [["engine", engine], ["reduced mode", reduced]] as const) {
      progress(`grading ${GRADED_QUERIES.length} queries, ${name}`);
      const scores = await grade(search, postings);
      const mean = scores.reduce((sum, s) => sum + s.recall, 0) / scores.length;
      const found = scores.filter((s) => s.recall > 0).length / scores.length;
      rows.push({ name: `recall@5, ${name}`, value: mean, unit: "", note: `${scores.length} graded queries over ${postings.length} open postings (demo county)` });
      rows.push({ name: `queries finding at least one, ${name}`, value: found * 100, unit: "%" });
      if (verbose) {
        for (const s of [...scores].sort((a, b) => a.recall - b.recall)) {
          process.stderr.write(`[${name}] ${s.recall.toFixed(2)}  ${s.q}  (${s.family}, ${s.relevant} relevant): ${s.shown.join("、")}\n`);
        }
      }
    }
    return rows;
  } finally {
    await platform.stop();
  }
};

export default bench;
