/**
 * Households (户) and their workers (劳动力), streamed one by one.
 * Part of the county generator (src/demo/county-generator.ts).
 */
import { ageOn, epochDay, fromEpochDay } from "../../core/calendar.ts";
import type { EmployerType, HouseholdCategory, LabourAbility, PreferredArea, WorkingTime } from "../../core/enums.ts";
import { makeIdNumber } from "../../core/id-number.ts";
import { createRandom, type Random } from "../../core/random.ts";
import type { CountyApplication, CountyHousehold, CountyPlacement, CountyWorker } from "../../core/county.ts";
import { MIGRANT_DESTINATIONS, PROVINCE_DESTINATIONS, SURNAMES, WORKER_SKILL_WEIGHTS } from "../vocabulary.ts";
import { addApplications } from "./applications.ts";
import { personName } from "./employers.ts";
import { addHistory } from "./placements.ts";
import { type Table, clamp, draw, fmix, mixSeed, padCode, phoneNumber, table } from "./random.ts";
import { APPLICATION_STATUS_NO_HIRE, APPLICATION_STATUS_WEIGHTS, CATEGORY_WEIGHTS, DEPENDANT_WEIGHTS, ID_AREAS_OLDER, ID_AREAS_YOUNGER, ID_AREA_CODES, LOCAL_TYPE_WEIGHTS, LOCAL_TYPE_WEIGHTS_LIGHT, MODE_ANYWHERE, MODE_IN_COUNTY, MODE_NEAR_HOME, OUTSIDER_PHONE_BASE, SKILL_COUNT_WEIGHTS, WORKER_COUNT_WEIGHTS } from "./settings.ts";
import type { EmployerInfo, PostingInfo, TownInfo } from "./shapes.ts";

/** Birth dates from 80 years ago up to today fit the ID counters. */
export const BIRTH_SPAN_DAYS = 366 * 80;

export interface HouseholdContext {
  seed: number;
  today: string;
  todayDay: number;
  historyStartDay: number;
  towns: TownInfo[];
  townTable: Table<number>;
  employers: EmployerInfo[];
  postings: PostingInfo[];
  typeIndex: Map<EmployerType, number>;
  byType: number[][];
  byTownType: number[][][];
  openPostings: number[];
  openByTown: number[][];
  phoneKey: number;
}

export interface StreamState {
  /** Per (area code, birth date, sex): how many ID numbers were handed out, so that every number is unique. */
  idCounters: Uint16Array;
  minBirthDay: number;
  workerOrdinal: number;
  outsiderOrdinal: number;
}

/** A worker while the household is being built. */
export interface Member {
  row: CountyWorker;
  male: boolean;
  age: number;
  birthDay: number;
  /** Counts towards the labour force: ≥ 16 and 有劳动能力 or 弱劳动力或半劳动力. */
  labour: boolean;
  weak: boolean;
  /** The first day a placement may start: the later of HISTORY_START and the 16th birthday. */
  eligibleFrom: number;
  /** The last day of the latest ended placement, or the start of the open one. */
  lastEnd: number;
  employed: boolean;
}

