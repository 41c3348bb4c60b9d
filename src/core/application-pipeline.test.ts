import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES } from "./enums.ts";
import { canMove, fillsPosting, remainingOpenings } from "./application-pipeline.ts";

describe("the application pipeline", () => {
  const allowed = new Set(["报名>已联系", "报名>已录用", "报名>未录用", "报名>已撤回", "已联系>已录用", "已联系>未录用", "已联系>已撤回", "未录用>已联系"]);
  for (const from of APPLICATION_STATUSES) {
    for (const to of APPLICATION_STATUSES) {
      const yes = allowed.has(`${from}>${to}`);
      it(`${yes ? "allows" : "refuses"} ${from} → ${to}`, () => expect(canMove(from, to)).toBe(yes));
    }
  }
});

describe("openings", () => {
  it.each([
    [3, 0, 3, false],
    [3, 2, 1, false],
    [3, 3, 0, true],
    [3, 5, 0, true],
  ])("headcount %i with %i working leaves %i (full: %s)", (headcount, working, left, full) => {
    expect(remainingOpenings(headcount, working)).toBe(left);
    expect(fillsPosting(headcount, working)).toBe(full);
  });
});
