import { describe, expect, it } from "vitest";
import { queryInput } from "./query-input.ts";

describe("queryInput", () => {
  const jobs = queryInput({ lists: ["benefit"], emptyIsMissing: true });
  const stats = queryInput();
  it.each([
    ["the first value of a repeated name", jobs, { limit: ["5", "6"] }, { limit: "5" }],
    ["an empty value as not given, when asked", jobs, { q: "", type: "帮扶车间" }, { type: "帮扶车间" }],
    ["an empty value kept, to be checked", stats, { date: "" }, { date: "" }],
    ["a list from repeats and commas, empties dropped", jobs, { benefit: ["包吃,", ",接送", ""] }, { benefit: ["包吃", "接送"] }],
    ["a list of one value as a list", jobs, { benefit: "包住" }, { benefit: ["包住"] }],
    ["an empty list as not given", jobs, { benefit: "," }, {}],
    ["a list name as an ordinary name where it is not a list", stats, { benefit: ["a", "b"] }, { benefit: "a" }],
  ] as const)("reads %s", (_, read, raw, expected) => {
    expect(read(raw)).toEqual(expected);
  });
});
