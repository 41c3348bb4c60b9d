/**
 * The review list's totals kept per version of the ledger and the registry
 * (docs/decisions/2026-12-02-subsidy-ledger-write.md): whatever changes what they count — lines
 * added by a compute, a line written by another program (raw SQL), a worker moved to another
 * town — the next request counts again, and the kept totals always equal a fresh count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workflowTotals, type WorkflowFilter } from "../db/queries/subsidy-workflow.ts";
import { computeSubsidies } from "../src/use-cases/subsidies-compute.ts";
import { savePolicy, type PolicyInput } from "../src/use-cases/subsidies-policies.ts";
import { reviewLines } from "../src/use-cases/subsidies-workflow.ts";
import { reviewListPage } from "../src/use-cases/subsidy-workflow-view.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

const BASE = { minMonths: null, maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, startDate: "2025-01-01", endDate: null, fundSource: "衔接资金" } as const;
const policy = (code: string, kind: PolicyInput["kind"], amountFen: number): PolicyInput => ({ ...BASE, code, name: `测试${kind}`, kind, amountFen });

describe("the line list's totals, counted once per ledger version", () => {
  let platform: TestPlatform;
  const by = { label: "test" };
  const today = "2026-11-23";
  const sql = () => platform.db.$client;
  const compute = (policyCode: string, period: string) =>
    computeSubsidies({ db: platform.db, protector: platform.protector }, { policyCode, period, countyProvince: "江西省", by, now: platform.now() });
  const listed = (filter: WorkflowFilter) => {
    const page = reviewListPage({ db: platform.db }, filter, today, { limit: 5 });
    return { total: page.total, amountFen: page.amountFen };
  };
  const towns = () => sql().prepare("SELECT id FROM towns ORDER BY id").pluck().all() as number[];
  const filters = (): WorkflowFilter[] => [{}, { policyCode: "W-JT" }, { policyCode: "W-XN" }, { period: "2025" }, { period: "2024" }, ...towns().map((townId) => ({ townId })), { stage: "待审核" }];
  /** Every filter's listed totals equal a fresh count. */
  const expectExact = () => {
    for (const filter of filters()) expect(listed(filter), JSON.stringify(filter)).toEqual(workflowTotals(platform.db, filter, today));
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "subsidy-ledger-write", demoData: "registry" });
    savePolicy({ db: platform.db }, { input: policy("W-JT", "交通补贴", 80_000), by, now: platform.now() });
    savePolicy({ db: platform.db }, { input: policy("W-XN", "吸纳就业补贴", 200_000), by, now: platform.now() });
    const outcome = compute("W-JT", "2025");
    if (outcome.status !== "done" || outcome.addedIds.length < 2) throw new Error("the demo registry should have transport lines");
  });
  afterAll(() => platform?.close());

  it("lines added by a compute show in the next request's totals", () => {
    expectExact();
    const before = listed({});
    expect(before.total).toBeGreaterThan(0);
    const outcome = compute("W-XN", "2025");
    expect(outcome.status === "done" && outcome.addedIds.length).toBeGreaterThan(0);
    const after = listed({});
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.amountFen).toBeGreaterThan(before.amountFen);
    expectExact();
  });

  it("a line written by another program (raw SQL) shows too: the version is the database's", () => {
    const before = listed({ period: "2024" });
    expect(before.total).toBe(0);
    const source = sql().prepare("SELECT l.id FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = 'W-JT' ORDER BY l.id LIMIT 1").pluck().get() as number;
    sql()
      .prepare(
        `INSERT INTO subsidy_lines (policy_id, policy_version_id, period, worker_id, employer_id, round, amount_fen, status, snapshot, computed_at, created_by_label, status_changed_at)
         SELECT policy_id, policy_version_id, '2024', worker_id, employer_id, round, amount_fen, '待审核', snapshot, computed_at, created_by_label, status_changed_at FROM subsidy_lines WHERE id = ?`,
      )
      .run(source);
    expect(listed({ period: "2024" })).toEqual({ total: 1, amountFen: 80_000 });
    expectExact();
  });

  it("a worker moved to another town moves their lines in the town's totals (the registry's version)", () => {
    const [first, second] = towns();
    expect(second).toBeDefined();
    const moved = sql()
      .prepare(
        `SELECT l.worker_id FROM subsidy_lines l JOIN workers w ON w.id = l.worker_id JOIN villages v ON v.id = w.village_id WHERE v.town_id = ? ORDER BY l.id LIMIT 1`,
      )
      .pluck()
      .get(first) as number;
    expect(moved).toBeDefined();
    const lines = sql().prepare("SELECT count(*) FROM subsidy_lines WHERE worker_id = ?").pluck().get(moved) as number;
    const before = [listed({ townId: first }), listed({ townId: second })];
    sql().prepare("UPDATE workers SET village_id = (SELECT id FROM villages WHERE town_id = ? ORDER BY id LIMIT 1) WHERE id = ?").run(second, moved);
    const after = [listed({ townId: first }), listed({ townId: second })];
    expect(after[0]!.total).toBe(before[0]!.total - lines);
    expect(after[1]!.total).toBe(before[1]!.total + lines);
    expectExact();
  });

  it("a rejected line stays in the count but adds no yuan, unless the rejected are asked for", () => {
    const id = sql().prepare("SELECT l.id FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = 'W-JT' AND l.status = '待审核' ORDER BY l.id LIMIT 1").pluck().get() as number;
    const before = listed({ policyCode: "W-JT" });
    const rejectedBefore = listed({ policyCode: "W-JT", stage: "已驳回" });
    const outcome = reviewLines({ db: platform.db }, { selection: { ids: [id] }, decision: "reject", reason: "测试：不符合条件", by, now: platform.now() });
    expect(outcome.status).toBe("done");
    expect(listed({ policyCode: "W-JT" })).toEqual({ total: before.total, amountFen: before.amountFen - 80_000 });
    expect(listed({ policyCode: "W-JT", stage: "已驳回" })).toEqual({ total: rejectedBefore.total + 1, amountFen: rejectedBefore.amountFen + 80_000 });
    expectExact();
  });
});
