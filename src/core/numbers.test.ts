import { describe, expect, it } from "vitest";
import { decimalNumber, foldDigits } from "./numbers.ts";

describe("decimalNumber", () => {
  it.each([
    ["2500", 2500],
    [" 2500 ", 2500],
    ["２５００", 2500],
    ["１２．５", 12.5],
    ["-12", -12],
    ["+3", 3],
    ["0", 0],
    [42, 42],
  ])("reads %j as %d", (input, expected) => {
    expect(decimalNumber(input)).toBe(expected);
  });

  it.each(["0x10", "0b101", "0o7", "1e3", "Infinity", "NaN", "", " ", "1,000", "12元", "1.", ".5", "--1", null, undefined, Number.POSITIVE_INFINITY])("refuses %j", (input) => {
    expect(decimalNumber(input)).toBeNaN();
  });
});

describe("foldDigits", () => {
  it("folds full-width digits and signs", () => {
    expect(foldDigits(" －１２３ ")).toBe("-123");
  });
});
