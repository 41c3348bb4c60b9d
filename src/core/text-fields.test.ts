import { describe, expect, it } from "vitest";
import { TEXT_FIELDS, checkText, cleanText, optionalTextSchema, textLength, textSchema, type TextField } from "./text-fields.ts";

describe("cleanText", () => {
  it.each([
    ["城关镇\u0000", "城关镇"],
    ["城关\u0000镇", "城关镇"],
    ["缝纫\u001b[31m工", "缝纫[31m工"],
    ["张\u0007三", "张三"],
    ["张\u007f三\u0085", "张三"],
    ["张\u009b三", "张三"],
    ["  城关镇  ", "城关镇"],
    ["城关\u200b镇", "城关镇"],
    ["\ufeff城关镇", "城关镇"],
    ["城关镇\u202e", "城关镇"],
    ["张\t三", "张 三"],
    ["第一行\r\n第二行", "第一行 第二行"],
    ["Cafe\u0301", "Café"],
    ["\u0000\u0001 \u001f", ""],
    ["👩\u200d🔧", "👩\u200d🔧"],
  ])("single-line %j → %j", (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it.each([
    ["第一行\r\n第二行", "第一行\n第二行"],
    ["第一行\r第二行", "第一行\n第二行"],
    ["第一行\u2028第二行", "第一行\n第二行"],
    ["一\t二", "一\t二"],
    ["备注\u0000\u001b", "备注"],
    ["\n\n  备注  \n", "备注"],
  ])("multi-line %j → %j", (input, expected) => {
    expect(cleanText(input, { multiline: true })).toBe(expected);
  });

  it("makes a decomposed look-alike the same town (NFC)", () => {
    const composed = "Chéng";
    const decomposed = "Che\u0301ng";
    expect(decomposed).not.toBe(composed);
    expect(cleanText(decomposed)).toBe(composed);
  });
});

describe("textLength", () => {
  it.each([
    ["", 0],
    ["城关镇", 3],
    ["😀😀", 2],
    ["abc", 3],
  ])("%j has %d characters", (input, n) => {
    expect(textLength(input)).toBe(n);
  });
});

describe("checkText", () => {
  const cases: [TextField, string, ReturnType<typeof checkText>][] = [
    ["townName", "城关镇\u0000", { ok: true, value: "城关镇" }],
    ["townName", "城".repeat(20), { ok: true, value: "城".repeat(20) }],
    ["townName", "城".repeat(21), { ok: false, problem: "tooLong", max: 20 }],
    ["villageName", "村".repeat(30), { ok: true, value: "村".repeat(30) }],
    ["villageName", "村".repeat(1_000_000), { ok: false, problem: "tooLong", max: 30 }],
    ["personName", "😀".repeat(20), { ok: true, value: "😀".repeat(20) }],
    ["personName", " ".repeat(10) + "张三" + " ".repeat(10), { ok: true, value: "张三" }],
    ["postingTitle", "缝纫工\u001b", { ok: true, value: "缝纫工" }],
    ["postingDescription", "一\n二", { ok: true, value: "一\n二" }],
    ["postingDescription", "字".repeat(2001), { ok: false, problem: "tooLong", max: 2000 }],
    // A megabyte of control characters is refused for its size, not cleaned to nothing.
    ["townName", "\u0000".repeat(1_000_000), { ok: false, problem: "tooLong", max: 20 }],
  ];
  it.each(cases)("%s %j", (field, input, expected) => {
    expect(checkText(input, field)).toEqual(expected);
  });

  it("gives every field a maximum between 1 and 2000", () => {
    for (const rule of Object.values(TEXT_FIELDS)) {
      expect(rule.max).toBeGreaterThan(0);
      expect(rule.max).toBeLessThanOrEqual(2000);
    }
  });
});

describe("textSchema", () => {
  const title = textSchema("postingTitle", { required: "titleRequired", tooLong: "titleTooLong" });
  it.each([
    ["缝纫工", { success: true, data: "缝纫工" }],
    [" 缝纫工\u0000 ", { success: true, data: "缝纫工" }],
    ["", { success: false, message: "titleRequired" }],
    ["\u0000\u001b", { success: false, message: "titleRequired" }],
    ["字".repeat(61), { success: false, message: "titleTooLong" }],
    ["字".repeat(5_000_000), { success: false, message: "titleTooLong" }],
    [undefined, { success: false, message: "titleRequired" }],
    [42, { success: false, message: "titleRequired" }],
  ])("title %j", (input, expected) => {
    const parsed = title.safeParse(input);
    expect(parsed.success).toBe(expected.success);
    if (parsed.success) expect(parsed.data).toBe((expected as { data: string }).data);
    else expect(parsed.error.issues[0]?.message).toBe((expected as { message: string }).message);
  });

  const address = optionalTextSchema("address", "addressTooLong");
  it.each([
    [undefined, null],
    ["", null],
    [" \u0000 ", null],
    ["城关镇 1 号", "城关镇 1 号"],
  ])("optional address %j → %j", (input, expected) => {
    expect(address.parse(input)).toBe(expected);
  });

  it("refuses an optional field over its length", () => {
    const parsed = address.safeParse("址".repeat(101));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("addressTooLong");
  });
});
