import { describe, expect, it } from "vitest";
import { makeIdNumber } from "../core/id-number.ts";
import type { CellValue } from "./cells.ts";
import { matchHeaders, placementsFormat, postingsFormat, regionsFormat, workersFormat, employersFormat } from "./formats.ts";

const cells = (entries: Record<string, CellValue>) => new Map(Object.entries(entries));
const TODAY = "2026-11-23";
const ID = makeIdNumber("360731", "1990-06-01", 22);

const worker = {
  户编号: "H1", 户类型: "脱贫户", 姓名: "张三", 身份证号: ID, 乡镇: "东山镇", 村: "上村", 劳动能力: "有劳动能力",
};

describe("workersFormat", () => {
  it("fills the contract's defaults: willing to work, not relocated", () => {
    const result = workersFormat.parse(cells(worker), TODAY);
    expect(result).toMatchObject({ ok: true, record: { willingToWork: true, relocated: false, householdSize: null, birthDate: "1990-06-01", sex: "女", skills: [] } });
  });

  it.each<[Record<string, CellValue>, string, RegExp]>([
    [{ 户类型: "贫困户" }, "户类型", /只能填/],
    [{ 姓名: "" }, "姓名", /必填/],
    [{ 身份证号: Number(ID.slice(0, 17)) }, "身份证号", /存成了数字/],
    [{ 联系电话: "12345" }, "联系电话", /11 位/],
    [{ 就业意愿: "也许" }, "就业意愿", /是、否/],
    [{ 家庭人口数: "0" }, "家庭人口数", /1 到 100/],
  ])("rejects %j at column %s", (change, column, reason) => {
    const result = workersFormat.parse(cells({ ...worker, ...change }), TODAY);
    const rejection = { column, reason: expect.stringMatching(reason) };
    expect(result).toEqual({ ok: false, rejection, problems: [rejection] });
  });

  it("reports every problem of a row, each with its column, not only the first", () => {
    const result = workersFormat.parse(cells({ ...worker, 户类型: "贫困户", 姓名: "", 联系电话: "12345" }), TODAY);
    expect(result).toEqual({
      ok: false,
      problems: [
        { column: "户类型", reason: expect.stringMatching(/只能填/) },
        { column: "姓名", reason: "必填，不能为空" },
        { column: "联系电话", reason: "联系电话应为 11 位手机号" },
      ],
      rejection: { column: "户类型、姓名、联系电话", reason: expect.stringMatching(/^户类型：只能填.*；姓名：必填，不能为空；联系电话：联系电话应为 11 位手机号$/) },
    });
  });

  it("writes back the cells it reads", () => {
    const result = workersFormat.parse(cells({ ...worker, 技能: "缝纫、采摘", 是否易地搬迁: "是", 家庭人口数: 5 }), TODAY);
    if (!result.ok) throw new Error("expected a record");
    expect(workersFormat.format(result.record)).toEqual(["H1", "脱贫户", "是", 5, "张三", ID, null, "东山镇", "上村", "有劳动能力", "是", "缝纫、采摘", null, null]);
  });
});

describe("rules between columns", () => {
  const placement = { 身份证号: ID, 用工主体编号: "E1", 开始日期: "2024-01-01" };
  it.each<[Record<string, CellValue>, string | null]>([
    [{}, null],
    [{ 结束日期: "2023-12-31" }, "结束日期"],
    [{ 就业形式: "外出务工" }, "就业形式"],
    [{ 用工主体编号: "" }, "就业形式"],
    [{ 用工主体编号: "", 就业形式: "外出务工" }, null],
    [{ 开始日期: 45123 }, null],
    // A bad start date is the one problem: the end date is not compared with its placeholder.
    [{ 开始日期: "不详", 结束日期: "2023-12-31" }, "开始日期"],
    // 就业地省份 names a province-level division, in full or short; anything else would decide 交通补贴 by accident.
    [{ 就业地省份: "广东省" }, null],
    [{ 就业地省份: "广东" }, null],
    [{ 就业地省份: "内蒙古" }, null],
    [{ 就业地省份: "深圳" }, "就业地省份"],
    [{ 就业地省份: "外省" }, "就业地省份"],
  ])("placement %j rejected at %s", (change, column) => {
    const result = placementsFormat.parse(cells({ ...placement, ...change }), TODAY);
    expect(result.ok ? null : result.rejection.column).toBe(column);
  });

  it("keeps 就业地省份 as written and names the province it could not read", () => {
    expect(placementsFormat.parse(cells({ ...placement, 就业地省份: " 广东 " }), TODAY)).toMatchObject({ ok: true, record: { workProvince: "广东" } });
    expect(placementsFormat.parse(cells({ ...placement, 就业地省份: "深圳" }), TODAY)).toMatchObject({
      ok: false,
      rejection: { column: "就业地省份", reason: expect.stringContaining("“深圳”不是省级行政区的名称") },
    });
  });

  it("a posting's pay and age ranges must be ordered; a satellite factory alone names a core factory", () => {
    const posting = { 编号: "P1", 用工主体编号: "E1", 岗位名称: "缝纫工", 招聘人数: "3" };
    expect(postingsFormat.parse(cells({ ...posting, 薪资下限: "3000", 薪资上限: "2000" }), TODAY)).toMatchObject({ ok: false, rejection: { column: "薪资上限" } });
    expect(postingsFormat.parse(cells({ ...posting, 招聘人数: "0" }), TODAY)).toMatchObject({ ok: false, rejection: { column: "招聘人数" } });
    expect(postingsFormat.parse(cells({ ...posting, 薪资下限: "三千", 薪资上限: "2000" }), TODAY)).toMatchObject({ ok: false, problems: [{ column: "薪资下限" }] });
    const employer = { 编号: "E2", 名称: "车间", 类型: "帮扶车间", 乡镇: "东山镇", 核心工厂编号: "E1" };
    expect(employersFormat.parse(cells(employer), TODAY)).toMatchObject({ ok: false, rejection: { column: "核心工厂编号" } });
    expect(employersFormat.parse(cells({ ...employer, 类型: "卫星工厂" }), TODAY)).toMatchObject({ ok: true });
    expect(employersFormat.parse(cells({ ...employer, 类型: "工厂" }), TODAY)).toMatchObject({ ok: false, problems: [{ column: "类型" }] });
  });
});

