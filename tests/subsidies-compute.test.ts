/**
 * `npm run subsidies -- compute` on a hand-built county, through the real command: every line is
 * compared with answers worked out by hand from ../shared/DOMAIN.md (the working is in the
 * comments beside each placement). Then: computing again adds nothing, corrections show up as
 * differences, a changed policy applies only to what is computed afterwards, and a key reversed
 * and paid back is computed once more in its next round.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { makeIdNumber, maskIdNumber } from "../src/core/id-number.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { loadPersonalDataProtector } from "../src/security/personal-data.ts";
import { savePolicy, type PolicyInput } from "../src/use-cases/subsidies-policies.ts";
import { payLineRaw } from "./support/raw-ledger.ts";
import { runScript } from "./support/run-command.ts";

let dir: string;
let db: Db;
const ids = new Map<string, number>();

const compute = (policy: string, period: string) => runScript("subsidies", ["compute", "--policy", policy, "--period", period], { DATA_DIR: dir });

const POLICY_BASE = { maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, minMonths: null, endDate: null, fundSource: "就业补助资金" } as const;
const XN: PolicyInput = { ...POLICY_BASE, code: "XN-2025", name: "帮扶车间吸纳就业补贴", kind: "吸纳就业补贴", amountFen: 200_000, startDate: "2025-01-01" };
const JT: PolicyInput = { ...POLICY_BASE, code: "JT-2025", name: "跨省务工交通补贴", kind: "交通补贴", amountFen: 80_000, startDate: "2025-01-01", fundSource: "衔接资金" };
const GY: PolicyInput = { ...POLICY_BASE, code: "GY-2025", name: "公益性岗位补贴", kind: "公益性岗位补贴", amountFen: 70_000, startDate: "2025-01-01", endDate: "2025-12-31", ageLimit: 60, onePerHousehold: true, maxMonthsPerPerson: 2 };

/** Workers: [key, household, category, name, birth date]. */
const WORKERS = [
  ["W1", "H1", "脱贫户", "刘秀英", "1968-05-20"],
  ["W2", "H1", "脱贫户", "刘建国", "1962-03-01"],
  ["W3", "H2", "边缘易致贫户", "王桂兰", "1975-07-07"],
  ["W6", "H2", "边缘易致贫户", "王芳", "1985-02-02"],
  ["W4", "H3", "一般户", "陈明", "1980-01-01"],
  ["W5", "H4", "脱贫不稳定户", "张伟", "1990-10-10"],
] as const;

const idNumberOf = (key: string) => {
  const w = WORKERS.find((x) => x[0] === key)!;
  return makeIdNumber("360731", w[4], 11);
};

