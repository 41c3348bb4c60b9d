/**
 * With the search engine stopped for real, the board and the API still list and search postings
 * from the database and say they are in reduced mode; once the engine is back (same data, same
 * address) they use it again by themselves, and what changed meanwhile reaches it — no restart.
 * The log says so once when the engine fails and once when it is back (with the count of searches
 * the database answered), not once per request. This file runs its own engine, since it stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/log.ts";
import type { Platform } from "../src/platform.ts";
import { savePosting } from "../src/use-cases/save-posting.ts";
import { messages } from "../views/messages.ts";
import { startOwnEnginePlatform, type OwnEnginePlatform } from "./support/own-engine-platform.ts";
import { FIXTURE_AUTHOR, FIXTURE_POSTINGS } from "./support/job-fixture.ts";

const logLines: string[] = [];
const log = createLogger({ level: "debug", write: (line) => logLines.push(line) });
const logged = (msg: string) => logLines.map((l) => JSON.parse(l) as { msg: string; [k: string]: unknown }).filter((l) => l.msg === msg);
const FAILED = "search engine failed; answering from the database until it is back";
const BACK = "search engine answering again";
let own: OwnEnginePlatform;
let platform: Platform;

beforeAll(async () => {
  own = await startOwnEnginePlatform({ label: "degraded", log });
  platform = own.platform;
});
afterAll(async () => {
  await own?.close();
});

async function apiSearch(qs: string) {
  const res = await platform.app.request(`/api/v1/jobs?${qs}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { hits: { code: string; distance_km?: number }[]; total: number; degraded: boolean };
}

async function boardPage(qs: string): Promise<string> {
  const res = await platform.app.request(`/jobs?${qs}`);
  expect(res.status).toBe(200);
  return res.text();
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe("when the search engine stops", () => {
  it("answers from the engine while it runs", async () => {
    expect((await apiSearch(q({ q: "缝纫" }))).degraded).toBe(false);
    expect(await boardPage(q({ q: "缝纫" }))).not.toContain(messages.search.degraded);
  });

  it("still lists and searches postings from the database, and says it is in reduced mode", async () => {
    await own.stopEngine();

    const all = await apiSearch("");
    expect(all.degraded).toBe(true);
    expect(all.total).toBe(12);

    const sewing = await apiSearch(q({ q: "缝纫" }));
    expect(sewing.degraded).toBe(true);
    // As the engine does: F10 is written in traditional characters (縫紉學徒), found in the search form.
    expect(sewing.hits.map((h) => h.code).sort()).toEqual(["F01", "F03", "F10"]);
    // Traditional input and synonyms still work on the plain search.
    expect((await apiSearch(q({ q: "清洁" }))).hits.map((h) => h.code).sort()).toEqual(["F04", "F12"]);
    expect((await apiSearch(q({ q: "幫扶車間" }))).hits.map((h) => h.code).sort()).toEqual(["F01", "F02", "F03", "F09", "F10"]);
    // Filters and distance too.
    expect((await apiSearch(q({ type: "帮扶车间", time: "全天", age: "58" }))).hits.map((h) => h.code).sort()).toEqual(["F01", "F09"]);
    const near = await apiSearch(q({ lat: "25.95", lng: "115.4" }));
    const distances = near.hits.map((h) => h.distance_km!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));

    const html = await boardPage(q({ q: "缝纫" }));
    expect(html).toContain(messages.search.degraded);
    expect(html.match(/class="job-card"/g)).toHaveLength(3);
    expect(html).toContain("箱包缝纫工");

    const health = await platform.app.request("/healthz");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "degraded", search: "down", searchEngine: { bundled: false }, searchFallbacks: { total: 7, current: 7 } });
  });

  it("logs the failure once, with its error, not a stack per request", () => {
    const failures = logged(FAILED);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: "warn", err: { name: "MeiliError" } });
    expect(logLines.filter((l) => l.includes('"stack"'))).toHaveLength(1);
    expect(logged(BACK)).toHaveLength(0);
  });

  it("keeps changes made meanwhile in the outbox", async () => {
    const f01 = FIXTURE_POSTINGS[0]!;
    savePosting(
      { db: platform.db },
      { posting: { headcount: 3, skills: ["缝纫"], benefits: [], description: "", status: "招聘中", ...f01, title: "箱包缝纫工（停机时改）" }, by: FIXTURE_AUTHOR, now: platform.now() },
    );
    await platform.outbox.drain();
    const backlog = (await (await platform.app.request("/healthz")).json()) as { searchBacklog: number };
    expect(backlog.searchBacklog).toBe(1);
  });

  it("goes back to the engine by itself once it is back, and catches up", async () => {
    await own.startEngine();

    const results = await apiSearch(q({ q: "缝纫" }));
    expect(results.degraded).toBe(false);
    // One line for the way back, with the searches the database answered meanwhile (7 above: six API calls and one page).
    expect(logged(BACK)).toHaveLength(1);
    expect(logged(BACK)[0]).toMatchObject({ level: "info", fallbackSearches: 7 });
    expect(logged(FAILED)).toHaveLength(1);
    expect(await boardPage(q({ q: "缝纫" }))).not.toContain(messages.search.degraded);

    // The worker tries again after its backoff and brings the change made while the engine was down.
    const deadline = Date.now() + 30_000;
    let titles: string[] = [];
    while (Date.now() < deadline) {
      const res = await platform.app.request(`/jobs?${q({ q: "停机时改" })}`);
      titles = [...(await res.text()).matchAll(/class="job-title">([^<]+)</g)].map((m) => m[1]!);
      if (titles.includes("箱包缝纫工（停机时改）")) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(titles).toContain("箱包缝纫工（停机时改）");
    const health = await platform.app.request("/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ searchFallbacks: { total: 7, current: 0 } });
  });
});
