/**
 * A small fixed county for search-quality, page and browser tests: three villages on a line
 * north of the county seat, six employers, fifteen postings — written through the platform's own
 * use-cases (and so through the search outbox), then drained into the test's index.
 *
 *   西街村 (城关镇) 25.950 — 上坪村 (岭背镇) 25.990, 4.4 km north — 新屋村 (双龙镇) 26.050, 11.1 km north
 */
import type { Db } from "../../db/client.ts";
import type { PostingStatus } from "../../src/core/enums.ts";
import type { CountyEmployer, CountyPosting } from "../../src/core/county.ts";
import type { OutboxWorker } from "../../src/search/outbox-worker.ts";
import type { ChangeAuthor } from "../../src/use-cases/audit-trail.ts";
import { saveEmployer } from "../../src/use-cases/save-employer.ts";
import { changePostingStatus, savePosting } from "../../src/use-cases/save-posting.ts";
import { saveVillage } from "../../src/use-cases/save-village.ts";

export const FIXTURE_AUTHOR: ChangeAuthor = { label: "test" };

export const FIXTURE_VILLAGES = [
  { town: "城关镇", village: "西街村", lat: 25.95, lng: 115.4 },
  { town: "岭背镇", village: "上坪村", lat: 25.99, lng: 115.4 },
  { town: "双龙镇", village: "新屋村", lat: 26.05, lng: 115.4 },
] as const;

export const FIXTURE_EMPLOYERS: CountyEmployer[] = [
  { code: "E1", name: "上坪箱包帮扶车间", type: "帮扶车间", town: "岭背镇", village: "上坪村", contactName: "刘春兰", contactPhone: "07975551234", recognition: "已认定" },
  { code: "E2", name: "新屋服装就业帮扶车间", type: "帮扶车间", town: "双龙镇", village: "新屋村", contactName: "钟德明", contactPhone: "13907970001", recognition: "已认定" },
  { code: "E3", name: "城关镇公益性岗位服务站", type: "公益性岗位", town: "城关镇", village: "西街村", recognition: "未认定" },
  { code: "E4", name: "示范华彩食品有限公司", type: "用工企业", town: "城关镇", lat: 25.945, lng: 115.41, recognition: "未认定" },
  { code: "E5", name: "双龙脐橙专业合作社", type: "专业合作社", town: "双龙镇", village: "新屋村", recognition: "未认定" },
  { code: "E6", name: "岭背季节性服务队", type: "季节性服务队", town: "岭背镇", village: "上坪村", recognition: "未认定" },
];

type FixturePosting = Omit<CountyPosting, "status" | "headcount" | "skills" | "benefits" | "description"> &
  Partial<Pick<CountyPosting, "status" | "headcount" | "skills" | "benefits" | "description">>;

const OPEN_UNTIL = "2099-12-31";

