/**
 * The `policies` spreadsheet (../shared/CONTRACT.md): import, re-import, versions, rejections by
 * column, and export → import changing nothing; the npm commands once end to end.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { policyByCode } from "../db/queries/subsidies.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { loadPersonalDataProtector } from "../src/security/personal-data.ts";
import { exportSpreadsheet } from "../src/use-cases/export-spreadsheet.ts";
import { importSpreadsheet, type ImportOutcome } from "../src/use-cases/import-spreadsheet.ts";
import { runScript } from "./support/run-command.ts";

let dir: string;
let db: Db;
let n = 0;
const HEADERS = "编号,名称,类型,金额,最少月数,每人最多月数,年龄上限,每户限一人,开始日期,结束日期,资金来源";
const csv = (...rows: string[]) => {
  const file = join(dir, `p${n++}.csv`);
  writeFileSync(file, [HEADERS, ...rows].join("\r\n") + "\r\n");
  return file;
};
const run = async (file: string) => {
  const outcome: ImportOutcome = await importSpreadsheet({ db, protector: loadPersonalDataProtector(dir), kind: "policies", file, today: "2026-01-05", by: { label: "import" } });
  if (outcome.status !== "done") throw new Error(outcome.message);
  return outcome;
};

const XN = "XN-2025,帮扶车间吸纳就业补贴,吸纳就业补贴,2000,,,,,2025-01-01,2025-12-31,就业补助资金";
const JT = "JT-2025,跨省务工交通补贴,交通补贴,800,3,,,否,2025-01-01,,衔接资金";
const GY = "GY-2025,公益性岗位补贴,公益性岗位补贴,700.5,,36,60,是,2025-01-01,,就业补助资金";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "policies-import-"));
  db = openDatabase({ file: join(dir, DATABASE_FILE) });
});
afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run import -- policies", () => {
  it("imports policies as version 1, amounts exact to the fen; the same file again changes nothing", async () => {
    const file = csv(XN, JT, GY);
    expect(await run(file)).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: [] });
    expect(policyByCode(db, "GY-2025")).toMatchObject({
      policy: { name: "公益性岗位补贴", kind: "公益性岗位补贴" },
      version: { version: 1, amountFen: 70_050, minMonths: null, maxMonthsPerPerson: 36, ageLimit: 60, onePerHousehold: true, startDate: "2025-01-01", endDate: null, fundSource: "就业补助资金", createdByLabel: "import" },
    });
    expect(policyByCode(db, "XN-2025")!.version).toMatchObject({ amountFen: 200_000, minMonths: null, endDate: "2025-12-31" });
    expect(await run(file)).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: [] });
  });

  it("a changed rule is the policy's next version", async () => {
    expect(await run(csv(JT.replace(",800,", ",1000,")))).toMatchObject({ updated: 1, rejected: [] });
    expect(policyByCode(db, "JT-2025")!.version).toMatchObject({ version: 2, amountFen: 100_000 });
    const versions = db.$client.prepare("SELECT version, amount_fen AS fen FROM subsidy_policy_versions v JOIN subsidy_policies p ON p.id = v.policy_id WHERE p.code = 'JT-2025' ORDER BY version").all();
    expect(versions).toEqual([{ version: 1, fen: 80_000 }, { version: 2, fen: 100_000 }]);
  });

  it("rejects rows whole, naming the column and the reason", async () => {
    const outcome = await run(
      csv(
        "A1,甲,社保补贴,100,,,,,2025-01-01,,",
        "A2,乙,交通补贴,0,,,,,2025-01-01,,",
        "A3,丙,交通补贴,12.345,,,,,2025-01-01,,",
        "A4,丁,交通补贴,800,,12,,,2025-01-01,,",
        "A5,戊,吸纳就业补贴,2000,,,60,,2025-01-01,,",
        "A6,己,公益性岗位补贴,700,6,,,,2025-01-01,,",
        "A7,庚,交通补贴,800,,,,,2025-06-01,2025-05-31,",
        "GY-2025,公益性岗位补贴,交通补贴,700,,,,,2025-01-01,,",
        "A8,辛,交通补贴,800,13,,,,2025-01-01,,",
      ),
    );
    expect(outcome.rejected.map((r) => [r.rowNumber, r.column, r.reason])).toEqual([
      [2, "类型", "只能填：吸纳就业补贴、公益性岗位补贴、交通补贴"],
      [3, "金额", "金额应为大于 0 的元数，最多两位小数"],
      [4, "金额", "金额应为大于 0 的元数，最多两位小数"],
      [5, "每人最多月数", "交通补贴不填这一列"],
      [6, "年龄上限", "吸纳就业补贴不填这一列"],
      [7, "最少月数", "公益性岗位补贴不填这一列"],
      [8, "结束日期", "结束日期不能早于开始日期"],
      [9, "类型", "这个编号的政策是公益性岗位补贴，类型不能改；另一种补贴请用新编号"],
      [10, "最少月数", "应在 1 到 12 之间"],
    ]);
    expect(db.$client.prepare("SELECT count(*) AS n FROM subsidy_policies").get()).toEqual({ n: 3 });
  });

  it("export → import changes nothing (.csv and .xlsx), through the npm commands", async () => {
    for (const ext of ["csv", "xlsx"]) {
      const file = join(dir, `export.${ext}`);
      expect(await exportSpreadsheet({ db, protector: loadPersonalDataProtector(dir), kind: "policies", file })).toBe(3);
      expect(await run(file)).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: [] });
    }
    const exported = readFileSync(join(dir, "export.csv"), "utf8");
    expect(exported).toContain("GY-2025,公益性岗位补贴,公益性岗位补贴,700.5,,36,60,是,2025-01-01,,就业补助资金");
    expect(exported).toContain("JT-2025,跨省务工交通补贴,交通补贴,1000,3,,,否,2025-01-01,,衔接资金");

    const cliFile = join(dir, "cli.csv");
    const exportRun = await runScript("export", ["policies", cliFile], { DATA_DIR: dir });
    expect(exportRun.code, exportRun.stderr).toBe(0);
    const importRun = await runScript("import", ["policies", cliFile], { DATA_DIR: dir });
    expect(importRun.code, importRun.stderr).toBe(0);
  });
});
