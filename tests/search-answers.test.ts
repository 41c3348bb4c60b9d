/**
 * The search answers the server keeps (src/search/search-answers.ts) never outlive a change: an
 * employer renamed or a posting retitled shows on the next results page and API answer once the
 * outbox has sent it (as without the cache); a change written to the database by another
 * connection misses the kept answers at once; a rebuild from another process (npm run reindex)
 * makes them stale; an answer that was in flight across a write is not kept.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../db/client.ts";
import { cacheVersion } from "../db/queries/cache-versions.ts";
import { createLogger } from "../src/log.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { rebuildJobsIndex } from "../src/search/rebuild-index.ts";
import { withSearchAnswers, type CachedJobsIndex } from "../src/search/search-answers.ts";
import { createJobSearch } from "../src/search/job-search.ts";
import { saveVillage } from "../src/use-cases/save-village.ts";
import { saveEmployer } from "../src/use-cases/save-employer.ts";
import { savePosting } from "../src/use-cases/save-posting.ts";
import { FIXTURE_AUTHOR, FIXTURE_EMPLOYERS, FIXTURE_POSTINGS, loadJobFixture } from "./support/job-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ label: "search-answers", demoData: false });
  await loadJobFixture(platform);
});
afterAll(async () => {
  await platform?.close();
});

const page = async (qs: string) => {
  const res = await platform.app.request(`/jobs?${qs}`);
  expect(res.status).toBe(200);
  return res.text();
};
const api = async (qs: string) => {
  const res = await platform.app.request(`/api/v1/jobs?${qs}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { hits: { code: string; title: string; employer: { name: string } }[] };
};
const engineClient = () => {
  const meili = inject("meili");
  return createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
};
const status = () => (platform.index as CachedJobsIndex).answersStatus();

describe("the search answers the server keeps", () => {
  it("answers a repeated search from memory", async () => {
    await page("q=缝纫");
    const before = status();
    // Another encoding: not the response kept for the first (src/http/kept-responses.ts), the same search.
    expect((await platform.app.request("/jobs?q=缝纫", { headers: { "Accept-Encoding": "gzip" } })).status).toBe(200);
    const after = status();
    expect(after.hits).toBeGreaterThan(before.hits);
    expect(after.misses).toBe(before.misses);
  });

  it("shows an employer's new name on the next page and API answer once the outbox sent it", async () => {
    expect(await page("q=箱包")).toContain("上坪箱包帮扶车间");
    expect((await api("q=箱包")).hits.map((h) => h.employer.name)).toContain("上坪箱包帮扶车间");
    const e1 = FIXTURE_EMPLOYERS.find((e) => e.code === "E1")!;
    saveEmployer({ db: platform.db }, { employer: { ...e1, name: "上坪箱包就业车间" }, by: FIXTURE_AUTHOR, now: platform.now() });
    await platform.outbox.drain();
    const html = await page("q=箱包");
    expect(html).toContain("上坪箱包就业车间");
    expect(html).not.toContain("上坪箱包帮扶车间");
    expect((await api("q=箱包")).hits.map((h) => h.employer.name)).not.toContain("上坪箱包帮扶车间");
  });

  it("shows a posting's new title at once after the outbox sent it, and finds it by it", async () => {
    expect(await page("q=电焊")).toContain("电焊工");
    const f07 = FIXTURE_POSTINGS.find((p) => p.code === "F07")!;
    savePosting(
      { db: platform.db },
      { posting: { headcount: 1, skills: ["电焊"], benefits: [], description: "", status: "招聘中", ...f07, title: "钢构电焊工" }, by: FIXTURE_AUTHOR, now: platform.now() },
    );
    await platform.outbox.drain();
    expect(await page("q=电焊")).toContain("钢构电焊工");
    expect((await api("q=电焊")).hits.find((h) => h.code === "F07")?.title).toBe("钢构电焊工");
  });

  it("misses the kept answers as soon as another connection changes a posting", async () => {
    await api("q=保洁");
    const kept = status();
    const other = openDatabase({ file: join(platform.dataDir, DATABASE_FILE) });
    try {
      other.$client.prepare("UPDATE postings SET headcount = headcount + 1 WHERE code = 'F04'").run();
    } finally {
      other.$client.close();
    }
    await api("q=保洁");
    expect(status().misses).toBe(kept.misses + 1);
  });

  it("counts a rebuild by another process (npm run reindex) as a change", async () => {
    await api("q=护林");
    const version = cacheVersion(platform.db, "postings");
    const meili = engineClient();
    try {
      await rebuildJobsIndex({ db: platform.db, meili, indexName: platform.index.name, log: createLogger({ level: "silent" }) });
    } finally {
      await meili.close();
    }
    expect(cacheVersion(platform.db, "postings")).toBeGreaterThan(version);
    const kept = status();
    expect((await api("q=护林")).hits.map((h) => h.code)).toContain("F05");
    expect(status().misses).toBe(kept.misses + 1);
  });

  it("does not keep an answer that was in flight while a write was sent", async () => {
    const real = createJobsIndex(engineClient(), platform.index.name);
    // The real index, its search held until the write below is done (so the answer lands after it).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const cached = withSearchAnswers({ ...real, search: async (params) => (await gate, real.search(params)) }, { version: () => 1 });
    const search = { q: "采摘", filter: [], sort: [], limit: 5, offset: 0 };
    const answering = cached.search(search);
    await cached.waitForTask(await cached.remove(["NO-SUCH-CODE"]));
    release();
    expect((await answering).hits.map((h) => h.code)).toContain("F08");
    expect(cached.answersStatus().entries).toBe(0);
    await cached.search(search);
    expect(cached.answersStatus().entries).toBe(1);
    await cached.search(search);
    expect(cached.answersStatus().hits).toBe(1);
  });

  it("reads a query's pinyin as a village added after the same query was read", async () => {
    const jobs = createJobSearch({ db: platform.db, index: platform.index, log: createLogger({ level: "silent" }), today: platform.today });
    const read = async () => (await jobs.search({ q: "dongkeng", limit: 5, offset: 0 })).readAs ?? [];
    expect(await read()).toEqual([]);
    saveVillage({ db: platform.db }, { region: { town: "城关镇", village: "东坑村", lat: 25.93, lng: 115.41 }, by: FIXTURE_AUTHOR });
    expect((await read()).map((r) => r.word)).toContain("东坑");
  });

  it("hands out answers nobody can change", async () => {
    const cached = withSearchAnswers(platform.index, { version: () => 2 });
    const answer = await cached.search({ q: "", filter: [], sort: [], limit: 5, offset: 0 });
    expect(Object.isFrozen(answer)).toBe(true);
    expect(Object.isFrozen(answer.hits[0])).toBe(true);
  });
});
