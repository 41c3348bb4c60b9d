/**
 * What people call things, searched on the real engine and in reduced mode: pinyin, emoji around
 * a word, everyday words, a same-sound slip, traditional characters — the reproductions of issue
 * 13's search part (the graded query set with its recall@5 is bench/search-quality.bench.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/log.ts";
import { createJobSearch } from "../src/search/job-search.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { messages } from "../views/messages.ts";
import { loadJobFixture } from "./support/job-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ label: "search-vocabulary", demoData: false });
  await loadJobFixture(platform);
});
afterAll(() => platform?.close());

const codesFor = async (q: string) => {
  const res = await platform.app.request(`/api/v1/jobs?q=${encodeURIComponent(q)}&limit=20`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { hits: { code: string }[] };
  return body.hits.map((hit) => hit.code);
};

describe("the engine finds what people call things", () => {
  it.each([
    ["fengren", ["F01", "F03", "F10"]],
    ["feng ren", ["F01", "F03", "F10"]],
    ["👗缝纫", ["F01", "F03", "F10"]],
    ["缝认", ["F01", "F03", "F10"]],
    ["针线活", ["F01", "F03", "F10"]],
    ["扫地", ["F04", "F12"]],
    ["baojie", ["F04", "F12"]],
    ["摘橙子", ["F08"]],
    ["臍橙", ["F08"]],
    ["dianhan", ["F07"]],
    ["lingbei", ["F01", "F02", "F11"]],
    ["shuanglong fengren", ["F03"]],
  ])("%s finds %j", async (q, expected) => {
    const codes = await codesFor(q);
    for (const code of expected) expect(codes, `${q} → ${codes.join(",")}`).toContain(code);
  });

  it("does not turn a word it does not know into a job word", async () => {
    expect(await codesFor("垫子")).not.toContain("F09");
  });

  it("says on the results page how it read pinyin, keeping what was typed in the box", async () => {
    const res = await platform.app.request(`/jobs?q=fengren`);
    const html = await res.text();
    expect(html).toContain(messages.search.readAs([{ typed: "fengren", word: "缝纫" }]));
    expect(html).toMatch(/name="q"[^>]*value="fengren"/);
  });
});

describe("reduced mode reads queries the same way", () => {
  it.each([
    ["fengren", ["F01", "F03"]],
    ["扫地", ["F04", "F12"]],
    ["缝认", ["F01", "F03"]],
  ])("%s finds %j in the database", async (q, expected) => {
    const log = createLogger({ level: "silent" });
    const unreachable = createJobsIndex(createMeiliClient({ url: "http://127.0.0.1:9", apiKey: "x" }), "jobs");
    const search = createJobSearch({ db: platform.db, index: unreachable, log, today: platform.today });
    const results = await search.search({ q, limit: 20, offset: 0 });
    expect(results.degraded).toBe(true);
    const codes = results.hits.map((hit) => hit.code);
    for (const code of expected) expect(codes, `${q} → ${codes.join(",")}`).toContain(code);
  });
});
