import { describe, expect, it } from "vitest";
import { applicationBlock } from "./application.ts";

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
