/**
 * Word lists for the synthetic county: places, names, employer kinds with the postings they
 * typically publish, written the way rural job postings in 江西 / 云南 / 重庆 actually read.
 */
import type { EmployerType, PayUnit, PhysicalDemand, WorkingTime } from "../core/enums.ts";

// ---------------------------------------------------------------------------------------------
// Places

/** Towns (乡镇); the first is the county seat, which also hosts the industrial park. Short forms are unique. */
export const TOWN_NAMES: readonly string[] = [
  "城关镇", "岭背镇", "联合乡", "双龙镇", "银坑镇", "梓山镇", "罗坳镇", "禾丰镇", "仙下乡", "车溪乡",
  "黄麟乡", "沙心乡", "葛坳乡", "桥头乡", "段屋乡", "宽田乡", "利村乡", "小溪乡", "盘古山镇", "新陂乡",
  "靖石乡", "马安乡", "铁山垅镇", "祁禄山镇", "长岭乡", "金溪镇", "石门乡", "龙泉镇", "白鹭乡", "青塘镇",
  "安和乡", "平安乡",
];

/** Village names that are words of their own (collective-era names), used besides the composed ones. */
export const VILLAGE_WHOLE_NAMES: readonly string[] = [
  "联合", "红星", "胜利", "光明", "团结", "和平", "新华", "东风", "幸福", "富民", "金星", "星光", "民主",
  "新民", "永丰", "长征", "红旗", "前进", "建设", "丰收", "兴隆", "太平", "安乐", "同心", "合群", "增坑",
  "利民", "新联", "高丰", "三门", "五星", "七里", "九龙", "双溪", "三溪", "四联",
];

/** First characters of composed village names (上坪, 新屋, 黄坑 …). */
export const VILLAGE_PREFIXES: readonly string[] = [
  "上", "下", "新", "老", "大", "小", "高", "长", "东", "西", "南", "北", "石", "黄", "白", "龙", "马", "牛",
  "竹", "枫", "茶", "梅", "杨", "李", "陈", "刘", "罗", "谢", "曾", "中", "前", "后", "横", "塘", "桂", "莲",
  "麻", "杉", "松", "柏", "金", "银", "铜", "凤", "鹅", "樟", "桐", "禾",
];

/** Second characters of composed village names: the landform words of 赣南 place names. */
export const VILLAGE_CORES: readonly string[] = [
  "坪", "屋", "塘", "坑", "岭", "田", "坝", "桥", "溪", "湾", "山", "背", "口", "源", "垅", "排", "陂", "岗",
  "坳", "圩", "埠", "洲", "冈", "湖", "江", "门", "坊", "寨", "窝", "垄",
];

/** The resettlement site (易地搬迁安置点) of a town is named after the town. */
export const RESETTLEMENT_SUFFIX = "移民安置点";

/** Roads of the county seat and its industrial park, for addresses. */
export const PARK_ROADS: readonly string[] = [
  "富民大道", "创业路", "工业大道", "兴业路", "长征大道", "振兴路", "科技路", "园区一路", "园区二路", "纺织路",
];
export const TOWN_STREETS: readonly string[] = ["圩镇街", "新街", "老街", "建设路", "解放路", "人民路", "和平路", "滨江路"];

/** Where people from the county go to work away from home (外出务工): province and city. */
export const MIGRANT_DESTINATIONS: readonly (readonly [province: string, county: string, weight: number])[] = [
  ["广东省", "东莞市", 14], ["广东省", "深圳市宝安区", 10], ["广东省", "深圳市龙岗区", 6], ["广东省", "佛山市", 6],
  ["广东省", "广州市白云区", 5], ["广东省", "惠州市", 5], ["广东省", "中山市", 4], ["广东省", "珠海市", 2],
  ["浙江省", "义乌市", 6], ["浙江省", "宁波市", 4], ["浙江省", "温州市", 3], ["浙江省", "杭州市萧山区", 3],
  ["福建省", "晋江市", 5], ["福建省", "厦门市", 4], ["福建省", "泉州市", 3], ["福建省", "福州市", 2],
  ["上海市", "松江区", 2], ["江苏省", "苏州市", 3],
];
/** In-province destinations (省内务工). */
export const PROVINCE_DESTINATIONS: readonly (readonly [county: string, weight: number])[] = [
  ["南昌市", 5], ["赣州市章贡区", 6], ["赣州经济技术开发区", 4], ["瑞金市", 2], ["吉安市", 1],
];

// ---------------------------------------------------------------------------------------------
// People

/** Surnames with rough weights for 赣南 (刘 and 陈 and 钟 and 曾 are everywhere there). */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["刘", 14], ["陈", 12], ["李", 8], ["黄", 8], ["曾", 7], ["钟", 7], ["肖", 6], ["谢", 6], ["邱", 5], ["赖", 5],
  ["管", 3], ["张", 6], ["王", 5], ["罗", 5], ["温", 4], ["郭", 4], ["朱", 3], ["吴", 4], ["易", 2], ["丁", 2],
  ["何", 3], ["段", 2], ["宋", 2], ["彭", 3], ["杨", 4], ["胡", 3], ["林", 3], ["廖", 4], ["袁", 2], ["邹", 2],
  ["叶", 2], ["徐", 2], ["孙", 2], ["周", 3], ["蓝", 1], ["池", 1], ["魏", 1], ["兰", 1], ["宁", 1], ["丘", 1],
];

/** Given names of people born before about 1975. */
export const OLDER_MALE_GIVEN: readonly string[] = [
  "国华", "建国", "红军", "德明", "光明", "福生", "水生", "长根", "春生", "冬生", "金华", "永红", "有财", "富贵",
  "家旺", "启明", "海林", "文辉", "志强", "庆生", "运发", "桂林", "细毛", "火生", "石生", "新华", "卫东", "和平",
  "满堂", "发根", "如意", "有福", "贵生", "树林", "德才", "贤明", "兴旺", "荣华", "广生", "明亮",
];
export const OLDER_FEMALE_GIVEN: readonly string[] = [
  "秀英", "桂英", "春兰", "冬梅", "金凤", "玉兰", "桂花", "秀兰", "招娣", "细妹", "菊英", "红梅", "月娥", "玉梅",
  "凤英", "春花", "淑芬", "美华", "莲英", "满秀", "小英", "爱华", "桂香", "翠兰", "水英", "润英", "六妹", "金莲",
  "玉珍", "秋菊", "香莲", "梅英", "来娣", "银花",
];
/** Given names of people born from about 1975 on. */
export const YOUNGER_MALE_GIVEN: readonly string[] = [
  "俊杰", "浩", "磊", "伟", "鹏", "强", "涛", "建华", "志勇", "文斌", "晓东", "海涛", "宇", "子豪", "振华",
  "家豪", "明辉", "俊", "斌", "亮", "杰", "小龙", "文杰", "勇", "嘉诚", "宏伟", "正阳", "浩然", "思远", "永康",
  "晨", "凯", "泽宇", "梓轩", "鑫",
];
export const YOUNGER_FEMALE_GIVEN: readonly string[] = [
  "欣怡", "婷", "丽", "芳", "慧", "敏", "丽华", "小燕", "晓红", "美玲", "雪梅", "静", "娟", "佳怡", "梦瑶",
  "秀琴", "丽萍", "玉婷", "春燕", "海燕", "思琪", "雨欣", "小芳", "紫涵", "梓萱", "诗琪", "艳", "霞", "颖", "倩",
  "丹", "琳",
];