export function makeHousehold(ctx: HouseholdContext, state: StreamState, index: number): CountyHousehold {
  const r = createRandom(mixSeed(ctx.seed, index));
  const category = draw(r, T.category);
  const assisted = category !== "一般户";
  // 易地搬迁 was for registered poor households; some ordinary households moved with their village.
  const relocated = r.chance(assisted ? 0.18 : 0.07);
  const townIndex = draw(r, ctx.townTable);
  const town = ctx.towns[townIndex]!;
  const village = relocated ? town.resettlement : r.pick(town.ordinary);
  const workerCount = draw(r, T.workerCount);
  const size = Math.min(7, workerCount + draw(r, T.dependants));
  const hasDependants = size > workerCount;
  const surname = draw(r, T.surname);

  // Ages of the members: head, spouse, then adult children (or an elder parent of a young head).
  const ages: { age: number; male: boolean; turning16?: boolean }[] = [];
  const headAge = r.int(...draw(r, workerCount === 1 ? T.headAgesAlone : T.headAges));
  const headMale = r.chance(0.78);
  ages.push({ age: headAge, male: headMale });
  if (workerCount >= 2) ages.push({ age: clamp(headAge + r.int(-6, 4), 18, 75), male: !headMale });
  for (let i = 2; i < workerCount; i++) {
    const parentAge = Math.min(headAge, ages[1]!.age);
    // Children listed as workers are mostly past school age (18+); a few are right at the 16-year threshold.
    if (r.chance(0.015)) ages.push({ age: 16, male: r.chance(0.5), turning16: true });
    else if (parentAge >= 38) ages.push({ age: parentAge - r.int(20, Math.min(32, parentAge - 18)), male: r.chance(0.55) });
    else ages.push({ age: Math.min(75, headAge + r.int(22, 30)), male: r.chance(0.4) });
  }

  // Children take the head's surname; a spouse (usually) has another one.
  let spouseSurname = draw(r, T.surname);
  if (spouseSurname === surname) spouseSurname = draw(r, T.surname);
  const members: Member[] = ages.map((spec, i) => makeMember(ctx, state, r, spec, i === 1 ? spouseSurname : surname, category, hasDependants));
  if (category === "突发严重困难户" && r.chance(0.4)) {
    // Sudden hardship is most often serious illness of a member.
    const sick = r.pick(members);
    sick.row.labourAbility = r.chance(0.7) ? "丧失劳动能力" : "弱劳动力或半劳动力";
    refreshLabour(sick);
  }

  const placements: CountyPlacement[] = [];
  const willing = members.filter((m) => m.labour && m.row.willingToWork);
  // The goal is that every willing household has someone in work; a few do not (the bureau's follow-up list).
  const zeroEmployment = willing.length > 0 && r.chance(category === "突发严重困难户" ? 0.1 : assisted ? 0.035 : 0.06);
  if (!zeroEmployment && willing.length > 0) {
    // A placement needs at least one day of history (see addHistory), so those who turned 16 today wait.
    const canWork = (m: Member) => m.eligibleFrom <= ctx.todayDay - 1;
    const primary = willing.find((m) => !m.weak && canWork(m)) ?? willing.find(canWork);
    for (const m of willing) {
      if (!canWork(m)) continue;
      const p = m === primary ? 1 : m.weak ? 0.3 : m.age >= 65 ? 0.3 : 0.45;
      if (r.chance(p)) m.employed = true;
    }
  }
  for (const m of members) addHistory(ctx, r, m, townIndex, assisted, zeroEmployment, placements);

  const applications: CountyApplication[] = [];
  for (const m of members) {
    if (!m.row.phone || !m.labour || !m.row.willingToWork || m.age < 16) continue;
    const chance = m.employed ? 0.06 : 0.35;
    if (!r.chance(chance)) continue;
    const count = r.chance(0.25) ? 2 : 1;
    addApplications(ctx, r, count, townIndex, village.name, m, zeroEmployment, applications, placements);
  }
  if (hasDependants && r.chance(0.03)) {
    // A family member outside the registry (or a cadre with their number) applies: no ID number.
    const outsider = {
      name: personName(r, r.chance(0.5), r.chance(0.3), r.chance(0.7) ? surname : undefined),
      phone: phoneNumber(OUTSIDER_PHONE_BASE + state.outsiderOrdinal++, ctx.phoneKey),
    };
    addApplications(ctx, r, 1, townIndex, village.name, outsider, true, applications, placements);
  }

  return {
    code: padCode("H", index + 1, 6),
    category,
    relocated,
    size,
    town: town.name,
    village: village.name,
    workers: members.map((m) => m.row),
    placements,
    applications,
  };
}

export const HEAD_AGES: readonly (readonly [readonly [number, number], number])[] = [[[28, 44], 30], [[45, 59], 45], [[60, 75], 25]];
export const HEAD_AGES_ALONE: readonly (readonly [readonly [number, number], number])[] = [[[22, 44], 20], [[45, 59], 40], [[60, 75], 40]];

