/**
 * Reduced mode's facet counts are exact: on the demo county, with the engine unreachable, every
 * search's totals and facet counts equal a brute-force count over the database — SQL GROUP BY
 * over the open postings for searches without words, and for searches with words every open
 * posting read whole, its text matched word by word and counted with countFacets. And the index
 * kept in memory, patched after edits (here or by another connection), answers as a fresh one.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.ts";
import { jobRowsByIds } from "../db/queries/jobs.ts";
import { openPostingFactRows } from "../db/queries/posting-search.ts";
import { countFacets, monthlyPay, type JobFacts, type JobFilters } from "../src/core/job-filters.ts";
import { matchWords, searchIndex, type ReducedIndex } from "../src/core/reduced-index.ts";
import { wordAlternatives } from "../src/core/job-synonyms.ts";
import { normaliseQuery, queryWords } from "../src/core/search-text.ts";
import { createLogger } from "../src/log.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { catchUpPostingSearch, liveReducedIndex, reducedIndexFromDatabase } from "../src/search/reduced-search.ts";
import { createJobSearch, type JobQuery } from "../src/search/job-search.ts";
import { toJobDocument } from "../src/search/job-document.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ label: "reduced-facets" });
});
afterAll(async () => {
  await platform?.close();
});

const reduced = () =>
  createJobSearch({
    db: platform.db,
    index: createJobsIndex(createMeiliClient({ url: "http://127.0.0.1:9", apiKey: "x" }), "jobs"),
    log: createLogger({ level: "silent" }),
    today: platform.today,
  });
const ask = (query: Omit<JobQuery, "limit" | "offset">): JobQuery => ({ limit: 20, offset: 0, facets: true, ...query });

describe("reduced-mode facet counts against SQL over the open postings", () => {
  const grouped = (column: string, where = "1 = 1", params: unknown[] = []) =>
    Object.fromEntries(
      (
        platform.db.$client
          .prepare(
            `SELECT ${column} AS k, count(*) AS n FROM postings p JOIN employers e ON e.id = p.employer_id JOIN towns t ON t.id = e.town_id
              WHERE p.status = '招聘中' AND (p.closing_date IS NULL OR p.closing_date >= ?) AND ${where} GROUP BY k`,
          )
          .all(platform.today(), ...params) as { k: string; n: number }[]
      ).map((r) => [r.k, r.n]),
    );

  it("counts every type, town and working time of the open postings", async () => {
    const found = await reduced().search(ask({}));
    expect(found.degraded).toBe(true);
    expect(found.facets!.type).toEqual(grouped("e.type"));
    expect(found.facets!.town).toEqual(grouped("t.name"));
    expect(found.facets!.time).toEqual(grouped("p.working_time"));
    expect(found.total).toBe(Object.values(grouped("1")).reduce((a, b) => a + b, 0));
  });

  it("counts a chosen facet without its own filter and the others with it", async () => {
    const found = await reduced().search(ask({ type: "帮扶车间", time: "全天" }));
    expect(found.facets!.type).toEqual(grouped("e.type", "p.working_time = ?", ["全天"]));
    expect(found.facets!.time).toEqual(grouped("p.working_time", "e.type = ?", ["帮扶车间"]));
    expect(found.facets!.town).toEqual(grouped("t.name", "e.type = ? AND p.working_time = ?", ["帮扶车间", "全天"]));
    expect(found.total).toBe(grouped("1", "e.type = ? AND p.working_time = ?", ["帮扶车间", "全天"])["1"] ?? 0);
  });
});

describe("reduced-mode facet counts against every open posting read whole", () => {
  /** Each open posting's facts and the text the engine searches, in the search form. */
  const everyOpenPosting = () => {
    const facts = openPostingFactRows(platform.db);
    const rows = new Map(jobRowsByIds(platform.db, facts.map((f) => f.id)).map((row) => [row.id, row]));
    return facts.map((f) => {
      const doc = toJobDocument(rows.get(f.id)!);
      const text = [doc.titleText, ...doc.skillsText, ...doc.tagsText, doc.employerText, doc.placeText, doc.descriptionText].join(" ").toLowerCase();
      const jobFacts: JobFacts = {
        type: f.employerType,
        town: f.town,
        workingTime: f.workingTime,
        ageMin: f.ageMin,
        ageMax: f.ageMax,
        benefits: f.benefits,
        monthlyPay: monthlyPay(f.payMin, f.payMax, f.payUnit),
        point: f.lat !== null && f.lng !== null ? { lat: f.lat, lng: f.lng } : null,
        closingDate: f.closingDate,
      };
      return { text, facts: jobFacts };
    });
  };
  /** Does the text hold the word: every run of letters and digits inside one run of the text. */
  const holds = (text: string, word: string) => {
    const runs = text.match(/[\p{L}\p{N}]+/gu) ?? [];
    return (word.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).every((part) => runs.some((run) => run.includes(part)));
  };

  it.each([
    { q: "缝纫" },
    { q: "縫紉" },
    { q: "包吃" },
    { q: "保洁" },
    { q: "车间 包装" },
    { q: "工" },
    { q: "缝纫", payAtLeast: 3000 as const },
    { q: "包装", age: 55 },
    { q: "剪线头", time: "灵活" as const },
    { q: "普工", benefits: ["包吃" as const], type: "用工企业" as const },
    { q: "缝纫", origin: { lat: 25.99, lng: 115.38 }, radiusKm: 20 },
  ])("$q with its filters", async (query) => {
    const found = await reduced().search(ask(query));
    const groups = queryWords(normaliseQuery(query.q)).map(wordAlternatives);
    const today = platform.today();
    const matching = everyOpenPosting()
      .filter((p) => groups.every((words) => words.some((word) => holds(p.text, word))))
      .filter((p) => p.facts.closingDate === null || p.facts.closingDate >= today)
      .map((p) => p.facts);
    const expected = countFacets(matching, { ...query, openOn: undefined });
    expect(found.facets).toEqual(expected);
    expect(matching.length, "the search finds something to count").toBeGreaterThan(0);
  });
});

