import { describe, expect, it } from "vitest";
import { applicationBlock, isMobilePhone, normalisePhone } from "./application.ts";

describe("normalisePhone", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["138 0013 8000", "13800138000"],
    ["138-0013-8000", "13800138000"],
    ["１３８００１３８０００", "13800138000"],
    ["+86 138 0013 8000", "13800138000"],
    ["008613800138000", "13800138000"],
    ["8613800138000", "13800138000"],
    ["(0797) 555-1234", "07975551234"],
  ])("reads %s as %s", (typed, phone) => {
    expect(normalisePhone(typed)).toBe(phone);
  });

  it.each([
    ["13800138000", true],
    ["12800138000", false],
    ["1380013800", false],
    ["07975551234", false],
  ])("%s is a mobile number: %s", (phone, expected) => {
    expect(isMobilePhone(phone)).toBe(expected);
  });
});

describe("applicationBlock", () => {
  it.each([
    ["招聘中", null, null],
    ["招聘中", "2026-11-23", null],
    ["招聘中", "2026-11-22", "past-closing"],
    ["已招满", null, "full"],
    ["已关闭", "2027-01-01", "closed"],
  ] as const)("a %s posting closing %s: %s", (status, closingDate, expected) => {
    expect(applicationBlock({ status, closingDate }, "2026-11-23")).toBe(expected);
  });
});
