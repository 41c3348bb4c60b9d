/** The platform in-process against the real SQLite file and the real Meilisearch. */
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createJobSearch } from "../src/search/job-search.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { createLogger } from "../src/log.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

describe("a started platform", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "platform", today: "2026-11-23" });
  });
  afterAll(() => platform?.close());

  it("reports database and search engine ok on /healthz", async () => {
    const res = await platform.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok", search: "ok", searchBacklog: 0, searchEngine: { bundled: false }, searchFallbacks: { total: 0, current: 0 } });
  });

  it("loaded a demo county with every platform type and household category", () => {
    const count = (query: string) => (platform.db.$client.prepare(query).get() as { n: number }).n;
    expect(count("SELECT count(DISTINCT type) AS n FROM employers")).toBe(7);
    expect(count("SELECT count(DISTINCT category) AS n FROM households")).toBe(5);
    expect(count("SELECT count(*) AS n FROM postings")).toBeGreaterThanOrEqual(200);
    expect(count("SELECT count(*) AS n FROM placements WHERE end_date IS NOT NULL")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM applications")).toBeGreaterThan(0);
  });

  it("indexed every open posting, and nothing personal", async () => {
    const open = (platform.db.$client.prepare("SELECT count(*) AS n FROM postings WHERE status = '招聘中'").get() as { n: number }).n;
    expect(await platform.index.count()).toBe(open);
    const { hits } = await platform.index.search({ q: "", filter: [], sort: [], limit: 1000, offset: 0 });
    const text = JSON.stringify(hits);
    expect(text).not.toMatch(/[0-9]{17}[0-9X]/);
    const phones = platform.db.$client.prepare("SELECT phone FROM workers WHERE phone IS NOT NULL LIMIT 50").all() as { phone: string }[];
    for (const { phone } of phones) expect(text).not.toContain(phone);
  });

  it("stores ID numbers only hashed, encrypted and masked", () => {
    const row = platform.db.$client.prepare("SELECT * FROM workers LIMIT 1").get() as Record<string, string>;
    expect(row.id_number_masked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(JSON.stringify(row)).not.toMatch(/(?<![0-9])[0-9]{17}[0-9X](?![0-9])/);
    expect(platform.protector.decrypt(row.id_number_cipher!)).toMatch(/^[0-9]{17}[0-9X]$/);
  });

  it("serves the home page with open postings, security headers and compression", async () => {
    const res = await platform.app.request("/", { headers: { "Accept-Encoding": "br, gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Encoding")).toBe("br");
    expect(res.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const html = brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString("utf8");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html.match(/class="job-card"/g)?.length).toBeGreaterThanOrEqual(5);
    expect(html).not.toMatch(/<script>|<style>| style="/);
  });

  it("serves static files under fingerprinted URLs with a long cache", async () => {
    const html = await (await platform.app.request("/")).text();
    const css = html.match(/href="(\/static\/app\.[0-9a-f]{10}\.css)"/)?.[1];
    const js = html.match(/src="(\/static\/htmx\.[0-9a-f]{10}\.js)"/)?.[1];
    expect(css && js).toBeTruthy();
    const res = await platform.app.request(js!, { headers: { "Accept-Encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("immutable");
    expect(res.headers.get("Content-Encoding")).toBe("gzip");
    expect((await platform.app.request("/static/app.0000000000.css")).status).toBe(404);
  });

  it("returns only the result list when htmx asks for it, and varies on it", async () => {
    const full = await platform.app.request("/jobs?q=%E4%BF%9D%E6%B4%81");
    const fragment = await platform.app.request("/jobs?q=%E4%BF%9D%E6%B4%81", { headers: { "HX-Request": "true", "HX-Target": "job-list" } });
    expect(full.headers.get("Vary")).toContain("HX-Request");
    const fragmentHtml = await fragment.text();
    expect(fragmentHtml).not.toContain("<html");
    expect(fragmentHtml).toContain('id="job-list"');
    expect(await full.text()).toContain("<html");
  });

  it("answers an unknown page with a Chinese 404 page and no stack trace", async () => {
    const res = await platform.app.request("/no-such-page");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("页面不存在");
  });

  it("falls back to a plain database search, saying so, when the engine is unreachable", async () => {
    const deadIndex = createJobsIndex(createMeiliClient({ url: "http://127.0.0.1:9", apiKey: "x" }), "jobs");
    const search = createJobSearch({ db: platform.db, index: deadIndex, log: createLogger({ level: "silent" }), today: () => "2026-11-23" });
    const results = await search.search({ q: "保洁", limit: 20, offset: 0 });
    expect(results.degraded).toBe(true);
    expect(results.hits.length).toBeGreaterThan(0);
  });

  it("logs requests without personal data", async () => {
    const id = platform.protector.decrypt(
      (platform.db.$client.prepare("SELECT id_number_cipher AS c FROM workers LIMIT 1").get() as { c: string }).c,
    );
    await platform.app.request(`/jobs/${id}`);
    const log = platform.logLines.join("\n");
    expect(log).toContain('"msg":"request"');
    expect(log).not.toContain(id);
  });

  it("keeps the foreign keys of the loaded county intact", () => {
    expect(platform.db.all(sql`PRAGMA foreign_key_check`)).toEqual([]);
  });
});

describe("a second start on the same DATA_DIR", () => {
  it("keeps every row and does not load the demo again", async () => {
    const first = await startTestPlatform({ label: "restart", today: "2026-11-23" });
    const dataDir = first.dataDir;
    first.db.$client.exec("UPDATE postings SET title = '改过的标题' WHERE id = 1");
    const before = first.db.$client.prepare("SELECT (SELECT count(*) FROM workers) AS w, (SELECT count(*) FROM postings) AS p").get();
    await first.stop();
    const second = await startTestPlatform({ label: "restart", today: "2026-11-23", dataDir });
    try {
      expect(second.db.$client.prepare("SELECT (SELECT count(*) FROM workers) AS w, (SELECT count(*) FROM postings) AS p").get()).toEqual(before);
      expect(second.db.$client.prepare("SELECT title FROM postings WHERE id = 1").get()).toEqual({ title: "改过的标题" });
      expect(second.logLines.join("\n")).not.toContain("demo county loaded");
    } finally {
      await second.close();
    }
  });

  it("with DEMO_DATA=0 starts empty", async () => {
    const platform = await startTestPlatform({ label: "empty", demoData: false });
    try {
      expect(platform.db.$client.prepare("SELECT count(*) AS n FROM postings").get()).toEqual({ n: 0 });
      const html = await (await platform.app.request("/")).text();
      expect(html).toContain("没有找到合适的岗位");
    } finally {
      await platform.close();
    }
  });
});
