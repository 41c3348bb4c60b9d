// Spreadsheet import and export against a real SQLite file: malformed files, Excel's traps,
// GB18030, duplicates, re-import and export → import round trips change nothing.
import { mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { loadCounty } from "../db/load-county.ts";
import { makeIdNumber } from "../src/core/id-number.ts";
import { DEMO_SEED, DEMO_WORKERS, generateCounty } from "../src/demo/county-generator.ts";
import { SPREADSHEET_KINDS } from "../src/imports/formats.ts";
import { createPersonalDataProtector } from "../src/security/personal-data.ts";
import { exportSpreadsheet } from "../src/use-cases/export-spreadsheet.ts";
import { CLI_IMPORT_AUTHOR, importSpreadsheet, type ImportOutcome } from "../src/use-cases/import-spreadsheet.ts";
import { savePolicy } from "../src/use-cases/subsidies-policies.ts";

const dir = mkdtempSync(join(tmpdir(), "jybf-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const protector = createPersonalDataProtector({ hashKey: Buffer.alloc(32, 3), encryptionKey: Buffer.alloc(32, 4) });
const TODAY = "2026-11-23";

let fileCounter = 0;
function csvFile(lines: string[], encoding: "utf-8" | "gb18030" = "utf-8"): string {
  const file = join(dir, `f${fileCounter++}.csv`);
  const text = lines.join("\r\n") + "\r\n";
  writeFileSync(file, encoding === "utf-8" ? Buffer.from(text, "utf8") : iconv.encode(text, "gb18030"));
  return file;
}

async function xlsxFile(rows: unknown[][]): Promise<string> {
  const file = join(dir, `f${fileCounter++}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  return file;
}

const count = (db: Db, table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const run = (db: Db, kind: (typeof SPREADSHEET_KINDS)[number], file: string) => importSpreadsheet({ db, protector, kind, file, by: CLI_IMPORT_AUTHOR, today: TODAY });

function done(outcome: ImportOutcome) {
  if (outcome.status !== "done") throw new Error(`expected the file to be read, got ${outcome.status}: ${outcome.message}`);
  return outcome;
}

const ID1 = makeIdNumber("360731", "1980-05-01", 11);
const ID2 = makeIdNumber("360731", "1975-02-03", 22);
const ID3 = makeIdNumber("360732", "2001-12-30", 33);
const BAD_CHECK = ID3.slice(0, 17) + (ID3[17] === "1" ? "2" : "1");
const WORKER_HEADER = "户编号,户类型,是否易地搬迁,家庭人口数,姓名,身份证号,联系电话,乡镇,村,劳动能力,就业意愿,技能,期望工作地,可工作时间";

/** A database holding two towns, three villages, two employers and a posting. */
async function registryWithPlaces(name: string): Promise<Db> {
  const db = openDatabase({ file: join(dir, `${name}.db`) });
  done(await run(db, "regions", csvFile(["乡镇,村,经度,纬度", "东山镇,上村,115.41,25.95", "东山镇,下村,115.42,25.96", "西河乡,河村,115.3,25.8"])));
  done(
    await run(
      db,
      "employers",
      csvFile([
        "编号,名称,类型,核心工厂编号,乡镇,村,认定状态",
        "E1,上村帮扶车间,帮扶车间,,东山镇,上村,已认定",
        "E2,县服装厂,用工企业,,西河乡,,",
        "E3,河村卫星工厂,卫星工厂,E2,西河乡,河村,",
      ]),
    ),
  );
  done(await run(db, "postings", csvFile(["编号,用工主体编号,岗位名称,招聘人数,薪资下限,薪资上限,福利", "P1,E1,缝纫工,5,2000,3000,包吃、包住"])));
  return db;
}

describe("importing the registry", () => {
  let db: Db;
  beforeAll(async () => {
    db = await registryWithPlaces("registry");
  });
  afterAll(() => db?.$client.close());

  it("loaded places, employers (with the core factory) and the posting, with audit and search outbox rows", () => {
    expect(count(db, "villages")).toBe(3);
    expect(db.$client.prepare("SELECT c.code FROM employers e JOIN employers c ON c.id = e.core_factory_id WHERE e.code = 'E3'").get()).toEqual({ code: "E2" });
    expect(db.$client.prepare("SELECT benefits, published_at FROM postings WHERE code = 'P1'").get()).toEqual({ benefits: '["包吃","包住"]', published_at: TODAY });
    expect(db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE actor_label = 'import'").get()).toEqual({ n: 2 + 3 + 3 + 1 });
    expect(db.$client.prepare("SELECT entity, count(*) AS n FROM search_outbox GROUP BY entity ORDER BY entity").all()).toEqual([
      { entity: "employer", n: 3 },
      { entity: "posting", n: 1 },
    ]);
  });

  it("rejects a file that lacks a required column, and writes nothing", async () => {
    const before = count(db, "audit_log");
    const outcome = await run(db, "workers", csvFile(["户编号,户类型,姓名,乡镇,村,劳动能力", "H1,脱贫户,张三,东山镇,上村,有劳动能力"]));
    expect(outcome).toEqual({ status: "bad-header", message: "缺少必填列：身份证号" });
    expect(count(db, "audit_log")).toBe(before);
  });

  it("rejects bad rows whole — check digit, ID as number, unknown village — naming row, column and reason; the rest go in", async () => {
    const outcome = done(
      await run(
        db,
        "workers",
        csvFile([
          WORKER_HEADER + ",备注",
          `H1,脱贫户,否,4,张三,${ID1},13812345678,东山镇,上村,有劳动能力,是,缝纫、采摘,本乡镇,全天,户主`,
          `H2,边缘易致贫户,否,3,李四,${BAD_CHECK},,东山镇,下村,有劳动能力,是,,,,`,
          `H3,脱贫户,否,3,王五,3.60731E+17,,东山镇,下村,有劳动能力,是,,,,`,
          `H4,脱贫户,否,2,赵六,${ID3},,东山镇,北村,有劳动能力,是,,,,`,
          `H1,脱贫户,否,4,张妻,${ID2},,东山镇,上村,弱劳动力或半劳动力,否,,,,`,
        ]),
      ),
    );
    expect(outcome.unknownColumns).toEqual(["备注"]);
    expect(outcome.rejected.map(({ rowNumber, column, reason }) => ({ rowNumber, column, reason }))).toEqual([
      { rowNumber: 3, column: "身份证号", reason: "身份证号校验位不对，请核对是否抄错" },
      { rowNumber: 4, column: "身份证号", reason: expect.stringContaining("存成了数字") },
      { rowNumber: 5, column: "村", reason: "“东山镇北村”不在区划中，请先导入村镇表" },
    ]);
    expect(outcome.rejected[2]!.cells).toEqual(["H4", "脱贫户", "否", "2", "赵六", ID3, "", "东山镇", "北村", "有劳动能力", "是", "", "", "", ""]);
    expect([outcome.created, outcome.updated, outcome.unchanged]).toEqual([2, 0, 0]);
    // Nothing of the rejected rows: no household H2, H3 or H4, no worker with ID3.
    expect(db.$client.prepare("SELECT code FROM households ORDER BY code").all()).toEqual([{ code: "H1" }]);
    expect(db.$client.prepare("SELECT count(*) AS n FROM workers WHERE id_number_hash = ?").get(protector.hashIdNumber(ID3))).toEqual({ n: 0 });
    const stored = db.$client.prepare("SELECT * FROM workers WHERE id_number_hash = ?").get(protector.hashIdNumber(ID1)) as Record<string, unknown>;
    expect(stored).toMatchObject({ name: "张三", birth_date: "1980-05-01", skills: '["缝纫","采摘"]', preferred_area: "本乡镇" });
    expect(protector.decrypt(stored.id_number_cipher as string)).toBe(ID1);
    // The audit log never holds the ID number itself.
    expect(JSON.stringify(db.$client.prepare("SELECT after FROM audit_log WHERE entity = 'worker'").all())).not.toContain(ID1);
  });

  it("reports every problem of a row at once, each after its column", async () => {
    const outcome = done(await run(db, "workers", csvFile([WORKER_HEADER, `H7,脱贫户,否,2,钱七,${BAD_CHECK},12345,东山镇,上村,有劳动能力,也许,,,`])));
    expect(outcome.rejected.map(({ rowNumber, column, reason }) => ({ rowNumber, column, reason }))).toEqual([
      {
        rowNumber: 2,
        column: "身份证号、联系电话、就业意愿",
        reason: "身份证号：身份证号校验位不对，请核对是否抄错；联系电话：联系电话应为 11 位手机号；就业意愿：只能填：是、否",
      },
    ]);
  });

  it("rejects the row where a quote opens and never closes, keeping the rows before it", async () => {
    const outcome = done(await run(db, "regions", csvFile(["乡镇,村,经度,纬度", "东山镇,引号村,115.43,25.97", '东山镇,"坏村,115.44,25.98', "东山镇,后村,115.45,25.99"])));
    expect(outcome.created).toBe(1);
    expect(outcome.rejected.map(({ rowNumber, column, reason }) => ({ rowNumber, column, reason }))).toEqual([
      { rowNumber: 3, column: "整行", reason: "这一行的引号没有配对（从这一行到文件末尾都无法读取），请检查后重新导入" },
    ]);
    expect(count(db, "villages")).toBe(4);
  });

  it("reads a GB18030 CSV as Excel on a Chinese Windows saves it", async () => {
    const outcome = done(await run(db, "workers", csvFile([WORKER_HEADER, `H5,突发严重困难户,是,2,欧阳娟,${ID3},,西河乡,河村,有劳动能力,是,,,,`], "gb18030")));
    expect(outcome.encoding).toBe("gb18030");
    expect(outcome.created).toBe(1);
    expect(db.$client.prepare("SELECT w.name, h.category, h.relocated FROM workers w JOIN households h ON h.id = w.household_id WHERE h.code = 'H5'").get()).toEqual({
      name: "欧阳娟",
      category: "突发严重困难户",
      relocated: 1,
    });
  });

  it("rejects a row repeating an earlier row's key, and a household described two ways", async () => {
    const ID4 = makeIdNumber("360731", "1990-01-01", 44);
    const ID5 = makeIdNumber("360731", "1991-01-01", 55);
    const outcome = done(
      await run(
        db,
        "workers",
        csvFile([
          WORKER_HEADER,
          `H6,脱贫户,否,3,甲,${ID4},,西河乡,河村,有劳动能力,是,,,,`,
          `H6,脱贫户,否,3,甲,${ID4},,西河乡,河村,有劳动能力,是,,,,`,
          `H6,一般户,否,3,乙,${ID5},,西河乡,河村,有劳动能力,是,,,,`,
        ]),
      ),
    );
    expect(outcome.rejected.map((r) => [r.rowNumber, r.column, r.reason])).toEqual([
      [3, "整行", "与第 2 行重复（同一条记录在表中出现了两次）"],
      [4, "户类型", "同一户的户类型、是否易地搬迁或家庭人口数与第 2 行不一致"],
    ]);
    expect(outcome.created).toBe(1);
  });

  it("re-importing the same file changes nothing: no writes, no audit rows", async () => {
    const file = csvFile([WORKER_HEADER, `H1,脱贫户,否,4,张三,${ID1},13812345678,东山镇,上村,有劳动能力,是,缝纫、采摘,本乡镇,全天`]);
    const before = count(db, "audit_log");
    const outcome = done(await run(db, "workers", file));
    expect([outcome.created, outcome.updated, outcome.unchanged, outcome.rejected.length]).toEqual([0, 0, 1, 0]);
    expect(count(db, "audit_log")).toBe(before);
  });

  it("reads .xlsx: refuses an ID number stored as a number, converts serial-number and Date cells", async () => {
    const file = await xlsxFile([
      ["身份证号", "用工主体编号", "岗位编号", "开始日期", "结束日期", "月收入", "就业形式"],
      [ID1, "E1", "P1", 45123, new Date(Date.UTC(2024, 1, 29)), 2600, null],
      [Number(ID2.slice(0, 17)), "E2", null, "2024/3/1", null, 3000, null],
      [ID2, null, null, "2025-01-01", null, 4000, "外出务工"],
    ]);
    const outcome = done(await run(db, "placements", file));
    expect(outcome.rejected.map((r) => [r.rowNumber, r.column])).toEqual([[3, "身份证号"]]);
    expect(outcome.created).toBe(2);
    expect(db.$client.prepare("SELECT start_date, end_date, monthly_income FROM placements ORDER BY id").all()).toEqual([
      { start_date: "2023-07-16", end_date: "2024-02-29", monthly_income: 2600 },
      { start_date: "2025-01-01", end_date: null, monthly_income: 4000 },
    ]);
  });

  it("a corrected placement keeps its previous version; unknown employers and workers are refused", async () => {
    const outcome = done(
      await run(
        db,
        "placements",
        csvFile([
          "身份证号,用工主体编号,开始日期,结束日期,月收入,就业形式",
          `${ID2},,2025-01-01,2025-10-31,4000,外出务工`,
          `${ID2},E9,2025-01-01,,,`,
          `${makeIdNumber("360731", "1999-09-09", 99)},E1,2025-01-01,,,`,
        ]),
      ),
    );
    expect(outcome.updated).toBe(1);
    expect(outcome.rejected.map((r) => [r.rowNumber, r.column, r.reason])).toEqual([
      [3, "用工主体编号", "用工主体编号“E9”不存在，请先导入用工主体"],
      [4, "身份证号", "这个身份证号不在劳动力名册中，请先导入劳动力表"],
    ]);
    const revision = db.$client.prepare("SELECT previous, reason FROM placement_revisions").get() as { previous: string; reason: string };
    expect(JSON.parse(revision.previous)).toMatchObject({ startDate: "2025-01-01", endDate: null, employmentForm: "外出务工" });
    expect(revision.reason).toBe("表格导入更正");
  });

  it("a row with several registry problems names every one of them, not only the first", async () => {
    const outcome = done(
      await run(
        db,
        "placements",
        csvFile([
          "身份证号,用工主体编号,岗位编号,开始日期,结束日期,月收入,就业形式",
          `${makeIdNumber("360731", "1998-08-08", 98)},E9,P404,2025-02-01,,,`,
        ]),
      ),
    );
    expect(outcome.rejected.map((r) => [r.rowNumber, r.column, r.reason])).toEqual([
      [
        2,
        "身份证号、用工主体编号、岗位编号",
        "身份证号：这个身份证号不在劳动力名册中，请先导入劳动力表；用工主体编号：用工主体编号“E9”不存在，请先导入用工主体；岗位编号：岗位编号“P404”不存在",
      ],
    ]);
  });
});

describe("export → import", () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase({ file: join(dir, "demo.db") });
    db.transaction(() => loadCounty(db, generateCounty({ seed: DEMO_SEED, workers: DEMO_WORKERS, today: TODAY }), { protector, now: new Date() }));
    // The demo county has no subsidy policies yet: one for the policies round trip.
    savePolicy({ db }, { input: { code: "GY-2025", name: "公益性岗位补贴", kind: "公益性岗位补贴", amountFen: 70_050, minMonths: null, maxMonthsPerPerson: 36, ageLimit: 60, onePerHousehold: true, startDate: "2025-01-01", endDate: null, fundSource: "就业补助资金" }, by: { label: "test" }, now: new Date(`${TODAY}T02:00:00Z`) });
  });
  afterAll(() => db?.$client.close());

  it.each(["csv", "xlsx"])("changes nothing for every kind (.%s)", async (ext) => {
    const auditBefore = count(db, "audit_log");
    for (const kind of SPREADSHEET_KINDS) {
      const file = join(dir, `export-${kind}.${ext}`);
      const rows = await exportSpreadsheet({ db, protector, kind, file });
      expect(rows, kind).toBeGreaterThan(0);
      const outcome = done(await run(db, kind, file));
      expect({ kind, created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged, rejected: outcome.rejected }).toEqual({
        kind,
        created: 0,
        updated: 0,
        unchanged: rows,
        rejected: [],
      });
    }
    expect(count(db, "audit_log")).toBe(auditBefore);
  });

  it("into an empty database, builds the same registry", async () => {
    const copy = openDatabase({ file: join(dir, "copy.db") });
    try {
      for (const kind of SPREADSHEET_KINDS) {
        const file = join(dir, `copy-${kind}.csv`);
        await exportSpreadsheet({ db, protector, kind, file });
        const outcome = done(await run(copy, kind, file));
        expect([kind, outcome.rejected.length]).toEqual([kind, 0]);
      }
      for (const table of ["towns", "villages", "employers", "postings", "households", "workers", "placements", "subsidy_policy_versions"]) {
        expect([table, count(copy, table)]).toEqual([table, count(db, table)]);
      }
      const figures = "SELECT sum(willing_to_work), group_concat(DISTINCT labour_ability) FROM workers";
      expect(copy.$client.prepare(figures).get()).toEqual(db.$client.prepare(figures).get());
    } finally {
      copy.$client.close();
    }
  });

  it("writes a blank template with the headers only", async () => {
    const file = join(dir, "template.csv");
    expect(await exportSpreadsheet({ db, protector, kind: "placements", file, template: true })).toBe(0);
    expect(readFileSync(file, "utf8")).toBe("\ufeff身份证号,用工主体编号,岗位编号,开始日期,结束日期,月收入,就业地省份,就业地县区,就业形式\r\n");
  });
});

describe("a 100,000-row file", () => {
  it("is imported in batches, every row accepted", async () => {
    const db = await registryWithPlaces("big");
    try {
      const lines = [WORKER_HEADER];
      const start = Date.UTC(1960, 0, 1) / 86_400_000;
      for (let i = 0; i < 100_000; i++) {
        const birth = new Date((start + (i % 12_000)) * 86_400_000).toISOString().slice(0, 10);
        const id = makeIdNumber("360731", birth, 1 + Math.floor(i / 12_000));
        lines.push(`B${Math.floor(i / 2)},脱贫户,否,3,工人${i},${id},,东山镇,上村,有劳动能力,是,,,,`);
      }
      const progress: number[] = [];
      const outcome = await importSpreadsheet({ db, protector, kind: "workers", file: csvFile(lines), by: CLI_IMPORT_AUTHOR, today: TODAY, onProgress: (n) => progress.push(n) });
      expect(done(outcome).created).toBe(100_000);
      expect(outcome.status === "done" && outcome.rejected).toEqual([]);
      expect(progress.at(-1)).toBe(100_000);
      expect(progress.length).toBeGreaterThanOrEqual(100);
      expect(count(db, "workers")).toBe(100_000);
      expect(count(db, "households")).toBe(50_000);
    } finally {
      // The database file goes with the folder.
    }
  }, 300_000);
});

describe("npm run import: exit codes and the report", () => {
  const dataDir = join(dir, "cli");
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: "utf8" });

  it("exits 0 when every row is accepted, 1 when some are rejected (with a report), 2 when the file cannot be read", () => {
    const good = cli("regions", csvFile(["乡镇,村,经度,纬度", "东山镇,上村,115.41,25.95"]));
    expect([good.status, good.stdout]).toEqual([0, "共接收 1 行（新增 1，更新 0，无变化 0），拒收 0 行。\n"]);

    const someBad = csvFile(["乡镇,村,经度,纬度", "东山镇,下村,115.42,25.96", "东山镇,北村,东经,25.9"]);
    const partial = cli("regions", someBad);
    expect(partial.status).toBe(1);
    expect(partial.stdout).toContain("第 3 行「经度」：应为数字");
    expect(readFileSync(`${someBad}.rejected.csv`, "utf8")).toBe("\ufeff行号,列,原因,乡镇,村,经度,纬度\r\n3,经度,应为数字,东山镇,北村,东经,25.9\r\n");

    expect(cli("regions", csvFile(["乡镇,经度", "东山镇,115"])).status).toBe(2);
    expect(cli("regions", join(dir, "missing.csv")).status).toBe(2);
    const notXlsx = join(dir, "renamed.xlsx");
    writeFileSync(notXlsx, "乡镇,村\n");
    expect(cli("regions", notXlsx).status).toBe(2);
    expect(existsSync(join(dataDir, "app.db"))).toBe(true);
  });

  it("stops with exit 2 and a logged error when a write fails for a reason that is not the row's, rejecting nothing", () => {
    const db = openDatabase({ file: join(dataDir, "app.db") });
    db.$client.exec("CREATE TRIGGER test_broken_village BEFORE INSERT ON villages WHEN NEW.name = '坏村' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    db.$client.close();
    const file = csvFile(["乡镇,村,经度,纬度", "东山镇,好村,115.43,25.97", "东山镇,坏村,115.44,25.98"]);
    const broken = cli("regions", file);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain("导入在第 3 行附近因系统错误中止");
    const logged = broken.stderr.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
    expect(logged).toContainEqual(expect.objectContaining({ msg: "import failed", kind: "regions", row: 3, err: expect.objectContaining({ message: expect.stringContaining("disk on fire") }) }));
    expect(broken.stdout).not.toContain("拒收");
    expect(existsSync(`${file}.rejected.csv`)).toBe(false);
  });
});
