import { describe, expect, it } from "vitest";
import { assessPosting, monthlyPay, nearnessOf, recommend, timeFits, workerBlock, type Exclusion, type Reason, type RecommendPosting, type RecommendWorker } from "./recommend.ts";

const TODAY = "2026-11-23";
// Village 1 of town 1 at the origin; 0.1° of latitude is about 11.1 km.
const worker: RecommendWorker = {
  villageId: 1,
  townId: 1,
  lat: 26,
  lng: 115,
  birthDate: "1970-05-01", // 56 at TODAY
  labourAbility: "有劳动能力",
  willingToWork: true,
  skills: ["缝纫"],
  preferredArea: null,
  availableTime: null,
};
const posting: RecommendPosting = {
  code: "P1",
  title: "缝纫工",
  employerName: "车间",
  townId: 1,
  villageId: 1,
  lat: 26,
  lng: 115,
  workingTime: "全天",
  ageMin: null,
  ageMax: null,
  physicalDemand: "轻",
  skills: [],
  payMin: 2000,
  payMax: 3000,
  payUnit: "月",
  closingDate: null,
};
const w = (o: Partial<RecommendWorker>) => ({ ...worker, ...o });
const p = (o: Partial<RecommendPosting>) => ({ ...posting, ...o });

describe("assessPosting: every hard exclusion, stated as such", () => {
  const cases: [string, RecommendWorker, RecommendPosting, Exclusion][] = [
    ["too old for the posting's upper age limit", worker, p({ ageMax: 55 }), { code: "ageAboveMax", age: 56, max: 55 }],
    ["too young for the lower limit", w({ birthDate: "2010-12-01" }), p({ ageMin: 18 }), { code: "ageBelowMin", age: 15, min: 18 }],
    ["a full-day job for someone free half a day", w({ availableTime: "半天" }), p({ workingTime: "全天" }), { code: "timeClash", time: "全天", available: "半天" }],
    ["a full-day job for someone with flexible hours", w({ availableTime: "灵活" }), p({ workingTime: "全天" }), { code: "timeClash", time: "全天", available: "灵活" }],
    ["heavy work for a weak worker", w({ labourAbility: "弱劳动力或半劳动力" }), p({ physicalDemand: "重" }), { code: "tooHeavy", demand: "重", ability: "弱劳动力或半劳动力" }],
    ["another village for someone who wants their own only", w({ preferredArea: "本村" }), p({ villageId: 2, lat: 26.01 }), { code: "outsidePreferredArea", area: "本村", nearness: "本乡镇" }],
    ["another town for someone who wants their town only", w({ preferredArea: "本乡镇" }), p({ townId: 2, villageId: 9, lat: 26.1 }), { code: "outsidePreferredArea", area: "本乡镇", nearness: "本县" }],
    ["further than 30 km", worker, p({ townId: 2, villageId: 9, lat: 26.3 }), { code: "tooFar", km: 33.4 }],
    ["a posting without a place", worker, p({ villageId: null, lat: null, lng: null }), { code: "placeUnknown" }],
    ["past its closing date", worker, p({ closingDate: "2026-11-22" }), { code: "closed" }],
  ];
  it.each(cases)("%s", (_, who, what, expected) => {
    const a = assessPosting(who, what, TODAY);
    expect(a.suits).toBe(false);
    if (!a.suits) expect(a.exclusions).toEqual([expected]);
  });

  it("lists every exclusion that applies, not only the first", () => {
    const a = assessPosting(w({ availableTime: "半天" }), p({ ageMax: 50, workingTime: "全天" }), TODAY);
    expect(a.suits ? [] : a.exclusions.map((e) => e.code)).toEqual(["ageAboveMax", "timeClash"]);
  });

  it("takes the age limits as inclusive", () => {
    expect(assessPosting(worker, p({ ageMin: 56, ageMax: 56 }), TODAY).suits).toBe(true);
  });

  it("closes on the day after the closing date, not on it", () => {
    expect(assessPosting(worker, p({ closingDate: TODAY }), TODAY).suits).toBe(true);
  });
});

