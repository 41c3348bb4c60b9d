/**
 * The platform builds the recommendations' posting index ahead of the requests: soon after
 * start, and again after a posting changed — without a recommendation being asked for.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postingIndexIsCurrent } from "../src/use-cases/recommendations.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

describe("posting index warmer", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "posting-index-warmer" });
  });
  afterAll(() => platform?.close());

  it("builds the index after start and rebuilds it after a posting changed", async () => {
    await vi.waitFor(() => expect(postingIndexIsCurrent(platform.db)).toBe(true), { timeout: 20_000, interval: 100 });
    platform.db.$client.prepare("UPDATE postings SET age_max = 50 WHERE id = (SELECT min(id) FROM postings WHERE status = '招聘中')").run();
    expect(postingIndexIsCurrent(platform.db)).toBe(false);
    await vi.waitFor(() => expect(postingIndexIsCurrent(platform.db)).toBe(true), { timeout: 20_000, interval: 200 });
  });
});
