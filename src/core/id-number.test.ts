import { describe, expect, it } from "vitest";
import { checkIdNumber, idCheckCharacter, makeIdNumber, maskIdNumber, maskPhone } from "./id-number.ts";

describe("checkIdNumber", () => {
  it.each([
    ["11010519491231002X", { ok: true, birthDate: "1949-12-31", sex: "女" }],
    ["11010519491231002x", { ok: true, birthDate: "1949-12-31", sex: "女" }],
    [" 110105194912310021 ", { ok: false, problem: "checkDigit" }],
    ["1101051949123100", { ok: false, problem: "length" }],
    ["11010519491231002Y", { ok: false, problem: "characters" }],
    ["110105194902300021", { ok: false, problem: "birthDate" }],
  ])("%s gives %o", (input, expected) => {
    expect(checkIdNumber(input)).toMatchObject(expected);
  });

  it("reads sex from the 17th digit: odd is male", () => {
    const id = makeIdNumber("360732", "1968-03-05", 17);
    expect(checkIdNumber(id)).toMatchObject({ ok: true, sex: "男", birthDate: "1968-03-05" });
  });

  it("computes the ISO 7064 MOD 11-2 check character", () => {
    expect(idCheckCharacter("11010519491231002")).toBe("X");
  });
});

describe("the birth date inside an ID number, at today", () => {
  const TODAY = "2026-11-23";
  it.each([
    ["1968-03-05", true],
    ["2026-11-23", true],
    ["1906-11-23", true],
    ["2026-11-24", false],
    ["2100-01-01", false],
    ["1906-11-22", false],
    ["1900-01-01", false],
  ])("born %s: plausible %s", (birth, ok) => {
    const checked = checkIdNumber(makeIdNumber("360731", birth, 17), TODAY);
    expect(checked.ok ? "ok" : checked.problem).toBe(ok ? "ok" : "birthRange");
  });

  it("without today any real day from 1900 is read (finding a record by its number)", () => {
    expect(checkIdNumber(makeIdNumber("360731", "2100-01-01", 17)).ok).toBe(true);
  });

  it.each(["20260231", "20261301", "20250229", "18991231"])("a birth date %s that is no real day (or before 1900) is refused", (digits) => {
    const first17 = `360731${digits}017`;
    expect(checkIdNumber(first17 + idCheckCharacter(first17), TODAY)).toEqual({ ok: false, problem: "birthDate" });
  });
});

describe("masking", () => {
  it("keeps the first and last four characters of an ID number", () => {
    expect(maskIdNumber("362401199001011234")).toBe("3624**********1234");
  });
  it("keeps the first three and last four digits of a phone", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });
});
