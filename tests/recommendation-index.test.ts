/**
 * The posting index against the straightforward path on the demo county's database: for a
 * stride of its registry workers, the answer through the index (workerRecommendations) equals
 * `recommend` over every open posting read as objects — same hits in the same order, scores,
 * distances, reasons, widening and count — and stays equal after postings and places change
 * (the index follows matching_version).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchingWorkerById, openPostingsForMatching } from "../db/queries/recommend.ts";
import { recommend } from "../src/core/recommend/recommend.ts";
import { workerRecommendations } from "../src/use-cases/recommendations.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

const D = "2026-11-23";

describe("recommendations through the posting index", () => {
  let platform: TestPlatform;
  let workerIds: number[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "recommendation-index", today: D });
    const all = platform.db.$client.prepare("SELECT id FROM workers ORDER BY id").pluck().all() as number[];
    // Every seventh worker: willing and not, every labour ability, preference and hours the demo has.
    workerIds = all.filter((_, i) => i % 7 === 0);
  });
  afterAll(() => platform?.close());

  const sameAnswers = (limit: number) => {
    const postings = openPostingsForMatching(platform.db);
    let hits = 0;
    for (const id of workerIds) {
      const fast = workerRecommendations({ db: platform.db }, { workerId: id, today: D, limit })!;
      const worker = matchingWorkerById(platform.db, id)!;
      expect(fast.answer, `worker ${id}`).toEqual(recommend(worker, postings, D, limit));
      hits += fast.answer.hits.length;
    }
    return hits;
  };

  it("gives the same answers as recommend over every open posting", () => {
    expect(workerIds.length).toBeGreaterThan(50);
    expect(sameAnswers(10)).toBeGreaterThan(0);
    expect(sameAnswers(50)).toBeGreaterThan(0);
  });

  it("still after postings close, change their limits and an employer moves", () => {
    const sqlite = platform.db.$client;
    const open = sqlite.prepare("SELECT id FROM postings WHERE status = '招聘中' ORDER BY id").pluck().all() as number[];
    expect(open.length).toBeGreaterThan(5);
    sqlite.prepare("UPDATE postings SET status = '已关闭' WHERE id = ?").run(open[0]);
    sqlite.prepare("UPDATE postings SET age_max = 40, working_time = '半天', skills = '[\"缝纫\",\"电工\"]' WHERE id = ?").run(open[1]);
    sqlite.prepare("UPDATE postings SET closing_date = '2026-11-22' WHERE id = ?").run(open[2]);
    sqlite.prepare("UPDATE employers SET lat = lat + 0.2, lng = lng - 0.1 WHERE id = (SELECT employer_id FROM postings WHERE id = ?)").run(open[3]);
    expect(sameAnswers(10)).toBeGreaterThan(0);
  });
});
