import { describe, expect, it } from "vitest";
import type { EmployerType, HouseholdCategory, RecognitionStatus } from "../enums.ts";
import type { PolicyRule, Period } from "./policy.ts";
import { computeLines, type StandingLine, type SubsidyEmployer, type SubsidyPlacement, type SubsidyWorker } from "./rules.ts";

const YEAR_2025: Period = { label: "2025", first: "2025-01-01", last: "2025-12-31" };
const MARCH_2025: Period = { label: "2025-03", first: "2025-03-01", last: "2025-03-31" };

const rule = (kind: PolicyRule["kind"], over: Partial<PolicyRule> = {}): PolicyRule => ({
  kind,
  amountFen: 200_000,
  minMonths: null,
  maxMonthsPerPerson: null,
  ageLimit: null,
  onePerHousehold: false,
  startDate: "2020-01-01",
  endDate: null,
  ...over,
});

const worker = (id: number, over: Partial<SubsidyWorker> = {}): SubsidyWorker => ({
  id,
  householdId: id * 10,
  category: "脱贫户" as HouseholdCategory,
  birthDate: "1970-06-15",
  ...over,
});
const employer = (id: number, type: EmployerType, recognition: RecognitionStatus = "已认定"): SubsidyEmployer => ({ id, type, recognition });

let nextPlacement = 1;
const place = (workerId: number, employerId: number | null, startDate: string, endDate: string | null, workProvince: string | null = null): SubsidyPlacement => ({
  id: nextPlacement++,
  workerId,
  employerId,
  startDate,
  endDate,
  workProvince,
});

const EMPLOYERS = [
  employer(1, "帮扶车间"),
  employer(2, "卫星工厂"),
  employer(3, "帮扶车间", "未认定"),
  employer(4, "用工企业"),
  employer(5, "公益性岗位"),
  employer(6, "公益性岗位"),
];

function run(r: PolicyRule, period: Period, workers: SubsidyWorker[], placements: SubsidyPlacement[], extra: { standing?: StandingLine[]; ids?: Record<number, string>; rejected?: number[] } = {}) {
  return computeLines({
    rule: r,
    period,
    countyProvince: "江西省",
    workers: new Map(workers.map((w) => [w.id, w])),
    employers: new Map(EMPLOYERS.map((e) => [e.id, e])),
    placements,
    standing: extra.standing ?? [],
    idNumberOf: (id) => extra.ids?.[id] ?? `36000019700101${String(id).padStart(4, "0")}`,
    ...(extra.rejected ? { rejectedWorkers: new Set(extra.rejected) } : {}),
  });
}

