/**
 * Placements (就业记录): each worker's history of jobs up to today.
 * Part of the county generator (src/demo/county-generator.ts).
 */
import { fromEpochDay } from "../../core/calendar.ts";
import type { EmployerType, EmploymentForm } from "../../core/enums.ts";
import type { Random } from "../../core/random.ts";
import type { CountyPlacement } from "../../core/county.ts";
import { END_REASONS } from "../vocabulary.ts";
import { type HouseholdContext, type Member, T } from "./households.ts";
import { draw, roundTo } from "./random.ts";
import { COUNTY_NAME, type JobMode, PLACEMENT_INCOME, PROVINCE_NAME } from "./settings.ts";
import type { EmployerInfo } from "./shapes.ts";

export interface Job {
  employer?: EmployerInfo;
  employerType?: EmployerType;
  form?: EmploymentForm;
  province: string;
  county: string;
}

export function chooseJob(ctx: HouseholdContext, r: Random, m: Member, townIndex: number, assisted: boolean, avoidMigrant: boolean): Job {
  const area = m.row.preferredArea;
  const nearHome = m.age >= 50 || m.weak || (m.row.availableTime !== undefined && m.row.availableTime !== "全天") || area === "本村" || area === "本乡镇";
  let mode: JobMode;
  if (nearHome || area === undefined) mode = draw(r, T.modeNearHome);
  else if (area === "本县") mode = draw(r, T.modeInCounty);
  else mode = draw(r, avoidMigrant ? T.modeAnywhereNoMigrant : T.modeAnywhere);

  if (mode === "外出务工") {
    if (area === "省内" || (area === "不限" && r.chance(0.3))) {
      return { form: "外出务工", province: PROVINCE_NAME, county: draw(r, T.provinceDestinations) };
    }
    const [province, county] = draw(r, T.migrantDestinations);
    return { form: "外出务工", province, county };
  }
  if (mode !== "local") return { form: mode, province: PROVINCE_NAME, county: COUNTY_NAME };

  const light = m.weak || m.age >= 58;
  const type = draw(r, T.localType[light ? 1 : 0][assisted ? 1 : 0]);
  const ti = ctx.typeIndex.get(type)!;
  const inTown = ctx.byTownType[townIndex]![ti]!;
  const anywhere = ctx.byType[ti]!;
  const list = inTown.length > 0 && r.chance(0.85) ? inTown : anywhere.length > 0 ? anywhere : null;
  const employer = list ? ctx.employers[r.pick(list)]! : r.pick(ctx.employers);
  return { employer, employerType: employer.row.type, province: PROVINCE_NAME, county: COUNTY_NAME };
}

export function incomeFor(r: Random, job: Job, m: Member): number {
  let range: readonly [number, number];
  if (job.employerType) range = PLACEMENT_INCOME[job.employerType];
  else if (job.form === "外出务工") range = [3500, 6000];
  else if (job.form === "自主创业") range = [2000, 5000];
  else range = [1500, 3000];
  const base = range[0] + r.next() * (range[1] - range[0]);
  // Weak workers earn less by the piece, but public posts pay a fixed subsidy.
  const factor = m.weak && job.employerType !== "公益性岗位" ? 0.85 : 1;
  return Math.max(range[0] === 700 ? 700 : 500, roundTo(base * factor, 50));
}

export function placementRow(ctx: HouseholdContext, r: Random, m: Member, job: Job, startDay: number, endDay: number | undefined, endReason: string | undefined): CountyPlacement {
  let postingCode: string | undefined;
  if (job.employer && job.employer.postings.length > 0 && r.chance(0.6)) {
    const posting = ctx.postings[r.pick(job.employer.postings)]!;
    // Only a posting that was already out when the work started can be where the job came from.
    if (posting.publishedDay <= startDay) postingCode = posting.row.code;
  }
  return {
    idNumber: m.row.idNumber,
    ...(job.employer ? { employerCode: job.employer.row.code } : {}),
    ...(postingCode ? { postingCode } : {}),
    startDate: fromEpochDay(startDay),
    ...(endDay !== undefined ? { endDate: fromEpochDay(endDay), endReason: endReason ?? r.pick(END_REASONS.general) } : {}),
    monthlyIncome: incomeFor(r, job, m),
    workProvince: job.province,
    workCounty: job.county,
    ...(job.form ? { employmentForm: job.form } : {}),
  };
}

export function endReasonFor(r: Random, ended: Job, next: Job | undefined): string {
  if (next?.form === "外出务工" && ended.form !== "外出务工" && r.chance(0.7)) return END_REASONS.toMigrant;
  if (ended.employerType === "季节性服务队" && r.chance(0.8)) return END_REASONS.seasonal;
  if (ended.employerType === "公益性岗位" && r.chance(0.6)) return r.chance(0.5) ? END_REASONS.publicPost : "合同到期";
  if (ended.form === "外出务工" && r.chance(0.5)) return r.chance(0.5) ? "返乡" : "照顾家人";
  return r.pick(END_REASONS.general);
}

/** The placement history of one member: an open placement if employed today, and maybe an earlier one that ended. */
export function addHistory(ctx: HouseholdContext, r: Random, m: Member, townIndex: number, assisted: boolean, zeroEmployment: boolean, out: CountyPlacement[]): void {
  const today = ctx.todayDay;
  const from = m.eligibleFrom;
  if (from > today - 1) return;

  if (m.employed) {
    const start = r.int(from, today);
    const job = chooseJob(ctx, r, m, townIndex, assisted, false);
    if (start - from > 200 && r.chance(0.3)) {
      const priorStart = r.int(from, start - 150);
      const priorEnd = r.int(priorStart + 60, start - 1);
      const prior = chooseJob(ctx, r, m, townIndex, assisted, false);
      out.push(placementRow(ctx, r, m, prior, priorStart, priorEnd, endReasonFor(r, prior, job)));
    }
    out.push(placementRow(ctx, r, m, job, start, undefined, undefined));
    m.lastEnd = start;
    return;
  }

  // Not in work today. Some worked before: people who fell ill, gave up work to care for family, or whose job ended.
  let chance: number;
  if (!m.labour) chance = 0.25;
  else if (!m.row.willingToWork) chance = 0.2;
  else chance = zeroEmployment ? 0.7 : 0.4;
  if (!r.chance(chance) || from > today - 90) return;
  let start: number;
  let end: number;
  if (zeroEmployment && m.labour && today - 150 > from + 30) {
    // Recent job losses are what the return-to-poverty alerts are about.
    end = r.int(today - 150, today - 1);
    start = r.int(Math.max(from, end - 900), end - 30);
  } else {
    start = r.int(from, today - 90);
    end = r.int(start + 30, today - 1);
  }
  const job = chooseJob(ctx, r, m, townIndex, assisted, !m.labour);
  const reason = !m.labour ? END_REASONS.health : !m.row.willingToWork ? r.pick(["家庭原因", "照顾家人", "身体原因"]) : endReasonFor(r, job, undefined);
  out.push(placementRow(ctx, r, m, job, start, end, reason));
  m.lastEnd = end;
}