/** Placements: [key, worker, employer code or null, start, end, province, needs confirmation]. */
const PLACEMENTS = [
  // 吸纳: Mar 17–31 = 15 days counts, Apr–Aug whole, Sep 1–14 = 14 days does not: 6 months (03–08) → line.
  ["P1", "W1", "E1", "2025-03-17", "2025-09-14", null, 0],
  // 吸纳: two spells at E1, Jan–Mar + Oct–Dec (open) = 6 months → line.
  ["P2", "W3", "E1", "2025-01-01", "2025-03-31", null, 0],
  ["P3", "W3", "E1", "2025-10-01", null, null, 0],
  // 一般户: no subsidy of any kind.
  ["P4", "W4", "E1", "2025-01-01", null, null, 0],
  // 12 months at an unrecognised 卫星工厂 and 5 (Jun–Oct) at E1: counted per employer → nothing.
  ["P5", "W5", "E2", "2025-01-01", null, null, 0],
  ["P6", "W5", "E1", "2025-06-01", "2025-10-31", null, 0],
  // 交通: 广东省 Feb 10–28 = 19 days, Mar, Apr, May 1–20 = 20 days: 4 months ≥ 3 → line.
  ["P7", "W2", null, "2025-02-10", "2025-05-20", "广东省", 0],
  // 交通: a 一般户 worker in 浙江省 all year → nothing; W5 in 广东省 Nov 20–Dec 31 = 1 month → nothing.
  ["P8", "W4", null, "2025-01-01", "2025-12-31", "浙江省", 0],
  ["P9", "W5", null, "2025-11-20", "2025-12-31", "广东省", 0],
  // 公益性岗位 (H1): W2 started first but is 63 on 2025-03-01 (> 60); W1 (56) takes the household's month.
  ["P10", "W2", "E3", "2024-06-01", null, null, 0],
  ["P11", "W1", "E3", "2025-02-01", null, null, 0],
  // 公益性岗位 (H2): W3 and W6 start the same day; W3's ID number (born 1975) is the smaller one.
  ["P12", "W3", "E3", "2025-03-10", null, null, 0],
  ["P13", "W6", "E3", "2025-03-10", null, null, 0],
  // 公益性岗位 (H4): Mar 18–31 = 14 days → nothing; a hire still to be confirmed never counts.
  ["P14", "W5", "E3", "2025-03-18", "2025-03-31", null, 0],
  ["P15", "W5", "E3", "2025-03-01", null, null, 1],
] as const;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "subsidies-cli-"));
  db = openDatabase({ file: join(dir, DATABASE_FILE) });
  const protector = loadPersonalDataProtector(dir);
  const sql = db.$client;
  sql.exec(`
    INSERT INTO towns (id, name) VALUES (1, '岭背镇');
    INSERT INTO villages (id, town_id, name, lat, lng) VALUES (1, 1, '上村', 25.9, 115.4), (2, 1, '下村', 25.9, 115.5);
    INSERT INTO employers (id, code, name, type, town_id, recognition) VALUES
      (1, 'E1', '岭背镇帮扶车间', '帮扶车间', 1, '已认定'),
      (2, 'E2', '下村卫星工厂', '卫星工厂', 1, '未认定'),
      (3, 'E3', '岭背镇公益性岗位', '公益性岗位', 1, '未认定');
  `);
  const households = new Map<string, number>();
  for (const [key, household, category, name, birthDate] of WORKERS) {
    if (!households.has(household)) {
      households.set(household, Number(sql.prepare("INSERT INTO households (code, category, village_id) VALUES (?, ?, 1)").run(household, category).lastInsertRowid));
    }
    const idNumber = idNumberOf(key);
    const id = sql
      .prepare(
        `INSERT INTO workers (household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, village_id, labour_ability)
         VALUES (?, ?, ?, ?, ?, ?, '女', 1, '有劳动能力')`,
      )
      .run(households.get(household)!, name, protector.hashIdNumber(idNumber), protector.encrypt(idNumber), maskIdNumber(idNumber), birthDate).lastInsertRowid;
    ids.set(key, Number(id));
  }
  const employerId = (code: string | null) => (code === null ? null : Number(code.slice(1)));
  for (const [key, worker, employer, start, end, province, confirm] of PLACEMENTS) {
    const id = sql
      .prepare("INSERT INTO placements (worker_id, employer_id, employment_form, start_date, end_date, work_province, needs_confirmation) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(ids.get(worker)!, employerId(employer), employer === null ? "外出务工" : null, start, end, province, confirm).lastInsertRowid;
    ids.set(key, Number(id));
  }
  const now = new Date("2026-01-05T02:00:00Z");
  for (const input of [XN, JT, GY]) savePolicy({ db }, { input, by: { label: "test" }, now });
});

afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

interface LineView {
  id: number;
  period: string;
  worker: string;
  employer: string | null;
  yuan: number;
  status: string;
  round: number;
  version: number;
  months: string[];
  placements: string[];
}

/** The lines of a policy as an auditor reads them: who, where, how much, which months, from which placements. */
function linesOf(code: string): LineView[] {
  const rows = db.$client
    .prepare(
      `SELECT l.id, l.period, w.name AS worker, e.code AS employer, l.amount_fen AS fen, l.status, l.round, v.version, l.snapshot
       FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id JOIN subsidy_policy_versions v ON v.id = l.policy_version_id
       JOIN workers w ON w.id = l.worker_id LEFT JOIN employers e ON e.id = l.employer_id
       WHERE p.code = ? ORDER BY l.id`,
    )
    .all(code) as { id: number; period: string; worker: string; employer: string | null; fen: number; status: string; round: number; version: number; snapshot: string }[];
  const placementKey = new Map([...ids].map(([k, v]) => [v, k]));
  return rows.map((r) => {
    const snapshot = JSON.parse(r.snapshot) as { countedMonths?: { month: string }[]; placements?: { id: number }[] };
    return {
      id: r.id,
      period: r.period,
      worker: r.worker,
      employer: r.employer,
      yuan: r.fen / 100,
      status: r.status,
      round: r.round,
      version: r.version,
      months: (snapshot.countedMonths ?? []).map((m) => m.month),
      placements: (snapshot.placements ?? []).map((p) => placementKey.get(p.id)!),
    };
  });
}

const months = (year: string, list: number[]) => list.map((m) => `${year}-${String(m).padStart(2, "0")}`);

