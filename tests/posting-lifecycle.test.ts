/** Postings close themselves after their closing date, and leave the public search. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeExpiredPostings } from "../src/use-cases/close-expired-postings.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

describe("a posting past its closing date", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "lifecycle", today: "2026-11-23" });
  });
  afterAll(() => platform?.close());

  it("closes itself, is audited, and leaves the index", async () => {
    const sqlite = platform.db.$client;
    const posting = sqlite.prepare("SELECT id, code FROM postings WHERE status = '招聘中' LIMIT 1").get() as { id: number; code: string };
    sqlite.prepare("UPDATE postings SET closing_date = '2026-11-22' WHERE id = ?").run(posting.id);
    // Another open posting closes today: it stays open until the day is over.
    const still = sqlite.prepare("SELECT id FROM postings WHERE status = '招聘中' AND id <> ? LIMIT 1").get(posting.id) as { id: number };
    sqlite.prepare("UPDATE postings SET closing_date = '2026-11-23' WHERE id = ?").run(still.id);

    // 2026-11-23 08:00 in China: the 22nd has passed, the 23rd has not.
    const closed = closeExpiredPostings({ db: platform.db }, new Date("2026-11-23T00:00:00Z"));
    expect(closed).toContain(posting.code);
    expect(sqlite.prepare("SELECT status FROM postings WHERE id = ?").get(posting.id)).toEqual({ status: "已关闭" });
    expect(sqlite.prepare("SELECT status FROM postings WHERE id = ?").get(still.id)).toEqual({ status: "招聘中" });
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'posting' AND entity_id = ?").get(String(posting.id))).toEqual({ n: 1 });

    await platform.outbox.drain();
    const { hits } = await platform.index.search({ q: "", filter: [], sort: [], limit: 1000, offset: 0 });
    expect(hits.map((h) => h.code)).not.toContain(posting.code);
    const res = await platform.app.request(`/jobs/${posting.code}`);
    expect(res.status).toBe(200);
  });

  it("closing again changes nothing", () => {
    expect(closeExpiredPostings({ db: platform.db }, new Date("2026-11-23T00:00:00Z"))).toEqual([]);
  });
});

describe("the platform's clock decides which postings have expired", () => {
  it("a restart on a later day closes what expired in between, and the index follows", async () => {
    const first = await startTestPlatform({ label: "lifecycle-clock", today: "2026-11-23" });
    const sqlite = first.db.$client;
    const openAtStart = (sqlite.prepare("SELECT count(*) AS n FROM postings WHERE status = '招聘中'").get() as { n: number }).n;
    const soon = sqlite.prepare("SELECT code FROM postings WHERE status = '招聘中' AND closing_date IS NOT NULL AND closing_date < '2026-12-23' ORDER BY closing_date").all() as { code: string }[];
    // The demo lays closing dates around its first day: some close within the month.
    expect(soon.length).toBeGreaterThan(0);
    expect(await first.index.count()).toBe(openAtStart);
    await first.stop();

    const later = await startTestPlatform({ label: "lifecycle-clock", today: "2026-12-23", dataDir: first.dataDir });
    try {
      const closed = later.db.$client.prepare("SELECT code FROM postings WHERE status = '已关闭' AND closing_date < '2026-12-23'").all() as { code: string }[];
      expect(closed.map((p) => p.code)).toEqual(expect.arrayContaining(soon.map((p) => p.code)));
      await later.outbox.drain();
      const stillOpen = (later.db.$client.prepare("SELECT count(*) AS n FROM postings WHERE status = '招聘中'").get() as { n: number }).n;
      expect(await later.index.count()).toBe(stillOpen);
      expect(stillOpen).toBe(openAtStart - soon.length);
    } finally {
      await later.close();
    }
  });
});
