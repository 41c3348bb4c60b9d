import { describe, expect, it } from "vitest";
import { COMMON_MISSPELLINGS, engineSynonyms, EVERYDAY_WORDS, groupHead, JOB_SYNONYM_GROUPS, JOB_WORDS, searchVocabulary, wordAlternatives } from "./job-synonyms.ts";
import { toSearchForm } from "./search-text.ts";

describe("the reviewed list of synonyms", () => {
  const words = JOB_SYNONYM_GROUPS.flat();

  it("has every word in the search form, so it meets normalised text", () => {
    for (const word of [...words, ...Object.keys(COMMON_MISSPELLINGS), ...searchVocabulary()]) {
      expect(toSearchForm(word), word).toBe(word);
    }
  });

  it("puts each word in one group only", () => {
    expect(new Set(words).size).toBe(words.length);
  });

  it("keeps everyday words out of the groups, pointing only at other words", () => {
    for (const [everyday, targets] of Object.entries(EVERYDAY_WORDS)) {
      expect(words, everyday).not.toContain(everyday);
      expect(targets, everyday).not.toContain(everyday);
      expect(targets.length, everyday).toBeGreaterThan(0);
    }
  });

  it("lists each job word once, apart from the groups", () => {
    expect(new Set(JOB_WORDS).size).toBe(JOB_WORDS.length);
  });

  it("maps each misspelling to a word that is not itself a misspelling", () => {
    for (const [wrong, right] of Object.entries(COMMON_MISSPELLINGS)) {
      expect(wrong).not.toBe(right);
      expect(COMMON_MISSPELLINGS[right]).toBeUndefined();
    }
  });

  it.each([
    ["扶贫车间", "帮扶车间"],
    ["帮扶车间", "就业帮扶车间"],
    ["公益岗", "公益性岗位"],
    ["保洁", "清洁"],
    ["清洁", "环卫"],
    ["环卫", "保洁"],
  ])("says %s means %s, both ways", (a, b) => {
    const synonyms = engineSynonyms();
    expect(synonyms[a]).toContain(b);
    expect(synonyms[b]).toContain(a);
  });

  it("sends a misspelling to its right word and that word's group, one way", () => {
    const synonyms = engineSynonyms();
    expect(synonyms["逢纫"]).toEqual(["缝纫", "车缝", "平车", "车衣"]);
    expect(synonyms["缝纫"]).not.toContain("逢纫");
  });

  it.each([
    ["针线活", "缝纫"],
    ["农活", "采摘"],
    ["农活", "种植"],
    ["做饭", "帮厨"],
  ])("sends the everyday word %s to %s, one way", (everyday, word) => {
    const synonyms = engineSynonyms();
    expect(synonyms[everyday]).toContain(word);
    expect(synonyms[word] ?? []).not.toContain(everyday);
  });

  it.each([
    ["看孩子", "育婴"],
    ["扫地", "保洁"],
    ["看大门", "保安"],
    ["照顾老人", "护工"],
    ["育婴", "育婴"],
    ["叉车", "叉车"],
  ])("asks the engine for %s as %s, its group's first word", (word, head) => {
    expect(groupHead(word)).toBe(head);
  });
});

describe("wordAlternatives", () => {
  it("gives the word, the right word of a slip, and their group", () => {
    expect(wordAlternatives("清洁")).toEqual(["清洁", "保洁", "环卫", "打扫卫生", "扫地", "搞卫生", "做卫生", "扫马路"]);
    expect(wordAlternatives("保结")).toEqual(["保结", "保洁", "清洁", "环卫", "打扫卫生", "扫地", "搞卫生", "做卫生", "扫马路"]);
    expect(wordAlternatives("叉车")).toEqual(["叉车"]);
  });

  it("gives an everyday word the words it points to", () => {
    expect(wordAlternatives("针线活")).toEqual(["针线活", "缝纫", "缝制", "缝盘"]);
  });
});
