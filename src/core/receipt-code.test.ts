import { describe, expect, it } from "vitest";
import { formatReceiptCode, parseReceiptCode, receiptCodeOf } from "./receipt-code.ts";

describe("receipt codes", () => {
  it.each([
    [0, "00000000"],
    [7, "00000007"],
    [48271953, "48271953"],
    [99999999, "99999999"],
  ])("number %d gives code %s", (n, code) => {
    expect(receiptCodeOf(n)).toBe(code);
  });

  it.each([-1, 100000000, 1.5, Number.NaN])("refuses %d", (n) => {
    expect(() => receiptCodeOf(n)).toThrow(RangeError);
  });

  it("prints two groups of four", () => {
    expect(formatReceiptCode("48271953")).toBe("4827-1953");
  });

  it.each([
    ["48271953", "48271953"],
    ["4827-1953", "48271953"],
    [" 4827 1953 ", "48271953"],
    ["４８２７－１９５３", "48271953"],
    ["4827—1953", "48271953"],
    ["4827195", undefined],
    ["482719531", undefined],
    ["4827-195a", undefined],
    ["", undefined],
    [12345678, undefined],
    [undefined, undefined],
    ["1".repeat(41), undefined],
  ])("reads %j as %j", (typed, code) => {
    expect(parseReceiptCode(typed)).toBe(code);
  });
});
