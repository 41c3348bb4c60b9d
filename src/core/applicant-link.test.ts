import { describe, expect, it } from "vitest";
import { comparableName, linkedWorkerId } from "./applicant-link.ts";

describe("linking an applicant to a registry worker", () => {
  const huang = { id: 7, name: "黄秀梅" };
  const wang = { id: 8, name: "王桂英" };
  it.each([
    ["another person with the worker's phone (王桂英 with 黄秀梅's phone)", "王桂英", [huang], null],
    ["the worker with her own phone", "黄秀梅", [huang], 7],
    ["the worker typed with spaces", " 黄 秀梅 ", [huang], 7],
    ["one of two members sharing a phone, by name", "王桂英", [huang, wang], 8],
    ["two workers with the same name and phone", "黄秀梅", [huang, { id: 9, name: "黄秀梅" }], null],
    ["nobody with that phone", "黄秀梅", [], null],
    ["an empty name", " ", [huang], null],
  ] as const)("%s", (_n, name, candidates, expected) => {
    expect(linkedWorkerId(name, candidates)).toBe(expected);
  });

  it("compares names without spaces, dots or full-width forms", () => {
    expect(comparableName("阿依古丽·买买提")).toBe(comparableName("阿依古丽买买提"));
    expect(comparableName("ＡＢ 李")).toBe("AB李");
  });
});
