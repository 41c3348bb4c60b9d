/**
 * The compute's third pass at scale (issue 12; docs/decisions/2026-12-02-subsidy-compute-scope.md),
 * on a hand-built county with awkward facts (provinces with spaces, blank or only white space;
 * unrecognised workshops; 一般户 workers; hires still to be confirmed):
 * - a compute reads only the placements its kind can count (the scope), and decides exactly the
 *   lines a load of every placement decides, whole or in chunks of households;
 * - each line stores the signature of the facts it stands on; computing again compares it (a line
 *   written before the signature existed is compared by its snapshot, as before), adds nothing
 *   when nothing changed, and still lists a placement corrected since; the database refuses any
 *   change of a stored signature.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { householdIdRange, loadFacts, loadFactsOfHouseholds, policyByCode } from "../db/queries/subsidies.ts";
import { HOUSEHOLD_CATEGORIES } from "../src/core/enums.ts";
import { makeIdNumber, maskIdNumber } from "../src/core/id-number.ts";
import { periodFor } from "../src/core/subsidies/policy.ts";
import { factsSignature } from "../src/core/subsidies/reconcile.ts";
import { compareKeys, computeLines, placementScope, type PlacementScope } from "../src/core/subsidies/rules.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { loadPersonalDataProtector, type PersonalDataProtector } from "../src/security/personal-data.ts";
import { computeSubsidies, ruleOf } from "../src/use-cases/subsidies-compute.ts";
import { savePolicy, type PolicyInput } from "../src/use-cases/subsidies-policies.ts";

let dir: string;
let db: Db;
let protector: PersonalDataProtector;
const PROVINCE = "江西省";
const TODAY = "2026-01-05";
const now = new Date(`${TODAY}T02:00:00Z`);
const by = { label: "test" };

const BASE = { maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, minMonths: null, endDate: null, fundSource: "就业补助资金" } as const;
const POLICIES: PolicyInput[] = [
  { ...BASE, code: "XN", name: "吸纳就业补贴", kind: "吸纳就业补贴", amountFen: 200_000, startDate: "2025-01-01", minMonths: 3 },
  { ...BASE, code: "XN-OLD", name: "吸纳就业补贴（旧行）", kind: "吸纳就业补贴", amountFen: 200_000, startDate: "2025-01-01", minMonths: 3 },
  { ...BASE, code: "JT", name: "交通补贴", kind: "交通补贴", amountFen: 80_000, startDate: "2025-01-01", minMonths: 1 },
  { ...BASE, code: "GY", name: "公益性岗位补贴", kind: "公益性岗位补贴", amountFen: 70_000, startDate: "2025-01-01", endDate: "2025-12-31", ageLimit: 60, onePerHousehold: true, maxMonthsPerPerson: 6 },
];

/** Loads every confirmed placement of the period, whatever the kind (what the compute read before its scope). */
const EVERYTHING: PlacementScope = { assistedCategories: HOUSEHOLD_CATEGORIES, employer: null, awayFrom: null };