describe("npm run subsidies -- compute on a hand-built county", () => {
  it("吸纳就业补贴 2025: W1 and W3 at the recognised workshop E1, nobody else", async () => {
    const r = await compute("XN-2025", "2025");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("新增 2 条，未变 0 条，差异 0 条");
    expect(linesOf("XN-2025").map(({ id: _id, ...l }) => l)).toEqual([
      { period: "2025", worker: "刘秀英", employer: "E1", yuan: 2000, status: "待审核", round: 0, version: 1, months: months("2025", [3, 4, 5, 6, 7, 8]), placements: ["P1"] },
      { period: "2025", worker: "王桂兰", employer: "E1", yuan: 2000, status: "待审核", round: 0, version: 1, months: months("2025", [1, 2, 3, 10, 11, 12]), placements: ["P2", "P3"] },
    ]);
  });

  it("交通补贴 2025: only W2, four months in 广东省", async () => {
    const r = await compute("JT-2025", "2025");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("新增 1 条，未变 0 条，差异 0 条");
    expect(linesOf("JT-2025").map(({ id: _id, ...l }) => l)).toEqual([
      { period: "2025", worker: "刘建国", employer: null, yuan: 800, status: "待审核", round: 0, version: 1, months: months("2025", [2, 3, 4, 5]), placements: ["P7"] },
    ]);
  });

  it("公益性岗位补贴 month by month: one per household, age limit, 14 days, unconfirmed hires, cap of 2 months (then the next member)", async () => {
    for (const [period, added] of [["2025-03", 2], ["2025-04", 2], ["2025-05", 1]] as const) {
      const r = await compute("GY-2025", period);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`新增 ${added} 条，未变 0 条，差异 0 条`);
    }
    const line = (period: string, worker: string, placements: string[]) => ({ period, worker, employer: null, yuan: 700, status: "待审核", round: 0, version: 1, months: [period], placements });
    expect(linesOf("GY-2025").map(({ id: _id, ...l }) => l)).toEqual([
      line("2025-03", "刘秀英", ["P11"]),
      line("2025-03", "王桂兰", ["P12"]),
      line("2025-04", "刘秀英", ["P11"]),
      line("2025-04", "王桂兰", ["P12"]),
      // May: W1 and W3 have their two months; W2 is over 60; so W3's household member W6 qualifies.
      line("2025-05", "王芳", ["P13"]),
    ]);
  });

  it("computing again adds nothing", async () => {
    const before = linesOf("XN-2025").length + linesOf("JT-2025").length + linesOf("GY-2025").length;
    const again = await Promise.all([compute("XN-2025", "2025"), compute("JT-2025", "2025"), compute("GY-2025", "2025-03")]);
    expect(again.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(again[0]!.stdout).toContain("新增 0 条，未变 2 条，差异 0 条");
    expect(again[1]!.stdout).toContain("新增 0 条，未变 1 条，差异 0 条");
    expect(again[2]!.stdout).toContain("新增 0 条，未变 2 条，差异 0 条");
    expect(linesOf("XN-2025").length + linesOf("JT-2025").length + linesOf("GY-2025").length).toBe(before);
  });

  it("refuses what it cannot compute, with exit 2", async () => {
    const cases = await Promise.all([
      compute("NOPE", "2025"),
      compute("XN-2025", "2025-03"),
      compute("GY-2025", "2025"),
      compute("XN-2025", "2099"),
      compute("XN-2025", "2024"),
      compute("XN-2025", "25"),
      runScript("subsidies", ["compute", "--policy", "XN-2025"], { DATA_DIR: dir }),
    ]);
    expect(cases.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(cases[0]!.stderr).toContain("没有编号为“NOPE”的补贴政策");
    expect(cases[1]!.stderr).toContain("按年计算");
    expect(cases[2]!.stderr).toContain("按月计算");
    expect(cases[3]!.stderr).toContain("还没有结束");
    expect(cases[4]!.stderr).toContain("不在政策有效期");
    expect(cases[5]!.stderr).toContain("格式不对");
    expect(cases[6]!.stderr).toContain("用法");
  });

  it("records every run on its policy's compute history (by cli:subsidies), none of the refused", () => {
    const jobs = db.$client
      .prepare("SELECT p.code, j.period, j.status, j.outcome, j.added, j.unchanged, j.by_label AS byLabel FROM subsidy_compute_jobs j JOIN subsidy_policies p ON p.id = j.policy_id ORDER BY j.id")
      .all();
    const run = (code: string, period: string, added: number, unchanged: number) => ({ code, period, status: "done", outcome: "done", added, unchanged, byLabel: "cli:subsidies" });
    expect(jobs.slice(0, 5)).toEqual([run("XN-2025", "2025", 2, 0), run("JT-2025", "2025", 1, 0), run("GY-2025", "2025-03", 2, 0), run("GY-2025", "2025-04", 2, 0), run("GY-2025", "2025-05", 1, 0)]);
    // The three runs of "computing again" ran side by side: in whichever order they took the lock.
    expect(jobs.slice(5)).toEqual(expect.arrayContaining([run("XN-2025", "2025", 0, 2), run("JT-2025", "2025", 0, 1), run("GY-2025", "2025-03", 0, 2)]));
    expect(jobs).toHaveLength(8);
  });

  it("lists corrections as differences and changes no line", async () => {
    // P1 now ends 2025-08-10: August has 10 days, five months remain → no longer eligible.
    db.$client.prepare("UPDATE placements SET end_date = '2025-08-10' WHERE id = ?").run(ids.get("P1")!);
    // P7 now starts 2025-03-01: March–May, still three months → the facts changed.
    db.$client.prepare("UPDATE placements SET start_date = '2025-03-01' WHERE id = ?").run(ids.get("P7")!);
    const [xn, jt] = [linesOf("XN-2025"), linesOf("JT-2025")];
    const r1 = await compute("XN-2025", "2025");
    expect(r1.code).toBe(0);
    expect(r1.stdout).toContain("新增 0 条，未变 1 条，差异 1 条");
    expect(r1.stdout).toContain(`明细 #${xn[0]!.id}（刘秀英 ${maskIdNumber(idNumberOf("W1"))}，用工主体 E1，待审核）已不再符合条件`);
    const r2 = await compute("JT-2025", "2025");
    expect(r2.stdout).toContain("新增 0 条，未变 1 条，差异 1 条");
    expect(r2.stdout).toContain(`明细 #${jt[0]!.id}（刘建国 ${maskIdNumber(idNumberOf("W2"))}，待审核）计算后就业记录有更正，计月份由 2025-02、2025-03、2025-04、2025-05 变为 2025-03、2025-04、2025-05`);
    expect(r2.stdout).not.toContain(idNumberOf("W2"));
    expect(linesOf("XN-2025")).toEqual(xn);
    expect(linesOf("JT-2025")).toEqual(jt);
  });

  it("a paid line reversed and paid back is computed again once, on the policy's newest version", async () => {
    const [paid] = linesOf("JT-2025");
    const sql = db.$client;
    payLineRaw(sql, paid!.id);
    const reversal = Number(
      sql
        .prepare(
          `INSERT INTO subsidy_lines (policy_id, policy_version_id, period, worker_id, employer_id, round, amount_fen, status, reverses_line_id, reason, snapshot, computed_at, created_by_label, status_changed_at)
           SELECT policy_id, policy_version_id, period, worker_id, employer_id, round, -amount_fen, '待审核', id, '外出起始日期更正', '{}', 'x', 'test', 'x' FROM subsidy_lines WHERE id = ?`,
        )
        .run(paid!.id).lastInsertRowid,
    );
    // While the reversal is not paid, the key stays taken.
    expect((await compute("JT-2025", "2025")).stdout).toContain("新增 0 条");
    payLineRaw(sql, reversal);
    // The county raises the transport subsidy to 1,000 yuan: version 2, for what is computed from now on.
    expect(savePolicy({ db }, { input: { ...JT, amountFen: 100_000 }, by: { label: "test" }, now: new Date("2026-02-01T02:00:00Z") })).toMatchObject({ status: "versioned", version: 2 });
    const r = await compute("JT-2025", "2025");
    expect(r.stdout).toContain("新增 1 条，未变 0 条，差异 0 条");
    expect(await compute("JT-2025", "2025").then((x) => x.stdout)).toContain("新增 0 条，未变 1 条");
    const lines = linesOf("JT-2025");
    expect(lines.map((l) => [l.yuan, l.status, l.round, l.version, l.months.join(",")])).toEqual([
      [800, "已发放", 0, 1, "2025-02,2025-03,2025-04,2025-05"],
      [-800, "已发放", 0, 1, ""],
      [1000, "待审核", 1, 2, "2025-03,2025-04,2025-05"],
    ]);
  });

  it("audits every run, naming every line it added, and no line twice", () => {
    const count = (entity: string) => (db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = ?").get(entity) as { n: number }).n;
    expect(count("subsidy-compute")).toBeGreaterThanOrEqual(12);
    // Each computed line lies in the id range of exactly one run's row; a run's added count is its range's size.
    const runs = (db.$client.prepare("SELECT after FROM audit_log WHERE entity = 'subsidy-compute'").all() as { after: string }[]).map((r) => JSON.parse(r.after) as { added: number; lines: [number, number] | null });
    for (const r of runs) expect(r.lines === null ? 0 : r.lines[1] - r.lines[0] + 1).toBe(r.added);
    const computed = (db.$client.prepare("SELECT id FROM subsidy_lines WHERE reverses_line_id IS NULL").all() as { id: number }[]).map((l) => l.id);
    expect(computed.length).toBe(2 + 1 + 5 + 1);
    for (const id of computed) expect(runs.filter((r) => r.lines !== null && r.lines[0] <= id && id <= r.lines[1]).length).toBe(1);
    const logged = db.$client.prepare("SELECT after FROM audit_log WHERE entity IN ('subsidy-line', 'subsidy-compute')").all() as { after: string }[];
    for (const w of WORKERS) expect(logged.some((r) => r.after.includes(idNumberOf(w[0])))).toBe(false);
  });
});
