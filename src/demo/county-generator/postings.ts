/**
 * Postings (岗位): what each employer recruits for, its pay, hours, limits and dates.
 * Part of the county generator (src/demo/county-generator.ts).
 */
import { epochDay, fromEpochDay } from "../../core/calendar.ts";
import type { PayUnit, PostingStatus, WorkingTime } from "../../core/enums.ts";
import type { Random } from "../../core/random.ts";
import type { CountyPosting } from "../../core/county.ts";
import { AGE_LIMITS, BENEFITS_BY_TYPE, SENTENCES, type Benefit, type PostingTemplate } from "../vocabulary.ts";
import { clamp, fill, padCode, roundTo, sample, shuffle } from "./random.ts";
import { HEADCOUNT, MONTHLY_PAY, POSTINGS_PER_EMPLOYER } from "./settings.ts";
import type { EmployerInfo, PostingInfo, TownInfo } from "./shapes.ts";

export function buildPostings(r: Random, towns: TownInfo[], employers: EmployerInfo[], todayDay: number): PostingInfo[] {
  const postings: PostingInfo[] = [];
  employers.forEach((employer, employerIndex) => {
    const type = employer.row.type;
    const [lo, hi] = POSTINGS_PER_EMPLOYER[type];
    const templates = employer.kind.templates;
    const count = r.int(lo, hi);
    const order = shuffle(r, templates.map((_, i) => i));
    const usedTitles = new Set<string>();
    for (let j = 0; j < count; j++) {
      const template = templates[order[j % order.length]!]!;
      const posting = makePosting(r, towns, employer, template, todayDay, postings.length + 1);
      // A repeated title gets a qualifier (a second batch, a half-day variant …) so it reads as a separate opening.
      if (usedTitles.has(posting.title)) posting.title = template.title + qualifierFor(r, posting, template, true);
      if (usedTitles.has(posting.title)) continue;
      usedTitles.add(posting.title);
      employer.postings.push(postings.length);
      postings.push({ row: posting, employer: employerIndex, publishedDay: epochDay(posting.publishedAt) });
    }
  });
  // Codes follow the final order, gaps from skipped duplicates closed.
  postings.forEach((p, i) => (p.row.code = padCode("P", i + 1, 5)));
  return postings;
}

export function qualifierFor(r: Random, posting: CountyPosting, template: PostingTemplate, force: boolean): string {
  if (!force && !r.chance(0.12)) return "";
  const options: string[] = ["（急招）", "（熟手优先）"];
  if (posting.workingTime !== "全天") options.push("（可做半天）");
  if (posting.workingTime !== "全天" && template.physical === "轻") options.push("（宝妈岗）");
  if (template.seasonal || posting.payUnit === "日") options.push("（临时工）");
  else options.push("（长期）");
  if (posting.payUnit !== "月" || template.physical !== "轻") options.push("（新手可学）");
  if (template.skills?.length) options.push("（学徒）");
  if (force) options.push("（第二批）", "（熟练工）");
  return r.pick(options);
}