// Employers: 1 recognised workshop, 2 unrecognised 卫星工厂, 3 recognised 卫星工厂, 4 public-benefit post, 5 ordinary employer.
const EMPLOYERS = [
  [1, "E1", "帮扶车间", "已认定"],
  [2, "E2", "卫星工厂", "未认定"],
  [3, "E3", "卫星工厂", "已认定"],
  [4, "E4", "公益性岗位", "未认定"],
  [5, "E5", "用工企业", "未认定"],
] as const;
const CATEGORIES = ["脱贫户", "一般户", "边缘易致贫户", "脱贫不稳定户", "突发严重困难户"] as const;
const PROVINCES = [null, "广东省", " 广东省 ", PROVINCE, ` ${PROVINCE}`, `\u3000${PROVINCE}`, "", "  ", "\u3000", "浙江省\u3000"] as const;
const SPELLS = [
  ["2025-01-01", null],
  ["2025-03-17", "2025-09-14"],
  ["2024-06-01", "2025-04-10"],
  ["2025-10-01", null],
  ["2025-06-16", "2025-08-31"],
  ["2025-02-10", "2025-05-20"],
] as const;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "subsidy-scope-"));
  db = openDatabase({ file: join(dir, DATABASE_FILE) });
  protector = loadPersonalDataProtector(dir);
  const sql = db.$client;
  sql.exec(`
    INSERT INTO towns (id, name) VALUES (1, '岭背镇');
    INSERT INTO villages (id, town_id, name, lat, lng) VALUES (1, 1, '上村', 25.9, 115.4);
  `);
  for (const [id, code, type, recognition] of EMPLOYERS) {
    sql.prepare("INSERT INTO employers (id, code, name, type, town_id, recognition) VALUES (?, ?, ?, ?, 1, ?)").run(id, code, `${code}${type}`, type, recognition);
  }
  // 40 households of two or three workers; each worker gets placements cycling through the
  // employers, spells and provinces above, so every combination meets every kind's rules.
  const placement = sql.prepare(
    "INSERT INTO placements (worker_id, employer_id, employment_form, start_date, end_date, work_province, needs_confirmation) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  let n = 0;
  for (let h = 1; h <= 40; h++) {
    const household = Number(sql.prepare("INSERT INTO households (code, category, village_id) VALUES (?, ?, 1)").run(`H${h}`, CATEGORIES[h % CATEGORIES.length]!).lastInsertRowid);
    for (let k = 0; k < 2 + (h % 2); k++) {
      n++;
      const idNumber = makeIdNumber("360731", `19${60 + (n % 35)}-0${1 + (n % 9)}-1${n % 10}`, n % 1000);
      const worker = Number(
        sql
          .prepare(
            `INSERT INTO workers (household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, village_id, labour_ability)
             VALUES (?, ?, ?, ?, ?, ?, '女', 1, '有劳动能力')`,
          )
          .run(household, `工人${n}`, protector.hashIdNumber(idNumber), protector.encrypt(idNumber), maskIdNumber(idNumber), `19${60 + (n % 35)}-0${1 + (n % 9)}-1${n % 10}`).lastInsertRowid,
      );
      for (let j = 0; j < 1 + (n % 3); j++) {
        const [start, end] = SPELLS[(n + j) % SPELLS.length]!;
        const employer = (n + 2 * j) % 7 < 5 ? EMPLOYERS[(n + 2 * j) % 7]![0] : null;
        const province = PROVINCES[(n * 3 + j) % PROVINCES.length]!;
        // A worker has at most one placement per employer and start day (the placements' key).
        try {
          placement.run(worker, employer, employer === null ? "外出务工" : null, start, end, province, (n + j) % 11 === 0 ? 1 : 0);
        } catch {
          /* the same spell twice at the same employer: skipped */
        }
      }
    }
  }
  for (const input of POLICIES) savePolicy({ db }, { input, by, now });
});

afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function decideWith(code: string, periodText: string, scope: PlacementScope, chunk?: number) {
  const { policy, version } = policyByCode(db, code)!;
  const rule = ruleOf(policy.kind, version);
  const checked = periodFor(rule, periodText, TODAY);
  if (!checked.ok) throw new Error(checked.problem);
  const employers = loadFacts(db, checked.period, scope).employers;
  const parts: ReturnType<typeof loadFactsOfHouseholds>[] = [];
  const range = householdIdRange(db)!;
  if (chunk === undefined) parts.push(loadFacts(db, checked.period, scope));
  else for (let low = range.low; low <= range.high; low += chunk) parts.push(loadFactsOfHouseholds(db, checked.period, scope, low, low + chunk - 1));
  const lines = parts.flatMap((facts) =>
    computeLines({
      rule,
      period: checked.period,
      countyProvince: PROVINCE,
      workers: new Map(facts.workers.map((w) => [w.id, w])),
      employers: new Map(employers.map((e) => [e.id, e])),
      placements: facts.placements,
      standing: [],
      idNumberOf: (id) => protector.decrypt(facts.workers.find((w) => w.id === id)!.idNumberCipher),
    }),
  );
  // The stepped compute orders the chunks' lines by key, as one computeLines does.
  return { lines: lines.sort(compareKeys), placements: parts.reduce((sum, f) => sum + f.placements.length, 0) };
}

describe("a compute reads only the placements its kind can count", () => {
  it.each([
    ["吸纳就业补贴", "XN", "2025"],
    ["交通补贴 (provinces with spaces, blank, or the county's own behind a full-width space)", "JT", "2025"],
    ["公益性岗位补贴 (one per household, age limit)", "GY", "2025-03"],
    ["公益性岗位补贴, another month", "GY", "2025-07"],
  ])("%s: the scoped load decides exactly the lines of a load of every placement, whole or in chunks", (_label, code, period) => {
    const kind = policyByCode(db, code)!.policy.kind;
    const all = decideWith(code, period, EVERYTHING);
    const scoped = decideWith(code, period, placementScope(kind, PROVINCE));
    expect(all.lines.length).toBeGreaterThan(0);
    expect(scoped.lines).toEqual(all.lines);
    // The scope does leave placements out (what it is for).
    expect(scoped.placements).toBeLessThan(all.placements);
    expect(decideWith(code, period, placementScope(kind, PROVINCE), 3).lines).toEqual(all.lines);
  });
});

