import { describe, expect, it } from "vitest";
import { canApplyOnBehalf, type Actor } from "./policy.ts";

const cases: [string, Actor, boolean][] = [
  ["a cadre of the worker's own town", { kind: "user", role: "town", userId: 3, townId: 10 }, true],
  ["a cadre of another town", { kind: "user", role: "town", userId: 3, townId: 20 }, false],
  ["a cadre without a town", { kind: "user", role: "town", userId: 3 }, false],
  ["county staff", { kind: "user", role: "county", userId: 2 }, true],
  ["an admin", { kind: "user", role: "admin", userId: 1 }, true],
  ["a manager", { kind: "user", role: "manager", userId: 4, employerId: 100 }, false],
  ["a seeker", { kind: "user", role: "seeker", userId: 5 }, false],
  ["a county token", { kind: "token", role: "county", tokenId: 1 }, false],
];

describe("canApplyOnBehalf (代办) for a worker of town 10", () => {
  it.each(cases)("%s: %s", (_, actor, allowed) => expect(canApplyOnBehalf(actor, { townId: 10 })).toBe(allowed));
});
