/** Recommendation reasons, exclusions and widening hints in words (the core gives codes). */
import type { Exclusion, Reason, Widening } from "../src/core/recommend/recommend.ts";
import { payText } from "./format.ts";
import { messages } from "./messages.ts";

const m = messages.matching;

/** @example reasonText({ code: "near", nearness: "本村", km: 0 }) // "就在本村" */
export function reasonText(r: Reason): string {
  switch (r.code) {
    case "near":
      return m.reason.near(r.nearness, r.km);
    case "timeFits":
      return m.reason.timeFits(r.time, r.available);
    case "physicalFits":
      return m.reason.physicalFits(r.demand);
    case "physicalDemanding":
      return m.reason.physicalDemanding(r.demand);
    case "ageFits":
      return m.reason.ageFits(r.age, r.min, r.max);
    case "skillsHeld":
      return m.reason.skillsHeld(r.skills);
    case "skillsToLearn":
      return m.reason.skillsToLearn(r.skills);
    case "noSkillsNeeded":
      return m.reason.noSkillsNeeded;
    case "inPreferredArea":
      return m.reason.inPreferredArea(r.area);
    case "pay":
      return m.reason.pay(payText(r.min, r.max, r.unit));
    case "payUnknown":
      return m.reason.payUnknown;
  }
}

/** @example exclusionText({ code: "ageAboveMax", age: 62, max: 55 }) // "年龄超过岗位上限（62 岁，上限 55 岁）" */
export function exclusionText(e: Exclusion): string {
  switch (e.code) {
    case "ageAboveMax":
      return m.exclusion.ageAboveMax(e.age, e.max);
    case "ageBelowMin":
      return m.exclusion.ageBelowMin(e.age, e.min);
    case "timeClash":
      return m.exclusion.timeClash(e.time, e.available);
    case "tooHeavy":
      return m.exclusion.tooHeavy(e.demand, e.ability);
    case "outsidePreferredArea":
      return m.exclusion.outsidePreferredArea(e.area, e.nearness);
    case "tooFar":
      return m.exclusion.tooFar(e.km);
    case "placeUnknown":
      return m.exclusion.placeUnknown;
    case "closed":
      return m.exclusion.closed;
  }
}

export function wideningText(w: Widening): string {
  return m.widen[w.exclusion](w.postings);
}
