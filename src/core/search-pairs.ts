/**
 * The reduced mode's full-text form (migration 0010_speed, table posting_search): text in the
 * search form (search-text.ts) written as overlapping character pairs, so that SQLite FTS5 finds
 * any word of one or more characters as a substring through its index. A trigram index cannot:
 * it needs three characters, and most Chinese job words have two (缝纫, 保洁, 包装). Pure.
 *
 * "缝纫工 包吃" → "缝纫 纫工 工 包吃 吃": each run of letters and digits gives its pairs, then its
 * last character alone (so a one-character word is a prefix query that also finds a run's end).
 * A word of n ≥ 2 characters is the phrase of its n − 1 pairs, which are consecutive tokens
 * exactly where the word occurs; runs never join, so no match spans two fields or words.
 */

/** Runs of letters and digits: what FTS5's unicode61 tokenizer keeps inside a token. */
const RUN = /[\p{L}\p{N}]+/gu;

/** The pair tokens of a text already in the search form, space-separated. */
export function searchPairs(text: string): string {
  const tokens: string[] = [];
  for (const [run] of text.matchAll(RUN)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    tokens.push(chars[chars.length - 1]!);
  }
  return tokens.join(" ");
}

/** The FTS5 expression finding one word (in the search form) as a substring; undefined for a word without letters or digits. */
export function pairWordQuery(word: string): string | undefined {
  const parts: string[] = [];
  for (const [run] of word.matchAll(RUN)) {
    const chars = [...run];
    if (chars.length === 1) parts.push(`"${chars[0]}"*`);
    else parts.push(`"${chars.slice(0, -1).map((c, i) => c + chars[i + 1]!).join(" ")}"`);
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`;
}

/**
 * The FTS5 expression for groups of words: every group must match, a group when any of its
 * words does (a word and its synonyms). Undefined when no group has a searchable word.
 * @example pairMatchQuery([["缝纫", "缝纫工"], ["包吃"]]) // '("缝纫" OR "缝纫 纫工") AND ("包吃")'
 */
export function pairMatchQuery(groups: readonly (readonly string[])[]): string | undefined {
  const clauses = groups
    .map((words) => words.map(pairWordQuery).filter((q): q is string => q !== undefined))
    .filter((alternatives) => alternatives.length > 0)
    .map((alternatives) => `(${alternatives.join(" OR ")})`);
  return clauses.length === 0 ? undefined : clauses.join(" AND ");
}

/**
 * The text that searchPairs wrote, back: its runs of letters and digits, space-separated (each
 * run is its pairs' first characters and the lone last character that ends it).
 * @example textOfPairs("缝纫 纫工 工 包吃 吃") // "缝纫工 包吃"
 */
export function textOfPairs(pairs: string): string {
  let out = "";
  let start = 0;
  while (start < pairs.length) {
    let end = pairs.indexOf(" ", start);
    if (end === -1) end = pairs.length;
    if (end > start) {
      // The token's first character: one UTF-16 unit, or two for a surrogate pair.
      const first = pairs.charCodeAt(start);
      const firstLength = first >= 0xd800 && first <= 0xdbff && end - start >= 2 ? 2 : 1;
      if (end - start > firstLength) out += pairs.slice(start, start + firstLength);
      else out += pairs.slice(start, end) + " ";
    }
    start = end + 1;
  }
  return out.slice(0, -1);
}
