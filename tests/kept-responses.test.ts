/**
 * The anonymous responses the server keeps (src/http/kept-responses.ts): a repeated anonymous
 * results page, fragment or API answer is served from memory, never to a signed-in person, never
 * across encodings or between page and fragment, never with a CSRF token or a Set-Cookie in it;
 * and a renamed employer, a changed or closed posting, a new village or a new day shows on the
 * very next request after the change (and, for the engine's documents, after the outbox sent it).
 */
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../src/clock.ts";
import type { CachedJobsIndex } from "../src/search/search-answers.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { saveEmployer } from "../src/use-cases/save-employer.ts";
import { changePostingStatus, savePosting } from "../src/use-cases/save-posting.ts";
import { saveVillage } from "../src/use-cases/save-village.ts";
import { messages } from "../views/messages.ts";
import { FIXTURE_AUTHOR, FIXTURE_EMPLOYERS, FIXTURE_POSTINGS, loadJobFixture } from "./support/job-fixture.ts";
import { startTestPlatform, testClock, type TestPlatform } from "./support/test-platform.ts";
import { webClient } from "./support/web-client.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const PASSWORD = "kept-responses-pw-1";
let platform: TestPlatform;
/** The platform's clock, which the tests move on by whole days. */
let daysAhead = 0;
const base = testClock();
const clock: Clock = () => new Date(base().getTime() + daysAhead * DAY_MS);

beforeAll(async () => {
  platform = await startTestPlatform({ label: "kept-responses", demoData: false, now: clock });
  await loadJobFixture(platform);
  await createAccount(platform.db, { role: "seeker", login: "13900000001", password: PASSWORD, by: { label: "test" } });
});
afterAll(async () => {
  await platform?.close();
});

/** The engine searches made so far (a kept response makes none, not even from the kept answers). */
const searches = () => {
  const s = (platform.index as CachedJobsIndex).answersStatus();
  return s.hits + s.misses;
};

const get = (path: string, headers: Record<string, string> = {}) => platform.app.request(path, { headers });

/** The body as text, whatever encoding it came in. */
async function decoded(res: Response): Promise<string> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const encoding = res.headers.get("Content-Encoding");
  if (encoding === "br") return brotliDecompressSync(bytes).toString("utf8");
  if (encoding === "gzip") return gunzipSync(bytes).toString("utf8");
  return bytes.toString("utf8");
}

const FRAGMENT = { "HX-Request": "true", "HX-Target": "job-list" };

