import { describe, expect, it } from "vitest";
import type { SubsidyLineStatus } from "./ledger.ts";
import { factsSignature, reconcile, rejectedKeys, signatureMonths, type LineSnapshot, type LiveLine, type RejectedLine } from "./reconcile.ts";
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
/** What the compute gives `reconcile`: the signature of the snapshot a due line would be stored with. */
const factsOf = (l: ComputedLine) => factsSignature(snapshotOf(l));
let nextId = 1;
const live = (workerId: number, status: SubsidyLineStatus, over: Partial<LiveLine> = {}): LiveLine => ({
  id: nextId++,
  period: "2025",
  workerId,
  employerId: null,
  round: 0,
  status,
  reversalStatus: null,
  facts: factsOf(due(workerId)),
  ...over,
});

describe("reconcile (computing again)", () => {
  it("adds new keys in round 0 and leaves live keys alone, whatever their status", () => {
    const lines = [live(1, "待审核"), live(2, "已审核"), live(3, "已发放")];
    const r = reconcile([due(1), due(2), due(3), due(4)], lines, new Map(), factsOf);
    expect(r.add.map((a) => [a.line.workerId, a.round])).toEqual([[4, 0]]);
    expect(r.unchanged.map((l) => l.workerId)).toEqual([1, 2, 3]);
    expect(r.differences).toEqual([]);
  });

  it("tells the same worker at two employers apart", () => {
    const r = reconcile([due(1, 7), due(1, 8)], [live(1, "待审核", { employerId: 7, facts: factsOf(due(1, 7)) })], new Map(), factsOf);
    expect(r.add.map((a) => a.line.employerId)).toEqual([8]);
  });

  it("lists a live key that is no longer due, for each status", () => {
    const lines = [live(1, "待审核"), live(2, "已发放")];
    const r = reconcile([], lines, new Map(), factsOf);
    expect(r.differences.map((d) => [d.kind, d.line.workerId])).toEqual([["noLongerEligible", 1], ["noLongerEligible", 2]]);
    expect(r.add).toEqual([]);
  });

  it("lists a line whose placements or months changed, and adds nothing for it", () => {
    const r = reconcile([due(1, null, ["2025-03", "2025-04"])], [live(1, "已发放")], new Map(), factsOf);
    expect(r.add).toEqual([]);
    expect(r.differences.map((d) => d.kind)).toEqual(["factsChanged"]);
  });

  it("a paid line whose reversal was paid frees its key for the next round", () => {
    const lines = [live(1, "已发放", { reversalStatus: "已发放" })];
    const r = reconcile([due(1)], lines, new Map([[keyText(due(1)), 0]]), factsOf);
    expect(r.add.map((a) => [a.line.workerId, a.round])).toEqual([[1, 1]]);
  });

  it("a reversal still in review keeps the key taken", () => {
    const r = reconcile([due(1)], [live(1, "已发放", { reversalStatus: "已审核" })], new Map(), factsOf);
    expect(r.add).toEqual([]);
    expect(r.unchanged).toHaveLength(1);
  });

  it("the facts signature ignores what does not change a count (codes, covered days) and trims provinces", () => {
    const a = { placements: [{ id: 1, employerId: 2, employerCode: "E1", startDate: "2025-01-01", endDate: null, workProvince: " 广东省" }], countedMonths: months(["2025-01"]) };
    const b = { ...a, placements: [{ ...a.placements[0]!, employerCode: "E9", workProvince: "广东省" }] };
    expect(factsSignature(a)).toBe(factsSignature(b));
    expect(factsSignature(a)).not.toBe(factsSignature({ ...a, countedMonths: months(["2025-02"]) }));
  });

  it.each<[string, Partial<LineSnapshot["placements"][number]>]>([
    ["another placement", { id: 9 }],
    ["another employer", { employerId: 3 }],
    ["a corrected start", { startDate: "2025-01-02" }],
    ["a corrected end", { endDate: "2025-06-30" }],
    ["another province", { workProvince: "浙江省" }],
  ])("the facts signature changes with %s", (_label, change) => {
    const a = { placements: [{ id: 1, employerId: 2, employerCode: "E1", startDate: "2025-01-01", endDate: null, workProvince: "广东省" }], countedMonths: months(["2025-01"]) };
    expect(factsSignature({ ...a, placements: [{ ...a.placements[0]!, ...change }] })).not.toBe(factsSignature(a));
  });

  it("the months of a signature are the counted months, in order", () => {
    expect(signatureMonths(factsSignature({ placements: [], countedMonths: months(["2025-03", "2025-04"]) }))).toEqual(["2025-03", "2025-04"]);
  });
});