/** Published one day apart, F01 oldest, so "newest" has one right order. F10 is written in traditional characters. */
export const FIXTURE_POSTINGS: FixturePosting[] = [
  { code: "F01", employerCode: "E1", title: "箱包缝纫工", description: "用平车缝合箱包的面料和内衬，按样板走线。", payMin: 2600, payMax: 3500, payUnit: "计件", workingTime: "全天", ageMin: 18, ageMax: 60, physicalDemand: "轻", skills: ["缝纫"], benefits: ["包吃", "接送"], publishedAt: "2026-10-01" },
  { code: "F02", employerCode: "E1", title: "剪线头", description: "把缝好的包上多余的线头剪干净，坐着就能做。", payMin: 1500, payMax: 2200, payUnit: "计件", workingTime: "灵活", ageMin: 16, ageMax: 70, physicalDemand: "轻", benefits: ["接送"], publishedAt: "2026-10-02" },
  { code: "F03", employerCode: "E2", title: "服装车工", description: "用平车、包缝机缝制衬衫、裤子等成衣。", payMin: 2800, payMax: 3600, payUnit: "计件", workingTime: "全天", ageMin: 18, ageMax: 55, physicalDemand: "轻", skills: ["缝纫"], benefits: ["包吃", "包住"], publishedAt: "2026-10-03" },
  { code: "F04", employerCode: "E3", title: "道路保洁员", description: "负责村道的清扫保洁，早上做半天。", payMin: 900, payMax: 1100, payUnit: "月", workingTime: "半天", ageMin: 40, ageMax: 65, physicalDemand: "中", publishedAt: "2026-10-04" },
  { code: "F05", employerCode: "E3", title: "生态护林员", description: "巡山护林，防火宣传，时间自己安排。", payMin: 1000, payMax: 1000, payUnit: "月", workingTime: "灵活", ageMin: 30, ageMax: 65, physicalDemand: "中", publishedAt: "2026-10-05" },
  { code: "F06", employerCode: "E4", title: "食品包装工", description: "给成品贴标签、真空包装、装箱。", payMin: 2200, payMax: 3200, payUnit: "月", workingTime: "全天", ageMin: 18, ageMax: 50, physicalDemand: "轻", benefits: ["包吃", "五险"], publishedAt: "2026-10-06" },
  { code: "F07", employerCode: "E4", title: "电焊工", description: "焊接钢构件，有焊工证优先。", payMin: 200, payMax: 250, payUnit: "日", workingTime: "全天", ageMin: 22, ageMax: 50, physicalDemand: "中", skills: ["电焊"], publishedAt: "2026-10-07" },
  { code: "F08", employerCode: "E5", title: "脐橙采摘", description: "果园采摘脐橙，按天算钱，管午饭。", payMin: 120, payMax: 150, payUnit: "日", workingTime: "灵活", ageMin: 18, ageMax: 65, physicalDemand: "中", benefits: ["包吃", "接送"], publishedAt: "2026-10-08" },
  { code: "F09", employerCode: "E2", title: "电子元件组装", description: "在流水线上组装小型电子元件，坐着干。", payMin: 2400, payMax: 3000, payUnit: "月", workingTime: "全天", physicalDemand: "轻", publishedAt: "2026-10-09" },
  { code: "F10", employerCode: "E2", title: "縫紉學徒", description: "跟師傅學車縫，包教包會。", payMin: 1800, payMax: 2400, payUnit: "月", workingTime: "全天", ageMin: 16, ageMax: 45, physicalDemand: "轻", skills: ["縫紉"], publishedAt: "2026-10-10" },
  { code: "F11", employerCode: "E6", title: "果树修剪零工", description: "冬季修剪果树，按天结算。", payMin: 150, payMax: 180, payUnit: "日", workingTime: "灵活", ageMin: 18, ageMax: 60, physicalDemand: "中", benefits: ["接送"], publishedAt: "2026-10-11" },
  { code: "F12", employerCode: "E3", title: "环卫工", description: "街道清扫，垃圾清运。", payMin: 1200, payMax: 1400, payUnit: "月", workingTime: "全天", ageMin: 30, ageMax: 60, physicalDemand: "中", publishedAt: "2026-10-12" },
  // Not in search: closed, full, past its closing date.
  { code: "F13", employerCode: "E1", title: "箱包质检", description: "检查成品有没有跳线。", payMin: 2400, payMax: 2800, payUnit: "月", workingTime: "全天", publishedAt: "2026-09-01", status: "已关闭" },
  { code: "F14", employerCode: "E2", title: "锁边工", description: "操作锁边机给裁片锁边。", payMin: 2500, payMax: 3000, payUnit: "计件", workingTime: "全天", publishedAt: "2026-09-02", status: "已招满" },
  { code: "F15", employerCode: "E4", title: "冷库搬运", description: "在冷库搬运货物。", payMin: 3200, payMax: 4500, payUnit: "月", workingTime: "全天", publishedAt: "2026-09-03", closingDate: "2020-01-31" },
];

/** Postings recruiting (招聘中), and so in the index: every one but the closed and full ones. */
export const RECRUITING_FIXTURE_CODES = FIXTURE_POSTINGS.filter((p) => !p.status).map((p) => p.code);
/** Postings found by search: the recruiting ones but the one past its closing date. */
export const OPEN_FIXTURE_CODES = RECRUITING_FIXTURE_CODES.filter((code) => code !== "F15");

/** Writes the fixed county and waits until the index holds it. */
export async function loadJobFixture(platform: { db: Db; outbox: OutboxWorker; now: () => Date }): Promise<void> {
  const deps = { db: platform.db };
  for (const region of FIXTURE_VILLAGES) saveVillage(deps, { region, by: FIXTURE_AUTHOR });
  for (const employer of FIXTURE_EMPLOYERS) saveEmployer(deps, { employer, by: FIXTURE_AUTHOR, now: platform.now() });
  for (const p of FIXTURE_POSTINGS) {
    const posting = {
      headcount: 3,
      skills: [],
      benefits: [],
      description: "",
      closingDate: OPEN_UNTIL,
      ...p,
      status: "招聘中" as PostingStatus,
    };
    savePosting(deps, { posting, by: FIXTURE_AUTHOR, now: platform.now() });
    if (p.status) changePostingStatus(deps, { code: p.code, status: p.status, by: FIXTURE_AUTHOR, now: platform.now() });
  }
  await platform.outbox.drain();
}