export function makeMember(
  ctx: HouseholdContext,
  state: StreamState,
  r: Random,
  spec: { age: number; male: boolean; turning16?: boolean },
  surname: string,
  category: HouseholdCategory,
  hasDependants: boolean,
): Member {
  // Birth date: for the 16-year-olds at the threshold, a 16th birthday within a month either side of today.
  let birth: string;
  if (spec.turning16) {
    const birthday16 = fromEpochDay(ctx.todayDay + r.int(-30, 30));
    const md = birthday16.slice(5) === "02-29" ? "-02-28" : birthday16.slice(4);
    birth = String(Number(birthday16.slice(0, 4)) - 16) + md;
  } else {
    birth = fromEpochDay(Math.floor(ctx.todayDay - spec.age * 365.2425 - r.int(0, 364)));
    const actual = ageOn(birth, ctx.today);
    if (actual !== spec.age) birth = fromEpochDay(epochDay(birth) + (actual > spec.age ? 365 : -365));
    if (ageOn(birth, ctx.today) < 16) birth = fromEpochDay(epochDay(birth) - 366);
  }
  let birthDay = epochDay(birth);
  const age = ageOn(birth, ctx.today);
  const male = spec.male;
  const older = Number(birth.slice(0, 4)) < 1975;

  // A unique ID number: count numbers per (area, birth date, sex); on the rare full day, move to the next day.
  const areaIndex = draw(r, Number(birth.slice(0, 4)) < 1985 ? T.idAreasOlder : T.idAreasYounger);
  let sequence = 0;
  for (;;) {
    const slot = (areaIndex * BIRTH_SPAN_DAYS + (birthDay - state.minBirthDay)) * 2 + (male ? 1 : 0);
    const issued = state.idCounters[slot]!;
    if (issued < 499) {
      state.idCounters[slot] = issued + 1;
      const s = (issued + (fmix(slot ^ ctx.phoneKey) % 499)) % 499;
      sequence = male ? 2 * s + 1 : 2 * s + 2;
      break;
    }
    birthDay += 1;
    birth = fromEpochDay(birthDay);
  }
  const idNumber = makeIdNumber(ID_AREA_CODES[areaIndex]!, birth, sequence);

  const frail = category === "脱贫不稳定户" || category === "突发严重困难户" ? 1 : 0;
  const labourAbility: LabourAbility = draw(r, T.ability[age < 60 ? 0 : age < 70 ? 1 : 2]![frail]);
  const inLabour = labourAbility === "有劳动能力" || labourAbility === "弱劳动力或半劳动力";
  const willingToWork = inLabour && r.chance(age >= 65 ? 0.7 : 0.92);
  // Carers (parents of young children, people looking after elders) and older people want work near home, part-time.
  const carer = (hasDependants && !male && age >= 22 && age <= 55) || age >= 60;
  const skillCount = draw(r, T.skillCount);
  const skills: string[] = skillCount === 0 ? [] : distinctDraws(r, male ? T.skillsMale : T.skillsFemale, skillCount);
  const hasPhone = r.chance(age >= 70 ? 0.55 : age >= 60 ? 0.8 : 0.96);

  const row: CountyWorker = {
    name: personName(r, male, older, surname),
    idNumber,
    ...(hasPhone ? { phone: phoneNumber(state.workerOrdinal, ctx.phoneKey) } : {}),
    labourAbility,
    willingToWork,
    skills,
  };
  state.workerOrdinal++;
  if (willingToWork) {
    row.preferredArea = draw(r, carer || age >= 50 ? T.areasNear : T.areasAny);
    row.availableTime = draw(r, carer ? T.timesCarer : T.timesAny);
  }
  const member: Member = {
    row,
    male,
    age,
    birthDay,
    labour: false,
    weak: false,
    // 16 years are at most 5,844 days; the day after is safely past the 16th birthday.
    eligibleFrom: Math.max(ctx.historyStartDay, birthDay + 5845),
    lastEnd: -Infinity,
    employed: false,
  };
  refreshLabour(member);
  return member;
}

export function refreshLabour(m: Member): void {
  const ability = m.row.labourAbility;
  m.labour = m.age >= 16 && (ability === "有劳动能力" || ability === "弱劳动力或半劳动力");
  m.weak = ability === "弱劳动力或半劳动力";
  if (!m.labour) {
    m.row.willingToWork = false;
    delete m.row.preferredArea;
    delete m.row.availableTime;
  }
}

