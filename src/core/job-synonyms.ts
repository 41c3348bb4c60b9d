/**
 * The words of the field that mean the same thing, and the slips people make when typing them —
 * one reviewed list for the search engine's synonyms and the plain database search alike.
 * Every entry is in the search form (simplified, see search-text.ts); a test checks it.
 *
 * To add a word: put it in the group whose words a seeker would accept as the same job, or start
 * a group. A word belongs to one group only. Misspellings map one way, to the right word.
 */

/**
 * Groups of words a county's seekers and staff use for the same thing (同义词). Each word finds
 * postings that use any other word of its group.
 */
export const JOB_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Platforms (DOMAIN.md): the workshop was renamed in 2021, people still say the old name.
  ["帮扶车间", "扶贫车间", "就业帮扶车间", "家门口车间", "就业车间"],
  ["扶贫", "帮扶"],
  ["卫星工厂", "卫星车间"],
  ["公益性岗位", "公益岗", "公益岗位", "公岗"],
  ["合作社", "专业合作社"],
  ["零工", "临时工", "短工", "季节工", "散工"],
  ["来料加工", "手工活", "居家手工"],
  // Jobs.
  ["保洁", "清洁", "环卫", "打扫卫生"],
  ["保洁员", "清洁工", "环卫工"],
  ["护林员", "生态护林员", "巡山员"],
  ["保安", "门卫", "安保"],
  ["缝纫", "车缝", "平车"],
  ["缝纫工", "车工", "车位工"],
  ["普工", "操作工", "流水线工人"],
  ["搬运", "装卸"],
  ["搬运工", "装卸工"],
  ["司机", "驾驶员"],
  ["电焊", "焊工", "焊接"],
  ["厨师", "厨工", "炊事员"],
  ["帮厨", "厨房帮工", "打荷"],
  ["家政", "保姆", "家政服务"],
  ["护工", "护理员", "陪护"],
  ["育婴", "带小孩", "育儿"],
  ["质检", "品检", "检验"],
  ["包装", "打包"],
  ["剪线头", "剪线", "修线头"],
  ["采摘", "摘果"],
  ["脐橙", "橙子"],
  ["快递员", "派送员", "快递派送员"],
  // Benefits, as people ask for them.
  ["包吃", "管饭", "包伙食"],
  ["包住", "管住", "提供住宿"],
  ["接送", "班车", "车接车送"],
];

/**
 * Common slips when typing job words with a pinyin or handwriting keyboard (错别字): same sound or
 * similar shape. The search engine's typo tolerance does not help with Chinese (a two-character
 * word with one character changed is another word: 电焊 / 电子), so the slips are listed.
 */
export const COMMON_MISSPELLINGS: Readonly<Record<string, string>> = {
  逢纫: "缝纫",
  缝韧: "缝纫",
  缝刃: "缝纫",
  保结: "保洁",
  保杰: "保洁",
  清结: "清洁",
  电悍: "电焊",
  电汗: "电焊",
  扶平: "扶贫",
  帮服: "帮扶",
  叉车丝机: "叉车司机",
  司几: "司机",
  搬远: "搬运",
  采滴: "采摘",
  采摸: "采摘",
  护林圆: "护林员",
  假法: "假发",
  竹边: "竹编",
  付装: "服装",
};

/**
 * The engine's synonyms setting: every word of a group maps to the others; a misspelling maps
 * one way to its right word (and that word's group).
 * @example engineSynonyms()["扶贫车间"] // ["帮扶车间", "就业帮扶车间", "家门口车间", "就业车间"]
 */
export function engineSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of JOB_SYNONYM_GROUPS) {
    for (const word of group) synonyms[word] = group.filter((other) => other !== word);
  }
  for (const [wrong, right] of Object.entries(COMMON_MISSPELLINGS)) {
    synonyms[wrong] = [right, ...(synonyms[right] ?? [])];
  }
  return synonyms;
}

const alternativesByWord = new Map<string, readonly string[]>();
for (const group of JOB_SYNONYM_GROUPS) for (const word of group) alternativesByWord.set(word, group);

/**
 * A typed word and the words that mean the same, for the plain database search: the word itself,
 * the right word if it is a known slip, and their group.
 * @example wordAlternatives("清洁") // ["清洁", "保洁", "环卫", "打扫卫生"]
 */
export function wordAlternatives(word: string): string[] {
  const right = COMMON_MISSPELLINGS[word];
  const group = alternativesByWord.get(right ?? word) ?? [];
  return [...new Set([word, ...(right ? [right] : []), ...group])];
}
