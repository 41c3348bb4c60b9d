/**
 * Every text a person reads, in Simplified Chinese, in one place. Views and handlers take their
 * words from here; code, logs and comments stay in English.
 */
import type { EmployerType, PayUnit, WorkingTime } from "../src/core/enums.ts";

export const messages = {
  site: {
    name: "就业帮扶",
    tagline: "家门口的好工作",
    description: "为脱贫群众和监测对象找家门口的工作：帮扶车间、卫星工厂、公益性岗位、本地企业。",
    skipToContent: "跳到正文",
    footer: "县人社局 就业帮扶平台",
    home: "首页",
    jobs: "找工作",
    mainNav: "主导航",
  },
  search: {
    label: "想找什么工作？",
    placeholder: "例如：缝纫、保洁、采摘",
    submit: "搜索",
    categories: "按类型找",
    newest: "最新岗位",
    resultsCount: (total: number) => `共找到 ${total} 个岗位`,
    none: "没有找到合适的岗位，换个词试试，或者看看全部岗位。",
    allJobs: "看全部岗位",
    degraded: "搜索服务暂时不可用，现在显示的是简易搜索结果，可能不够准确。",
    paging: "翻页",
    previous: "上一页",
    next: "下一页",
    page: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  },
  /** The big buttons on the home page: what a seeker calls each kind of employer. */
  categories: [
    { type: "帮扶车间", label: "家门口车间" },
    { type: "卫星工厂", label: "卫星工厂" },
    { type: "公益性岗位", label: "公益性岗位" },
    { type: "用工企业", label: "企业招工" },
    { type: "专业合作社", label: "合作社" },
    { type: "季节性服务队", label: "季节零工" },
  ] as const satisfies readonly { type: EmployerType; label: string }[],
  job: {
    pay: "工资",
    payNegotiable: "工资面议",
    payUnit: { 月: "元/月", 日: "元/天", 计件: "元/月（计件）", 时: "元/小时" } satisfies Record<PayUnit, string>,
    time: { 全天: "全天班", 半天: "半天班", 灵活: "时间灵活" } satisfies Record<WorkingTime, string>,
    distance: (km: number) => (km < 1 ? `距离 ${Math.round(km * 1000)} 米` : `距离 ${km.toFixed(1)} 公里`),
    place: "地点",
    employer: "招聘单位",
    headcount: (n: number) => `招 ${n} 人`,
    ages: (min: number | null, max: number | null) =>
      min !== null && max !== null ? `${min}–${max} 岁` : min !== null ? `${min} 岁以上` : max !== null ? `${max} 岁以下` : "不限年龄",
    published: (date: string) => `发布于 ${date}`,
    notFound: "这个岗位不存在或已下架。",
    details: "岗位详情",
    description: "工作内容",
    age: "年龄要求",
    workingTime: "工作时间",
    headcountLabel: "招聘人数",
    closingLabel: "报名截止",
    physical: "体力要求",
    physicalLevel: { 轻: "轻体力", 中: "中等体力", 重: "重体力" } as Record<string, string>,
    benefits: "福利待遇",
    skills: "技能要求",
    contact: "联系人",
    call: "打电话咨询",
    closing: (date: string) => `${date} 前`,
    back: "返回岗位列表",
  },
  health: {
    ok: "正常",
    down: "不可用",
  },
  errors: {
    notFoundTitle: "页面不存在",
    notFound: "您要找的页面不存在，可能已经删除或地址有误。",
    serverTitle: "出错了",
    server: "系统出了点问题，请稍后再试。如果一直这样，请联系县人社局。",
    backHome: "回到首页",
  },
  /** `npm run seed` (staff and benchmark runs). */
  seed: {
    usage: "用法：npm run seed -- --scale <劳动力人数> [--seed <随机种子>] [--today YYYY-MM-DD] [--force]",
    badScale: "--scale 必须是 1 到 5000000 之间的整数",
    badSeed: "--seed 必须是非负整数",
    badToday: "--today 必须是 YYYY-MM-DD 格式的日期",
    deleted: (file: string) => `已删除原数据库 ${file}`,
    notEmpty: (file: string) => `数据库 ${file} 里已经有数据，不能生成模拟县。如确需覆盖，请加 --force（会删除整个数据库）。`,
    progress: (workers: number, target: number, placements: number) =>
      `正在生成：劳动力 ${workers.toLocaleString("zh-CN")} / ${target.toLocaleString("zh-CN")}，就业记录 ${placements.toLocaleString("zh-CN")}`,
    done: (c: { towns: number; villages: number; employers: number; postings: number; households: number; workers: number; placements: number }, seconds: number) =>
      `已生成模拟县：乡镇 ${c.towns} 个，村 ${c.villages} 个，用工主体 ${c.employers} 个，岗位 ${c.postings} 个，` +
      `户 ${c.households} 户，劳动力 ${c.workers} 人，就业记录 ${c.placements} 条，用时 ${seconds.toFixed(1)} 秒。`,
  },
} as const;

export type Messages = typeof messages;
