/**
 * Reads a typed query the way a person meant it, before it is searched: pinyin typed without the
 * Chinese characters (`fengren`, `bao jie` → 缝纫, 保洁), and same-sound slips of a pinyin keyboard
 * (`缝认` → 缝纫) — both against the search vocabulary (job-synonyms.ts), never against free text,
 * so a word the vocabulary does not know is searched as typed. The county's place names can be
 * added (placeVocabulary): `lingbei` → 岭背. Pure; pinyin from pinyin-pro.
 *
 * The rules, each kept narrow so a real word is not rewritten:
 * - a run of Latin words is pinyin when it splits wholly into the sounds of vocabulary words;
 * - a Chinese stretch that is not itself a vocabulary word is a slip of the vocabulary word that
 *   sounds the same (tones aside), starts with the same character, and differs in at most half of
 *   its characters. The first character must match because the common real words that sound like
 *   a job word share its ending, not its start (垫子 / 电子, 保住 / 包住).
 */
import { pinyin } from "pinyin-pro";
import { groupHead, searchVocabulary } from "./job-synonyms.ts";

export interface QueryReading {
  /**
   * The query to search: the normalised query with its pinyin and slips replaced, and each word
   * of a synonym group as its group's first word (job-synonyms.ts groupHead).
   */
  text: string;
  /** What was read differently, for the page to say so (`fengren` → 缝纫). */
  readAs: { typed: string; word: string }[];
}

/** Syllables of a text, one per character, without tones (ü as v). */
function syllables(text: string): string[] {
  return pinyin(text, { toneType: "none", type: "array", v: true });
}

const VOCABULARY = searchVocabulary();
const KNOWN = new Set(VOCABULARY);
/** Sound of a word (its syllables run together) → the word; the first word of a sound wins. */
const WORD_BY_SOUND = new Map<string, string>();
for (const word of VOCABULARY) {
  const sound = syllables(word).join("");
  if (!WORD_BY_SOUND.has(sound)) WORD_BY_SOUND.set(sound, word);
}
const LONGEST_SOUND = 40;
const LONGEST_WORD = 4;

const LATIN = /^[a-z]+$/;
const HAN_RUN = /\p{Script=Han}+/gu;

/** The county's place names by sound, for pinyin typed as a place (placeVocabulary). */
export interface PlaceVocabulary {
  readonly byPinyin: ReadonlyMap<string, string>;
}

const PLACE_SUFFIX = /(镇|乡|村|移民安置点|安置点|社区)$/;

/**
 * The sounds of the county's towns and villages, each under its name and its short form
 * (岭背镇: `lingbeizhen` and `lingbei` → 岭背). A sound two places share is left out: the typed
 * pinyin does not say which was meant.
 * @example placeVocabulary(["岭背镇"]).byPinyin.get("lingbei") // "岭背"
 */
export function placeVocabulary(names: readonly string[]): PlaceVocabulary {
  const byPinyin = new Map<string, string>();
  const shared = new Set<string>();
  const add = (sound: string, name: string) => {
    if (sound.length < 4 || WORD_BY_SOUND.has(sound) || shared.has(sound)) return;
    const before = byPinyin.get(sound);
    if (before === undefined) byPinyin.set(sound, name);
    else if (before !== name) {
      byPinyin.delete(sound);
      shared.add(sound);
    }
  };
  for (const name of names) {
    if (!/^\p{Script=Han}+$/u.test(name)) continue;
    const short = name.replace(PLACE_SUFFIX, "");
    add(syllables(name).join(""), name);
    if (short.length >= 2 && short !== name) add(syllables(short).join(""), short);
  }
  return { byPinyin };
}

const NO_PLACES: PlaceVocabulary = { byPinyin: new Map() };

/**
 * The vocabulary words (and places) whose sounds make up `letters` exactly (fewest words), or
 * undefined.
 * @example wordsOfPinyin("baojieyuan") // ["保洁员"]
 */
export function wordsOfPinyin(letters: string, places: PlaceVocabulary = NO_PLACES): string[] | undefined {
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= letters.length; end++) {
    for (let start = Math.max(0, end - LONGEST_SOUND); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const sound = letters.slice(start, end);
      const word = WORD_BY_SOUND.get(sound) ?? places.byPinyin.get(sound);
      if (before && word && (!best[end] || best[end]!.length > before.length + 1)) best[end] = [...before, word];
    }
  }
  const words = best[letters.length];
  return words && words.length > 0 ? words : undefined;
}

/** The vocabulary word `stretch` is a same-sound slip of, or undefined. */
function slipOf(stretch: string[], sounds: string[]): string | undefined {
  const text = stretch.join("");
  if (KNOWN.has(text)) return undefined;
  const word = WORD_BY_SOUND.get(sounds.join(""));
  if (!word) return undefined;
  const chars = Array.from(word);
  if (chars.length !== stretch.length) return undefined;
  const same = chars.filter((c, i) => c === stretch[i]).length;
  return chars[0] === stretch[0] && chars.length - same <= chars.length / 2 ? word : undefined;
}

/** A Chinese run with its slips replaced, longest stretches first, left to right. */
function correctSlips(run: string, readAs: QueryReading["readAs"]): string {
  const chars = Array.from(run);
  const sounds = syllables(run);
  if (sounds.length !== chars.length) return run;
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let replaced = false;
    for (let size = Math.min(LONGEST_WORD, chars.length - i); size >= 2 && !replaced; size--) {
      const stretch = chars.slice(i, i + size);
      if (KNOWN.has(stretch.join(""))) {
        out.push(...stretch);
        i += size;
        replaced = true;
        break;
      }
      const word = slipOf(stretch, sounds.slice(i, i + size));
      if (word) {
        readAs.push({ typed: stretch.join(""), word });
        out.push(word);
        i += size;
        replaced = true;
      }
    }
    if (!replaced) out.push(chars[i++]!);
  }
  return out.join("");
}

/**
 * How a normalised query (search-text.ts normaliseQuery) is searched.
 * @example readQuery("fengren").text // "缝纫"
 * @example readQuery("缝认 半天").text // "缝纫 半天"
 */
export function readQuery(normalised: string, places: PlaceVocabulary | (() => PlaceVocabulary) = NO_PLACES): QueryReading {
  // The places are asked for only when some pinyin is not a job word (they may cost a lookup).
  let known: PlaceVocabulary | undefined = typeof places === "function" ? undefined : places;
  const placesNow = () => (known ??= (places as () => PlaceVocabulary)());
  const readAs: QueryReading["readAs"] = [];
  const tokens = normalised.split(" ").filter(Boolean);
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (LATIN.test(tokens[i]!.toLowerCase())) {
      // The longest run of Latin words from here that reads wholly as pinyin.
      let end = i;
      while (end < tokens.length && LATIN.test(tokens[end]!.toLowerCase())) end++;
      let read = false;
      for (let stop = end; stop > i && !read; stop--) {
        const typed = tokens.slice(i, stop);
        const letters = typed.join("").toLowerCase();
        const words = wordsOfPinyin(letters) ?? wordsOfPinyin(letters, placesNow());
        if (words) {
          readAs.push({ typed: typed.join(" "), word: words.join(" ") });
          out.push(...words);
          i = stop;
          read = true;
        }
      }
      if (!read) out.push(tokens[i++]!);
      continue;
    }
    out.push(tokens[i]!.replace(HAN_RUN, (run) => correctSlips(run, readAs)));
    i++;
  }
  return { text: out.map(groupHead).join(" "), readAs };
}
