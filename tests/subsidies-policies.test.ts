/** Policies as data: versions on a real database — a changed rule is a new version, the kind stays, every save is audited. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { policyByCode } from "../db/queries/subsidies.ts";
import { savePolicy, type PolicyInput } from "../src/use-cases/subsidies-policies.ts";

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "policies-"));
  db = openDatabase({ file: join(dir, "app.db") });
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const GY: PolicyInput = {
  code: "GY-2025", name: "公益性岗位补贴", kind: "公益性岗位补贴", amountFen: 70_000, minMonths: null, maxMonthsPerPerson: 36, ageLimit: 60,
  onePerHousehold: true, startDate: "2025-01-01", endDate: null, fundSource: "就业补助资金",
};
const by = { label: "test" };
const at = (day: string) => new Date(`${day}T02:00:00Z`);
const audits = () => db.$client.prepare("SELECT action, before, after FROM audit_log WHERE entity = 'subsidy-policy' ORDER BY id").all() as { action: string; before: string | null; after: string }[];

describe("savePolicy", () => {
  it("creates version 1, then changes nothing when saved the same", () => {
    expect(savePolicy({ db }, { input: GY, by, now: at("2026-01-01") })).toMatchObject({ status: "created", version: 1 });
    expect(savePolicy({ db }, { input: GY, by, now: at("2026-01-02") })).toMatchObject({ status: "unchanged", version: 1 });
    expect(audits().map((a) => a.action)).toEqual(["create"]);
    expect(policyByCode(db, "GY-2025")!.version).toMatchObject({ version: 1, amountFen: 70_000, ageLimit: 60, onePerHousehold: true, fundSource: "就业补助资金", createdByLabel: "test" });
  });

  it("a changed rule or fund source is a new version; the old one stays as it was", () => {
    savePolicy({ db }, { input: GY, by, now: at("2026-01-01") });
    expect(savePolicy({ db }, { input: { ...GY, amountFen: 75_000 }, by, now: at("2026-02-01") })).toMatchObject({ status: "versioned", version: 2 });
    expect(savePolicy({ db }, { input: { ...GY, amountFen: 75_000, fundSource: "衔接资金" }, by, now: at("2026-03-01") })).toMatchObject({ status: "versioned", version: 3 });
    const versions = db.$client.prepare("SELECT version, amount_fen AS fen, fund_source AS fund FROM subsidy_policy_versions ORDER BY version").all();
    expect(versions).toEqual([
      { version: 1, fen: 70_000, fund: "就业补助资金" },
      { version: 2, fen: 75_000, fund: "就业补助资金" },
      { version: 3, fen: 75_000, fund: "衔接资金" },
    ]);
    const last = audits().at(-1)!;
    expect(JSON.parse(last.before!)).toMatchObject({ version: 2, fundSource: "就业补助资金" });
    expect(JSON.parse(last.after)).toMatchObject({ version: 3, fundSource: "衔接资金" });
  });

  it("a new name alone is no new version", () => {
    savePolicy({ db }, { input: GY, by, now: at("2026-01-01") });
    expect(savePolicy({ db }, { input: { ...GY, name: "城乡公益性岗位补贴" }, by, now: at("2026-01-02") })).toMatchObject({ status: "renamed", version: 1 });
    expect(policyByCode(db, "GY-2025")!.policy.name).toBe("城乡公益性岗位补贴");
  });

  it("refuses another kind under the same code, and fields that do not fit the kind", () => {
    savePolicy({ db }, { input: GY, by, now: at("2026-01-01") });
    expect(savePolicy({ db }, { input: { ...GY, kind: "交通补贴", maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false }, by, now: at("2026-01-02") })).toEqual({ status: "kindChanged", kind: "公益性岗位补贴" });
    expect(savePolicy({ db }, { input: { ...GY, code: "X", minMonths: 3 }, by, now: at("2026-01-02") })).toEqual({ status: "invalid", problems: [{ field: "minMonths", problem: "notForKind" }] });
    expect(policyByCode(db, "X")).toBeUndefined();
    expect(db.$client.prepare("SELECT count(*) AS n FROM subsidy_policy_versions").get()).toEqual({ n: 1 });
  });
});
