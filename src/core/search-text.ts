/**
 * Text normalisation for search: what a person types and what the index holds go through the
 * same function, so traditional and simplified characters, full-width letters and digits, and
 * stray spaces all meet in one form. Pure; the converter tables come with opencc-js.
 */
import * as OpenCC from "opencc-js/t2cn";
import { TEXT_FIELDS } from "./text-fields.ts";

// Hong Kong and Taiwan variants first, then the common traditional forms: 幫扶 → 帮扶, 裡 → 里, 著 → 着.
// Converting simplified text again is a no-op, so every string can go through without a test.
const fromHongKong = OpenCC.Converter({ from: "hk", to: "cn" });
const fromTaiwan = OpenCC.Converter({ from: "tw", to: "cn" });

/**
 * Characters written two ways in the county's notices, folded to one form on both sides of the
 * search (the index's copies and the typed query), so either spelling finds the other. Informal
 * and variant forms (异体字, 二简字) that opencc leaves alone, and the place-name characters the
 * 赣南 villages write both ways. Reviewed by hand; a character here must not be the usual form of
 * another word a seeker would search for.
 */
export const VARIANT_CHARACTERS: Readonly<Record<string, string>> = {
  桔: "橘", // 柑桔 / 柑橘, 桔子 / 橘子
  菓: "果",
  蕃: "番", // 蕃茄 / 番茄
  歺: "餐", // 二简字 on handwritten signs: 快歺
  亍: "街",
  垄: "垅", // 马垄 / 马垅: village names keep both
  壠: "垅",
  凹: "坳", // 罗凹 / 罗坳: hollow in place names
  冈: "岗", // 罗冈 / 罗岗
  墟: "圩", // 墟镇 / 圩镇: market town
  帐: "账", // 帐号 / 账号
};

const VARIANT_PATTERN = new RegExp(`[${Object.keys(VARIANT_CHARACTERS).join("")}]`, "gu");

/** Emoji, pictographs and the joiners and selectors that build them: noise around words. */
const PICTOGRAPHS = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}\u{E0020}-\u{E007F}]+/gu;

/** Longest query we look at; beyond it people paste, not type. */
export const MAX_QUERY_LENGTH = TEXT_FIELDS.searchQuery.max;

/**
 * Simplified-Chinese form of a text, with full-width letters and digits made half-width (NFKC),
 * emoji read as spaces, variant characters folded (VARIANT_CHARACTERS) and runs of white space
 * collapsed.
 * @example toSearchForm("幫扶車間　ＡＢ１") // "帮扶车间 AB1"
 * @example toSearchForm("👗缝纫 柑桔") // "缝纫 柑橘"
 */
export function toSearchForm(text: string): string {
  const halfWidth = text.normalize("NFKC").replace(PICTOGRAPHS, " ").replace(/\s+/g, " ").trim();
  return fromTaiwan(fromHongKong(halfWidth)).replace(VARIANT_PATTERN, (c) => VARIANT_CHARACTERS[c]!);
}

/**
 * toSearchForm with the answers kept for texts seen before, for a run over many postings: an
 * employer's name, a place, a platform type, a benefit or a common title comes back for every
 * posting that has it, and OpenCC is most of a search document's cost (issue 11). Holds at most
 * `limit` texts, then starts again empty, so memory stays bounded on texts that never repeat.
 * @example const searchForm = memoisedSearchForm(); searchForm("幫扶車間") // "帮扶车间", converted once
 */
export function memoisedSearchForm(limit = 20_000): (text: string) => string {
  const held = new Map<string, string>();
  return (text) => {
    let form = held.get(text);
    if (form === undefined) {
      if (held.size >= limit) held.clear();
      held.set(text, (form = toSearchForm(text)));
    }
    return form;
  };
}

/**
 * The form a typed query is searched in: the search form, cut to a sane length, with the
 * punctuation people type between words (、，,;；) read as spaces.
 * @example normaliseQuery("縫紉、保潔 ") // "缝纫 保洁"
 */
export function normaliseQuery(query: string): string {
  return toSearchForm(query.slice(0, MAX_QUERY_LENGTH).replace(/[、，,;；。.!！?？"“”'‘’]+/g, " "));
}

/** The words of a normalised query (for the plain database search). */
export function queryWords(normalisedQuery: string): string[] {
  return normalisedQuery.split(" ").filter(Boolean);
}