describe("the reduced mode's index kept in memory", () => {
  const searchBoth = (live: ReducedIndex, q: string, filters: JobFilters = {}) => {
    const fresh = reducedIndexFromDatabase(platform.db);
    const groups = queryWords(normaliseQuery(q)).map(wordAlternatives);
    const ask = { filters: { openOn: platform.today(), ...filters }, sort: "newest" as const, offset: 0, limit: 500, facets: true };
    return { live: searchIndex(live, { ...ask, matching: matchWords(live, groups) }), fresh: searchIndex(fresh, { ...ask, matching: matchWords(fresh, groups) }) };
  };

  it("is patched, not built again, for postings edited, closed or changed by another connection, and answers as a fresh build", () => {
    const live = liveReducedIndex(platform.db);
    const first = live.get();
    expect(live.builds()).toBe(1);
    const sqlite = platform.db.$client;
    const [a, b] = sqlite.prepare("SELECT id FROM postings WHERE status = '招聘中' ORDER BY id LIMIT 2").pluck().all() as number[];
    const other = openDatabase({ file: join(platform.dataDir, DATABASE_FILE) });
    try {
      other.$client.prepare("UPDATE postings SET title = '防火巡查员', pay_max = 9000, pay_unit = '月' WHERE id = ?").run(a);
      other.$client.prepare("UPDATE postings SET status = '已关闭' WHERE id = ?").run(b);
    } finally {
      other.$client.close();
    }
    catchUpPostingSearch(platform.db);
    expect(live.get()).toBe(first);
    expect(live.builds()).toBe(1);
    const found = searchBoth(live.get(), "防火巡查");
    expect(found.live).toEqual(found.fresh);
    expect(found.live.page.map((hit) => hit.id)).toEqual([a]);
    const all = searchBoth(live.get(), "", { payAtLeast: 4000 });
    expect(all.live).toEqual(all.fresh);
    expect(all.live.page.map((hit) => hit.id)).not.toContain(b);
  });

  it("is patched for a new posting published now, and built again for one published before the newest", () => {
    const live = liveReducedIndex(platform.db);
    const first = live.get();
    const sqlite = platform.db.$client;
    const insert = sqlite.prepare(
      `INSERT INTO postings (code, employer_id, title, description, headcount, pay_unit, working_time, skills, benefits, status, published_at)
       SELECT ?, employer_id, ?, '', 1, '月', '全天', '[]', '[]', '招聘中', ? FROM postings LIMIT 1`,
    );
    insert.run("ZZ9", "砚台雕刻师", platform.today());
    catchUpPostingSearch(platform.db);
    let found = searchBoth(live.get(), "砚台");
    expect(live.get()).toBe(first);
    expect(live.builds()).toBe(1);
    expect(found.live).toEqual(found.fresh);
    expect(found.live.total).toBe(1);
    const everything = searchBoth(live.get(), "");
    expect(everything.live).toEqual(everything.fresh);
    expect(everything.live.page[0]!.id).toBe(sqlite.prepare("SELECT id FROM postings WHERE code = 'ZZ9'").pluck().get());

    // Published long ago: it would list among the others, so the index is built again.
    insert.run("ZZ10", "砚台打磨工", "2020-01-01");
    catchUpPostingSearch(platform.db);
    found = searchBoth(live.get(), "砚台");
    expect(live.builds()).toBe(2);
    expect(found.live).toEqual(found.fresh);
    expect(found.live.total).toBe(2);
  });
});
