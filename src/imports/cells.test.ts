import { describe, expect, it } from "vitest";
import { makeIdNumber } from "../core/id-number.ts";
import { fromExcelValue, parseChoice, parseDate, parseDateFor, parseIdNumber, parseList, parseNumber, parsePhone, parseWholeNumber, type CellValue } from "./cells.ts";

const ID = makeIdNumber("360731", "1968-03-05", 17);
const badCheck = ID.slice(0, 17) + (ID[17] === "0" ? "1" : "0");

describe("parseIdNumber: Excel's number trap", () => {
  it.each<[string, CellValue, RegExp | string]>([
    ["a valid ID number", ID, "ok"],
    ["lower-case x and spaces", " 11010519491231002x ", "ok"],
    ["a numeric cell", 360731196803050170, /存成了数字/],
    ["scientific text", "3.60731E+17", /存成了数字/],
    ["scientific text, lower case", "3.60731196803e+17", /存成了数字/],
    ["17 digits", ID.slice(0, 17), /只有 17 位/],
    ["15 digits", ID.slice(0, 15), /只有 15 位/],
    ["a wrong check digit", badCheck, /校验位/],
    ["an impossible birth date", "110105194902300021", /出生日期/],
    ["letters", "36073119680305017A", /只能是数字/],
  ])("%s", (_, cell, expected) => {
    const parsed = parseIdNumber(cell, "2026-11-23");
    if (expected === "ok") expect(parsed.ok).toBe(true);
    else expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(expected as RegExp) });
  });

  it("reads the birth date and sex from a valid number", () => {
    expect(parseIdNumber(ID, "2026-11-23")).toEqual({ ok: true, value: { idNumber: ID, birthDate: "1968-03-05", sex: "男" } });
  });
});

describe("parseDate", () => {
  it.each<[CellValue, string | null]>([
    ["2024-03-01", "2024-03-01"],
    ["2024/3/1", "2024-03-01"],
    ["2024.3.1", "2024-03-01"],
    ["2024年3月1日", "2024-03-01"],
    ["2024-03-01 00:00:00", "2024-03-01"],
    [45123, "2023-07-16"],
    ["45123", "2023-07-16"],
    [45351.75, "2024-02-29"],
    [new Date(Date.UTC(2023, 6, 16)), "2023-07-16"],
    ["2023-02-29", null],
    ["16/07/2023", null],
    ["明天", null],
    [12, null],
    ["2026-02-31", null],
    ["2026-13-01", null],
    ["0000-00-00", null],
    ["9999-99-99", null],
    ["２０２４－０３－０１", "2024-03-01"],
  ])("%j gives %s", (cell, expected) => {
    const parsed = parseDate(cell);
    expect(parsed.ok ? parsed.value : null).toBe(expected);
  });

  it.each<[CellValue, Parameters<typeof parseDateFor>[1], RegExp | string]>([
    ["2026-11-01", "placementStart", "2026-11-01"],
    ["2027-06-01", "placementStart", /31 天以后/],
    ["1900-01-01", "placementStart", /不能早于 1990-01-01/],
    ["9999-12-31", "placementEnd", /不能晚于今天/],
    ["2026-02-31", "placementEnd", /日期不存在/],
    ["2030-01-01", "policy", "2030-01-01"],
    [45123, "placementEnd", "2023-07-16"],
  ])("%j as %s: %s (today 2026-11-23)", (cell, field, expected) => {
    const parsed = parseDateFor(cell, field, "2026-11-23");
    if (typeof expected === "string") expect(parsed).toEqual({ ok: true, value: expected });
    else expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(expected) });
  });
});

describe("the birth date inside an ID number", () => {
  it.each([
    ["2100-01-01", /出生日期不合理/],
    ["2026-11-24", /出生日期不合理/],
    ["1901-01-01", /出生日期不合理/],
  ])("born %s is refused (today 2026-11-23)", (birth, reason) => {
    expect(parseIdNumber(makeIdNumber("360731", birth, 11), "2026-11-23")).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it("born today is accepted", () => expect(parseIdNumber(makeIdNumber("360731", "2026-11-23", 11), "2026-11-23").ok).toBe(true));
});

describe("numbers, phones, choices, lists", () => {
  it.each<[CellValue, number | null]>([
    [115.4, 115.4],
    ["115.40", 115.4],
    ["1,200", 1200],
    ["-3", -3],
    ["abc", null],
    ["", null],
  ])("parseNumber(%j) = %s", (cell, expected) => {
    const parsed = parseNumber(cell);
    expect(parsed.ok ? parsed.value : null).toBe(expected);
  });

  it("whole numbers keep to their range", () => {
    expect(parseWholeNumber("3", 1, 10)).toEqual({ ok: true, value: 3 });
    expect(parseWholeNumber("0", 1, 10)).toMatchObject({ ok: false, reason: "应在 1 到 10 之间" });
    expect(parseWholeNumber("2.5", 1, 10)).toMatchObject({ ok: false, reason: "应为整数" });
  });

  it("phones: a worker's 11 digits, also from a number cell", () => {
    expect(parsePhone(13812345678, "mobile")).toEqual({ ok: true, value: "13812345678" });
    expect(parsePhone("138-1234-5678", "mobile")).toEqual({ ok: true, value: "13812345678" });
    expect(parsePhone("1381234567", "mobile").ok).toBe(false);
    expect(parsePhone("0797-8812345", "mobile")).toEqual({ ok: false, reason: "联系电话应为 11 位手机号" });
  });

  it.each([
    ["0797-8812345", "0797-8812345"],
    ["(0797)8812345", "0797-8812345"],
    ["0797 8812345转123", "0797-8812345-123"],
    ["400-123-4567", "400-123-4567"],
    [13812345678, "13812345678"],
  ])("an employer's contact phone %j is stored as %s", (cell, stored) => {
    expect(parsePhone(cell, "contact")).toEqual({ ok: true, value: stored });
  });

  it("an employer's landline typed as a number has lost its 0 and is refused", () => {
    expect(parsePhone(7978812345, "contact")).toMatchObject({ ok: false, reason: expect.stringMatching(/座机/) });
  });

  it("choices name the allowed words when refusing", () => {
    expect(parseChoice("全天", ["全天", "半天", "灵活"] as const)).toEqual({ ok: true, value: "全天" });
    expect(parseChoice("早班", ["全天", "半天", "灵活"] as const)).toEqual({ ok: false, reason: "只能填：全天、半天、灵活" });
  });

  it("lists split on 、 and common separators, without blanks or repeats", () => {
    expect(parseList("缝纫、包装，采摘,缝纫、")).toEqual(["缝纫", "包装", "采摘"]);
    expect(parseList(null)).toEqual([]);
  });

  it("exceljs rich text, formulas and hyperlinks become plain cells", () => {
    expect(fromExcelValue({ richText: [{ text: "东山" }, { text: "镇" }] })).toBe("东山镇");
    expect(fromExcelValue({ formula: "A1+1", result: 45123 })).toBe(45123);
    expect(fromExcelValue({ text: "链接", hyperlink: "http://x" })).toBe("链接");
    expect(fromExcelValue({ error: "#N/A" })).toBe(null);
    expect(fromExcelValue(undefined)).toBe(null);
  });
});
