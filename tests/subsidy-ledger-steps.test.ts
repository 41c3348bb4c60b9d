/**
 * The ledger's second pass (issue 12), on the demo county's registry with an empty ledger:
 * - the stepped compute the bureau's page runs (a read-only connection of its own, chunks of
 *   households, people done / total) writes exactly the lines the CLI's one-transaction compute
 *   writes, and a compute that lands in between is not doubled;
 * - a rejected key stays rejected on recompute until a person re-opens it, then it is proposed
 *   once more; the database refuses a re-opening of anything but a rejected original line, twice
 *   or changed;
 * - the job page shows a real <progress> bar of people while it runs.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { createAccount } from "../src/use-cases/accounts.ts";
import { computeSubsidies, computeSubsidiesInSteps, type ComputeOutcome } from "../src/use-cases/subsidies-compute.ts";
import { savePolicy, type PolicyInput } from "../src/use-cases/subsidies-policies.ts";
import { reviewLines } from "../src/use-cases/subsidies-workflow.ts";
import { yuanText } from "../src/core/subsidies/ledger.ts";
import { ComputeJobFragment } from "../views/pages/bureau/subsidy-policies.tsx";
import { viewOfComputeJob } from "../src/jobs/subsidy-compute-jobs.ts";
import { computeJobByPublicId } from "../db/queries/subsidy-policies.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";
import { webClient, type WebClient } from "./support/web-client.ts";

const PASSWORD = "补贴明细分步测试密码2026";
const BASE = { minMonths: null, maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, startDate: "2025-01-01", endDate: null, fundSource: "衔接资金" } as const;
const policy = (code: string, kind: PolicyInput["kind"], amountFen: number, over: Partial<PolicyInput> = {}): PolicyInput => ({ ...BASE, code, name: `测试${kind}`, kind, amountFen, ...over });

describe("the stepped compute, rejected keys and the progress bar", () => {
  let platform: TestPlatform;
  let reader: Db;
  let county: WebClient;
  const sql = () => platform.db.$client;
  const by = { label: "test" };
  const now = () => platform.now();

  function whole(policyCode: string, period: string): ComputeOutcome {
    return computeSubsidies({ db: platform.db, protector: platform.protector }, { policyCode, period, countyProvince: "江西省", by, now: now() });
  }
  function stepped(policyCode: string, period: string, extra: Partial<Parameters<typeof computeSubsidiesInSteps>[1]> = {}) {
    return computeSubsidiesInSteps({ db: platform.db, reader, protector: platform.protector }, { policyCode, period, countyProvince: "江西省", by, now: now(), ...extra });
  }
  /** A policy's lines as comparable rows: key, amount, round, status and the facts they stand on. */
  function linesOf(code: string) {
    return sql()
      .prepare(
        `SELECT l.period, l.worker_id AS worker, l.employer_id AS employer, l.round, l.amount_fen AS amount, l.status, l.snapshot
         FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = ? ORDER BY l.id`,
      )
      .all(code) as { period: string; worker: number; employer: number | null; round: number; amount: number; status: string; snapshot: string }[];
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "subsidy-steps", demoData: "registry" });
    reader = openDatabase({ file: join(platform.dataDir, DATABASE_FILE), readonly: true, migrate: false });
    const inputs = [
      policy("S-XN-A", "吸纳就业补贴", 200_000),
      policy("S-XN-B", "吸纳就业补贴", 200_000),
      policy("S-JT-A", "交通补贴", 80_000),
      policy("S-JT-B", "交通补贴", 80_000),
      policy("S-GY-A", "公益性岗位补贴", 70_000, { onePerHousehold: true, ageLimit: 60, maxMonthsPerPerson: 2, endDate: "2025-12-31" }),
      policy("S-GY-B", "公益性岗位补贴", 70_000, { onePerHousehold: true, ageLimit: 60, maxMonthsPerPerson: 2, endDate: "2025-12-31" }),
      policy("S-JT-R", "交通补贴", 80_000),
    ];
    for (const input of inputs) savePolicy({ db: platform.db }, { input, by, now: now() });
    await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by });
    county = webClient(platform.app);
    await county.login("county", PASSWORD);
  });
  afterAll(() => {
    reader?.$client.close();
    return platform?.close();
  });

  it.each([
    ["吸纳就业补贴", "S-XN-A", "S-XN-B", ["2025"]],
    ["交通补贴", "S-JT-A", "S-JT-B", ["2025"]],
    ["公益性岗位补贴 month by month (cap and 每户限一人 look at earlier months)", "S-GY-A", "S-GY-B", ["2025-03", "2025-04", "2025-05"]],
  ])("%s: chunks of 3 households write exactly the lines of the one-transaction compute", async (_label, steppedCode, wholeCode, periods) => {
    for (const period of periods) {
      const progress: [number, number][] = [];
      const a = await stepped(steppedCode, period, { householdsPerChunk: 3, onProgress: (done, total) => progress.push([done, total]) });
      const b = whole(wholeCode, period);
      expect(a.status).toBe("done");
      expect(b.status).toBe("done");
      if (a.status !== "done" || b.status !== "done") return;
      expect(a.addedIds.length).toBe(b.addedIds.length);
      // Progress: from 0 to every household of the county, never backwards, in many steps.
      const total = progress[0]![1];
      expect(progress[0]![0]).toBe(0);
      expect(progress.at(-1)).toEqual([total, total]);
      expect(progress.every(([done, t], i) => t === total && (i === 0 || done >= progress[i - 1]![0]))).toBe(true);
      expect(progress.length).toBeGreaterThan(3);
    }
    const strip = (rows: ReturnType<typeof linesOf>) => rows.map((r) => ({ ...r, snapshot: JSON.parse(r.snapshot) as unknown }));
    expect(linesOf(steppedCode).length).toBeGreaterThan(0);
    expect(strip(linesOf(steppedCode))).toEqual(strip(linesOf(wholeCode)));
  });

  it("a compute that lands while the stepped one decides is not doubled: the write reconciles with the ledger it writes into", async () => {
    savePolicy({ db: platform.db }, { input: policy("S-JT-C", "交通补贴", 80_000), by, now: now() });
    let other: ComputeOutcome | undefined;
    const a = await stepped("S-JT-C", "2025", {
      householdsPerChunk: 5,
      onProgress: (done) => {
        if (done > 0 && !other) other = whole("S-JT-C", "2025");
      },
    });
    expect(other?.status).toBe("done");
    expect(a.status).toBe("done");
    if (a.status !== "done" || other?.status !== "done") return;
    expect(other.addedIds.length).toBeGreaterThan(0);
    expect(a.addedIds).toEqual([]);
    expect(a.unchanged).toBe(other.addedIds.length);
    expect(linesOf("S-JT-C").length).toBe(other.addedIds.length);
  });

  it("a rejected key stays rejected on recompute; re-opened by a person it is proposed once more", async () => {
    const first = whole("S-JT-R", "2025");
    if (first.status !== "done") throw new Error(first.status);
    expect(first.addedIds.length).toBeGreaterThan(1);
    const [rejectedId] = first.addedIds;
    const review = reviewLines({ db: platform.db }, { selection: { ids: [rejectedId!] }, decision: "reject", reason: "外出务工证明不全", by, now: now() });
    expect(review.status === "done" && review.changed).toEqual([rejectedId]);

    // Computing again: nothing new, the rejected key counted as unchanged and kept rejected.
    for (const again of [whole("S-JT-R", "2025"), await stepped("S-JT-R", "2025")]) {
      expect(again.status).toBe("done");
      if (again.status !== "done") return;
      expect(again.addedIds).toEqual([]);
      expect(again.keptRejected).toBe(1);
      expect(again.unchanged).toBe(first.addedIds.length);
      expect(again.differences).toEqual([]);
    }

    // The facts under the rejected line change: it stays rejected and is listed for a person.
    const placements = JSON.parse((sql().prepare("SELECT snapshot FROM subsidy_lines WHERE id = ?").get(rejectedId) as { snapshot: string }).snapshot).placements as { id: number }[];
    const p = sql().prepare("SELECT id, start_date AS startDate, end_date AS endDate FROM placements WHERE id = ?").get(placements[0]!.id) as { id: number; startDate: string; endDate: string | null };
    sql().prepare("UPDATE placements SET end_date = '2025-12-31' WHERE id = ?").run(p.id);
    const changed = whole("S-JT-R", "2025");
    if (changed.status !== "done") throw new Error(changed.status);
    sql().prepare("UPDATE placements SET end_date = ? WHERE id = ?").run(p.endDate, p.id);
    if (p.endDate !== "2025-12-31") {
      expect(changed.addedIds).toEqual([]);
      expect(changed.differences.map((d) => [d.kind, d.lineId, d.status])).toEqual([["rejectedFactsChanged", rejectedId, "已驳回"]]);
    }

    // The line page offers the re-opening to county staff; a blank reason is refused.
    const linePath = `/bureau/subsidies/${rejectedId}`;
    const page = await county.text(await county.get(linePath));
    expect(page).toContain(`action="${linePath}/reopen"`);
    const blank = await county.post(`${linePath}/reopen`, { reason: "  " });
    expect(blank.status).toBe(422);
    expect(await blank.text()).toContain("请填写重新打开的理由");
    await county.text(await county.get(linePath));
    const reopened = await county.post(`${linePath}/reopen`, { reason: "已补交务工证明" });
    expect(reopened.status).toBe(303);
    const after = await county.text(await county.get(reopened.headers.get("location")!));
    expect(after).toContain("已补交务工证明");
    expect(after).not.toContain(`action="${linePath}/reopen"`);
    const audit = sql().prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'subsidy-line' AND entity_id = ? AND after LIKE '%\"event\":\"reopen\"%'").get(String(rejectedId)) as { n: number };
    expect(audit.n).toBe(1);

    // The next compute proposes the key once more (same round: the rejected line was never live), and only once.
    const reproposed = await stepped("S-JT-R", "2025");
    if (reproposed.status !== "done") throw new Error(reproposed.status);
    expect(reproposed.addedIds).toHaveLength(1);
    expect(reproposed.keptRejected).toBe(0);
    const key = "SELECT policy_id, period, worker_id, employer_id, round FROM subsidy_lines WHERE id = ?";
    expect(sql().prepare(key).get(reproposed.addedIds[0])).toEqual(sql().prepare(key).get(rejectedId));
    expect((sql().prepare("SELECT status FROM subsidy_lines WHERE id = ?").get(reproposed.addedIds[0]) as { status: string }).status).toBe("待审核");
    const twice = whole("S-JT-R", "2025");
    expect(twice.status === "done" && twice.addedIds.length).toBe(0);
  });

  it("the database refuses a re-opening of a line that is not a rejected original, a second one, and any change", () => {
    const lines = sql().prepare("SELECT id, status FROM subsidy_lines WHERE status IN ('待审核', '已驳回') ORDER BY id").all() as { id: number; status: string }[];
    const pending = lines.find((l) => l.status === "待审核")!;
    const reopenedLine = sql().prepare("SELECT line_id AS id FROM subsidy_line_reopenings LIMIT 1").get() as { id: number };
    const insert = (lineId: number) =>
      sql().prepare("INSERT INTO subsidy_line_reopenings (line_id, reason, by_label, reopened_at) VALUES (?, '理由', 'raw', '2026-11-23T00:00:00Z')").run(lineId);
    expect(() => insert(pending.id)).toThrow(/only a rejected original subsidy line is re-opened/);
    expect(() => insert(reopenedLine.id)).toThrow(/UNIQUE/);
    expect(() => sql().prepare("UPDATE subsidy_line_reopenings SET reason = 'x'").run()).toThrow(/never changes/);
    expect(() => sql().prepare("DELETE FROM subsidy_line_reopenings").run()).toThrow(/never changes/);
    expect(() => sql().prepare("INSERT INTO subsidy_line_reopenings (line_id, reason, by_label, reopened_at) VALUES (?, '  ', 'raw', 'x')").run(reopenedLine.id)).toThrow();
  });

  it("a running job shows a <progress> bar of people done out of the total, and a refresh link", async () => {
    const started = await (async () => {
      await county.text(await county.get("/bureau/subsidy-policies"));
      const id = (sql().prepare("SELECT id FROM subsidy_policies WHERE code = 'S-XN-A'").get() as { id: number }).id;
      await county.text(await county.get(`/bureau/subsidy-policies/${id}`));
      return county.post(`/bureau/subsidy-policies/${id}/compute`, { period: "2025" });
    })();
    expect(started.status).toBe(303);
    const jobPath = started.headers.get("location")!;
    const publicId = jobPath.split("/").at(-1)!;
    // The bar as it is while the job runs: the job's row, taken mid-way.
    const row = computeJobByPublicId(platform.db, publicId)!;
    const running = viewOfComputeJob({ ...row, status: "running", stage: 1, householdsDone: 120, householdsTotal: 480 });
    const html = String(ComputeJobFragment({ job: running, href: jobPath }));
    expect(html).toMatch(/<progress max="480" value="120">/);
    expect(html).toContain("已判定 120 / 480 户");
    expect(html).toContain(`href="${jobPath}"`);
    expect(html).toContain('hx-trigger="every 1s"');
    // The job itself ran to its end and kept the count of households it walked.
    for (let i = 0; i < 600 && computeJobByPublicId(platform.db, publicId)!.status === "running"; i++) await new Promise((r) => setTimeout(r, 100));
    const done = computeJobByPublicId(platform.db, publicId)!;
    expect(done.status).toBe("done");
    expect(done.householdsTotal).toBeGreaterThan(0);
    expect(done.householdsDone).toBe(done.householdsTotal);
    expect(await county.text(await county.get(jobPath))).toContain("未变");
  });
});

