/**
 * With the search engine stopped for real, no kept response (src/http/kept-responses.ts) hides
 * the reduced mode: once a search has found the engine down, every results page and API answer
 * says so — the ones kept before included — and none made in reduced mode is kept; once the
 * engine answers again, pages are kept again, without the notice. This file runs its own engine,
 * since it stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/log.ts";
import type { Platform } from "../src/platform.ts";
import type { CachedJobsIndex } from "../src/search/search-answers.ts";
import { messages } from "../views/messages.ts";
import { startOwnEnginePlatform, type OwnEnginePlatform } from "./support/own-engine-platform.ts";

const log = createLogger({ level: "silent" });
let own: OwnEnginePlatform;
let platform: Platform;

beforeAll(async () => {
  own = await startOwnEnginePlatform({ label: "kept-degraded", log });
  platform = own.platform;
});
afterAll(async () => {
  await own?.close();
});

const searches = () => {
  const s = (platform.index as CachedJobsIndex).answersStatus();
  return s.hits + s.misses;
};
const page = async (qs: string) => {
  const res = await platform.app.request(`/jobs?${qs}`);
  expect(res.status).toBe(200);
  return res.text();
};
const api = async (qs: string) => {
  const res = await platform.app.request(`/api/v1/jobs?${qs}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { hits: { code: string }[]; degraded: boolean };
};

describe("kept responses when the search engine stops", () => {
  it("keeps the engine's pages while it answers", async () => {
    expect(await page("q=缝纫")).not.toContain(messages.search.degraded);
    expect((await api("q=缝纫")).degraded).toBe(false);
    const before = searches();
    expect(await page("q=缝纫")).not.toContain(messages.search.degraded);
    expect((await api("q=缝纫")).degraded).toBe(false);
    expect(searches()).toBe(before);
  });

  it("says it is in reduced mode on every page once a search found the engine down, kept ones included", async () => {
    await own.stopEngine();
    // The first search after the engine stopped finds it down.
    expect((await api("q=保洁")).degraded).toBe(true);
    const html = await page("q=缝纫");
    expect(html).toContain(messages.search.degraded);
    expect(html).toContain("箱包缝纫工");
    expect((await api("q=缝纫")).degraded).toBe(true);
    // Nothing made in reduced mode is kept: every request is answered again, and says so again.
    const before = searches();
    expect(await page("q=缝纫")).toContain(messages.search.degraded);
    expect((await api("q=缝纫")).degraded).toBe(true);
    expect(searches()).toBe(before + 2);
  });

  it("keeps pages again, without the notice, once the engine is back", async () => {
    await own.startEngine();
    // The first search finds the engine back; the page after it is kept, the next one from memory.
    expect(await page("q=缝纫")).not.toContain(messages.search.degraded);
    expect(await page("q=缝纫")).not.toContain(messages.search.degraded);
    const before = searches();
    expect(await page("q=缝纫")).not.toContain(messages.search.degraded);
    expect(searches()).toBe(before);
    expect((await api("q=缝纫")).degraded).toBe(false);
  });
});
