import { describe, expect, it } from "vitest";
import { legacyAuditReason } from "./audit-reasons.ts";

describe("English audit reasons of earlier versions", () => {
  it.each([
    ["closing date 2026-11-01 passed", { code: "closingDatePassed", date: "2026-11-01" }],
    ["posting full", { code: "postingFull" }],
    ["hires reached headcount", { code: "headcountReached" }],
    ["signed in with the application's phone", { code: "signedInWithPhone" }],
    [" posting full ", { code: "postingFull" }],
    ["截止日期 2026-11-01 已过", undefined],
    ["家庭原因", undefined],
    ["closing date soon passed", undefined],
    ["posting full!", undefined],
  ] as const)("%j", (text, expected) => {
    expect(legacyAuditReason(text)).toEqual(expected);
  });
});
