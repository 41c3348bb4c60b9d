import { describe, expect, it } from "vitest";
import { placeVocabulary, readQuery, wordsOfPinyin } from "./query-reading.ts";
import { normaliseQuery } from "./search-text.ts";

const read = (typed: string, places?: ReturnType<typeof placeVocabulary>) => readQuery(normaliseQuery(typed), places);

describe("pinyin typed without characters", () => {
  it.each([
    ["fengren", "缝纫"],
    ["feng ren", "缝纫"],
    ["FengRen", "缝纫"],
    ["baojie", "保洁"],
    ["baojieyuan", "保洁员"],
    ["dianhan", "电焊"],
    ["xianggu", "香菇"],
    ["gongyigang", "公益性岗位"],
    ["lv hua", "绿化"],
  ])("reads %s as %s", (typed, searched) => {
    expect(read(typed).text).toBe(searched);
  });

  it("says what it read, as typed", () => {
    expect(read("feng ren 半天").readAs).toEqual([{ typed: "feng ren", word: "缝纫" }]);
    expect(read("feng ren 半天").text).toBe("缝纫 半天");
  });

  it.each(["app", "qc", "abc", "x"])("leaves %s, which is not the pinyin of a known word, as typed", (typed) => {
    expect(read(typed)).toEqual({ text: typed, readAs: [] });
  });

  it("splits run-together pinyin into the fewest known words", () => {
    expect(wordsOfPinyin("baojieyuan")).toEqual(["保洁员"]);
    expect(wordsOfPinyin("fengrenbaojie")).toEqual(["缝纫", "保洁"]);
    expect(wordsOfPinyin("fengrenx")).toBeUndefined();
  });
});

describe("same-sound slips", () => {
  it.each([
    ["缝认", "缝纫"],
    ["保结", "保洁"],
    ["缝认 半天", "缝纫 半天"],
    ["电悍工", "电焊工"],
  ])("reads %s as %s", (typed, searched) => {
    expect(read(typed).text).toBe(searched);
  });

  it.each(["垫子", "保住", "电子", "缝纫工作", "岭背", "采茶", "看孩子 岭背"])("leaves %s alone: a real word, or nothing that sounds like a job word", (typed) => {
    expect(read(typed).readAs).toEqual([]);
  });
});

describe("synonym groups", () => {
  it("asks for a group's first word and does not call it a re-reading", () => {
    expect(read("看孩子")).toEqual({ text: "育婴", readAs: [] });
    expect(read("扶贫车间 半天")).toEqual({ text: "帮扶车间 半天", readAs: [] });
  });
});

describe("place names in pinyin", () => {
  const places = placeVocabulary(["岭背镇", "上坪村", "城关镇", "城关移民安置点", "双龙镇", "双溪村", "双溪乡"]);

  it.each([
    ["lingbei", "岭背"],
    ["lingbeizhen", "岭背镇"],
    ["shangping fengren", "上坪 缝纫"],
    ["chengguan baojie", "城关 保洁"],
  ])("reads %s as %s", (typed, searched) => {
    expect(read(typed, places).text).toBe(searched);
  });

  it("leaves a sound two places share as typed (shuangxi: 双溪村 and 双溪乡 → both 双溪, one name)", () => {
    expect(placeVocabulary(["双溪村", "双溪乡"]).byPinyin.get("shuangxi")).toBe("双溪");
    expect(placeVocabulary(["石门乡", "十门村"]).byPinyin.get("shimen")).toBeUndefined();
  });

  it("asks for the places only when some pinyin is not a job word", () => {
    let asked = 0;
    const lazy = () => {
      asked++;
      return places;
    };
    readQuery(normaliseQuery("fengren 半天"), lazy);
    expect(asked).toBe(0);
    expect(readQuery(normaliseQuery("lingbei"), lazy).text).toBe("岭背");
    expect(asked).toBe(1);
  });
});
