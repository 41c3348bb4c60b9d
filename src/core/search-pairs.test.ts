import { describe, expect, it } from "vitest";
import { pairMatchQuery, pairWordQuery, searchPairs, textOfPairs } from "./search-pairs.ts";

describe("searchPairs", () => {
  it.each([
    ["缝纫工", "缝纫 纫工 工"],
    ["缝纫工 包吃", "缝纫 纫工 工 包吃 吃"],
    ["保洁、包装", "保洁 洁 包装 装"],
    ["C1驾照", "C1 1驾 驾照 照"],
    ["岗", "岗"],
    ["", ""],
    ["（ ）", ""],
  ])("writes %j as %j", (text, pairs) => {
    expect(searchPairs(text)).toBe(pairs);
  });
});

describe("pairWordQuery", () => {
  it.each([
    ["缝纫", '"缝纫"'],
    ["剪线头", '"剪线 线头"'],
    ["岗", '"岗"*'],
    ["C1", '"C1"'],
    ["a-bc", '("a"* AND "bc")'],
    ["、", undefined],
  ])("finds %j with %j", (word, query) => {
    expect(pairWordQuery(word)).toBe(query);
  });
});

describe("pairMatchQuery", () => {
  it("needs every group and any word of a group", () => {
    expect(pairMatchQuery([["缝纫", "缝纫工"], ["包吃"]])).toBe('("缝纫" OR "缝纫 纫工") AND ("包吃")');
  });
  it("leaves out groups with nothing to search and gives undefined when none is left", () => {
    expect(pairMatchQuery([["、"], ["保洁"]])).toBe('("保洁")');
    expect(pairMatchQuery([["、"]])).toBeUndefined();
    expect(pairMatchQuery([])).toBeUndefined();
  });
});

describe("textOfPairs", () => {
  it.each([
    ["缝纫 纫工 工", "缝纫工"],
    ["缝纫 纫工 工 包吃 吃", "缝纫工 包吃"],
    ["C1 1驾 驾照 照", "C1驾照"],
    ["岗", "岗"],
    ["", ""],
  ])("reads %j back as %j", (pairs, text) => {
    expect(textOfPairs(pairs)).toBe(text);
  });

  it.each(["普工 用工企业 全天 包吃", "𠀀𠀁工 a𠀂", "月工资3500到4200元 C1驾照", "x"])("reads back what searchPairs wrote of %j", (text) => {
    expect(textOfPairs(searchPairs(text))).toBe(text);
  });
});
