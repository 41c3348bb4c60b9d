import { describe, expect, it } from "vitest";
import { NUMBER_RULES, wholeNumberProblem, wholeNumberSchema, type NumberField } from "./number-fields.ts";

describe("the range of each number field", () => {
  it.each<[NumberField, number, string | undefined]>([
    ["headcount", 1, undefined],
    ["headcount", 9999, undefined],
    ["headcount", 0, "headcount"],
    ["headcount", 100000, "headcountTooBig"],
    ["headcount", 2.5, "headcount"],
    ["pay", 0, undefined],
    ["pay", 100_000, undefined],
    ["pay", -1, "pay"],
    ["pay", 99_999_999, "payTooBig"],
    ["age", 16, undefined],
    ["age", 15, "age"],
    ["age", 101, "age"],
    ["monthlyIncome", 2000, undefined],
    ["monthlyIncome", 100_001, "incomeTooBig"],
    ["monthlyIncome", -5, "income"],
    ["monthlyIncome", Number.NaN, "income"],
  ])("%s %d → %s", (field, value, problem) => expect(wholeNumberProblem(field, value)).toBe(problem));

  it("every rule's minimum is below its maximum", () => {
    for (const rule of Object.values(NUMBER_RULES)) expect(rule.min).toBeLessThan(rule.max);
  });
});

describe("wholeNumberSchema", () => {
  const headcount = wholeNumberSchema("headcount");
  const pay = wholeNumberSchema("pay", { optional: true });
  it.each([
    ["3", 3],
    ["３", 3],
    [" 12 ", 12],
  ])("reads %j as %d", (typed, value) => expect(headcount.parse(typed)).toBe(value));

  it.each([
    ["100000", "headcountTooBig"],
    ["0", "headcount"],
    ["", "headcount"],
    [undefined, "headcount"],
    ["0x10", "headcount"],
    ["1e3", "headcount"],
  ])("refuses %j with %s", (typed, code) => expect(headcount.safeParse(typed).error?.issues[0]?.message).toBe(code));

  it("an optional field left empty is null; too big says so", () => {
    expect(pay.parse("")).toBeNull();
    expect(pay.parse(undefined)).toBeNull();
    expect(pay.safeParse("99999999").error?.issues[0]?.message).toBe("payTooBig");
  });
});