/** Mobile prefixes in use in China (all 11-digit numbers start 13–19). */
export const PHONE_PREFIXES: readonly string[] = [
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
  "156", "157", "158", "159", "170", "173", "176", "177", "178", "180", "181", "182", "183", "184", "185",
  "186", "187", "188", "189", "191", "198", "199",
];

// ---------------------------------------------------------------------------------------------
// Skills and benefits

/** 技能 — what a worker can do, and what postings ask for. */
export const SKILLS = [
  "缝纫", "电焊", "驾驶", "养殖", "种植", "厨艺", "电工", "泥瓦工", "木工", "家政", "育婴", "护理", "采茶",
  "果树修剪", "手工编织", "叉车", "电商", "水电安装", "农机操作", "竹编",
] as const;
export type Skill = (typeof SKILLS)[number];

/** Skills that are common among women of the villages, men, and anyone — weights for workers. */
export const WORKER_SKILL_WEIGHTS: {
  readonly female: readonly (readonly [Skill, number])[];
  readonly male: readonly (readonly [Skill, number])[];
} = {
  female: [
    ["缝纫", 10], ["种植", 8], ["厨艺", 6], ["家政", 5], ["采茶", 5], ["手工编织", 5], ["养殖", 4], ["育婴", 3],
    ["护理", 3], ["电商", 2], ["竹编", 1], ["果树修剪", 2], ["驾驶", 1],
  ],
  male: [
    ["种植", 9], ["养殖", 7], ["驾驶", 7], ["泥瓦工", 6], ["电焊", 4], ["木工", 4], ["电工", 3], ["果树修剪", 4],
    ["水电安装", 3], ["农机操作", 3], ["叉车", 2], ["竹编", 2], ["厨艺", 2], ["缝纫", 1], ["电商", 1],
  ],
};

/** 福利待遇 */
export const BENEFITS = [
  "包吃", "包住", "接送", "五险", "五险一金", "计件奖励", "节日福利", "全勤奖", "免费培训", "高温补贴",
  "意外保险", "年终奖", "交通补贴",
] as const;
export type Benefit = (typeof BENEFITS)[number];

/** Benefits each kind of employer tends to add on top of a posting's own. */
export const BENEFITS_BY_TYPE: Readonly<Record<EmployerType, readonly Benefit[]>> = {
  帮扶车间: ["计件奖励", "节日福利", "免费培训", "全勤奖", "包吃", "接送"],
  卫星工厂: ["计件奖励", "节日福利", "免费培训", "全勤奖", "五险", "包吃"],
  公益性岗位: ["意外保险", "节日福利"],
  用工企业: ["包吃", "包住", "五险", "五险一金", "全勤奖", "年终奖", "高温补贴", "节日福利", "接送", "交通补贴"],
  专业合作社: ["包吃", "接送", "节日福利", "免费培训"],
  季节性服务队: ["包吃", "接送", "意外保险"],
  非正规就业组织: ["免费培训", "意外保险", "包吃"],
};

// ---------------------------------------------------------------------------------------------
// Postings

/** Which age limits suit a job: light seated work takes older people, heavy work does not. */
export type AgeBand = "light" | "normal" | "heavy" | "skilled" | "public";

/** [ageMin, ageMax] presets per band; `null` means the posting sets no age limit. */
export const AGE_LIMITS: Readonly<Record<AgeBand, readonly (readonly [number, number] | null)[]>> = {
  light: [[18, 65], [16, 70], [18, 70], [18, 60], [16, 65], null, null],
  normal: [[18, 60], [18, 55], [16, 60], [18, 58], null],
  heavy: [[18, 50], [20, 55], [18, 55], [18, 45]],
  skilled: [[22, 50], [20, 55], [22, 55]],
  public: [[18, 65], [30, 65], [18, 60], [40, 65], null],
};

export interface PostingTemplate {
  title: string;
  /** What the work is, one sentence each; one is chosen. */
  duties: readonly string[];
  /** How it is paid; the first is the most common. */
  pay: readonly PayUnit[];
  /** Monthly (for 计件: monthly-equivalent) pay range when the employer type's default does not fit. */
  monthly?: readonly [number, number];
  physical: PhysicalDemand;
  /** Working times offered; the first is the most common. */
  times: readonly WorkingTime[];
  skills?: readonly Skill[];
  benefits?: readonly Benefit[];
  ages: AgeBand;
  /** Harvest or pruning work that only lasts a season. */
  seasonal?: boolean;
}

type TemplateOptions = Omit<PostingTemplate, "title" | "duties">;
const t = (title: string, duties: readonly string[], options: TemplateOptions): PostingTemplate => ({ title, duties, ...options });

// Options shared by many workshop jobs: seated, paid by the piece, hours to suit the family.
const SEATED: TemplateOptions = { pay: ["计件", "月"], physical: "轻", times: ["灵活", "全天", "半天"], ages: "light" };
const SEATED_SEWING: TemplateOptions = { ...SEATED, times: ["全天", "灵活"], skills: ["缝纫"], ages: "normal" };

