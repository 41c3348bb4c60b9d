import { describe, expect, it } from "vitest";
import { checkRateLimit, recordFailure, type FailureWindow } from "./rate-limit.ts";

const rule = { maxFailures: 10, windowMs: 60_000 };

function failuresAt(times: number[]): FailureWindow {
  return times.reduce<FailureWindow>((w, t) => recordFailure(w, rule, t), { failures: [] });
}

describe("checkRateLimit", () => {
  it.each([
    ["no failures yet", [], 0, { allowed: true }],
    ["nine failures in the minute", [0, 1, 2, 3, 4, 5, 6, 7, 8], 10, { allowed: true }],
    ["ten failures in the minute refuse the eleventh attempt", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10, { allowed: false, retryAfterMs: 59_990 }],
    ["ten failures spread over more than a minute", [0, 10_000, 20_000, 30_000, 40_000, 50_000, 55_000, 56_000, 57_000, 61_000], 61_001, { allowed: true }],
    ["the refusal ends when the oldest failure leaves the window", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 60_000, { allowed: true }],
    ["twenty failures wait for the tenth newest", [...Array(20).keys()].map((i) => i * 1_000), 20_000, { allowed: false, retryAfterMs: 50_000 }],
  ] as const)("%s", (_name, times, now, expected) => {
    expect(checkRateLimit(failuresAt([...times]), rule, now)).toEqual(expected);
  });

  it("keeps no more failures than it needs", () => {
    expect(failuresAt([...Array(50).keys()]).failures).toHaveLength(10);
  });
});
