/**
 * Applications (报名): who applied for which open posting, and how far it went.
 * Part of the county generator (src/demo/county-generator.ts).
 */
import type { ApplicationStatus } from "../../core/enums.ts";
import type { Random } from "../../core/random.ts";
import type { CountyApplication, CountyPlacement } from "../../core/county.ts";
import { APPLICATION_NOTES } from "../vocabulary.ts";
import { isoTimestamp } from "./dates.ts";
import { type HouseholdContext, type Member, T } from "./households.ts";
import { type Job, placementRow } from "./placements.ts";
import { draw } from "./random.ts";
import { COUNTY_NAME, PROVINCE_NAME } from "./settings.ts";

// Applications

export function addApplications(
  ctx: HouseholdContext,
  r: Random,
  count: number,
  townIndex: number,
  village: string,
  applicant: Member | { name: string; phone: string },
  noHire: boolean,
  out: CountyApplication[],
  placements: CountyPlacement[],
): void {
  if (ctx.openPostings.length === 0) return;
  const member = "row" in applicant ? applicant : undefined;
  const name = member ? member.row.name : (applicant as { name: string }).name;
  const phone = member ? member.row.phone! : (applicant as { phone: string }).phone;
  const chosen = new Set<number>();
  for (let k = 0; k < count; k++) {
    let postingIndex = -1;
    for (let attempt = 0; attempt < 4; attempt++) {
      const local = ctx.openByTown[townIndex]!;
      const candidate = r.pick(local.length > 0 && r.chance(0.75) ? local : ctx.openPostings);
      if (chosen.has(candidate)) continue;
      const p = ctx.postings[candidate]!.row;
      const fits = !member || ((p.ageMin === undefined || member.age >= p.ageMin) && (p.ageMax === undefined || member.age <= p.ageMax));
      postingIndex = candidate;
      if (fits) break;
    }
    if (postingIndex < 0 || chosen.has(postingIndex)) continue;
    chosen.add(postingIndex);
    const posting = ctx.postings[postingIndex]!;
    const createdDay = r.int(Math.max(posting.publishedDay, ctx.todayDay - 60), ctx.todayDay);
    const age = ctx.todayDay - createdDay;
    // Fresh applications are still waiting; only someone not in work (in a household not on the follow-up list) gets hired here.
    const hireable = !noHire && member !== undefined && !member.employed;
    let status: ApplicationStatus =
      age <= 3 ? (r.chance(0.7) ? "报名" : "已联系") : draw(r, hireable ? T.status : T.statusNoHire);
    if (status === "已录用" && member) {
      const start = Math.max(createdDay + r.int(1, 7), member.lastEnd + 1);
      if (start > ctx.todayDay) {
        status = "已联系";
      } else {
        const employer = ctx.employers[posting.employer]!;
        const job: Job = { employer, employerType: employer.row.type, province: PROVINCE_NAME, county: COUNTY_NAME };
        const row = placementRow(ctx, r, member, job, start, undefined, undefined);
        row.postingCode = posting.row.code;
        placements.push(row);
        member.employed = true;
        member.lastEnd = start;
      }
    }
    let note: string | undefined = r.chance(0.3) ? r.pick(APPLICATION_NOTES) : member ? undefined : "家属代报名";
    if (note?.startsWith("以前") && member && member.age < 25) note = undefined;
    // Hours in Beijing time: 7:00–21:59; on today itself only early morning, so nothing lies in the future of a morning demo.
    const hour = createdDay === ctx.todayDay ? 7 : r.int(7, 21);
    const application: CountyApplication = {
      postingCode: posting.row.code,
      ...(member ? { idNumber: member.row.idNumber } : {}),
      applicantName: name,
      applicantPhone: phone,
      applicantVillage: village,
      ...(note ? { note } : {}),
      status,
      createdAt: isoTimestamp(createdDay, hour, r.int(0, 59), r.int(0, 59)),
    };
    out.push(application);
  }
}