describe("吸纳就业补贴 (per employer, worker and year; 最少月数 default 6)", () => {
  const r = rule("吸纳就业补贴");
  it.each<[string, SubsidyWorker[], SubsidyPlacement[], [number, number, number][]]>([
    ["six counting months at a recognised 帮扶车间", [worker(1)], [place(1, 1, "2025-01-01", "2025-06-30")], [[1, 1, 6]]],
    ["five months and 14 days is five months: no line", [worker(1)], [place(1, 1, "2025-01-01", "2025-06-14")], []],
    ["five months and 15 days is six months", [worker(1)], [place(1, 1, "2025-01-01", "2025-06-15")], [[1, 1, 6]]],
    ["a recognised 卫星工厂 qualifies too", [worker(1)], [place(1, 2, "2025-01-01", null)], [[2, 1, 12]]],
    ["an unrecognised workshop does not", [worker(1)], [place(1, 3, "2025-01-01", null)], []],
    ["an ordinary employer does not", [worker(1)], [place(1, 4, "2025-01-01", null)], []],
    ["a worker of an ordinary household (一般户) is not 帮扶对象", [worker(1, { category: "一般户" })], [place(1, 1, "2025-01-01", null)], []],
    ["every 帮扶对象 category qualifies", [worker(1, { category: "突发严重困难户" })], [place(1, 1, "2025-01-01", null)], [[1, 1, 12]]],
    ["months are counted per employer: 4 + 4 at two workshops give nothing", [worker(1)], [place(1, 1, "2025-01-01", "2025-04-30"), place(1, 2, "2025-05-01", "2025-08-31")], []],
    ["two workshops with 6 months each give two lines", [worker(1)], [place(1, 1, "2025-01-01", "2025-06-30"), place(1, 2, "2025-07-01", "2025-12-31")], [[1, 1, 6], [2, 1, 6]]],
    ["two spells at one employer add up (3 + 3)", [worker(1)], [place(1, 1, "2025-01-01", "2025-03-31"), place(1, 1, "2025-09-01", "2025-11-30")], [[1, 1, 6]]],
    ["overlapping placements at one employer count each day once", [worker(1)], [place(1, 1, "2025-01-01", "2025-04-30"), place(1, 1, "2025-03-01", "2025-05-31")], []],
    ["months outside the year do not count", [worker(1)], [place(1, 1, "2024-03-01", "2025-03-31")], []],
  ])("%s", (_label, workers, placements, expected) => {
    const lines = run(r, YEAR_2025, workers, placements);
    expect(lines.map((l) => [l.employerId, l.workerId, l.countedMonths.length])).toEqual(expected);
    for (const l of lines) expect(l).toMatchObject({ payee: "employer", amountFen: 200_000, period: "2025" });
  });

  it("honours a policy's own 最少月数", () => {
    const placements = [place(1, 1, "2025-01-01", "2025-03-31")];
    expect(run(rule("吸纳就业补贴", { minMonths: 3 }), YEAR_2025, [worker(1)], placements)).toHaveLength(1);
    expect(run(rule("吸纳就业补贴", { minMonths: 4 }), YEAR_2025, [worker(1)], placements)).toHaveLength(0);
  });

  it("keeps the placements and the months it counted", () => {
    const a = place(1, 1, "2025-03-17", "2025-05-10");
    const b = place(1, 1, "2025-06-01", "2025-10-16");
    const [l] = run(r, YEAR_2025, [worker(1)], [b, a]);
    expect(l!.placementIds).toEqual([a.id, b.id]);
    expect(l!.countedMonths.map((m) => m.month)).toEqual(["2025-03", "2025-04", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10"]);
    expect(l!.coveredMonths.find((m) => m.month === "2025-05")).toEqual({ month: "2025-05", days: 10 });
  });
});

describe("交通补贴 (per worker and year, away from the county's province; 最少月数 default 3)", () => {
  const r = rule("交通补贴", { amountFen: 80_000 });
  it.each<[string, SubsidyWorker[], SubsidyPlacement[], [number, number][]]>([
    ["three months in 广东省", [worker(1)], [place(1, null, "2025-02-01", "2025-04-30", "广东省")], [[1, 3]]],
    ["two months and a half away is two months", [worker(1)], [place(1, null, "2025-02-01", "2025-04-14", "广东省")], []],
    ["work in the own province does not count", [worker(1)], [place(1, null, "2025-01-01", null, "江西省")], []],
    ["a placement without 就业地省份 is in the own province", [worker(1)], [place(1, 4, "2025-01-01", null, null)], []],
    ["an employer of the registry elsewhere counts (province is the placement's)", [worker(1)], [place(1, 4, "2025-01-01", "2025-03-31", "浙江省")], [[1, 3]]],
    ["two provinces add up (2 + 1 months)", [worker(1)], [place(1, null, "2025-01-01", "2025-02-28", "广东省"), place(1, null, "2025-03-01", "2025-03-31", "浙江省")], [[1, 3]]],
    ["months at home between spells do not count", [worker(1)], [place(1, null, "2025-01-01", "2025-02-28", "广东省"), place(1, 4, "2025-03-01", "2025-03-31", null)], []],
    ["一般户 gets nothing", [worker(1, { category: "一般户" })], [place(1, null, "2025-01-01", null, "广东省")], []],
    ["the own province written short (江西) is still the own province", [worker(1)], [place(1, null, "2025-01-01", null, "江西")], []],
    ["the own province with spaces around it is still the own province", [worker(1)], [place(1, null, "2025-01-01", null, " 江西省 ")], []],
    ["another province written short (广东, 广西) is elsewhere", [worker(1)], [place(1, null, "2025-01-01", "2025-02-28", "广东"), place(1, null, "2025-03-01", "2025-03-31", "广西")], [[1, 3]]],
  ])("%s", (_label, workers, placements, expected) => {
    const lines = run(r, YEAR_2025, workers, placements);
    expect(lines.map((l) => [l.workerId, l.countedMonths.length])).toEqual(expected);
    for (const l of lines) expect(l).toMatchObject({ payee: "worker", employerId: null, amountFen: 80_000 });
  });

  it("compares with the configured own province", () => {
    const placements = [place(1, null, "2025-01-01", null, "广东省")];
    const facts = { rule: r, period: YEAR_2025, workers: new Map([[1, worker(1)]]), employers: new Map(), placements, standing: [], idNumberOf: () => "" };
    expect(computeLines({ ...facts, countyProvince: "广东省" })).toHaveLength(0);
    expect(computeLines({ ...facts, countyProvince: "江西省" })).toHaveLength(1);
    expect(computeLines({ ...facts, placements: [place(1, null, "2025-01-01", null, "广西")], countyProvince: "广西壮族自治区" })).toHaveLength(0);
  });
});

describe("公益性岗位补贴 (per worker and month)", () => {
  const r = rule("公益性岗位补贴", { amountFen: 70_000 });
  it.each<[string, PolicyRule, SubsidyWorker[], SubsidyPlacement[], number[]]>([
    ["15 days on a public-benefit post count the month", r, [worker(1)], [place(1, 5, "2025-03-17", null)], [1]],
    ["14 days do not", r, [worker(1)], [place(1, 5, "2025-03-18", null)], []],
    ["two public-benefit employers add up (8 + 7 days)", r, [worker(1)], [place(1, 5, "2025-03-01", "2025-03-08"), place(1, 6, "2025-03-20", "2025-03-26")], [1]],
    ["days at a workshop are not public-benefit days", r, [worker(1)], [place(1, 5, "2025-03-01", "2025-03-10"), place(1, 1, "2025-03-11", "2025-03-31")], []],
    ["一般户 gets nothing", r, [worker(1, { category: "一般户" })], [place(1, 5, "2025-03-01", null)], []],
    ["aged 60 on the month's first day is within 年龄上限 60", rule("公益性岗位补贴", { ageLimit: 60 }), [worker(1, { birthDate: "1965-03-01" })], [place(1, 5, "2025-01-01", null)], [1]],
    ["turning 61 on the month's first day is over it", rule("公益性岗位补贴", { ageLimit: 60 }), [worker(1, { birthDate: "1964-03-01" })], [place(1, 5, "2025-01-01", null)], []],
    ["turning 61 on the 2nd of the month is still 60 on the 1st", rule("公益性岗位补贴", { ageLimit: 60 }), [worker(1, { birthDate: "1964-03-02" })], [place(1, 5, "2025-01-01", null)], [1]],
  ])("%s", (_label, policy, workers, placements, expected) => {
    const lines = run(policy, MARCH_2025, workers, placements);
    expect(lines.map((l) => l.workerId)).toEqual(expected);
    for (const l of lines) expect(l).toMatchObject({ payee: "worker", period: "2025-03", employerId: null, amountFen: policy.amountFen });
  });

  describe("每人最多月数, over the policy's standing lines", () => {
    const capped = rule("公益性岗位补贴", { maxMonthsPerPerson: 2 });
    const placements = () => [place(1, 5, "2025-01-01", null)];
    it.each<[string, StandingLine[], number[]]>([
      ["no line yet: paid", [], [1]],
      ["one other month: paid", [{ workerId: 1, householdId: 10, period: "2025-01" }], [1]],
      ["two other months: the cap is reached", [{ workerId: 1, householdId: 10, period: "2025-01" }, { workerId: 1, householdId: 10, period: "2025-02" }], []],
      ["this month already standing plus one other: still due (the key exists)", [{ workerId: 1, householdId: 10, period: "2025-01" }, { workerId: 1, householdId: 10, period: "2025-03" }], [1]],
      ["another worker's lines do not count", [{ workerId: 2, householdId: 20, period: "2025-01" }, { workerId: 2, householdId: 20, period: "2025-02" }], [1]],
    ])("%s", (_label, standing, expected) => {
      expect(run(capped, MARCH_2025, [worker(1)], placements(), { standing }).map((l) => l.workerId)).toEqual(expected);
    });
  });

  describe("每户限一人", () => {
    const one = rule("公益性岗位补贴", { onePerHousehold: true });
    const household = (id: number, over: Partial<SubsidyWorker> = {}) => worker(id, { householdId: 99, ...over });
    it("the member whose public-benefit placement started first", () => {
      const lines = run(one, MARCH_2025, [household(1), household(2)], [place(1, 5, "2025-02-01", null), place(2, 6, "2024-06-01", null)]);
      expect(lines.map((l) => l.workerId)).toEqual([2]);
    });
    it("on the same start day, the smaller ID number", () => {
      const ids = { 1: "360000197001010029", 2: "360000197001010013" };
      const lines = run(one, MARCH_2025, [household(1), household(2)], [place(1, 5, "2025-01-01", null), place(2, 5, "2025-01-01", null)], { ids });
      expect(lines.map((l) => l.workerId)).toEqual([2]);
    });
    it("only counts a placement open that month for the start (an older ended one does not)", () => {
      const lines = run(one, MARCH_2025, [household(1), household(2)], [place(1, 5, "2020-01-01", "2024-12-31"), place(1, 5, "2025-02-10", null), place(2, 5, "2025-01-05", null)]);
      expect(lines.map((l) => l.workerId)).toEqual([2]);
    });
    it("the age limit applies before the tie-break: an older first starter leaves it to the next", () => {
      const aged = rule("公益性岗位补贴", { onePerHousehold: true, ageLimit: 60 });
      const lines = run(aged, MARCH_2025, [household(1, { birthDate: "1950-01-01" }), household(2)], [place(1, 5, "2020-01-01", null), place(2, 5, "2025-01-01", null)]);
      expect(lines.map((l) => l.workerId)).toEqual([2]);
    });
    it("the cap applies before the tie-break", () => {
      const capped = rule("公益性岗位补贴", { onePerHousehold: true, maxMonthsPerPerson: 1 });
      const standing = [{ workerId: 1, householdId: 99, period: "2025-01" }];
      const lines = run(capped, MARCH_2025, [household(1), household(2)], [place(1, 5, "2020-01-01", null), place(2, 5, "2025-01-01", null)], { standing });
      expect(lines.map((l) => l.workerId)).toEqual([2]);
    });
    it("a household that already holds this month keeps its holder, nobody else gets one", () => {
      const standing = [{ workerId: 2, householdId: 99, period: "2025-03" }];
      const lines = run(one, MARCH_2025, [household(1), household(2)], [place(1, 5, "2020-01-01", null), place(2, 5, "2025-01-01", null)], { standing });
      expect(lines.map((l) => l.workerId)).toEqual([2]);
    });
    it("a member whose line of the month was rejected leaves the month to the next member", () => {
      const lines = run(one, MARCH_2025, [household(1), household(2)], [place(1, 5, "2020-01-01", null), place(2, 5, "2025-01-01", null)], { rejected: [1] });
      expect(lines.map((l) => l.workerId)).toEqual([2]);
    });
    it("every member rejected: nobody of the household", () => {
      const lines = run(one, MARCH_2025, [household(1), household(2)], [place(1, 5, "2020-01-01", null), place(2, 5, "2025-01-01", null)], { rejected: [1, 2] });
      expect(lines).toEqual([]);
    });
    it("without 每户限一人 a rejected worker is still due (the ledger keeps the key rejected)", () => {
      const lines = run(r, MARCH_2025, [household(1)], [place(1, 5, "2020-01-01", null)], { rejected: [1] });
      expect(lines.map((l) => l.workerId)).toEqual([1]);
    });
    it("different households each get one", () => {
      const lines = run(one, MARCH_2025, [worker(1), worker(2)], [place(1, 5, "2025-01-01", null), place(2, 5, "2025-01-01", null)]);
      expect(lines.map((l) => l.workerId)).toEqual([1, 2]);
    });
    it("without 每户限一人 both members are paid", () => {
      const lines = run(r, MARCH_2025, [household(1), household(2)], [place(1, 5, "2025-01-01", null), place(2, 5, "2025-01-01", null)]);
      expect(lines.map((l) => l.workerId)).toEqual([1, 2]);
    });
  });
});
