import { describe, expect, it } from "vitest";
import { parseLandline, parseMobile, parsePhone, readablePhone, telHref } from "./phone.ts";

describe("parseMobile", () => {
  it.each([
    ["13800138000", "13800138000"],
    [" 138 0013 8000 ", "13800138000"],
    ["138-0013-8000", "13800138000"],
    ["＋86 138-0013-8000", "13800138000"],
    ["+8613800138000", "13800138000"],
    ["008613800138000", "13800138000"],
    ["8613800138000", "13800138000"],
    ["(138) 0013.8000", "13800138000"],
    ["１３８００１３８０００", "13800138000"],
    [13800138000, "13800138000"],
  ])("reads %j as %s", (input, expected) => expect(parseMobile(input)).toBe(expected));

  it.each(["", "12345", "1380013800", "138001380001", "12800138000", "0797-8812345", "4001234567", "1380013800a", null, undefined])("refuses %j", (input) => {
    expect(parseMobile(input)).toBeUndefined();
  });
});

describe("parseLandline", () => {
  it.each([
    ["0797-8812345", "0797-8812345"],
    ["(0797)8812345", "0797-8812345"],
    ["（０７９７）８８１２３４５", "0797-8812345"],
    ["(0797) 8812345", "0797-8812345"],
    ["0797 8812345", "0797-8812345"],
    ["07978812345", "0797-8812345"],
    ["0797－8812345", "0797-8812345"],
    ["010-62345678", "010-62345678"],
    ["01062345678", "010-62345678"],
    ["021 62345678", "021-62345678"],
    ["+86 797 8812345", "0797-8812345"],
    ["0797-8812345-123", "0797-8812345-123"],
    ["0797-8812345转123", "0797-8812345-123"],
    ["0797-8812345 转 123", "0797-8812345-123"],
    ["(0797)8812345分机8", "0797-8812345-8"],
    ["0797-8812345 ext. 45", "0797-8812345-45"],
    ["07978812345#9", "0797-8812345-9"],
    ["400-123-4567", "400-123-4567"],
    ["4001234567", "400-123-4567"],
    ["800 123 4567", "800-123-4567"],
    ["４００－１２３－４５６７", "400-123-4567"],
  ])("reads %j as %s", (input, expected) => expect(parseLandline(input)).toBe(expected));

  it.each([
    "8812345", // no area code
    "0797-881234", // local number too short
    "0797-881234567", // too long
    "0797-0812345", // a local number does not start with 0
    "079-8812345", // 079 is not an area code (four digits outside 010/02X)
    "01-12345678",
    "0797-8812345-1234567", // extension too long
    "0797-8812345-12转3",
    "400-123-456",
    "400-123-4567转1",
    "600-123-4567",
    "0797-8812345a",
    "电话0797-8812345",
    "00123456789", // 00 is the international prefix, not an area code
    "0797-8812345".padEnd(41, " "),
    "0".repeat(100_000),
    "",
  ])("refuses %j", (input) => expect(parseLandline(input)).toBeUndefined());
});

describe("parsePhone by kind", () => {
  it.each([
    ["13800138000", "mobile", "13800138000"],
    ["0797-8812345", "mobile", undefined],
    ["400-123-4567", "mobile", undefined],
    ["13800138000", "contact", "13800138000"],
    ["(0797)8812345", "contact", "0797-8812345"],
    ["4001234567", "contact", "400-123-4567"],
    ["12345", "contact", undefined],
  ] as const)("%j as %s → %j", (input, kind, expected) => expect(parsePhone(input, kind)).toBe(expected));

  it("keeps a stored form as it is (parsing is idempotent)", () => {
    for (const stored of ["13800138000", "0797-8812345", "0797-8812345-123", "010-62345678", "400-123-4567"]) {
      expect(parsePhone(stored, "contact")).toBe(stored);
    }
  });
});

describe("showing a phone", () => {
  it.each([
    ["13800138000", "13800138000", "tel:13800138000"],
    ["0797-8812345", "0797-8812345", "tel:07978812345"],
    ["0797-8812345-123", "0797-8812345 转 123", "tel:07978812345,123"],
    ["400-123-4567", "400-123-4567", "tel:4001234567"],
  ])("%s reads %j and dials %s", (stored, readable, href) => {
    expect(readablePhone(stored)).toBe(readable);
    expect(telHref(stored)).toBe(href);
  });
});