export function makePosting(r: Random, towns: TownInfo[], employer: EmployerInfo, template: PostingTemplate, todayDay: number, ordinal: number): CountyPosting {
  const type = employer.row.type;
  const payUnit: PayUnit = r.chance(0.65) ? template.pay[0]! : r.pick(template.pay);
  const workingTime: WorkingTime = r.chance(0.6) ? template.times[0]! : r.pick(template.times);

  let payMin: number | undefined;
  let payMax: number | undefined;
  if (!r.chance(0.03)) {
    // 3% say 面议 (pay agreed in person) and give no figure.
    if (payUnit === "月" || payUnit === "计件") {
      const [lo, hi] = template.monthly ?? (payUnit === "计件" && type !== "公益性岗位" ? [2000, 3500] : MONTHLY_PAY[type]);
      const step = hi <= 1500 ? 50 : 100;
      payMin = roundTo(lo + r.next() * (hi - lo) * 0.6, step);
      payMax = Math.min(hi, payMin + roundTo(r.int(200, 1200), step));
      if (payMax <= payMin) payMax = payMin + step;
    } else if (payUnit === "日") {
      const [lo, hi] = template.physical === "重" ? [130, 200] : template.physical === "中" ? [100, 170] : [80, 140];
      payMin = roundTo(lo + r.next() * (hi - lo) * 0.6, 10);
      payMax = Math.min(hi, payMin + roundTo(r.int(10, 50), 10));
      if (payMax <= payMin) payMax = payMin + 10;
    } else {
      payMin = r.int(15, 20);
      payMax = payMin + r.int(1, 5);
    }
  }

  const ages = r.pick(AGE_LIMITS[template.ages]);
  const [hcLo, hcHi] = HEADCOUNT[type];
  const headcount = clamp(template.physical === "重" ? r.int(hcLo, Math.ceil(hcHi / 2)) : r.int(hcLo, hcHi), 1, 30);

  const benefits = new Set<Benefit>(template.benefits ?? []);
  const extra = BENEFITS_BY_TYPE[type];
  for (const b of sample(r, extra, r.int(0, type === "公益性岗位" ? 1 : 3))) benefits.add(b);
  if (payUnit !== "计件") benefits.delete("计件奖励");
  if (benefits.has("五险一金")) benefits.delete("五险");

  const skills = template.skills && r.chance(0.8) ? [...template.skills] : [];

  const statusRoll = r.next();
  const status: PostingStatus = statusRoll < 0.9 ? "招聘中" : statusRoll < 0.96 ? "已招满" : "已关闭";
  const publishedDay = todayDay - r.int(0, 120);
  let closingDay: number | undefined;
  if (status === "招聘中") {
    if (r.chance(0.82)) closingDay = todayDay + r.int(7, 90);
  } else if (r.chance(0.5) && publishedDay + 7 <= todayDay - 1) {
    closingDay = r.int(publishedDay + 7, todayDay - 1);
  }

  const posting: CountyPosting = {
    code: padCode("P", ordinal, 5),
    employerCode: employer.row.code,
    title: template.title,
    description: "",
    headcount,
    ...(payMin !== undefined ? { payMin, payMax } : {}),
    payUnit,
    workingTime,
    ...(ages ? { ageMin: ages[0], ageMax: ages[1] } : {}),
    physicalDemand: template.physical,
    skills,
    benefits: [...benefits],
    status,
    ...(closingDay !== undefined ? { closingDate: fromEpochDay(closingDay) } : {}),
    publishedAt: fromEpochDay(publishedDay),
  };
  posting.title = template.title + qualifierFor(r, posting, template, false);
  posting.description = describe(r, towns, employer, template, posting);
  return posting;
}

/** 2–4 short sentences: the work itself first, then what matters to a rural job seeker. */
export function describe(r: Random, towns: TownInfo[], employer: EmployerInfo, template: PostingTemplate, posting: CountyPosting): string {
  const type = employer.row.type;
  const town = towns[employer.town]!;
  const place = employer.kind.site === "park" ? "县工业园区" : (employer.row.village ?? town.name);
  const values = {
    place,
    town: town.name,
    payMin: String(posting.payMin ?? ""),
    payMax: String(posting.payMax ?? ""),
  };
  const workshop = type === "帮扶车间" || type === "卫星工厂";
  const candidates: string[] = [];
  if (employer.kind.site === "village") {
    const atSite = town.resettlement.name === employer.row.village;
    if (atSite && r.chance(0.5)) candidates.push(r.pick(SENTENCES.resettlement));
    else if (r.chance(0.6)) candidates.push(r.pick(workshop && r.chance(0.5) ? SENTENCES.workshopNearHome : SENTENCES.nearHome));
  } else if (r.chance(0.4)) {
    candidates.push(r.pick(SENTENCES.nearTown));
  }
  if (posting.workingTime !== "全天" && r.chance(0.7)) {
    candidates.push(r.pick(workshop && r.chance(0.4) ? SENTENCES.workshopFlexible : SENTENCES.flexible));
  }
  if (template.physical === "轻" && (posting.ageMax === undefined || posting.ageMax >= 65) && r.chance(0.5)) candidates.push(r.pick(SENTENCES.older));
  if (type !== "公益性岗位" && r.chance(0.45)) candidates.push(r.pick(SENTENCES.training));
  if (template.physical === "重" && r.chance(0.7)) candidates.push(r.pick(SENTENCES.heavy));
  if (template.seasonal && r.chance(0.6)) candidates.push(r.pick(SENTENCES.seasonal));
  if (type === "公益性岗位" && r.chance(0.8)) candidates.push(r.pick(SENTENCES.public));
  if (posting.payMin !== undefined && r.chance(0.75)) candidates.push(r.pick(SENTENCES.pay[posting.payUnit]));
  const withSentence = posting.benefits.filter((b) => SENTENCES.benefit[b as Benefit]);
  if (withSentence.length > 0 && r.chance(0.4)) candidates.push(r.pick(SENTENCES.benefit[r.pick(withSentence) as Benefit]!));
  if (candidates.length === 0) candidates.push(r.pick(type === "公益性岗位" ? SENTENCES.public : SENTENCES.training));

  // Keep 1–3 of them in their natural order.
  const keep = Math.min(candidates.length, r.int(1, 3));
  const chosen = new Set(sample(r, candidates.map((_, i) => i), keep));
  let text = fill(r.pick(template.duties), values);
  candidates.forEach((sentence, i) => {
    if (chosen.has(i)) text += fill(sentence, values);
  });
  return text;
}
