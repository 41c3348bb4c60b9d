import { describe, expect, it } from "vitest";
import { placementEndProblem, startCorrectionProblem } from "./placement-end.ts";

describe("ending a placement", () => {
  it.each([
    ["an open placement ends on a later day", { startDate: "2026-03-01", endDate: null }, "2026-05-10", undefined],
    ["an open placement ends on the day it started", { startDate: "2026-03-01", endDate: null }, "2026-03-01", undefined],
    ["an open placement does not end before it started", { startDate: "2026-03-01", endDate: null }, "2026-02-28", "beforeStart"],
    ["an ended placement does not end again", { startDate: "2026-03-01", endDate: "2026-04-01" }, "2026-05-10", "notOpen"],
    ["an ended placement does not end again, even before its start", { startDate: "2026-03-01", endDate: "2026-04-01" }, "2026-01-01", "notOpen"],
  ] as const)("%s", (_name, placement, endDate, expected) => {
    expect(placementEndProblem(placement, endDate)).toBe(expected);
  });
});

describe("correcting a placement's start", () => {
  it.each([
    ["an open placement takes any start", { endDate: null }, "2030-01-01", undefined],
    ["an ended placement may start on the day it ended", { endDate: "2026-05-10" }, "2026-05-10", undefined],
    ["an ended placement may start earlier", { endDate: "2026-05-10" }, "2026-01-01", undefined],
    ["an ended placement may not start after it ended", { endDate: "2026-05-10" }, "2026-05-11", "afterEnd"],
  ] as const)("%s", (_name, placement, startDate, expected) => {
    expect(startCorrectionProblem(placement, startDate)).toBe(expected);
  });
});