export const AREAS_NEAR: readonly (readonly [PreferredArea, number])[] = [["本村", 40], ["本乡镇", 35], ["本县", 15], ["不限", 10]];
export const AREAS_ANY: readonly (readonly [PreferredArea, number])[] = [["本村", 5], ["本乡镇", 10], ["本县", 20], ["省内", 15], ["省外", 30], ["不限", 20]];
export const TIMES_CARER: readonly (readonly [WorkingTime, number])[] = [["灵活", 45], ["半天", 35], ["全天", 20]];
export const TIMES_ANY: readonly (readonly [WorkingTime, number])[] = [["全天", 70], ["灵活", 20], ["半天", 10]];

export function abilityWeights(ageBand: 0 | 1 | 2, frail: number): readonly (readonly [LabourAbility, number])[] {
  if (ageBand === 0) return [["有劳动能力", 85], ["弱劳动力或半劳动力", 8 * frail], ["丧失劳动能力", 4 * frail], ["无劳动能力", 3]];
  if (ageBand === 1) return [["有劳动能力", 45], ["弱劳动力或半劳动力", 40 * frail], ["丧失劳动能力", 10 * frail], ["无劳动能力", 5]];
  return [["有劳动能力", 15], ["弱劳动力或半劳动力", 55], ["丧失劳动能力", 20 * frail], ["无劳动能力", 10]];
}

/** Local platforms by worker profile (light work or not) and household (帮扶对象 or not). */
export function localTypeTable(light: boolean, assisted: boolean): Table<EmployerType> {
  const weights = light ? LOCAL_TYPE_WEIGHTS_LIGHT : LOCAL_TYPE_WEIGHTS;
  // Public-benefit posts are for 帮扶对象 households.
  return table(assisted ? weights : weights.map(([t, w]) => [t, t === "公益性岗位" ? w / 12 : w] as const));
}

/** The weighted lists of the household stream, summed once. */
export const T = {
  category: table(CATEGORY_WEIGHTS),
  workerCount: table(WORKER_COUNT_WEIGHTS),
  dependants: table(DEPENDANT_WEIGHTS),
  surname: table(SURNAMES),
  headAges: table(HEAD_AGES),
  headAgesAlone: table(HEAD_AGES_ALONE),
  idAreasOlder: table(ID_AREAS_OLDER),
  idAreasYounger: table(ID_AREAS_YOUNGER),
  // Unstable and hardship households have more members who cannot work fully: [age band][frail].
  ability: ([0, 1, 2] as const).map((band) => [table(abilityWeights(band, 1)), table(abilityWeights(band, 1.6))] as const),
  skillCount: table(SKILL_COUNT_WEIGHTS),
  skillsMale: table(WORKER_SKILL_WEIGHTS.male),
  skillsFemale: table(WORKER_SKILL_WEIGHTS.female),
  areasNear: table(AREAS_NEAR),
  areasAny: table(AREAS_ANY),
  timesCarer: table(TIMES_CARER),
  timesAny: table(TIMES_ANY),
  modeNearHome: table(MODE_NEAR_HOME),
  modeInCounty: table(MODE_IN_COUNTY),
  modeAnywhere: table(MODE_ANYWHERE),
  modeAnywhereNoMigrant: table(MODE_ANYWHERE.filter(([m]) => m !== "外出务工")),
  // [light][assisted]
  localType: [
    [localTypeTable(false, false), localTypeTable(false, true)],
    [localTypeTable(true, false), localTypeTable(true, true)],
  ] as const,
  status: table(APPLICATION_STATUS_WEIGHTS),
  statusNoHire: table(APPLICATION_STATUS_NO_HIRE),
  provinceDestinations: table(PROVINCE_DESTINATIONS),
  migrantDestinations: table(MIGRANT_DESTINATIONS.map(([province, county, w]) => [[province, county] as const, w] as const)),
};

export function distinctDraws<X>(r: Random, items: Table<X>, count: number): X[] {
  const out: X[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 4; attempt++) {
    const item = draw(r, items);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}