/** Workshop products: the postings of 帮扶车间 and 卫星工厂 that make them. */
export const WORKSHOP_TEMPLATES: Readonly<Record<string, readonly PostingTemplate[]>> = {
  箱包: [
    t("箱包缝纫工", ["用平车缝合箱包的面料和内衬，按样板走线。", "缝制拉杆箱、双肩包的布面，活不重，熟手上手快。"], SEATED_SEWING),
    t("剪线头", ["把缝好的包上多余的线头剪干净，坐着就能做。", "剪线头、翻包，简单好学，眼神好就行。"], { ...SEATED, times: ["灵活", "半天"] }),
    t("拉链安装工", ["给箱包装拉链、拉头，手要稳。"], SEATED),
    t("箱包质检包装", ["检查成品有没有跳线、脏污，合格的装袋装箱。"], { ...SEATED, pay: ["月", "计件"], times: ["全天", "灵活"] }),
  ],
  服装: [
    t("服装车工", ["用平车、包缝机缝制衬衫、裤子等成衣。", "按流水线工序车缝服装，熟手优先，新手可以学。"], SEATED_SEWING),
    t("剪线头", ["修剪成衣上的线头，顺便检查有没有漏针。", "给做好的衣服剪线头、翻面，不用技术。"], { ...SEATED, times: ["灵活", "半天"] }),
    t("整烫包装工", ["用蒸汽熨斗熨平成衣，折叠、挂牌、装袋。"], { ...SEATED, times: ["全天", "灵活"] }),
    t("锁边工", ["操作锁边机给裁片锁边，机器好学。"], SEATED_SEWING),
    t("钉扣工", ["用钉扣机给衬衫钉纽扣、打扣眼。"], SEATED),
  ],
  针织: [
    t("缝盘工", ["把织好的毛衣衣片用缝盘机缝合起来。"], SEATED_SEWING),
    t("手工钩编", ["按样式手工钩织毛衣上的装饰、帽子。", "领毛线回家钩编，按件交货。"], { ...SEATED, pay: ["计件"], skills: ["手工编织"] }),
    t("毛衫挑撞", ["检查毛衫有没有漏针、破洞，用钩针修补好。"], SEATED),
  ],
  电子: [
    t("电子元件组装", ["在流水线上组装小型电子元件，坐着干，不费力气。", "按图纸把电阻、电容装到电路板上，一看就会。"], { ...SEATED, times: ["全天", "灵活"] }),
    t("数据线加工", ["剥线、焊接、套壳，加工手机数据线。"], { ...SEATED, times: ["全天", "灵活"], ages: "normal" }),
    t("线圈绕线工", ["用绕线机给变压器线圈绕线，看一遍就会。"], SEATED),
    t("插件工", ["把元器件按位置插到电路板上，眼神要好。"], { ...SEATED, pay: ["计件", "时"], ages: "normal" }),
  ],
  假发: [
    t("假发加工", ["把发丝一小撮一小撮勾到网帽上，活细但不累。", "手工钩织假发，可以领料回家做。"], { ...SEATED, pay: ["计件"], times: ["灵活", "半天"] }),
    t("发帘缝制", ["用缝纫机把发丝缝成发帘。"], { ...SEATED_SEWING, pay: ["计件"] }),
    t("假发梳理工", ["梳理、整理成品假发，剔除断发、打包。"], SEATED),
  ],
  竹编: [
    t("竹编", ["用竹篾编织果篮、菜篮等竹制品。", "编竹篮、竹席，会竹编的优先，不会的可以学。"], { ...SEATED, pay: ["计件"], skills: ["竹编"] }),
    t("竹制品打磨", ["打磨竹筷、竹勺等竹制品，去掉毛刺。"], { ...SEATED, pay: ["计件", "日"] }),
    t("破篾工", ["把毛竹破成竹篾，需要一定力气。"], { pay: ["日", "计件"], physical: "中", times: ["全天"], ages: "normal", skills: ["竹编"] }),
  ],
  来料加工: [
    t("来料加工", ["领取来料，做串珠、穿绳、贴标签等手工活。", "简单的手工组装，厂家送料上门、按件收货。"], { ...SEATED, pay: ["计件"], times: ["灵活", "半天"] }),
    t("手工串珠", ["把珠子按样式串成手链、挂件。"], { ...SEATED, pay: ["计件"], times: ["灵活"] }),
    t("绢花制作", ["把花瓣、花枝组装成仿真花，手巧就行。"], { ...SEATED, pay: ["计件"], times: ["灵活"] }),
    t("纸盒折叠", ["折叠包装纸盒、贴双面胶，随来随做。"], { ...SEATED, pay: ["计件"], times: ["灵活", "半天"] }),
  ],
  毛绒玩具: [
    t("玩具缝制", ["缝制毛绒玩具的外皮，按样板走线。"], SEATED_SEWING),
    t("玩具充棉工", ["给毛绒玩具充棉、封口，简单好学。"], SEATED),
    t("玩具包装工", ["给玩具挂牌、装袋、装箱。"], { ...SEATED, pay: ["计件", "月"] }),
  ],
  鞋业: [
    t("鞋面缝制", ["用高车缝制鞋面，线要走直。"], SEATED_SEWING),
    t("鞋帮刷胶工", ["给鞋帮刷胶、贴合，车间通风好。"], { ...SEATED, times: ["全天", "灵活"], ages: "normal" }),
    t("鞋子包装工", ["给成品鞋塞纸、配对、装盒。"], SEATED),
  ],
  手套: [
    t("手套缝制", ["缝制劳保手套的手指和手口。"], SEATED_SEWING),
    t("手套翻面工", ["把缝好的手套翻面、整形，一学就会。"], { ...SEATED, pay: ["计件"] }),
  ],
  中药材: [
    t("中药材分拣", ["把晒干的中药材按大小、成色分拣出来。", "挑出中药材里的杂质，分级装袋。"], { ...SEATED, pay: ["计件", "日"] }),
    t("中药材切片", ["用切片机把药材切成片，注意安全操作。"], { pay: ["计件", "月"], physical: "中", times: ["全天"], ages: "normal" }),
  ],
  灯饰: [
    t("灯串组装", ["组装节日彩灯、灯串，把灯泡插到线上。"], SEATED),
    t("灯饰包装工", ["检测灯串亮不亮，合格的绕好装盒。"], SEATED),
  ],
  野生菌: [
    t("野生菌分拣包装", ["按品种和大小分拣野生菌，称重、装盒。", "菌子旺季要人，分拣、去泥、包装。"], { ...SEATED, pay: ["日", "计件"], times: ["全天", "灵活"] }),
  ],
};

