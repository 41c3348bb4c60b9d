import { describe, expect, it } from "vitest";
import type { SubsidyLineStatus } from "./ledger.ts";
import { factsSignature, reconcile, type LiveLine } from "./reconcile.ts";
import { keyText, type ComputedLine } from "./rules.ts";

const months = (list: string[]) => list.map((month) => ({ month, days: 30 }));
const due = (workerId: number, employerId: number | null = null, counted = ["2025-03"]): ComputedLine => ({
  period: "2025",
  workerId,
  employerId,
  payee: employerId === null ? "worker" : "employer",
  amountFen: 100,
  placementIds: [workerId * 10],
  coveredMonths: months(counted),
  countedMonths: months(counted),
});
const snapshotOf = (l: ComputedLine) => ({
  placements: l.placementIds.map((id) => ({ id, employerId: l.employerId, employerCode: null, startDate: "2025-03-01", endDate: null, workProvince: null })),
  countedMonths: l.countedMonths,
});
let nextId = 1;
const live = (workerId: number, status: SubsidyLineStatus, over: Partial<LiveLine> = {}): LiveLine => ({
  id: nextId++,
  period: "2025",
  workerId,
  employerId: null,
  round: 0,
  status,
  reversalStatus: null,
  snapshot: snapshotOf(due(workerId)),
  ...over,
});

describe("reconcile (computing again)", () => {
  it("adds new keys in round 0 and leaves live keys alone, whatever their status", () => {
    const lines = [live(1, "待审核"), live(2, "已审核"), live(3, "已发放")];
    const r = reconcile([due(1), due(2), due(3), due(4)], lines, new Map(), snapshotOf);
    expect(r.add.map((a) => [a.line.workerId, a.round])).toEqual([[4, 0]]);
    expect(r.unchanged.map((l) => l.workerId)).toEqual([1, 2, 3]);
    expect(r.differences).toEqual([]);
  });

  it("tells the same worker at two employers apart", () => {
    const r = reconcile([due(1, 7), due(1, 8)], [live(1, "待审核", { employerId: 7, snapshot: snapshotOf(due(1, 7)) })], new Map(), snapshotOf);
    expect(r.add.map((a) => a.line.employerId)).toEqual([8]);
  });

  it("lists a live key that is no longer due, for each status", () => {
    const lines = [live(1, "待审核"), live(2, "已发放")];
    const r = reconcile([], lines, new Map(), snapshotOf);
    expect(r.differences.map((d) => [d.kind, d.line.workerId])).toEqual([["noLongerEligible", 1], ["noLongerEligible", 2]]);
    expect(r.add).toEqual([]);
  });

  it("lists a line whose placements or months changed, and adds nothing for it", () => {
    const r = reconcile([due(1, null, ["2025-03", "2025-04"])], [live(1, "已发放")], new Map(), snapshotOf);
    expect(r.add).toEqual([]);
    expect(r.differences.map((d) => d.kind)).toEqual(["factsChanged"]);
  });

  it("a paid line whose reversal was paid frees its key for the next round", () => {
    const lines = [live(1, "已发放", { reversalStatus: "已发放" })];
    const r = reconcile([due(1)], lines, new Map([[keyText(due(1)), 0]]), snapshotOf);
    expect(r.add.map((a) => [a.line.workerId, a.round])).toEqual([[1, 1]]);
  });

  it("a reversal still in review keeps the key taken", () => {
    const r = reconcile([due(1)], [live(1, "已发放", { reversalStatus: "已审核" })], new Map(), snapshotOf);
    expect(r.add).toEqual([]);
    expect(r.unchanged).toHaveLength(1);
  });

  it("the facts signature ignores what does not change a count (codes, covered days) and trims provinces", () => {
    const a = { placements: [{ id: 1, employerId: 2, employerCode: "E1", startDate: "2025-01-01", endDate: null, workProvince: " 广东省" }], countedMonths: months(["2025-01"]) };
    const b = { ...a, placements: [{ ...a.placements[0]!, employerCode: "E9", workProvince: "广东省" }] };
    expect(factsSignature(a)).toBe(factsSignature(b));
    expect(factsSignature(a)).not.toBe(factsSignature({ ...a, countedMonths: months(["2025-02"]) }));
  });
});