describe("the responses kept for anonymous visitors", () => {
  it("serves a repeated results page from memory, with the same bytes and ETag", async () => {
    const first = await get("/jobs?q=缝纫", { "Accept-Encoding": "br" });
    const firstBody = await decoded(first);
    const before = searches();
    const again = await get("/jobs?q=缝纫", { "Accept-Encoding": "br" });
    expect(searches()).toBe(before);
    expect(again.status).toBe(200);
    expect(again.headers.get("Content-Encoding")).toBe("br");
    expect(again.headers.get("ETag")).toBe(first.headers.get("ETag"));
    expect(await decoded(again)).toBe(firstBody);
    expect(firstBody).toContain("箱包缝纫工");
    // Every response still gets the security headers.
    expect(again.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
  });

  it("answers 304 to a request that names the kept response's ETag", async () => {
    const first = await get("/jobs?q=保洁", { "Accept-Encoding": "br" });
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get("/jobs?q=保洁", { "Accept-Encoding": "br", "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);
    expect(again.headers.get("Vary")).toContain("HX-Target");
    // Another encoding is another response, with another ETag: no 304 for it.
    const gzip = await get("/jobs?q=保洁", { "Accept-Encoding": "gzip", "If-None-Match": etag });
    expect(gzip.status).toBe(200);
    expect(gzip.headers.get("Content-Encoding")).toBe("gzip");
  });

  it("never serves one encoding for another, nor the page for the fragment or the other way round", async () => {
    const kinds = [
      { headers: { "Accept-Encoding": "br" }, encoding: "br", fragment: false },
      { headers: { "Accept-Encoding": "gzip" }, encoding: "gzip", fragment: false },
      { headers: {}, encoding: null, fragment: false },
      { headers: { "Accept-Encoding": "br", ...FRAGMENT }, encoding: "br", fragment: true },
      { headers: { ...FRAGMENT }, encoding: null, fragment: true },
    ] as const;
    // Twice round, so the second round is answered from memory.
    for (let round = 0; round < 2; round++) {
      for (const kind of kinds) {
        const res = await get("/jobs?q=采摘", kind.headers);
        expect(res.status).toBe(200);
        expect(res.headers.get("Content-Encoding")).toBe(kind.encoding);
        const html = await decoded(res);
        expect(html).toContain("脐橙采摘");
        if (kind.fragment) expect(html).not.toContain("<html");
        else expect(html).toContain("<html");
      }
    }
  });

  it("holds no CSRF token, no signed-in name and no Set-Cookie, kept or not", async () => {
    for (let i = 0; i < 2; i++) {
      const kinds: Record<string, string>[] = [{ "Accept-Encoding": "br" }, { "Accept-Encoding": "br", ...FRAGMENT }, { "Accept-Encoding": "br", Cookie: "jybf_csrf=x" }];
      for (const headers of kinds) {
        const res = await get("/jobs?q=电焊", headers);
        expect(res.headers.get("Set-Cookie")).toBeNull();
        const html = await decoded(res);
        expect(html).not.toContain("csrf-token");
        expect(html).not.toContain("X-CSRF-Token");
        expect(html).not.toContain("_csrf");
        expect(html).not.toContain(messages.accounts.account);
      }
    }
    const api = await get("/api/v1/jobs?q=电焊");
    expect(api.headers.get("Set-Cookie")).toBeNull();
  });

  it("never serves a kept page to a signed-in person, nor theirs to anyone", async () => {
    const path = "/jobs?q=护林";
    const anonymous = await decoded(await get(path));
    expect(anonymous).toContain(messages.accounts.login);
    const web = webClient(platform.app);
    expect((await web.login("13900000001", PASSWORD)).status).toBe(303);
    for (let i = 0; i < 2; i++) {
      const res = await web.get(path);
      expect(res.headers.get("Cache-Control")).toBe("private, no-store");
      expect(res.headers.get("ETag")).toBeNull();
      const html = await web.text(res);
      expect(html).toContain("生态护林员");
      expect(html).toContain(messages.accounts.account);
      expect(html).toContain('name="csrf-token"');
    }
    // And the anonymous visitor after them still gets the anonymous page.
    const after = await decoded(await get(path));
    expect(after).toBe(anonymous);
    expect(after).not.toContain(messages.accounts.account);
  });

  it("keeps the API's answers too, and not for a caller with a token", async () => {
    await get("/api/v1/jobs?q=剪线");
    const before = searches();
    const kept = await get("/api/v1/jobs?q=剪线");
    expect(searches()).toBe(before);
    expect(((await kept.json()) as { hits: { code: string }[] }).hits.map((h) => h.code)).toEqual(["F02"]);
    await get("/api/v1/jobs?q=剪线", { Authorization: "Bearer not-a-token" });
    expect(searches()).toBe(before + 1);
  });

  it("shows an employer's new name on the very next page and API answer after the outbox sent it", async () => {
    const path = "/jobs?q=箱包";
    expect(await decoded(await get(path))).toContain("上坪箱包帮扶车间");
    expect(await decoded(await get(path))).toContain("上坪箱包帮扶车间");
    expect(await (await get("/api/v1/jobs?q=箱包")).text()).toContain("上坪箱包帮扶车间");
    const e1 = FIXTURE_EMPLOYERS.find((e) => e.code === "E1")!;
    saveEmployer({ db: platform.db }, { employer: { ...e1, name: "上坪箱包就业车间" }, by: FIXTURE_AUTHOR, now: platform.now() });
    await platform.outbox.drain();
    const html = await decoded(await get(path));
    expect(html).toContain("上坪箱包就业车间");
    expect(html).not.toContain("上坪箱包帮扶车间");
    const api = await (await get("/api/v1/jobs?q=箱包")).text();
    expect(api).toContain("上坪箱包就业车间");
    expect(api).not.toContain("上坪箱包帮扶车间");
  });

  it("shows a changed posting, and drops a closed one, on the very next request", async () => {
    const path = "/jobs?q=组装";
    expect(await decoded(await get(path, FRAGMENT))).toContain("电子元件组装");
    expect(await decoded(await get(path, FRAGMENT))).toContain("电子元件组装");
    const f09 = FIXTURE_POSTINGS.find((p) => p.code === "F09")!;
    savePosting({ db: platform.db }, { posting: { headcount: 3, skills: [], benefits: [], description: "", status: "招聘中", ...f09, title: "电子元件组装（夜班）" }, by: FIXTURE_AUTHOR, now: platform.now() });
    await platform.outbox.drain();
    expect(await decoded(await get(path, FRAGMENT))).toContain("电子元件组装（夜班）");
    changePostingStatus({ db: platform.db }, { code: "F09", status: "已关闭", by: FIXTURE_AUTHOR, now: platform.now() });
    await platform.outbox.drain();
    expect(await decoded(await get(path, FRAGMENT))).not.toContain("电子元件组装");
    expect(((await (await get("/api/v1/jobs?q=组装")).json()) as { total: number }).total).toBe(0);
  });

  it("changes with the database at once, even before the outbox runs (the versions are in the key)", async () => {
    await get("/jobs?q=包装");
    const before = searches();
    await get("/jobs?q=包装");
    expect(searches()).toBe(before);
    platform.db.$client.prepare("UPDATE postings SET headcount = headcount + 1 WHERE code = 'F06'").run();
    await get("/jobs?q=包装");
    expect(searches()).toBeGreaterThan(before);
  });

  it("lists a village added on the very next page", async () => {
    const path = "/jobs?q=";
    expect(await decoded(await get(path))).not.toContain("东坑村");
    await get(path);
    saveVillage({ db: platform.db }, { region: { town: "城关镇", village: "东坑村", lat: 25.93, lng: 115.41 }, by: FIXTURE_AUTHOR });
    expect(await decoded(await get(path))).toContain("东坑村");
  });

  it("leaves out a posting past its closing date once the day has turned", async () => {
    const today = platform.today();
    const f11 = FIXTURE_POSTINGS.find((p) => p.code === "F11")!;
    savePosting({ db: platform.db }, { posting: { headcount: 3, skills: [], benefits: [], description: "", status: "招聘中", ...f11, closingDate: today }, by: FIXTURE_AUTHOR, now: platform.now() });
    await platform.outbox.drain();
    const path = "/jobs?q=修剪";
    expect(await decoded(await get(path))).toContain("果树修剪零工");
    expect(await decoded(await get(path))).toContain("果树修剪零工");
    daysAhead = 1;
    try {
      expect(platform.today()).not.toBe(today);
      expect(await decoded(await get(path))).not.toContain("果树修剪零工");
    } finally {
      daysAhead = 0;
    }
  });
});