describe("reconcile: a rejected key is not new", () => {
  const rejected = (workerId: number, over: Partial<RejectedLine> = {}): RejectedLine => ({
    id: nextId++,
    period: "2025",
    workerId,
    employerId: null,
    round: 0,
    reopened: false,
    facts: factsOf(due(workerId)),
    ...over,
  });

  it.each<[string, RejectedLine[], ComputedLine[], { added: number[]; kept: number[]; differences: string[] }]>([
    ["a rejected key due on the same facts stays rejected, nothing listed", [rejected(1)], [due(1)], { added: [], kept: [1], differences: [] }],
    ["a rejected key due on other facts stays rejected and is listed", [rejected(1)], [due(1, null, ["2025-03", "2025-04"])], { added: [], kept: [1], differences: ["rejectedFactsChanged"] }],
    ["a re-opened rejected key is proposed again", [rejected(1, { reopened: true })], [due(1)], { added: [1], kept: [], differences: [] }],
    ["rejected, re-opened, rejected again: the newest rejection holds", [rejected(1, { reopened: true }), rejected(1)], [due(1)], { added: [], kept: [1], differences: [] }],
    ["a rejected key no longer due needs nothing", [rejected(1)], [], { added: [], kept: [], differences: [] }],
    ["another worker's rejection holds nothing of this key", [rejected(2)], [due(1)], { added: [1], kept: [], differences: [] }],
    ["the same worker at another employer is another key", [rejected(1, { employerId: 7 })], [due(1, 8)], { added: [1], kept: [], differences: [] }],
  ])("%s", (_label, rejectedLines, dueLines, expected) => {
    const r = reconcile(dueLines, [], new Map(), factsOf, rejectedLines);
    expect(r.add.map((a) => a.line.workerId)).toEqual(expected.added);
    expect(r.keptRejected.map((l) => l.workerId)).toEqual(expected.kept);
    expect(r.keptRejected.every((l) => l.status === "已驳回")).toBe(true);
    expect(r.differences.map((d) => d.kind)).toEqual(expected.differences);
  });

  it("a rejection of an earlier round holds nothing once the key's paid line was reversed and paid back", () => {
    // Round 0 was rejected, then a round-0 line paid and reversed: the key's next round is 1.
    const r = reconcile([due(1)], [live(1, "已发放", { reversalStatus: "已发放" })], new Map([[keyText(due(1)), 0]]), factsOf, [rejected(1, { round: 0 })]);
    expect(r.add.map((a) => [a.line.workerId, a.round])).toEqual([[1, 1]]);
  });

  it("a rejection in the round the key would be added in holds it", () => {
    const r = reconcile([due(1)], [live(1, "已发放", { reversalStatus: "已发放" })], new Map([[keyText(due(1)), 0]]), factsOf, [rejected(1, { round: 1 })]);
    expect(r.add).toEqual([]);
    expect(r.keptRejected.map((l) => [l.workerId, l.round])).toEqual([[1, 1]]);
  });
});

describe("rejectedKeys (the keys a rejection holds)", () => {
  const rej = (workerId: number, over: Partial<RejectedLine> = {}): RejectedLine => ({ id: nextId++, period: "2025", workerId, employerId: null, round: 0, reopened: false, facts: factsOf(due(workerId)), ...over });
  it.each<[string, LiveLine[], [string, number][], RejectedLine[], number[]]>([
    ["a rejected key without a live line", [], [], [rej(1)], [1]],
    ["re-opened: held no more", [], [], [rej(1, { reopened: true })], []],
    ["a live line of the key takes precedence", [live(1, "待审核")], [], [rej(1)], []],
    ["a rejection of an earlier round holds nothing", [live(1, "已发放", { reversalStatus: "已发放" })], [[keyText(due(1)), 0]], [rej(1)], []],
    ["a rejection of the next round holds the key", [live(1, "已发放", { reversalStatus: "已发放" })], [[keyText(due(1)), 0]], [rej(1, { round: 1 })], [1]],
  ])("%s", (_label, liveLines, reversed, rejectedLines, expected) => {
    expect(rejectedKeys(liveLines, new Map(reversed), rejectedLines).map((r) => r.workerId)).toEqual(expected);
  });
});
