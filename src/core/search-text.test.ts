import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoisedSearchForm, normaliseQuery, queryWords, toSearchForm, VARIANT_CHARACTERS } from "./search-text.ts";

describe("toSearchForm", () => {
  it.each([
    ["幫扶車間", "帮扶车间"],
    ["縫紉", "缝纫"],
    ["扶貧車間", "扶贫车间"],
    ["保潔員", "保洁员"],
    ["公益性崗位", "公益性岗位"],
    ["裡面", "里面"],
    ["於都", "于都"],
  ])("turns traditional %s into simplified %s", (traditional, simplified) => {
    expect(toSearchForm(traditional)).toBe(simplified);
  });

  it.each(["帮扶车间", "缝纫工", "箱包质检包装", "岭背镇上坪村", "乾坤", "著名"])("leaves simplified %s as it is", (text) => {
    expect(toSearchForm(text)).toBe(text);
  });

  it("makes full-width letters and digits half-width and collapses spaces", () => {
    expect(toSearchForm("　Ｃ１驾照　 ３０００元 ")).toBe("C1驾照 3000元");
  });
});

describe("toSearchForm, emoji and variant characters", () => {
  it.each([
    ["👗缝纫", "缝纫"],
    ["缝纫👍🏽", "缝纫"],
    ["🧹保洁 🍊脐橙", "保洁 脐橙"],
    ["👨‍👩‍👧家政", "家政"],
    ["1️⃣号车间", "1 号车间"],
  ])("reads the emoji of %s as a space", (typed, form) => {
    expect(toSearchForm(typed)).toBe(form);
  });

  it.each([
    ["柑桔", "柑橘"],
    ["桔子", "橘子"],
    ["蕃茄", "番茄"],
    ["快歺", "快餐"],
    ["马垄村", "马垅村"],
    ["罗凹", "罗坳"],
    ["罗冈村", "罗岗村"],
    ["墟镇", "圩镇"],
  ])("folds the variant %s to %s", (written, form) => {
    expect(toSearchForm(written)).toBe(form);
  });

  it("folds each variant to a character that is not itself folded", () => {
    for (const [variant, form] of Object.entries(VARIANT_CHARACTERS)) {
      expect(variant).not.toBe(form);
      expect(VARIANT_CHARACTERS[form], variant).toBeUndefined();
      expect(toSearchForm(variant)).toBe(form);
    }
  });
});

describe("normaliseQuery", () => {
  it("reads the punctuation people type between words as spaces", () => {
    expect(normaliseQuery("縫紉、保潔，包吃")).toBe("缝纫 保洁 包吃");
    expect(queryWords(normaliseQuery(" 缝纫  保洁 "))).toEqual(["缝纫", "保洁"]);
  });

  it("keeps at most 100 characters", () => {
    expect(normaliseQuery("缝".repeat(300))).toHaveLength(100);
  });
});

describe("memoisedSearchForm", () => {
  it("answers as toSearchForm, for texts seen before and after it starts again empty", () => {
    const searchForm = memoisedSearchForm(3);
    const texts = ["幫扶車間", "縫紉工", "柑桔 👗", "幫扶車間", "ＡＢ１", "縫紉工", "帮扶车间", "幫扶車間"];
    for (const text of texts) expect(searchForm(text)).toBe(toSearchForm(text));
  });

  it("answers as toSearchForm for any text", () => {
    const searchForm = memoisedSearchForm(5);
    fc.assert(fc.property(fc.array(fc.constantFrom("幫", "扶", "車", "間", "缝", "纫", "桔", " ", "Ａ", "1", "👗")).map((c) => c.join("")), (text) => searchForm(text) === toSearchForm(text)), { numRuns: 300 });
  });
});