describe("figures summed once per ledger version, and keyset pages", () => {
  let platform: TestPlatform;
  let county: WebClient;
  const by = { label: "test" };

  beforeAll(async () => {
    platform = await startTestPlatform({ label: "subsidy-figures-cache", demoData: "registry" });
    savePolicy({ db: platform.db }, { input: policy("F-JT", "交通补贴", 80_000), by, now: platform.now() });
    const outcome = computeSubsidies({ db: platform.db, protector: platform.protector }, { policyCode: "F-JT", period: "2025", countyProvince: "江西省", by, now: platform.now() });
    if (outcome.status !== "done" || outcome.addedIds.length < 3) throw new Error("the demo registry should have transport lines");
    // More lines than one page holds: the workshop year and public-benefit months.
    savePolicy({ db: platform.db }, { input: policy("F-XN", "吸纳就业补贴", 200_000), by, now: platform.now() });
    savePolicy({ db: platform.db }, { input: policy("F-GY", "公益性岗位补贴", 70_000, { endDate: "2025-12-31" }), by, now: platform.now() });
    const more = [["F-XN", "2025"], ...Array.from({ length: 12 }, (_, i) => ["F-GY", `2025-${String(i + 1).padStart(2, "0")}`])];
    for (const [policyCode, period] of more) computeSubsidies({ db: platform.db, protector: platform.protector }, { policyCode: policyCode!, period: period!, countyProvince: "江西省", by, now: platform.now() });
    await createAccount(platform.db, { role: "county", login: "county", password: PASSWORD, by });
    county = webClient(platform.app);
    await county.login("county", PASSWORD);
  });
  afterAll(() => platform?.close());

  const approvedCell = async () => {
    const html = await county.text(await county.get("/bureau/stats/subsidies"));
    return html;
  };

  it("a change of the ledger, by the use-cases or by raw SQL, shows on the next request", async () => {
    const sql = platform.db.$client;
    const before = await approvedCell();
    expect(before).not.toContain("改名后的交通补贴");
    const id = (sql.prepare("SELECT l.id FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = 'F-JT' ORDER BY l.id LIMIT 1").get() as { id: number }).id;
    const versionBefore = sql.prepare("SELECT version FROM subsidy_ledger_version").pluck().get() as number;
    reviewLines({ db: platform.db }, { selection: { ids: [id] }, decision: "approve", reason: null, by, now: platform.now() });
    expect(sql.prepare("SELECT version FROM subsidy_ledger_version").pluck().get()).toBeGreaterThan(versionBefore);
    const afterApproval = await approvedCell();
    expect(afterApproval).not.toBe(before);
    expect(afterApproval).toContain(yuanText(80_000));
    // A rename written by another program (raw SQL) is seen too: the version is the database's.
    sql.prepare("UPDATE subsidy_policies SET name = '改名后的交通补贴' WHERE code = 'F-JT'").run();
    expect(await approvedCell()).toContain("改名后的交通补贴");
    expect(await approvedCell()).toBe(await approvedCell());
  });

  it("the line list pages by keyset: next and previous links walk every line once, without JavaScript", async () => {
    const total = (platform.db.$client.prepare("SELECT count(*) FROM subsidy_lines").pluck().get() as number);
    const seen: string[] = [];
    let path: string | undefined = "/bureau/subsidies";
    const pages: string[] = [];
    while (path) {
      const html = await county.text(await county.get(path));
      pages.push(path);
      seen.push(...[...html.matchAll(/<a href="\/bureau\/subsidies\/(\d+)">#\d+<\/a>/g)].map((m) => m[1]!));
      path = html.match(/<a href="(\/bureau\/subsidies\?[^"]*before=\d+[^"]*)">/)?.[1]?.replaceAll("&amp;", "&");
    }
    expect(pages.length).toBeGreaterThan(2);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
    if (pages.length > 1) {
      const last = await county.text(await county.get(pages.at(-1)!));
      const previous = last.match(/<a href="(\/bureau\/subsidies\?[^"]*after=\d+[^"]*)">/)?.[1]?.replaceAll("&amp;", "&");
      expect(previous).toBeDefined();
      const back = await county.text(await county.get(previous!));
      const firstIdOfBack = back.match(/<a href="\/bureau\/subsidies\/(\d+)">#\d+<\/a>/)?.[1];
      const secondLast = await county.text(await county.get(pages.at(-2)!));
      expect(firstIdOfBack).toBe(secondLast.match(/<a href="\/bureau\/subsidies\/(\d+)">#\d+<\/a>/)?.[1]);
    }
  });
});
