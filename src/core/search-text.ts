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

/** Longest query we look at; beyond it people paste, not type. */
export const MAX_QUERY_LENGTH = TEXT_FIELDS.searchQuery.max;

/**
 * Simplified-Chinese form of a text, with full-width letters and digits made half-width (NFKC)
 * and runs of white space collapsed.
 * @example toSearchForm("幫扶車間　ＡＢ１") // "帮扶车间 AB1"
 */
export function toSearchForm(text: string): string {
  const halfWidth = text.normalize("NFKC").replace(/\s+/g, " ").trim();
  return fromTaiwan(fromHongKong(halfWidth));
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