describe("assessPosting: every reason", () => {
  const reasonsOf = (who: RecommendWorker, what: RecommendPosting): Reason[] => {
    const a = assessPosting(who, what, TODAY);
    if (!a.suits) throw new Error(`excluded: ${JSON.stringify(a.exclusions)}`);
    return a.reasons;
  };
  const cases: [string, RecommendWorker, RecommendPosting, Reason][] = [
    ["in the worker's own village", worker, posting, { code: "near", nearness: "本村", km: 0 }],
    ["in the worker's town, with the distance", worker, p({ villageId: 2, lat: 26.05 }), { code: "near", nearness: "本乡镇", km: 5.6 }],
    ["elsewhere in the county, with the distance", worker, p({ townId: 2, villageId: 9, lat: 26.1 }), { code: "near", nearness: "本县", km: 11.1 }],
    ["hours that fit", w({ availableTime: "半天" }), p({ workingTime: "灵活" }), { code: "timeFits", time: "灵活", available: "半天" }],
    ["light work", worker, posting, { code: "physicalFits", demand: "轻" }],
    ["no physical demand written", worker, p({ physicalDemand: null }), { code: "physicalFits", demand: null }],
    ["medium work for a weak worker", w({ labourAbility: "弱劳动力或半劳动力" }), p({ physicalDemand: "中" }), { code: "physicalDemanding", demand: "中" }],
    ["age within the limits", worker, p({ ageMin: 18, ageMax: 60 }), { code: "ageFits", age: 56, min: 18, max: 60 }],
    ["skills held", w({ skills: ["缝纫", "电工"] }), p({ skills: ["缝纫", "熨烫"] }), { code: "skillsHeld", skills: ["缝纫"] }],
    ["skills still to learn", worker, p({ skills: ["缝纫", "熨烫"] }), { code: "skillsToLearn", skills: ["熨烫"] }],
    ["no skills needed", worker, posting, { code: "noSkillsNeeded" }],
    ["within the preferred area", w({ preferredArea: "本乡镇" }), p({ villageId: 2, lat: 26.01 }), { code: "inPreferredArea", area: "本乡镇" }],
    ["the pay", worker, posting, { code: "pay", min: 2000, max: 3000, unit: "月" }],
    ["pay not given", worker, p({ payMin: null, payMax: null }), { code: "payUnknown" }],
  ];
  it.each(cases)("%s", (_, who, what, expected) => {
    expect(reasonsOf(who, what)).toContainEqual(expected);
  });

  it("says nothing of the preferred area when it is 不限 or not recorded", () => {
    expect(reasonsOf(w({ preferredArea: "不限" }), posting).map((r) => r.code)).not.toContain("inPreferredArea");
    expect(reasonsOf(worker, posting).map((r) => r.code)).not.toContain("inPreferredArea");
  });
});

describe("the score", () => {
  const score = (who: RecommendWorker, what: RecommendPosting) => {
    const a = assessPosting(who, what, TODAY);
    return a.suits ? a.score : -1;
  };
  it.each([
    ["nearer scores higher", worker, posting, worker, p({ villageId: 2, lat: 26.05 })],
    ["in the town beats elsewhere in the county at the same distance", worker, p({ villageId: 2, lat: 26.1 }), worker, p({ townId: 2, villageId: 9, lat: 26.1 })],
    ["held skills score higher than skills to learn", w({ skills: ["缝纫"] }), p({ skills: ["缝纫"] }), w({ skills: [] }), p({ skills: ["缝纫"] })],
    ["higher pay scores higher", worker, p({ payMax: 3800 }), worker, p({ payMax: 2000 })],
    ["the worker's own hours beat fewer hours", w({ availableTime: "半天" }), p({ workingTime: "半天" }), w({ availableTime: "半天" }), p({ workingTime: "灵活" })],
    ["light work beats medium work for a weak worker", w({ labourAbility: "弱劳动力或半劳动力" }), p({ physicalDemand: "轻" }), w({ labourAbility: "弱劳动力或半劳动力" }), p({ physicalDemand: "中" })],
  ] as const)("%s", (_, w1, p1, w2, p2) => {
    expect(score(w1, p1)).toBeGreaterThan(score(w2, p2));
  });
  it("is 100 at most", () => {
    expect(score(w({ availableTime: "全天" }), p({ skills: ["缝纫"], payMax: 5000 }))).toBe(100);
  });
});