describe("matchHeaders", () => {
  it("finds columns in any order, ignores unknown ones and reports missing required ones", () => {
    const match = matchHeaders(placementsFormat, ["开始日期", "备注", " 身份证号 ", "用工主体编号"]);
    expect(match.missing).toEqual([]);
    expect(match.unknown).toEqual(["备注"]);
    expect(match.positions.get("身份证号")).toBe(2);
    expect(matchHeaders(placementsFormat, ["身份证号"]).missing).toEqual(["开始日期"]);
    expect(matchHeaders(placementsFormat, ["身份证号", "身份证号", "开始日期"]).duplicated).toEqual(["身份证号"]);
    // An unknown header repeated (备注,备注) refuses the file as a known one does, and is not also "unknown" twice.
    const repeated = matchHeaders(placementsFormat, ["身份证号", "开始日期", "备注", "备注"]);
    expect(repeated.duplicated).toEqual(["备注"]);
    expect(repeated.unknown).toEqual(["备注"]);
  });
});

describe("text cells (src/core/text-fields.ts)", () => {
  it("stores 城关镇\\0 as 城关镇: a NUL cannot make a second town", () => {
    const result = regionsFormat.parse(cells({ 乡镇: "城关镇\u0000", 村: "上村\u001b", 经度: 115, 纬度: 26 }), TODAY);
    expect(result).toMatchObject({ ok: true, record: { town: "城关镇", village: "上村" } });
  });

  it("makes a decomposed name NFC, so a look-alike is the same village", () => {
    const result = regionsFormat.parse(cells({ 乡镇: "城关镇", 村: "Che\u0301ng", 经度: 115, 纬度: 26 }), TODAY);
    expect(result).toMatchObject({ ok: true, record: { village: "Chéng" } });
  });

  it.each<[Record<string, CellValue>, string, string]>([
    [{ 村: "村".repeat(1_000_000) }, "村", "超过 30 字"],
    [{ 乡镇: "镇".repeat(21) }, "乡镇", "超过 20 字"],
    [{ 姓名: "张".repeat(21) }, "姓名", "超过 20 字"],
    [{ 户编号: "H".repeat(31) }, "户编号", "超过 30 字"],
    [{ 技能: `${"缝".repeat(21)}、电工` }, "技能", "每一项不能超过 20 字"],
    [{ 技能: Array.from({ length: 21 }, (_, i) => `技能${i}`).join("、") }, "技能", "最多 20 项"],
  ])("rejects %#: column %s, reason %s", (change, column, reason) => {
    const result = workersFormat.parse(cells({ ...worker, ...change }), TODAY);
    expect(result).toEqual({ ok: false, rejection: { column, reason }, problems: [{ column, reason }] });
  });

  it("refuses a name that is only control characters as missing", () => {
    const result = workersFormat.parse(cells({ ...worker, 姓名: "\u0000\u001b" }), TODAY);
    expect(result).toMatchObject({ ok: false, problems: [{ column: "姓名", reason: "必填，不能为空" }] });
  });

  it("rejects a posting title with ESC only for its length, storing it clean", () => {
    const base = { 编号: "P1", 用工主体编号: "E1", 岗位名称: "缝纫工\u001b[2J", 招聘人数: 1 };
    expect(postingsFormat.parse(cells(base), TODAY), TODAY).toMatchObject({ ok: true, record: { title: "缝纫工[2J" } });
    expect(postingsFormat.parse(cells({ ...base, 岗位名称: "岗".repeat(61) }), TODAY), TODAY).toMatchObject({ ok: false, problems: [{ column: "岗位名称", reason: "超过 60 字" }] });
  });
});
