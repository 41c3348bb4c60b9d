import { describe, expect, it } from "vitest";
import { COMMON_MISSPELLINGS, engineSynonyms, JOB_SYNONYM_GROUPS, wordAlternatives } from "./job-synonyms.ts";
import { toSearchForm } from "./search-text.ts";

describe("the reviewed list of synonyms", () => {
  const words = JOB_SYNONYM_GROUPS.flat();

  it("has every word in the search form, so it meets normalised text", () => {
    for (const word of [...words, ...Object.keys(COMMON_MISSPELLINGS), ...Object.values(COMMON_MISSPELLINGS)]) {
      expect(toSearchForm(word), word).toBe(word);
    }
  });

  it("puts each word in one group only", () => {
    expect(new Set(words).size).toBe(words.length);
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
    expect(synonyms["逢纫"]).toEqual(["缝纫", "车缝", "平车"]);
    expect(synonyms["缝纫"]).not.toContain("逢纫");
  });
});

describe("wordAlternatives", () => {
  it("gives the word, the right word of a slip, and their group", () => {
    expect(wordAlternatives("清洁")).toEqual(["清洁", "保洁", "环卫", "打扫卫生"]);
    expect(wordAlternatives("保结")).toEqual(["保结", "保洁", "清洁", "环卫", "打扫卫生"]);
    expect(wordAlternatives("叉车")).toEqual(["叉车"]);
  });
});
