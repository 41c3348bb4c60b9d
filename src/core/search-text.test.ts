import { describe, expect, it } from "vitest";
import { normaliseQuery, queryWords, toSearchForm } from "./search-text.ts";

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

describe("normaliseQuery", () => {
  it("reads the punctuation people type between words as spaces", () => {
    expect(normaliseQuery("縫紉、保潔，包吃")).toBe("缝纫 保洁 包吃");
    expect(queryWords(normaliseQuery(" 缝纫  保洁 "))).toEqual(["缝纫", "保洁"]);
  });

  it("keeps at most 100 characters", () => {
    expect(normaliseQuery("缝".repeat(300))).toHaveLength(100);
  });
});