describe("recommend", () => {
  it("ranks suitable postings best first and leaves the excluded ones out", () => {
    const answer = recommend(worker, [p({ code: "FAR", villageId: 2, lat: 26.1 }), p({ code: "OLD", ageMax: 50 }), p({ code: "HERE" })], TODAY);
    expect(answer.hits.map((h) => h.posting.code)).toEqual(["HERE", "FAR"]);
    expect(answer.considered).toBe(3);
  });
  it("keeps to the limit", () => {
    const many = Array.from({ length: 15 }, (_, i) => p({ code: `P${String(i).padStart(2, "0")}` }));
    expect(recommend(worker, many, TODAY, 3).hits.map((h) => h.posting.code)).toEqual(["P00", "P01", "P02"]);
  });
  it("gives an honest empty answer with what would widen it: postings only one rule keeps out", () => {
    const half = w({ availableTime: "半天", preferredArea: "本村" });
    const answer = recommend(half, [p({ code: "A" }), p({ code: "B" }), p({ code: "C", villageId: 2, workingTime: "半天" }), p({ code: "D", villageId: 2 })], TODAY);
    expect(answer.hits).toEqual([]);
    // A and B only need a full day; C only another village; D needs both, so it widens nothing alone.
    expect(answer.widen).toEqual([
      { exclusion: "timeClash", postings: 2 },
      { exclusion: "outsidePreferredArea", postings: 1 },
    ]);
  });
  it("does not offer to widen by what the worker cannot change", () => {
    expect(recommend(worker, [p({ closingDate: "2026-01-01" }), p({ lat: null, lng: null, villageId: null })], TODAY).widen).toEqual([]);
  });
  it.each([
    ["not willing to work", w({ willingToWork: false }), "notWilling"],
    ["without labour ability", w({ labourAbility: "丧失劳动能力" }), "notLabourForce"],
    ["unable to work", w({ labourAbility: "无劳动能力" }), "notLabourForce"],
  ] as const)("recommends nothing to someone %s, and says why", (_, who, block) => {
    expect(recommend(who, [posting], TODAY)).toEqual({ hits: [], blocked: block, widen: [], considered: 0 });
  });
});

describe("helpers", () => {
  it.each([
    [null, "全天", true],
    ["全天", "半天", true],
    ["半天", "全天", false],
    ["半天", "灵活", true],
    ["灵活", "半天", true],
  ] as const)("timeFits(%s, %s) is %s", (available, time, fits) => expect(timeFits(available, time)).toBe(fits));
  it.each([
    [{ villageId: 1, townId: 1 }, "本村"],
    [{ villageId: 2, townId: 1 }, "本乡镇"],
    [{ villageId: null, townId: 1 }, "本乡镇"],
    [{ villageId: 3, townId: 2 }, "本县"],
  ] as const)("nearnessOf(%j) is %s", (place, nearness) => expect(nearnessOf(worker, place)).toBe(nearness));
  it.each([
    [3000, "月", 3000],
    [100, "日", 2200],
    [15, "时", 2640],
    [null, "月", null],
  ] as const)("monthlyPay(%s, %s) is %s", (amount, unit, monthly) => expect(monthlyPay(amount, unit)).toBe(monthly));
  it("blocks nobody willing and able", () => expect(workerBlock(w({ labourAbility: "弱劳动力或半劳动力" }))).toBeNull());
});
