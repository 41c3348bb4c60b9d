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
  ["零工", "临时工", "短工", "季节工", "散工", "打零工"],
  // Sewing and garments.
  ["缝纫", "车缝", "平车", "车衣"],
  ["缝纫工", "车工", "车位工", "衣车工"],
  ["剪线头", "剪线", "修线头"],
  ["质检", "品检", "检验", "验货"],
  ["包装", "打包", "装箱"],
  // Cleaning.
  ["保洁", "清洁", "环卫", "打扫卫生", "扫地", "搞卫生", "做卫生", "扫马路"],
  ["保洁员", "清洁工", "环卫工", "扫地工"],
  // Care of the old and of children.
  ["护工", "护理员", "陪护", "看护", "照顾老人", "伺候老人", "养老护理"],
  ["育婴", "带小孩", "育儿", "看孩子", "带孩子", "看小孩", "带娃"],
  ["家政", "保姆", "家政服务"],
  // Kitchens.
  ["厨师", "厨工", "炊事员"],
  ["帮厨", "厨房帮工", "打荷"],
  // Guarding, driving, carrying.
  ["保安", "门卫", "安保", "看门", "看大门"],
  ["司机", "驾驶员", "开车"],
  ["搬运", "装卸", "搬货", "扛货", "卸货"],
  ["搬运工", "装卸工"],
  ["快递员", "派送员", "快递派送员", "送快递"],
  // Forests, rivers and water.
  ["护林员", "生态护林员", "巡山员"],
  ["护林", "巡山", "看山"],
  ["河道巡查", "巡河"],
  // Trades.
  ["普工", "操作工", "流水线工人"],
  ["电焊", "焊工", "焊接"],
  ["泥瓦工", "泥水匠", "瓦工", "泥工"],
  ["水电安装", "水电工", "水电维修"],
  ["木工", "木匠"],
  // Farm produce and crops.
  ["采摘", "摘果", "摘果子", "摘水果"],
  ["脐橙", "橙子"],
  ["柑橘", "橘子", "蜜橘"],
  ["采茶", "摘茶叶", "采茶叶"],
  ["中药材", "药材", "草药"],
  ["菌菇", "蘑菇", "食用菌"],
  // Benefits, as people ask for them.
  ["包吃", "管饭", "包伙食"],
  ["包住", "管住", "提供住宿"],
  ["接送", "班车", "车接车送"],
];

/**
 * Everyday words (口语) for a kind of work that postings do not use, each pointing one way to the
 * words postings do use: "农活" finds 采摘 and 种植 postings, but "种植" does not bring back every
 * kind of farm work. A word here is in no synonym group.
 */
export const EVERYDAY_WORDS: Readonly<Record<string, readonly string[]>> = {
  来料加工: ["外发加工", "手工", "钩编", "编织", "串珠"],
  外发加工: ["来料加工", "手工"],
  针线活: ["缝纫", "缝制", "缝盘"],
  做衣服: ["缝纫", "服装", "车工"],
  农活: ["种植", "采摘", "果园", "茶园", "蔬菜", "施肥", "除草", "育秧", "修枝"],
  干农活: ["种植", "采摘", "果园", "茶园", "蔬菜", "施肥", "除草", "育秧", "修枝"],
  种地: ["种植", "蔬菜", "育秧", "插秧", "施肥"],
  种田: ["种植", "育秧", "插秧", "施肥"],
  务农: ["种植", "采摘", "果园", "茶园", "蔬菜"],
  种菜: ["蔬菜"],
  摘橙子: ["脐橙", "柑橘"],
  手工活: ["来料加工", "手工", "钩编", "编织", "刺绣", "串珠"],
  居家手工: ["来料加工", "手工", "钩编", "编织", "刺绣", "串珠"],
  在家做手工: ["来料加工", "手工", "钩编", "编织", "刺绣", "串珠"],
  拿回家做: ["来料加工", "手工", "钩编", "编织"],
  下苦力: ["搬运", "装卸"],
  做饭: ["厨师", "帮厨", "食堂"],
  烧饭: ["厨师", "帮厨", "食堂"],
  煮饭: ["厨师", "帮厨", "食堂"],
  洗碗: ["洗碗工"],
  放牛: ["养殖", "饲养", "牛场"],
  喂牛: ["养殖", "饲养", "牛场"],
  养牛: ["养殖", "肉牛", "牛场"],
  喂猪: ["养殖", "饲养", "生猪"],
  养猪: ["养殖", "生猪"],
  头发加工: ["假发", "发帘"],
  篾匠: ["竹编", "破篾"],
  竹子: ["竹编", "破篾", "竹制品"],
  剥茶籽: ["油茶籽", "剥壳"],
  茶油: ["油茶", "榨油"],
  做鞋: ["鞋面", "鞋子", "鞋帮"],
  鞋厂: ["鞋面", "鞋子", "鞋帮"],
  管水: ["水管员"],
  修水电: ["水电安装", "水电维修"],
  电子厂: ["电子", "数据线", "插件", "线圈"],
  物流: ["快递", "仓库", "搬运", "分拣"],
};

/**
 * Words of the field that seekers type in pinyin or mistype by sound, besides those above: the
 * skills and the title words of the county's postings. With the lists above they make the
 * vocabulary that query-reading.ts reads pinyin and same-sound slips against.
 */
export const JOB_WORDS: readonly string[] = [
  "种植", "养殖", "饲养", "驾驶", "电工", "叉车", "电商", "厨艺", "护理", "竹编", "破篾", "竹制品", "打磨",
  "假发", "发帘", "手套", "玩具", "鞋面", "缝盘", "锁边", "钉扣", "毛衫", "钩编", "编织", "刺绣", "串珠",
  "油茶", "榨油", "香菇", "菌棒", "烘干", "野生菌", "水泥", "装载机", "水管员", "绿化", "除草", "施肥", "修枝",
  "果园", "茶园", "茶叶", "蔬菜", "分拣", "仓库", "洗碗工", "送餐员", "服装", "箱包", "拉链", "整烫", "裁床",
  "机修", "质检员", "护林员", "育婴员", "护理员", "厨师", "快递",
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
  for (const [everyday, words] of Object.entries(EVERYDAY_WORDS)) synonyms[everyday] = [...words];
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
  const group = alternativesByWord.get(right ?? word) ?? EVERYDAY_WORDS[right ?? word] ?? [];
  return [...new Set([word, ...(right ? [right] : []), ...group])];
}

const headByWord = new Map<string, string>();
for (const group of JOB_SYNONYM_GROUPS) for (const word of group) headByWord.set(word, group[0]!);

/**
 * The first word of a word's synonym group (the word itself when it is in none). The engine is
 * asked for the head, and its synonyms bring back the group: a phrase such as 带孩子 is then not
 * left to the engine's word segmentation, which splits some phrases of a group and not others.
 * @example groupHead("带孩子") // "育婴"
 */
export function groupHead(word: string): string {
  return headByWord.get(word) ?? word;
}

/**
 * Every word the search knows: the groups, the everyday words and what they point to, the right
 * words of the slips, and the job words — in that order, each once.
 */
export function searchVocabulary(): string[] {
  return [
    ...new Set([
      ...JOB_SYNONYM_GROUPS.flat(),
      ...Object.keys(EVERYDAY_WORDS),
      ...Object.values(EVERYDAY_WORDS).flat(),
      ...Object.values(COMMON_MISSPELLINGS),
      ...JOB_WORDS,
    ]),
  ];
}
