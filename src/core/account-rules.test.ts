import { describe, expect, it } from "vitest";
import { normaliseLogin, passwordProblem, scopeProblem } from "./account-rules.ts";

describe("passwordProblem", () => {
  it.each([
    ["a long enough password", "田间地头2026", "admin", null],
    ["seven characters", "abcdefg", "admin", "tooShort"],
    ["eight Chinese characters count as eight", "家门口的好工作啊", "admin", null],
    ["the login itself", "Zhangsan01", "zhangsan01", "sameAsLogin"],
    ["a very long one", "x".repeat(129), "admin", "tooLong"],
  ] as const)("%s", (_name, password, login, expected) => {
    expect(passwordProblem(password, login)).toBe(expected);
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