const ledger = (code: string) =>
  db.$client
    .prepare("SELECT l.id, l.snapshot, l.facts_signature AS factsSignature FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = ? ORDER BY l.id")
    .all(code) as { id: number; snapshot: string; factsSignature: string | null }[];

const compute = (policyCode: string, period: string) => {
  const outcome = computeSubsidies({ db, protector }, { policyCode, period, countyProvince: PROVINCE, by, now });
  if (outcome.status !== "done") throw new Error(outcome.status);
  return outcome;
};

describe("each line keeps the signature of what it stands on", () => {
  it("a compute stores, with each line, the signature of its snapshot", () => {
    expect(compute("XN", "2025").addedIds.length).toBeGreaterThan(1);
    expect(compute("JT", "2025").addedIds.length).toBeGreaterThan(0);
    for (const line of [...ledger("XN"), ...ledger("JT")]) expect(line.factsSignature).toBe(factsSignature(JSON.parse(line.snapshot)));
  });

  it("computing unchanged facts again adds nothing and lists nothing", () => {
    const before = ledger("XN").length;
    const again = compute("XN", "2025");
    expect(again.addedIds).toEqual([]);
    expect(again.unchanged).toBe(before);
    expect(again.differences).toEqual([]);
  });

  it("a line written before the signature existed (none stored) is compared by its snapshot", () => {
    // XN-OLD's lines: XN's, copied as the code before migration 0022 wrote them (no signature).
    const { policy, version } = policyByCode(db, "XN-OLD")!;
    db.$client
      .prepare(
        `INSERT INTO subsidy_lines (policy_id, policy_version_id, period, worker_id, employer_id, round, amount_fen, status, snapshot, computed_at, created_by_label, status_changed_at)
         SELECT ?, ?, l.period, l.worker_id, l.employer_id, l.round, l.amount_fen, l.status, l.snapshot, l.computed_at, l.created_by_label, l.status_changed_at
         FROM subsidy_lines l JOIN subsidy_policies p ON p.id = l.policy_id WHERE p.code = 'XN' ORDER BY l.id`,
      )
      .run(policy.id, version.id);
    expect(ledger("XN-OLD").every((l) => l.factsSignature === null)).toBe(true);
    const again = compute("XN-OLD", "2025");
    expect(again.addedIds).toEqual([]);
    expect(again.unchanged).toBe(ledger("XN").length);
    expect(again.differences).toEqual([]);
  });

  it("a placement corrected after the compute is still listed as a difference, by the stored signature and by the snapshot alike", () => {
    // The placement of XN's first line ends a month earlier than it did.
    const first = JSON.parse(ledger("XN")[0]!.snapshot) as { placements: { id: number; startDate: string }[]; countedMonths: { month: string }[] };
    const months = first.countedMonths.map((m) => m.month);
    const target = first.placements[0]!;
    db.$client.prepare("UPDATE placements SET end_date = ? WHERE id = ?").run(`${months.at(-1)}-01`, target.id);
    for (const code of ["XN", "XN-OLD"]) {
      const again = compute(code, "2025");
      expect(again.addedIds).toEqual([]);
      const listed = again.differences.find((d) => d.monthsBefore.join() === months.join());
      expect(listed, code).toBeDefined();
      expect(listed!.kind === "factsChanged" || listed!.kind === "noLongerEligible").toBe(true);
      if (listed!.kind === "factsChanged") expect(listed!.monthsNow).toEqual(months.slice(0, -1));
      expect(listed!.workerName).not.toBe("");
    }
  });

  it("the database refuses any change of a line's stored signature, or giving one to a line without", () => {
    const [withSignature] = ledger("XN");
    const [without] = ledger("XN-OLD");
    expect(() => db.$client.prepare("UPDATE subsidy_lines SET facts_signature = 'x' WHERE id = ?").run(withSignature!.id)).toThrow(/keeps its key, amount and facts/);
    expect(() => db.$client.prepare("UPDATE subsidy_lines SET facts_signature = NULL WHERE id = ?").run(withSignature!.id)).toThrow(/keeps its key, amount and facts/);
    expect(() => db.$client.prepare("UPDATE subsidy_lines SET facts_signature = ? WHERE id = ?").run(factsSignature(JSON.parse(without!.snapshot)), without!.id)).toThrow(/keeps its key, amount and facts/);
  });
});
