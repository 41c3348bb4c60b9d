/**
 * The graded query set of the job board: what seekers, cadres and managers type, the way they
 * type it (pinyin, traditional characters, emoji, everyday words, slips, places written two ways),
 * and the postings of the demo county each query must find. Read by bench/search-quality.bench.ts
 * (recall@5) and, in part, by tests/search-vocabulary.test.ts.
 *
 * A posting is relevant to a query when it belongs to the query's family: its title matches the
 * family's pattern, or its employer is of the family's type, or it is in the family's town. The
 * families are written from the demo vocabulary (src/demo/vocabulary.ts), by a person, not derived
 * from the synonym list they grade.
 */

export interface QueryFamily {
  /** What the family is, for the report. */
  name: string;
  /** Postings whose title matches are relevant. */
  title?: RegExp;
  /** Postings of employers of this type are relevant. */
  employerType?: string;
  /** Postings in this town are relevant. */
  town?: string;
  /** Postings of employers in this village are relevant. */
  village?: string;
  /** The queries people type for it. */
  queries: readonly string[];
}

export const QUERY_FAMILIES: readonly QueryFamily[] = [
  {
    name: "sewing",
    title: /缝|车工|锁边/,
    queries: ["缝纫", "縫紉", "fengren", "feng ren", "Fengren", "缝认", "逢纫", "👗缝纫", "缝纫👍", "针线活", "车衣", "缝纫工", "做衣服", "车缝", "平车"],
  },
  {
    name: "cleaning",
    title: /保洁|清洁|环卫|公厕/,
    queries: ["保洁", "baojie", "保结", "扫地", "打扫卫生", "清洁工", "搞卫生", "🧹保洁", "环卫", "扫马路"],
  },
  {
    name: "care work",
    title: /护理|护工|陪护/,
    queries: ["护工", "护理员", "照顾老人", "陪护", "hugong", "看护", "伺候老人"],
  },
  {
    name: "childcare",
    title: /育婴/,
    queries: ["看孩子", "带小孩", "育婴", "yuying", "带孩子", "看小孩"],
  },
  {
    name: "farm work",
    title: /采摘|种植|果园|茶园|蔬菜|育秧|插秧|修枝|施肥|除草|油茶林|采收|打药|治虫|烟叶|造林/,
    queries: ["农活", "干农活", "种地", "种田", "务农", "摘果子", "种菜"],
  },
  {
    name: "tea",
    title: /茶叶|茶园/,
    queries: ["采茶", "摘茶叶", "茶叶", "caicha", "茶园"],
  },
  {
    name: "navel oranges",
    title: /脐橙/,
    queries: ["脐橙", "橙子", "摘橙子", "🍊脐橙", "qicheng", "臍橙"],
  },
  {
    name: "mandarins",
    title: /柑橘/,
    queries: ["柑橘", "柑桔", "桔子", "橘子"],
  },
  {
    name: "handwork at home",
    title: /来料加工|手工|串珠|绢花|纸盒|编织|刺绣/,
    queries: ["来料加工", "手工活", "在家做手工", "居家手工", "手工", "拿回家做"],
  },
  {
    name: "carrying and loading",
    title: /搬运|装卸|仓库|装车/,
    queries: ["搬运", "装卸", "扛货", "搬货", "banyun", "下苦力", "卸货"],
  },
  {
    name: "cooking",
    title: /厨|洗碗|送餐/,
    queries: ["做饭", "厨师", "帮厨", "烧饭", "食堂", "洗碗", "chushi", "煮饭"],
  },
  {
    name: "security",
    title: /保安|门卫/,
    queries: ["保安", "看门", "门卫", "看大门", "baoan"],
  },
  {
    name: "driving",
    title: /司机|机手|装载机/,
    queries: ["司机", "开车", "驾驶员", "siji", "货车司机"],
  },
  { name: "forklifts", title: /叉车/, queries: ["叉车", "开叉车", "chache"] },
  {
    name: "forestry",
    title: /护林|巡山|绿化|植树|林下|油茶林/,
    queries: ["护林员", "巡山", "看山", "护林", "hulin"],
  },
  {
    name: "livestock",
    title: /养殖|饲养|牛场/,
    queries: ["养牛", "喂牛", "放牛", "养殖", "饲养员", "yangzhi"],
  },
  {
    name: "wigs",
    title: /假发|发帘/,
    queries: ["假发", "假法", "jiafa", "头发加工"],
  },
  {
    name: "bamboo",
    title: /竹|篾/,
    queries: ["竹编", "篾匠", "竹子", "zhubian"],
  },
  {
    name: "oil tea",
    title: /油茶|榨油/,
    queries: ["油茶", "茶油", "youcha", "剥茶籽"],
  },
  { name: "oil pressing", title: /榨油/, queries: ["榨油", "榨油工"] },
  { name: "gloves", title: /手套/, queries: ["做手套", "手套", "shoutao"] },
  { name: "toys", title: /玩具/, queries: ["玩具", "玩具厂"] },
  { name: "shoes", title: /鞋/, queries: ["做鞋", "鞋厂", "鞋子"] },
  {
    name: "water and river posts",
    title: /水管|河道/,
    queries: ["管水", "巡河", "河道", "水管员"],
  },
  {
    name: "quality checks",
    title: /质检/,
    queries: ["质检", "品检", "验货", "zhijian"],
  },
  {
    name: "welding",
    title: /电焊/,
    queries: ["电焊", "焊工", "dianhan", "电悍"],
  },
  { name: "bricklaying", title: /泥瓦/, queries: ["泥瓦工", "泥水匠", "瓦工"] },
  { name: "plumbing and wiring", title: /水电/, queries: ["水电工", "水电安装", "修水电"] },
  {
    name: "mushrooms",
    title: /菌|香菇|菇/,
    queries: ["香菇", "蘑菇", "菌菇", "xianggu"],
  },
  { name: "wild mushrooms", title: /野生菌/, queries: ["野生菌", "菌子"] },
  {
    name: "medicinal herbs",
    title: /药材/,
    queries: ["中药材", "药材", "草药"],
  },
  {
    name: "packing",
    title: /包装|打包/,
    queries: ["包装", "打包", "装箱"],
  },
  { name: "public-benefit posts", employerType: "公益性岗位", queries: ["公益岗", "公岗", "公益性岗位", "gongyigang"] },
  { name: "help-workshops", employerType: "帮扶车间", queries: ["扶贫车间", "帮扶车间", "幫扶車間"] },
  { name: "satellite factories", employerType: "卫星工厂", queries: ["卫星工厂", "卫星车间"] },
  { name: "a town", town: "岭背镇", queries: ["岭背", "嶺背", "岭背镇", "lingbei"] },
  { name: "a village written two ways (垅/垄)", village: "大垅村", queries: ["大垅", "大垄", "大垄村"] },
];

/** Every graded query with its family. */
export const GRADED_QUERIES: readonly { q: string; family: QueryFamily }[] = QUERY_FAMILIES.flatMap((family) =>
  family.queries.map((q) => ({ q, family })),
);
