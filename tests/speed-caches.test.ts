/**
 * What the server keeps in memory for speed (issue 11) shows a change at once: a region renamed,
 * added or moved — by a use-case here or by another connection (an import beside the server) —
 * is on the next results page; in reduced mode (engine unreachable) an edited posting is found
 * by its new title and not by its old one, and the words, filters and facet counts agree with
 * what the engine answers for the same searches.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { createLogger } from "../src/log.ts";
import { createJobSearch, type JobQuery } from "../src/search/job-search.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { saveVillage } from "../src/use-cases/save-village.ts";
import { savePosting } from "../src/use-cases/save-posting.ts";
import { FIXTURE_AUTHOR, FIXTURE_POSTINGS, loadJobFixture } from "./support/job-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { join } from "node:path";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ label: "speed-caches", demoData: false });
  await loadJobFixture(platform);
});
afterAll(async () => {
  await platform?.close();
});

async function resultsPage(qs = ""): Promise<string> {
  const res = await platform.app.request(`/jobs?${qs}`);
  expect(res.status).toBe(200);
  return res.text();
}

describe("the regions the results page keeps in memory", () => {
  it("shows a village added through the platform on the next page", async () => {
    expect(await resultsPage()).not.toContain("新建村");
    saveVillage({ db: platform.db }, { region: { town: "城关镇", village: "新建村", lat: 25.9, lng: 115.3 }, by: FIXTURE_AUTHOR });
    expect(await resultsPage()).toContain("新建村");
  });

  it("shows a village renamed by another connection to the database on the next page", async () => {
    expect(await resultsPage()).toContain("西街村");
    const other = openDatabase({ file: join(platform.dataDir, DATABASE_FILE) });
    try {
      other.$client.prepare("UPDATE villages SET name = '西街社区' WHERE name = '西街村'").run();
    } finally {
      other.$client.close();
    }
    // The village chooser (the job cards come from the engine's documents, which this bare SQL did not touch).
    const chooser = (await resultsPage()).match(/<select id="village"[\s\S]*?<\/select>/)![0];
    expect(chooser).toContain(">西街社区</option>");
    expect(chooser).not.toContain("西街村");
  });

  it("measures distance from a village's new centre at once", async () => {
    const village = platform.db.$client.prepare("SELECT id FROM villages WHERE name = '上坪村'").pluck().get() as number;
    const before = await platform.app.request(`/api/v1/jobs?lat=25.99&lng=115.4`);
    expect(before.status).toBe(200);
    const page = (qs: string) => resultsPage(qs);
    const near = await page(`village=${village}&sort=distance`);
    saveVillage({ db: platform.db }, { region: { town: "岭背镇", village: "上坪村", lat: 27.5, lng: 117.9 }, by: FIXTURE_AUTHOR });
    const far = await page(`village=${village}&sort=distance`);
    // The distances shown differ: the page measured from the moved centre, not a kept copy.
    const distances = (html: string) => [...html.matchAll(/(\d+(?:\.\d)?) ?公里/g)].map((m) => m[1]).join(",");
    expect(distances(far)).not.toBe(distances(near));
  });
});

describe("the reduced mode (engine unreachable)", () => {
  const engine = () => createJobSearch({ db: platform.db, index: platform.index, log: createLogger({ level: "silent" }), today: platform.today });
  const unreachable = () =>
    createJobSearch({
      db: platform.db,
      index: createJobsIndex(createMeiliClient({ url: "http://127.0.0.1:9", apiKey: "x" }), "jobs"),
      log: createLogger({ level: "silent" }),
      today: platform.today,
    });
  const ask = (query: Omit<JobQuery, "limit" | "offset">) => ({ limit: 50, offset: 0, facets: true, ...query });

  it("finds the same postings with the same facet counts as the engine", async () => {
    await platform.outbox.drain();
    const reduced = unreachable();
    const live = engine();
    const queries: Omit<JobQuery, "limit" | "offset">[] = [
      {},
      { q: "缝纫" },
      { q: "縫紉" },
      { q: "包吃" },
      { q: "车间" },
      { q: "保洁" },
      { type: "帮扶车间" },
      { type: "公益性岗位", time: "半天" },
      { q: "缝纫", payAtLeast: 3000 },
      { age: 58, benefits: ["接送"] },
    ];
    for (const query of queries) {
      const fromEngine = await live.search(ask(query));
      const fromDatabase = await reduced.search(ask(query));
      expect(fromEngine.degraded, JSON.stringify(query)).toBe(false);
      expect(fromDatabase.degraded).toBe(true);
      expect(fromDatabase.hits.map((h) => h.code).sort(), JSON.stringify(query)).toEqual(fromEngine.hits.map((h) => h.code).sort());
      expect(fromDatabase.total, JSON.stringify(query)).toBe(fromEngine.total);
      expect(fromDatabase.facets, JSON.stringify(query)).toEqual(fromEngine.facets);
    }
  });

  it("finds an edited posting by its new title at once, and no longer by its old one", async () => {
    const reduced = unreachable();
    const codes = async (q: string) => (await reduced.search(ask({ q }))).hits.map((h) => h.code);
    expect(await codes("护林")).toContain("F05");
    const f05 = FIXTURE_POSTINGS.find((p) => p.code === "F05")!;
    savePosting(
      { db: platform.db },
      { posting: { headcount: 1, skills: [], benefits: [], status: "招聘中", ...f05, title: "森林防火巡查员", description: "巡查山林，防火宣传。" }, by: FIXTURE_AUTHOR, now: platform.now() },
    );
    expect(await codes("防火巡查")).toEqual(["F05"]);
    expect(await codes("护林")).not.toContain("F05");
  });

  it("leaves out a posting that closed, in its hits and its counts", async () => {
    const reduced = unreachable();
    const before = await reduced.search(ask({ q: "剪线头" }));
    expect(before.hits.map((h) => h.code)).toEqual(["F02"]);
    const f02 = FIXTURE_POSTINGS.find((p) => p.code === "F02")!;
    savePosting({ db: platform.db }, { posting: { headcount: 1, skills: [], benefits: [], description: "", ...f02, status: "已关闭" }, by: FIXTURE_AUTHOR, now: platform.now() });
    const after = await reduced.search(ask({ q: "剪线头" }));
    expect(after.hits).toEqual([]);
    expect(after.total).toBe(0);
    expect(Object.values(after.facets!.type).reduce((a, b) => a + (b ?? 0), 0)).toBe(0);
  });
});