/** Jobs almost every factory has besides its product lines. */
export const FACTORY_COMMON_TEMPLATES: readonly PostingTemplate[] = [
  t("质检员", ["按标准抽检产品，记录不合格品。", "检查产品质量，做好记录，会写字就行。"], { pay: ["月"], physical: "轻", times: ["全天"], ages: "normal", monthly: [2400, 3600] }),
  t("仓库搬运", ["负责仓库货物的装卸、码放，力气活。", "搬运原料和成品，配合叉车装车。"], { pay: ["月", "计件"], physical: "重", times: ["全天"], ages: "heavy", monthly: [3000, 4500] }),
  t("食堂帮厨", ["在工厂食堂洗菜、切菜、打饭，收拾餐具。"], { pay: ["月"], physical: "中", times: ["全天", "半天"], ages: "normal", skills: ["厨艺"], monthly: [1800, 2800] }),
  t("叉车司机", ["开叉车装卸货物，需要持叉车证。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "skilled", skills: ["叉车"], monthly: [3500, 4500] }),
  t("保安", ["厂区门岗值班、巡逻，登记进出车辆。"], { pay: ["月"], physical: "轻", times: ["全天"], ages: "normal", monthly: [2000, 2800], benefits: ["包吃"] }),
  t("保洁员", ["负责厂区、宿舍的卫生打扫。"], { pay: ["月"], physical: "中", times: ["全天", "半天"], ages: "light", monthly: [1600, 2200] }),
  t("普工", ["流水线普工，按岗位分工做简单操作。", "跟线生产，岗位简单，培训后上岗。"], { pay: ["月", "计件"], physical: "中", times: ["全天"], ages: "normal", monthly: [2800, 4200], benefits: ["包吃", "五险"] }),
  t("机修工", ["维修保养缝纫机、流水线设备，有经验者优先。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "skilled", skills: ["电工"], monthly: [3800, 4500] }),
  t("裁床工", ["按唛架铺布、开裁，配合裁床师傅。"], { pay: ["月", "计件"], physical: "中", times: ["全天"], ages: "normal", monthly: [3000, 4200] }),
];

/** Public-benefit post units (公益性岗位): one kind per unit that runs the posts. */
const PUBLIC: TemplateOptions = { pay: ["月"], physical: "中", times: ["灵活", "半天", "全天"], ages: "public", monthly: [700, 1200] };

export interface EmployerKind {
  type: EmployerType;
  /** Trade word used in names: 箱包, 脐橙, 保洁 … For 卫星工厂 and core factories, the workshop product. */
  product: string;
  /**
   * Name patterns: {county} 示范县, {countyShort} 示范, {town} 岭背镇, {townShort} 岭背, {village} 上坪村,
   * {villageShort} 上坪, {brand} 华彩, {core} the short name of the 核心工厂.
   */
  names: readonly string[];
  templates: readonly PostingTemplate[];
  /** Where it stands: in a village (the resettlement site included), at the town seat, or in the county's industrial park. */
  site: "village" | "town" | "park";
  /** A 用工企业 in the park that sends work out to 卫星工厂 (核心工厂). */
  core?: boolean;
  /** Relative frequency among the kinds of the same type. */
  weight: number;
}

const workshop = (product: string, weight: number, names?: readonly string[]): EmployerKind => ({
  type: "帮扶车间",
  product,
  names: names ?? [`{villageShort}${product}帮扶车间`, `{countyShort}{brand}${product}{villageShort}帮扶车间`, `{villageShort}${product}加工帮扶车间`],
  templates: WORKSHOP_TEMPLATES[product] ?? [],
  site: "village",
  weight,
});

/** Core-factory industries: product (for templates) and the word used in the company name. */
export const CORE_INDUSTRIES: readonly (readonly [product: string, companyWord: string])[] = [
  ["服装", "服饰"], ["针织", "针织"], ["电子", "电子科技"], ["箱包", "箱包"], ["鞋业", "鞋业"],
];

export const EMPLOYER_KINDS: readonly EmployerKind[] = [
  // 帮扶车间 — village workshops; the resettlement sites have the most.
  workshop("箱包", 5),
  workshop("服装", 6, ["{villageShort}服装帮扶车间", "{villageShort}制衣帮扶车间", "{countyShort}{brand}服饰{villageShort}帮扶车间"]),
  workshop("电子", 4, ["{villageShort}电子帮扶车间", "{countyShort}{brand}电子{villageShort}帮扶车间"]),
  workshop("假发", 3),
  workshop("竹编", 2, ["{villageShort}竹编帮扶车间", "{villageShort}竹制品帮扶车间"]),
  workshop("来料加工", 4, ["{villageShort}来料加工帮扶车间", "{villageShort}手工帮扶车间"]),
  workshop("毛绒玩具", 2, ["{villageShort}玩具帮扶车间", "{countyShort}{brand}玩具{villageShort}帮扶车间"]),
  workshop("鞋业", 2, ["{villageShort}鞋面帮扶车间", "{countyShort}{brand}鞋业{villageShort}帮扶车间"]),
  workshop("手套", 2, ["{villageShort}手套帮扶车间"]),
  workshop("中药材", 2, ["{villageShort}中药材初加工帮扶车间", "{villageShort}药材分拣帮扶车间"]),
  workshop("灯饰", 1, ["{villageShort}灯饰帮扶车间"]),
  workshop("野生菌", 1, ["{villageShort}菌菇分拣帮扶车间"]),

  // 卫星工厂 — a village branch of a core factory; the product follows the core factory.
  ...CORE_INDUSTRIES.map(([product]): EmployerKind => ({
    type: "卫星工厂",
    product,
    names: ["{core}{villageShort}卫星工厂", "{core}{villageShort}分厂", "{villageShort}{core}卫星工厂"],
    templates: WORKSHOP_TEMPLATES[product] ?? [],
    site: "village",
    weight: 1,
  })),

  // 用工企业 — the core factories of the industrial park first.
  ...CORE_INDUSTRIES.map(([product, word]): EmployerKind => ({
    type: "用工企业",
    product,
    names: [`{countyShort}{brand}${word}有限公司`, `江西{brand}${word}有限公司`, `{county}{brand}${word}有限公司`],
    templates: [...(WORKSHOP_TEMPLATES[product] ?? []), ...FACTORY_COMMON_TEMPLATES],
    site: "park",
    core: true,
    weight: 0,
  })),
  {
    type: "用工企业", product: "火腿", site: "town", weight: 2,
    names: ["{countyShort}{brand}食品有限公司", "{countyShort}{brand}火腿加工厂"],
    templates: [
      t("火腿加工", ["给火腿上盐、腌制、翻晒，车间干净卫生。", "跟着老师傅学火腿腌制和修整。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "normal", monthly: [2600, 3800], benefits: ["包吃"] }),
      t("食品包装工", ["给成品贴标签、真空包装、装箱。"], { pay: ["月", "计件"], physical: "轻", times: ["全天", "灵活"], ages: "light", monthly: [2200, 3200] }),
      t("冷库搬运", ["在冷库搬运、码放货物，冷库有棉衣。"], { pay: ["月"], physical: "重", times: ["全天"], ages: "heavy", monthly: [3200, 4500] }),
      FACTORY_COMMON_TEMPLATES[2]!,
    ],
  },
  {
    type: "用工企业", product: "菌业", site: "town", weight: 2,
    names: ["{countyShort}{brand}菌业有限公司", "{countyShort}{brand}食用菌开发有限公司"],
    templates: [
      t("野生菌分拣包装", ["按品种和大小分拣野生菌，称重、包装。", "菌子上市季节要人，分拣、去泥、装盒。"], { pay: ["日", "计件", "月"], physical: "轻", times: ["全天", "灵活"], ages: "light", seasonal: true }),
      t("菌菇烘干工", ["看管烘干房，翻动、装卸烘干筛。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "normal", monthly: [2600, 3600] }),
      t("菌棒装袋", ["把培养料装进菌袋、扎口、上架。"], { pay: ["计件", "日"], physical: "中", times: ["全天"], ages: "normal" }),
      FACTORY_COMMON_TEMPLATES[1]!,
    ],
  },
  {
    type: "用工企业", product: "药业", site: "town", weight: 2,
    names: ["{countyShort}{brand}药业有限公司", "{countyShort}{brand}中药饮片有限公司"],
    templates: [
      t("中药材分拣", ["把收来的中药材按等级分拣、去杂。"], { pay: ["计件", "日", "月"], physical: "轻", times: ["全天", "灵活"], ages: "light" }),
      t("中药材切片", ["操作切片机把药材切片，有师傅带。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "normal", monthly: [2800, 3800] }),
      t("药材烘干工", ["看管烘干设备，按时翻料、出料。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "normal", monthly: [2600, 3600] }),
      FACTORY_COMMON_TEMPLATES[0]!,
    ],
  },
  {
    type: "用工企业", product: "果业", site: "town", weight: 3,
    names: ["{countyShort}{brand}果业有限公司", "{countyShort}{brand}脐橙发展有限公司", "{townShort}{brand}果品加工厂"],
    templates: [
      t("脐橙分拣包装", ["在选果线上把脐橙按大小分级、套袋、装箱。", "脐橙上市季节招人，分拣、打蜡、包装。"], { pay: ["日", "计件"], physical: "轻", times: ["全天", "灵活"], ages: "light", seasonal: true }),
      t("装车搬运", ["把装好箱的脐橙搬上货车，按车计钱。"], { pay: ["计件", "日"], physical: "重", times: ["全天", "灵活"], ages: "heavy", seasonal: true }),
      t("冷库管理员", ["管理冷库温度，登记出入库。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "normal", monthly: [2800, 3800] }),
    ],
  },
  {
    type: "用工企业", product: "物流", site: "park", weight: 2,
    names: ["{countyShort}{brand}物流有限公司", "{countyShort}{brand}供应链有限公司"],
    templates: [
      FACTORY_COMMON_TEMPLATES[1]!,
      t("快递分拣员", ["在分拣线上按地址分拣快递包裹。"], { pay: ["月", "时"], physical: "中", times: ["全天", "半天"], ages: "normal", monthly: [3000, 4200] }),
      t("货车司机", ["开4.2米厢式货车跑县内配送，需C1以上驾照。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "skilled", skills: ["驾驶"], monthly: [4000, 4500] }),
      t("快递派送员", ["负责乡镇快递派送，会骑电动三轮车就行。"], { pay: ["计件", "月"], physical: "中", times: ["全天"], ages: "normal", monthly: [3000, 4500] }),
    ],
  },
  {
    type: "用工企业", product: "建材", site: "town", weight: 2,
    names: ["{countyShort}{brand}建材有限公司", "{townShort}{brand}新型建材厂"],
    templates: [
      t("水泥制品工", ["制作水泥砖、预制板，需要力气。"], { pay: ["计件", "日"], physical: "重", times: ["全天"], ages: "heavy" }),
      t("电焊工", ["焊接钢构件，有焊工证优先。"], { pay: ["月", "日"], physical: "中", times: ["全天"], ages: "skilled", skills: ["电焊"], monthly: [4000, 4500] }),
      t("装载机司机", ["开装载机上料，需持证。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "skilled", skills: ["驾驶"], monthly: [4000, 4500] }),
    ],
  },
  {
    type: "用工企业", product: "家具", site: "park", weight: 1,
    names: ["{countyShort}{brand}家具有限公司", "{countyShort}{brand}木业有限公司"],
    templates: [
      t("木工", ["按图纸下料、组装家具，有木工经验优先。"], { pay: ["月", "计件"], physical: "中", times: ["全天"], ages: "normal", skills: ["木工"], monthly: [3500, 4500] }),
      t("家具打磨工", ["用砂纸、打磨机打磨家具部件。"], { pay: ["计件", "月"], physical: "中", times: ["全天"], ages: "normal" }),
      t("家具包装工", ["给成品家具缠膜、打包、贴标。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "normal", monthly: [2600, 3400] }),
    ],
  },
  {
    type: "用工企业", product: "油茶", site: "town", weight: 2,
    names: ["{countyShort}{brand}油茶科技有限公司", "{townShort}{brand}山茶油加工厂"],
    templates: [
      t("油茶籽剥壳", ["把油茶果剥壳、晾晒茶籽，坐着就能做。"], { pay: ["计件", "日"], physical: "轻", times: ["灵活", "全天"], ages: "light", seasonal: true }),
      t("榨油工", ["看管榨油机，过滤、装桶、封口。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "normal", monthly: [2800, 3800] }),
    ],
  },
  {
    type: "用工企业", product: "茶业", site: "town", weight: 2,
    names: ["{countyShort}{brand}茶业有限公司", "{townShort}{brand}生态茶场"],
    templates: [
      t("茶叶采摘", ["到公司茶园采摘春茶鲜叶，按斤计价。"], { pay: ["计件", "日"], physical: "轻", times: ["灵活", "全天"], ages: "light", skills: ["采茶"], seasonal: true }),
      t("茶叶炒制工", ["跟师傅学杀青、揉捻、烘干，春茶季最忙。"], { pay: ["月", "日"], physical: "中", times: ["全天"], ages: "normal", monthly: [3000, 4200] }),
      t("茶叶包装工", ["称重、装罐、封口、贴标。"], { pay: ["月", "计件"], physical: "轻", times: ["全天", "灵活"], ages: "light", monthly: [2200, 3000] }),
    ],
  },
  {
    type: "用工企业", product: "养老", site: "town", weight: 2,
    names: ["{countyShort}{brand}养老服务有限公司", "{townShort}{brand}颐养院", "{countyShort}{brand}康养中心"],
    templates: [
      t("护理员", ["照顾院里老人吃饭、洗漱、翻身，有护理经验优先。", "护理失能半失能老人，岗前免费培训。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "normal", skills: ["护理"], monthly: [2800, 3800], benefits: ["包吃", "包住"] }),
      t("厨师", ["给老人做一日三餐，饭菜要软烂清淡。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "normal", skills: ["厨艺"], monthly: [3000, 4000] }),
      FACTORY_COMMON_TEMPLATES[5]!,
    ],
  },
  {
    type: "用工企业", product: "餐饮", site: "park", weight: 1,
    names: ["{countyShort}{brand}餐饮管理有限公司", "{countyShort}{brand}团餐配送有限公司"],
    templates: [
      t("食堂帮厨", ["在园区食堂洗菜、切菜、打饭。", "配合厨师备菜，收拾餐具和厨房卫生。"], { pay: ["月"], physical: "中", times: ["全天", "半天"], ages: "normal", skills: ["厨艺"], monthly: [2000, 3000], benefits: ["包吃"] }),
      t("洗碗工", ["清洗餐具、厨具，做好消毒。"], { pay: ["月", "时"], physical: "中", times: ["半天", "全天"], ages: "light", monthly: [1800, 2500], benefits: ["包吃"] }),
      t("送餐员", ["开电动三轮车给园区工厂送团餐。"], { pay: ["月"], physical: "中", times: ["半天", "全天"], ages: "normal", monthly: [2400, 3200] }),
    ],
  },
  {
    type: "用工企业", product: "电商", site: "town", weight: 1,
    names: ["{countyShort}{brand}电子商务有限公司", "{countyShort}{brand}农产品电商有限公司"],
    templates: [
      t("电商打包员", ["给网店订单打包、贴快递单，旺季有加班费。"], { pay: ["计件", "月"], physical: "轻", times: ["全天", "灵活"], ages: "normal" }),
      t("直播助理", ["配合主播上架农产品、回复评论，会用智能手机。"], { pay: ["月"], physical: "轻", times: ["全天", "半天"], ages: "skilled", skills: ["电商"], monthly: [2500, 4000] }),
      t("网店客服", ["在电脑上回复买家咨询，会打字就行。"], { pay: ["月"], physical: "轻", times: ["全天", "半天"], ages: "skilled", monthly: [2400, 3500] }),
    ],
  },

  // 公益性岗位 — units that run public-benefit posts.
  {
    type: "公益性岗位", product: "保洁", site: "village", weight: 4,
    names: ["{villageShort}村民委员会", "{townShort}{villageShort}村公益性岗位"],
    templates: [
      t("村庄保洁员", ["负责村里主干道和公共场所的卫生打扫。", "每天清扫村组道路，收集转运垃圾。"], PUBLIC),
      t("河道保洁员", ["清理河道垃圾、漂浮物，每天沿河巡一遍。"], PUBLIC),
      t("公厕管理员", ["打扫村里公共厕所，保持干净无异味。"], { ...PUBLIC, physical: "轻" }),
      t("农家书屋管理员", ["管理村里农家书屋，按时开门、整理图书。"], { ...PUBLIC, physical: "轻" }),
      t("劳动保障协理员", ["帮村民办理社保、就业登记等事项，需会用手机。"], { ...PUBLIC, physical: "轻", ages: "normal", monthly: [900, 1200] }),
      t("防返贫信息员", ["定期走访农户，收集、上报困难家庭情况。"], { ...PUBLIC, physical: "轻", monthly: [800, 1200] }),
    ],
  },
  {
    type: "公益性岗位", product: "安置点", site: "village", weight: 3,
    names: ["{villageShort}社区服务中心", "{villageShort}社区居委会"],
    templates: [
      t("社区保洁员", ["负责安置点楼道、广场的卫生保洁。", "打扫安置小区公共区域，清运垃圾。"], PUBLIC),
      t("安置点门卫", ["在安置点门岗值守、登记来访车辆。"], { ...PUBLIC, physical: "轻" }),
      t("水电维修员", ["负责安置小区水电小修，需会电工。"], { ...PUBLIC, ages: "normal", skills: ["电工"], monthly: [1000, 1200] }),
      t("绿化管护员", ["给小区花草浇水、修剪、除草。"], PUBLIC),
    ],
  },
  {
    type: "公益性岗位", product: "林业", site: "town", weight: 2,
    names: ["{town}林业工作站", "{townShort}生态护林站"],
    templates: [
      t("护林员", ["巡山护林，做防火宣传，发现火情及时上报。", "每天在划定的山林范围内巡护，防止乱砍滥伐。"], { ...PUBLIC, times: ["灵活", "全天"] }),
      t("生态护林员", ["负责责任山场巡护和森林防火，手机打卡。"], { ...PUBLIC, times: ["灵活", "全天"] }),
    ],
  },
  {
    type: "公益性岗位", product: "公路", site: "town", weight: 2,
    names: ["{town}公路养护站", "{townShort}农村公路管理站"],
    templates: [
      t("道路养护员", ["负责农村公路的清扫、除草和边沟清理。", "养护分到的路段，发现塌方、坑洞及时上报。"], PUBLIC),
      t("护路员", ["巡查路段，清理路面落石和杂物。"], PUBLIC),
    ],
  },
  {
    type: "公益性岗位", product: "养老", site: "town", weight: 2,
    names: ["{town}敬老院", "{townShort}颐养之家"],
    templates: [
      t("护理员", ["照料敬老院老人的饮食起居。", "帮老人洗衣、打扫房间、陪老人说话。"], { ...PUBLIC, times: ["全天", "灵活"], skills: ["护理"], monthly: [900, 1200] }),
      t("食堂帮厨", ["给敬老院老人做饭、洗碗，饭菜清淡。"], { ...PUBLIC, times: ["半天", "全天"], skills: ["厨艺"], monthly: [900, 1200] }),
    ],
  },
  {
    type: "公益性岗位", product: "水利", site: "town", weight: 1,
    names: ["{town}水利站", "{townShort}水务管理站"],
    templates: [
      t("水管员", ["看护村里的小水库、水渠，汛期加密巡查。"], PUBLIC),
      t("河道巡查员", ["巡查河道，劝阻乱倒垃圾、电鱼等行为。"], PUBLIC),
    ],
  },

  // 专业合作社
  {
    type: "专业合作社", product: "脐橙", site: "village", weight: 4,
    names: ["{townShort}{villageShort}脐橙种植专业合作社", "{countyShort}{brand}脐橙专业合作社", "{villageShort}果业专业合作社"],
    templates: [
      t("脐橙采摘", ["在果园采摘脐橙，按筐计价，剪刀由合作社发。", "采摘、装筐、运到路边，果子熟了就要人。"], { pay: ["计件", "日"], physical: "中", times: ["全天", "灵活"], ages: "light", seasonal: true }),
      t("柑橘修枝", ["冬季给柑橘树修枝整形，有技术员现场指导。"], { pay: ["日"], physical: "中", times: ["全天"], ages: "normal", skills: ["果树修剪"], seasonal: true }),
      t("果园施肥除草", ["给果园施肥、割草，按天算工钱。"], { pay: ["日"], physical: "中", times: ["全天", "灵活"], ages: "normal" }),
      t("果园打药工", ["背喷雾器给果树打药，做好防护。"], { pay: ["日"], physical: "重", times: ["全天"], ages: "heavy" }),
    ],
  },
  {
    type: "专业合作社", product: "肉牛", site: "village", weight: 3,
    names: ["{villageShort}肉牛养殖专业合作社", "{townShort}{brand}肉牛专业合作社"],
    templates: [
      t("肉牛养殖工", ["负责牛栏清扫、喂料、饮水，观察牛的吃食情况。", "喂牛、清粪、消毒，有养牛经验的优先。"], { pay: ["月"], physical: "重", times: ["全天"], ages: "normal", skills: ["养殖"], monthly: [2800, 3800], benefits: ["包吃", "包住"] }),
      t("青贮饲料收割", ["收割玉米秸秆、铡草，制作青贮饲料。"], { pay: ["日"], physical: "重", times: ["全天"], ages: "heavy", seasonal: true }),
      t("牛场饲养员", ["按时给牛添草料、清理食槽。"], { pay: ["月"], physical: "中", times: ["全天"], ages: "normal", skills: ["养殖"], monthly: [2500, 3500] }),
    ],
  },
  {
    type: "专业合作社", product: "茶叶", site: "village", weight: 3,
    names: ["{villageShort}茶叶专业合作社", "{townShort}{brand}茶叶种植专业合作社"],
    templates: [
      t("茶叶采摘", ["采摘一芽一叶、一芽两叶的鲜叶，按斤算钱。", "春茶开采要人，早上露水干了就上山。"], { pay: ["计件", "日"], physical: "轻", times: ["灵活", "全天"], ages: "light", skills: ["采茶"], seasonal: true }),
      t("茶园管护", ["茶园除草、修剪、施肥。"], { pay: ["日"], physical: "中", times: ["全天", "灵活"], ages: "normal" }),
    ],
  },
  {
    type: "专业合作社", product: "中药材", site: "village", weight: 2,
    names: ["{villageShort}中药材种植专业合作社", "{townShort}{brand}药材专业合作社"],
    templates: [
      t("中药材种植", ["种植黄精、白术等中药材，整地、移栽、除草。"], { pay: ["日"], physical: "中", times: ["全天", "灵活"], ages: "normal", skills: ["种植"] }),
      t("中药材采收", ["采挖、清洗中药材，晾晒装袋。"], { pay: ["日", "计件"], physical: "中", times: ["全天"], ages: "normal", seasonal: true }),
    ],
  },
  {
    type: "专业合作社", product: "蔬菜", site: "village", weight: 3,
    names: ["{villageShort}蔬菜专业合作社", "{townShort}{brand}蔬菜产业基地"],
    templates: [
      t("大棚蔬菜采摘", ["在蔬菜大棚采摘辣椒、黄瓜等，早上出工早。"], { pay: ["日", "计件"], physical: "中", times: ["半天", "全天"], ages: "light" }),
      t("蔬菜种植工", ["大棚蔬菜育苗、移栽、浇水、搭架。"], { pay: ["日", "月"], physical: "中", times: ["全天"], ages: "normal", skills: ["种植"], monthly: [2000, 3000] }),
      t("蔬菜分拣打包", ["把采下的蔬菜分拣、称重、打包装车。"], { pay: ["日", "时"], physical: "轻", times: ["半天", "灵活"], ages: "light" }),
    ],
  },
  {
    type: "专业合作社", product: "油茶", site: "village", weight: 2,
    names: ["{villageShort}油茶专业合作社", "{townShort}{brand}油茶种植专业合作社"],
    templates: [
      t("油茶采摘", ["霜降前后采摘油茶果，按斤计价。"], { pay: ["计件", "日"], physical: "中", times: ["全天", "灵活"], ages: "light", seasonal: true }),
      t("油茶林抚育", ["给油茶林除草、垦复、施肥。"], { pay: ["日"], physical: "重", times: ["全天"], ages: "normal" }),
    ],
  },
  {
    type: "专业合作社", product: "生猪", site: "village", weight: 1,
    names: ["{villageShort}生猪养殖专业合作社"],
    templates: [
      t("生猪饲养员", ["负责猪舍清洁、喂料、防疫，有养殖经验优先。"], { pay: ["月"], physical: "重", times: ["全天"], ages: "normal", skills: ["养殖"], monthly: [3000, 4200], benefits: ["包吃", "包住"] }),
    ],
  },
  {
    type: "专业合作社", product: "食用菌", site: "village", weight: 2,
    names: ["{villageShort}食用菌专业合作社", "{townShort}{brand}香菇专业合作社"],
    templates: [
      t("香菇采摘", ["采摘香菇、分级、装筐。"], { pay: ["日", "计件"], physical: "轻", times: ["灵活", "半天"], ages: "light" }),
      t("菌棒装袋", ["把培养料装进菌袋、扎口、上架。"], { pay: ["计件", "日"], physical: "中", times: ["全天"], ages: "normal" }),
    ],
  },
  {
    type: "专业合作社", product: "蜂蜜", site: "village", weight: 1,
    names: ["{villageShort}养蜂专业合作社"],
    templates: [t("养蜂工", ["跟着师傅管理蜂箱、摇蜜、装瓶。"], { pay: ["月", "日"], physical: "轻", times: ["灵活", "全天"], ages: "normal", skills: ["养殖"], monthly: [2000, 3000] })],
  },

  // 季节性服务队
  {
    type: "季节性服务队", product: "柑橘管护", site: "town", weight: 4,
    names: ["{townShort}柑橘管护服务队", "{townShort}{villageShort}果园服务队", "{townShort}第{n}技术服务队"],
    templates: [
      t("柑橘修枝", ["统一组织到果园修枝整形，有技术员带队。", "冬春修枝，按天结算，剪刀锯子队里发。"], { pay: ["日"], physical: "中", times: ["全天"], ages: "normal", skills: ["果树修剪"], seasonal: true }),
      t("果园施肥", ["给柑橘园开沟施肥，按天计工。"], { pay: ["日"], physical: "重", times: ["全天"], ages: "heavy", seasonal: true }),
      t("防病治虫", ["给果树打药防病治虫，培训后上岗。"], { pay: ["日"], physical: "中", times: ["全天"], ages: "normal", seasonal: true }),
      t("柑橘采摘", ["采果、装筐，帮果农把柑橘运到路边。"], { pay: ["计件", "日"], physical: "中", times: ["全天", "灵活"], ages: "light", seasonal: true }),
    ],
  },
  {
    type: "季节性服务队", product: "采摘", site: "town", weight: 3,
    names: ["{townShort}脐橙采摘服务队", "{townShort}油茶采摘服务队", "{townShort}茶叶采摘服务队"],
    templates: [
      t("脐橙采摘", ["采摘季统一派工到各果园，按筐计价。"], { pay: ["计件", "日"], physical: "中", times: ["全天", "灵活"], ages: "light", seasonal: true }),
      t("油茶采摘", ["采摘油茶果，统一送到收购点过秤。"], { pay: ["计件", "日"], physical: "中", times: ["全天", "灵活"], ages: "light", seasonal: true }),
      t("茶叶采摘", ["春茶季到各茶园采茶，按斤结算。"], { pay: ["计件"], physical: "轻", times: ["灵活", "半天"], ages: "light", skills: ["采茶"], seasonal: true }),
    ],
  },
  {
    type: "季节性服务队", product: "农机", site: "town", weight: 2,
    names: ["{townShort}农机作业服务队", "{townShort}{brand}农机专业服务队"],
    templates: [
      t("插秧机手", ["开插秧机给农户插秧，会操作农机优先。"], { pay: ["日"], physical: "中", times: ["全天"], ages: "skilled", skills: ["农机操作"], seasonal: true }),
      t("收割机手", ["开收割机帮农户收稻谷，有驾驶经验优先。"], { pay: ["日"], physical: "中", times: ["全天"], ages: "skilled", skills: ["农机操作", "驾驶"], seasonal: true }),
      t("育秧工", ["在育秧工厂摆盘、浇水、管秧苗。"], { pay: ["日"], physical: "轻", times: ["全天", "半天"], ages: "light", seasonal: true }),
    ],
  },
  {
    type: "季节性服务队", product: "造林", site: "town", weight: 2,
    names: ["{townShort}造林专业队", "{townShort}林业劳务服务队"],
    templates: [
      t("植树造林工", ["在荒山上挖穴、栽树苗，冬春季用工。"], { pay: ["日", "计件"], physical: "重", times: ["全天"], ages: "heavy", seasonal: true }),
      t("林下除草工", ["给幼林割草、培土，按亩计钱。"], { pay: ["计件", "日"], physical: "中", times: ["全天", "灵活"], ages: "normal", seasonal: true }),
    ],
  },
  {
    type: "季节性服务队", product: "烟叶", site: "town", weight: 1,
    names: ["{townShort}烟叶生产服务队"],
    templates: [
      t("烟叶采收", ["采摘烟叶、编烟上杆，烤烟季用工。"], { pay: ["日"], physical: "中", times: ["全天"], ages: "normal", seasonal: true }),
      t("烤烟工", ["看管烤房火候，夜里要轮班。"], { pay: ["日"], physical: "中", times: ["全天"], ages: "normal", seasonal: true }),
    ],
  },

  // 非正规就业组织
  {
    type: "非正规就业组织", product: "零工", site: "town", weight: 3,
    names: ["{town}零工驿站", "{countyShort}零工市场{townShort}服务点"],
    templates: [
      t("装卸工", ["临时装卸货物，有活就干，当天结账。"], { pay: ["日", "计件"], physical: "重", times: ["灵活"], ages: "heavy" }),
      t("零工", ["帮附近农户、商户打零工，干一天结一天。"], { pay: ["日"], physical: "中", times: ["灵活"], ages: "normal" }),
      t("泥瓦工", ["建房砌墙、贴瓷砖，有手艺的优先。"], { pay: ["日"], physical: "重", times: ["全天"], ages: "normal", skills: ["泥瓦工"] }),
      t("水电安装工", ["给新建房屋布线、装水管，需懂水电。"], { pay: ["日"], physical: "中", times: ["全天"], ages: "skilled", skills: ["水电安装", "电工"] }),
    ],
  },
  {
    type: "非正规就业组织", product: "家政", site: "town", weight: 2,
    names: ["{townShort}{brand}家政服务队", "{countyShort}巾帼家政服务队{townShort}分队"],
    templates: [
      t("家政保洁", ["上门做家庭保洁，按小时收费。", "给县城住户打扫卫生、擦玻璃。"], { pay: ["时"], physical: "中", times: ["灵活", "半天"], ages: "normal", skills: ["家政"] }),
      t("育婴员", ["照顾婴幼儿，有育婴证优先，可免费培训考证。"], { pay: ["月"], physical: "轻", times: ["全天"], ages: "normal", skills: ["育婴"], monthly: [3500, 4500] }),
      t("护工", ["在县医院陪护病人，按天计费。"], { pay: ["日"], physical: "中", times: ["全天"], ages: "normal", skills: ["护理"] }),
    ],
  },
  {
    type: "非正规就业组织", product: "手工", site: "village", weight: 2,
    names: ["{villageShort}巧媳妇手工坊", "{townShort}巧手编织坊", "{villageShort}妇女手工互助组"],
    templates: [
      t("手工编织", ["在家编织毛线帽、拖鞋，按件收购。"], { pay: ["计件"], physical: "轻", times: ["灵活"], ages: "light", skills: ["手工编织"] }),
      t("刺绣", ["手工刺绣鞋垫、香包，按件计价。"], { pay: ["计件"], physical: "轻", times: ["灵活"], ages: "light" }),
      t("竹编", ["在家编竹篮、竹筐，合作社统一收购。"], { pay: ["计件"], physical: "轻", times: ["灵活"], ages: "light", skills: ["竹编"] }),
    ],
  },
  {
    type: "非正规就业组织", product: "乡厨", site: "town", weight: 1,
    names: ["{townShort}乡村厨师服务队", "{townShort}流动厨房"],
    templates: [
      t("乡村厨师", ["承接村里红白喜事的酒席，掌勺为主。"], { pay: ["日"], physical: "中", times: ["灵活"], ages: "normal", skills: ["厨艺"] }),
      t("帮厨", ["跟厨师洗菜、切配、端菜、洗碗。"], { pay: ["日"], physical: "中", times: ["灵活"], ages: "light" }),
    ],
  },
  {
    type: "非正规就业组织", product: "电商", site: "village", weight: 1,
    names: ["{villageShort}电商服务站", "{villageShort}农产品代购点"],
    templates: [
      t("农产品打包员", ["把村民的土特产分拣、打包、寄快递。"], { pay: ["日", "计件"], physical: "轻", times: ["灵活", "半天"], ages: "light" }),
      t("直播助理", ["帮村里直播卖货，拍视频、上链接。"], { pay: ["日", "月"], physical: "轻", times: ["灵活"], ages: "skilled", skills: ["电商"], monthly: [2000, 3500] }),
    ],
  },
];

/** Company brand words (字号) for 有限公司, 合作社 and the like. */
export const BRAND_WORDS: readonly string[] = [
  "华彩", "鑫源", "宏达", "金盛", "绿源", "润丰", "恒泰", "兴旺", "红土", "客家", "长征", "富民", "利达", "永佳",
  "顺发", "华茂", "鸿运", "嘉禾", "祥瑞", "新锐", "佳美", "百盛", "汇通", "盛达", "隆昌", "春晖", "山水", "绿野",
  "聚源", "群力", "振兴", "和美", "锦绣", "天禾", "合力", "金穗", "瑞丰", "赣南", "贡水", "众和", "丰源", "新兴",
  "旺达", "康达", "博远", "福瑞", "裕丰", "宏图", "信达", "齐心",
];

// ---------------------------------------------------------------------------------------------
// Description sentences. {place} {town} {payMin} {payMax} are filled in by the generator.

export const SENTENCES = {
  nearHome: [
    "就在家门口上班，不用出远门。",
    "离家近，骑电动车十分钟以内。",
    "在{place}上班，中午可以回家吃饭。",
    "本村及周边村民优先。",
    "不用背井离乡，挣钱顾家两不误。",
  ],
  /** Only for 帮扶车间 and 卫星工厂. */
  workshopNearHome: ["车间就在{place}，走路几分钟就到。", "车间设在{place}，家门口就能上班。"],
  /** Only for employers at a resettlement site. */
  resettlement: ["搬迁户下楼就能上班。", "就在安置点里，下楼就到。"],
  nearTown: [
    "工作地点在{place}，上下班方便。",
    "离{town}集镇不远，骑车就能到。",
    "在{place}，周边几个村都有人在这里干。",
  ],
  flexible: [
    "上班时间灵活，可以接送小孩、照顾老人。",
    "早上送完孩子再来，下午放学前可以先走。",
    "农忙时可以请假回家。",
    "带孩子的妈妈、家里有老人要照顾的都可以来。",
  ],
  /** Only for 帮扶车间 and 卫星工厂, where work is by the piece and can be taken home. */
  workshopFlexible: ["可以做半天，也可以把活带回家做。", "时间自己安排，做多少算多少。"],
  training: [
    "不会没关系，有师傅手把手教。",
    "免费岗前培训，一般一周就能上手。",
    "零基础可以学，学会为止。",
    "上岗前统一培训，培训期间也有工资。",
    "不识字也能做，看一遍就会。",
  ],
  older: [
    "年纪大一点也可以，手脚灵活就行。",
    "六十多岁身体好的也欢迎。",
    "活不重，坐着就能做。",
  ],
  heavy: ["需要身体好、能吃苦。", "要能搬得动重物。", "体力活，适合身体强壮的人。"],
  seasonal: ["季节性用工，干到这一季结束。", "旺季用工，一般做两到三个月。", "统一组织，车接车送到地头。"],
  public: [
    "优先安排脱贫户、监测户家庭中有劳动能力的人员。",
    "公益性岗位，每月按时发放岗位补贴。",
    "主要在本村范围内，不耽误干农活。",
    "由村里统一管理，每月考核。",
    "需要责任心强，能坚持每天巡查。",
  ],
  pay: {
    计件: [
      "计件工资，多劳多得，熟手每月{payMax}元以上。",
      "按件计酬，一般每月{payMin}到{payMax}元。",
      "计件算钱，做得越多拿得越多，工资按月发。",
    ],
    月: ["月工资{payMin}到{payMax}元，按月发放，不拖欠。", "每月{payMin}元起，工资每月15号前发。", "底薪加绩效，每月{payMin}-{payMax}元。"],
    日: ["按天算工钱，每天{payMin}到{payMax}元。", "日工资{payMin}元起，可以日结。", "一天{payMin}元左右，干完就结。"],
    时: ["按小时算，每小时{payMin}到{payMax}元。", "每小时{payMin}元起，做几个小时算几个小时。"],
  } as Readonly<Record<PayUnit, readonly string[]>>,
  benefit: {
    包吃: ["中午管一顿饭。", "包午餐。"],
    包住: ["外村的可以住宿舍。", "提供免费住宿。"],
    接送: ["偏远村组有车接送。", "上下班有车接送。"],
    五险: ["签劳动合同，买五险。"],
    节日福利: ["逢年过节发福利。"],
    计件奖励: ["产量高的另有奖励。"],
    全勤奖: ["满勤另有全勤奖。"],
  } as Readonly<Partial<Record<Benefit, readonly string[]>>>,
};

/** Why a placement ended. */
export const END_REASONS = {
  general: ["合同到期", "家庭原因", "身体原因", "照顾家人", "个人原因", "岗位调整", "企业停产", "返乡"],
  toMigrant: "转外出务工",
  seasonal: "季节性用工结束",
  publicPost: "岗位期满",
  health: "身体原因",
} as const;

/** Notes applicants or cadres leave with an application. */
export const APPLICATION_NOTES: readonly string[] = [
  "村干部代报名", "想找离家近的活", "只能做半天", "会缝纫", "以前在广东做过服装", "要照顾小孩，希望时间灵活",
  "帮扶干部推荐", "身体好，能吃苦", "有电动车，可以自己去", "家里老人要照顾，下午要早点回",
];
