/**
 * The index stays true: every change to a posting or employer reaches the index through the
 * outbox written in its transaction; a closed posting leaves it; while the engine is unreachable
 * the rows stay and are tried again later; a paused outbox (a rebuild running) sends nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { outboxBacklog, pauseOutbox, resumeOutbox } from "../db/queries/outbox.ts";
import { createLogger } from "../src/log.ts";
import { createJobsIndex } from "../src/search/jobs-index.ts";
import { createMeiliClient } from "../src/search/meili-client.ts";
import { backoffMs, createOutboxWorker } from "../src/search/outbox-worker.ts";
import { saveEmployer } from "../src/use-cases/save-employer.ts";
import { changePostingStatus, savePosting } from "../src/use-cases/save-posting.ts";
import { FIXTURE_AUTHOR, FIXTURE_EMPLOYERS, FIXTURE_POSTINGS, loadJobFixture } from "./support/job-fixture.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

let platform: TestPlatform;
const silent = createLogger({ level: "silent" });

beforeAll(async () => {
  platform = await startTestPlatform({ label: "outbox", demoData: false });
  await loadJobFixture(platform);
  // These tests drive the worker themselves.
  await platform.outbox.stop();
});
afterAll(() => platform?.close());

const deps = () => ({ db: platform.db });
const f01 = () => ({ headcount: 3, skills: ["缝纫"], benefits: [], description: "", status: "招聘中" as const, ...FIXTURE_POSTINGS[0]! });

const indexed = (code: string) => platform.index.get(code);

describe("the search outbox", () => {
  it("writes the outbox row in the change's own transaction", () => {
    const before = outboxBacklog(platform.db);
    expect(() => savePosting(deps(), { posting: { ...f01(), code: "X1", employerCode: "NO-SUCH" }, by: FIXTURE_AUTHOR, now: platform.now() })).toThrow(/unknown employer/);
    expect(outboxBacklog(platform.db)).toBe(before);
    savePosting(deps(), { posting: { ...f01(), title: "箱包缝纫工（熟手）" }, by: FIXTURE_AUTHOR, now: platform.now() });
    expect(outboxBacklog(platform.db)).toBe(before + 1);
  });

  it("brings a changed posting to the index", async () => {
    savePosting(deps(), { posting: { ...f01(), title: "箱包缝纫工（长期）" }, by: FIXTURE_AUTHOR, now: platform.now() });
    await platform.outbox.drain();
    expect(outboxBacklog(platform.db)).toBe(0);
    expect((await indexed("F01"))?.title).toBe("箱包缝纫工（长期）");
  });

  it("brings an employer's change to every one of its postings", async () => {
    saveEmployer(deps(), { employer: { ...FIXTURE_EMPLOYERS[0]!, name: "上坪村箱包帮扶车间" }, by: FIXTURE_AUTHOR, now: platform.now() });
    await platform.outbox.drain();
    expect((await indexed("F01"))?.employerName).toBe("上坪村箱包帮扶车间");
    expect((await indexed("F02"))?.employerName).toBe("上坪村箱包帮扶车间");
  });

  it("takes a closed posting out of the index, and puts it back when it reopens", async () => {
    changePostingStatus(deps(), { code: "F02", status: "已关闭", by: FIXTURE_AUTHOR, now: platform.now() });
    await platform.outbox.drain();
    expect(await indexed("F02")).toBeUndefined();
    changePostingStatus(deps(), { code: "F02", status: "招聘中", by: FIXTURE_AUTHOR, now: platform.now() });
    await platform.outbox.drain();
    expect((await indexed("F02"))?.code).toBe("F02");
  });

  it("keeps the rows while the engine is unreachable and sends them once it answers again", async () => {
    let now = new Date("2030-01-01T00:00:00Z");
    const unreachable = createJobsIndex(createMeiliClient({ url: "http://127.0.0.1:9", apiKey: "x" }), platform.index.name);
    const failing = createOutboxWorker({ db: platform.db, index: unreachable, log: silent, now: () => now });
    savePosting(deps(), { posting: { ...f01(), title: "箱包缝纫工（引擎停了也要到）" }, by: FIXTURE_AUTHOR, now: platform.now() });

    await failing.drain();
    const row = () => platform.db.$client.prepare("SELECT attempts, next_attempt_at AS next, last_error AS error FROM search_outbox").get() as { attempts: number; next: string; error: string };
    expect(outboxBacklog(platform.db)).toBe(1);
    expect(row()).toMatchObject({ attempts: 1, next: new Date(now.getTime() + backoffMs(0)).toISOString() });
    expect(row().error).toMatch(/unreachable/);

    // Not due yet: nothing is tried.
    await failing.drain();
    expect(row().attempts).toBe(1);
    // Due again, still down: the wait doubles.
    now = new Date(now.getTime() + backoffMs(0));
    await failing.drain();
    expect(row()).toMatchObject({ attempts: 2, next: new Date(now.getTime() + backoffMs(1)).toISOString() });

    // The engine answers again: the row goes through once due.
    now = new Date(now.getTime() + backoffMs(1));
    const working = createOutboxWorker({ db: platform.db, index: platform.index, log: silent, now: () => now });
    await working.drain();
    expect(outboxBacklog(platform.db)).toBe(0);
    expect((await indexed("F01"))?.title).toBe("箱包缝纫工（引擎停了也要到）");
  });

  it("sends rows still backing off at once when told the engine is back (a restart)", async () => {
    const now = new Date("2031-01-01T00:00:00Z");
    const unreachable = createJobsIndex(createMeiliClient({ url: "http://127.0.0.1:9", apiKey: "x" }), platform.index.name);
    await createOutboxWorker({ db: platform.db, index: unreachable, log: silent, now: () => now }).drain();
    savePosting(deps(), { posting: { ...f01(), title: "箱包缝纫工（引擎重启后到）" }, by: FIXTURE_AUTHOR, now: platform.now() });
    await createOutboxWorker({ db: platform.db, index: unreachable, log: silent, now: () => now }).drain();
    expect(outboxBacklog(platform.db)).toBe(1);

    // The clock stands still: without retryNow the row would wait its backoff out.
    const working = createOutboxWorker({ db: platform.db, index: platform.index, log: silent, now: () => now });
    await working.drain();
    expect(outboxBacklog(platform.db)).toBe(1);
    working.start();
    working.retryNow();
    const deadline = Date.now() + 30_000;
    while (outboxBacklog(platform.db) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await working.stop();
    expect(outboxBacklog(platform.db)).toBe(0);
    expect((await indexed("F01"))?.title).toBe("箱包缝纫工（引擎重启后到）");
  });

  it("waits backoffs that double from a second up to five minutes", () => {
    expect([0, 1, 2, 3].map(backoffMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffMs(30)).toBe(5 * 60_000);
  });

  it("sends nothing while paused by a rebuild, and everything after", async () => {
    pauseOutbox(platform.db, new Date(Date.now() + 60_000));
    savePosting(deps(), { posting: { ...f01(), title: "箱包缝纫工（重建时改的）" }, by: FIXTURE_AUTHOR, now: platform.now() });
    await platform.outbox.drain();
    expect(outboxBacklog(platform.db)).toBe(1);
    resumeOutbox(platform.db);
    await platform.outbox.drain();
    expect(outboxBacklog(platform.db)).toBe(0);
    expect((await indexed("F01"))?.title).toBe("箱包缝纫工（重建时改的）");
  });

  it("holds nothing personal in the index: no contact person, no phone", async () => {
    const meili = inject("meili");
    const res = await fetch(`${meili.url}/indexes/${platform.index.name}/documents?limit=100`, { headers: { Authorization: `Bearer ${meili.masterKey}` } });
    const text = JSON.stringify(await res.json());
    expect(text).not.toContain("刘春兰");
    expect(text).not.toContain("13907970001");
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });
});
