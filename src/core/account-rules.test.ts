import { describe, expect, it } from "vitest";
import { isCommonPassword, normaliseLogin, passwordProblem, scopeProblem } from "./account-rules.ts";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

describe("passwordProblem", () => {
  it.each([
    ["a long enough password", "田间地头2026", "admin", null],
    ["seven characters", "abcdefg", "admin", "tooShort"],
    ["eight Chinese characters count as eight", "家门口的好工作啊", "admin", null],
    ["the login itself", "Zhangsan01", "zhangsan01", "sameAsLogin"],
    ["a very long one", "x".repeat(129), "admin", "tooLong"],
  ] as const)("%s", (_name, password, login, expected) => {
    expect(passwordProblem(password, login, "seeker")).toBe(expected);
  });

  it.each([
    ["11111111 for county staff", "11111111", "county", "tooShort"],
    ["12345678 for a seeker", "12345678", "seeker", "common"],
    ["11111111 for a seeker", "11111111", "seeker", "common"],
    ["88888888 for a manager", "88888888", "manager", "common"],
    ["woaini1314 for a seeker", "woaini1314", "seeker", "common"],
    ["qq123456 for a manager", "qq123456", "manager", "common"],
    ["a12345678 for a seeker", "a12345678", "seeker", "common"],
    ["5201314520 for a seeker", "5201314520", "seeker", "common"],
    ["Password123 (case does not help) for an admin", "Password123", "admin", "common"],
    ["password1! (a listed one with a character added) for a seeker", "password1!", "seeker", "common"],
    ["a birthday for a seeker", "19851012", "seeker", "common"],
    ["a run of digits down for a manager", "98765432", "manager", "common"],
    ["one letter repeated for a seeker", "zzzzzzzzz", "seeker", "common"],
    ["nine characters for county staff", "田间地头的好工作啊", "county", "tooShort"],
    ["ten digits that are no pattern for a town cadre", "3917460285", "town", "onlyDigits"],
    ["ten digits that are no pattern for a seeker", "3917460285", "seeker", null],
    ["eight digits that are no pattern for a seeker", "39174602", "seeker", null],
    ["a long phrase for county staff", "田间地头的好工作2026", "county", null],
    ["letters and digits for an admin", "Kx7mP2qLw9", "admin", null],
  ] as const)("%s", (_name, password, role, expected) => {
    expect(passwordProblem(password, "someone", role)).toBe(expected);
  });

  it("holds a few hundred real common passwords, Chinese-typical ones among them", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const p of ["123456789", "5201314a", "woaini520", "qq5201314", "a1234567", "1qaz2wsx", "password", "88888888", "zhang123456"]) expect(isCommonPassword(p)).toBe(true);
    for (const p of [...COMMON_PASSWORDS]) expect(p).toBe(p.toLowerCase());
  });
});

describe("normaliseLogin", () => {
  it.each([
    [" Admin ", "admin"],
    ["13812345678", "13812345678"],
    ["张三", "张三"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseLogin(input)).toBe(expected);
  });
});

describe("scopeProblem", () => {
  it.each([
    ["a manager with an employer", "manager", { employer: "E001" }, null],
    ["a manager without one", "manager", {}, "employerRequired"],
    ["a cadre with a town", "town", { town: "双龙镇" }, null],
    ["a cadre without one", "town", {}, "townRequired"],
    ["county staff with a town", "county", { town: "双龙镇" }, "townOnlyForTown"],
    ["a seeker with an employer", "seeker", { employer: "E001" }, "employerOnlyForManager"],
    ["a department token with nothing", "department", {}, null],
  ] as const)("%s", (_name, role, scope, expected) => {
    expect(scopeProblem(role, scope)).toBe(expected);
  });
});
