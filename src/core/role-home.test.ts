import { describe, expect, it } from "vitest";
import { workPathOf } from "./role-home.ts";

describe("where each role's work is", () => {
  it.each([
    ["manager", "/manage"],
    ["town", "/bureau"],
    ["county", "/bureau"],
    ["admin", "/bureau"],
    ["seeker", "/account/applications"],
  ] as const)("%s → %s", (role, path) => {
    expect(workPathOf(role)).toBe(path);
  });
});
