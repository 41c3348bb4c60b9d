/**
 * Generates a plausible synthetic county deterministically from a seed: the demo data loaded on
 * first start and, scaled up to a million workers, the benchmark county. Households are streamed.
 */
import { EMPLOYER_TYPES } from "../core/enums.ts";
import type {
  ApplicationStatus,
  EmployerType,
  EmploymentForm,
  HouseholdCategory,
  LabourAbility,
  PayUnit,
  PostingStatus,
  PreferredArea,
  WorkingTime,
} from "../core/enums.ts";
import { makeIdNumber } from "../core/id-number.ts";
import { createRandom, type Random } from "../core/random.ts";
import type {
  CountyApplication,
  CountyEmployer,
  CountyHousehold,
  CountyPlacement,
  CountyPosting,
  CountyTown,
  CountyWorker,
  GenerateCountyOptions,
  GeneratedCounty,
} from "../core/county.ts";
import {
  AGE_LIMITS,
  APPLICATION_NOTES,
  BENEFITS_BY_TYPE,
  BRAND_WORDS,
  END_REASONS,
  EMPLOYER_KINDS,
  MIGRANT_DESTINATIONS,
  OLDER_FEMALE_GIVEN,
  OLDER_MALE_GIVEN,
  PARK_ROADS,
  PHONE_PREFIXES,
  PROVINCE_DESTINATIONS,
  RESETTLEMENT_SUFFIX,
  SENTENCES,
  SURNAMES,
  TOWN_NAMES,
  TOWN_STREETS,
  VILLAGE_CORES,
  VILLAGE_PREFIXES,
  VILLAGE_WHOLE_NAMES,
  WORKER_SKILL_WEIGHTS,
  YOUNGER_FEMALE_GIVEN,
  YOUNGER_MALE_GIVEN,
  type Benefit,
  type EmployerKind,
  type PostingTemplate,
} from "./vocabulary.ts";

/** The demo county: loaded on first start. */
export const DEMO_SEED = 20261123;
export const DEMO_WORKERS = 1500;

const COUNTY_NAME = "示范县";
const COUNTY_SHORT = "示范";
const PROVINCE_NAME = "江西省";
const PARK_NAME = `${COUNTY_NAME}工业园区`;
/** Centre of the county (near 于都县, 赣州市). */
const CENTRE_LAT = 25.95;
const CENTRE_LNG = 115.4;
const KM_PER_DEG_LAT = 110.9;
const KM_PER_DEG_LNG = 111.3 * Math.cos((CENTRE_LAT * Math.PI) / 180);
/** Villages lie within this distance of the centre. */
const MAX_RADIUS_KM = 29;
/** Placement history starts here (the seeds compare with 2020; a year before gives a baseline some history). */
const HISTORY_START = "2019-01-01";

/**
 * ID area codes: the county's own, its pre-1999 赣州地区 code (older people keep their first number),
 * and neighbouring counties (people who married in).
 */
const ID_AREA_CODES = ["360731", "362132", "360732", "360781"] as const;
const ID_AREAS_OLDER: readonly (readonly [number, number])[] = [[0, 75], [1, 19], [2, 3], [3, 3]];
const ID_AREAS_YOUNGER: readonly (readonly [number, number])[] = [[0, 94], [2, 3], [3, 3]];

const CATEGORY_WEIGHTS: readonly (readonly [HouseholdCategory, number])[] = [
  ["脱贫户", 55], ["脱贫不稳定户", 8], ["边缘易致贫户", 7], ["突发严重困难户", 3], ["一般户", 27],
];
const WORKER_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [[1, 30], [2, 40], [3, 20], [4, 10]];
/** Household members beyond the workers listed: children at school, elders. */
const DEPENDANT_WEIGHTS: readonly (readonly [number, number])[] = [[0, 22], [1, 30], [2, 26], [3, 16], [4, 6]];
const SKILL_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [[0, 30], [1, 40], [2, 22], [3, 8]];

/** Shares of the employer types in a county: workshops, public posts and enterprises lead. */
const TYPE_SHARES: Readonly<Record<EmployerType, number>> = {
  帮扶车间: 0.26, 卫星工厂: 0.1, 公益性岗位: 0.18, 用工企业: 0.2, 专业合作社: 0.12, 季节性服务队: 0.07, 非正规就业组织: 0.07,
};
const POSTINGS_PER_EMPLOYER: Readonly<Record<EmployerType, readonly [number, number]>> = {
  帮扶车间: [3, 7], 卫星工厂: [3, 6], 公益性岗位: [3, 7], 用工企业: [4, 9], 专业合作社: [3, 6], 季节性服务队: [3, 6], 非正规就业组织: [3, 6],
};
const HEADCOUNT: Readonly<Record<EmployerType, readonly [number, number]>> = {
  帮扶车间: [3, 20], 卫星工厂: [3, 25], 公益性岗位: [1, 8], 用工企业: [2, 30], 专业合作社: [2, 10], 季节性服务队: [5, 30], 非正规就业组织: [1, 10],
};
/** Monthly pay range of a posting (and monthly-equivalent for 计件) when the template does not say. */
const MONTHLY_PAY: Readonly<Record<EmployerType, readonly [number, number]>> = {
  帮扶车间: [1800, 3200], 卫星工厂: [2000, 3500], 公益性岗位: [700, 1200], 用工企业: [2500, 4500], 专业合作社: [1800, 3200], 季节性服务队: [1500, 3000], 非正规就业组织: [1500, 3500],
};
/** Monthly income range of a placement by employer type. */
const PLACEMENT_INCOME: Readonly<Record<EmployerType, readonly [number, number]>> = {
  帮扶车间: [1800, 3200], 卫星工厂: [2000, 3200], 公益性岗位: [700, 1000], 用工企业: [2500, 4500], 专业合作社: [1800, 3200], 季节性服务队: [1500, 2800], 非正规就业组织: [1500, 3000],
};
/** Which platforms a local job of an older or weaker worker is on, and of anyone else. */
const LOCAL_TYPE_WEIGHTS_LIGHT: readonly (readonly [EmployerType, number])[] = [
  ["帮扶车间", 35], ["卫星工厂", 12], ["公益性岗位", 35], ["用工企业", 5], ["专业合作社", 10], ["季节性服务队", 5], ["非正规就业组织", 5],
];
const LOCAL_TYPE_WEIGHTS: readonly (readonly [EmployerType, number])[] = [
  ["帮扶车间", 22], ["卫星工厂", 14], ["公益性岗位", 8], ["用工企业", 32], ["专业合作社", 10], ["季节性服务队", 6], ["非正规就业组织", 8],
];
const APPLICATION_STATUS_WEIGHTS: readonly (readonly [ApplicationStatus, number])[] = [
  ["报名", 35], ["已联系", 25], ["已录用", 15], ["未录用", 15], ["已撤回", 10],
];
const APPLICATION_STATUS_NO_HIRE: readonly (readonly [ApplicationStatus, number])[] = [
  ["报名", 40], ["已联系", 30], ["未录用", 18], ["已撤回", 12],
];
type JobMode = "local" | EmploymentForm;
const MODE_NEAR_HOME: readonly (readonly [JobMode, number])[] = [["local", 84], ["灵活就业", 11], ["自主创业", 5]];
const MODE_IN_COUNTY: readonly (readonly [JobMode, number])[] = [["local", 72], ["灵活就业", 18], ["自主创业", 10]];
const MODE_ANYWHERE: readonly (readonly [JobMode, number])[] = [["local", 30], ["外出务工", 58], ["灵活就业", 8], ["自主创业", 4]];

/** Phone-number ordinals: workers count up from 0; outsiders and employer contacts live in their own ranges. */
const OUTSIDER_PHONE_BASE = 80_000_000;
const EMPLOYER_PHONE_BASE = 90_000_000;

// ---------------------------------------------------------------------------------------------
// Dates: day numbers (days since 1970-01-01, UTC) and YYYY-MM-DD strings.

const DAY_MS = 86_400_000;

function parseDay(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));

/** Day number to YYYY-MM-DD without allocating a Date (this runs millions of times); H. Hinnant's civil_from_days. */
function formatDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Whole years from `birth` to `on`, both YYYY-MM-DD. */
function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** An ISO timestamp on `day` at a Beijing-time hour and minute. */
function isoTimestamp(day: number, hourBeijing: number, minute: number, second: number): string {
  return new Date(day * DAY_MS + ((hourBeijing - 8) * 60 + minute) * 60_000 + second * 1000).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Hashing and small helpers

/** murmur3's finaliser: spreads nearby integers over all 32 bits. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A PRNG seed for one stream (a household index, or a setup stage) of a county seed. */
function mixSeed(seed: number, salt: number): number {
  const high = Math.floor(seed / 4294967296) >>> 0;
  return fmix((fmix((seed >>> 0) ^ fmix(high)) + Math.imul(salt >>> 0, 0x9e3779b1)) >>> 0);
}

const SALT_TOWNS = 0xf0000001;
const SALT_EMPLOYERS = 0xf0000002;
const SALT_POSTINGS = 0xf0000003;

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
const roundTo = (x: number, step: number) => Math.round(x / step) * step;
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
const padCode = (prefix: string, n: number, width: number) => prefix + String(n).padStart(width, "0");

function shuffle<T>(r: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}

/** Up to `count` distinct elements, in random order. */
function sample<T>(r: Random, items: readonly T[], count: number): T[] {
  return shuffle(r, [...items]).slice(0, count);
}

/**
 * A weighted list with its total worked out once. Random.weighted sums the weights on every call,
 * which dominated a million-worker run; draw() picks exactly as Random.weighted would.
 */
interface Table<T> {
  items: readonly T[];
  weights: readonly number[];
  total: number;
}

function table<T>(entries: readonly (readonly [T, number])[]): Table<T> {
  return { items: entries.map((e) => e[0]), weights: entries.map((e) => e[1]), total: entries.reduce((sum, e) => sum + e[1], 0) };
}

function draw<T>(r: Random, t: Table<T>): T {
  let x = r.next() * t.total;
  const last = t.items.length - 1;
  for (let i = 0; i < last; i++) {
    x -= t.weights[i]!;
    if (x < 0) return t.items[i]!;
  }
  return t.items[last]!;
}

function fill(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

/** A unique 11-digit mobile number per ordinal: a 4-round Feistel permutation of 0..99,999,999 keyed by the seed. */
function phoneNumber(ordinal: number, key: number): string {
  let left = Math.floor(ordinal / 10000) % 10000;
  let right = ordinal % 10000;
  for (let round = 0; round < 4; round++) {
    const f = fmix((right + Math.imul(key + round, 0x9e3779b1)) >>> 0) % 10000;
    const next = (left + f) % 10000;
    left = right;
    right = next;
  }
  const prefix = PHONE_PREFIXES[fmix((ordinal ^ key) >>> 0) % PHONE_PREFIXES.length]!;
  return prefix + String(left).padStart(4, "0") + String(right).padStart(4, "0");
}

// ---------------------------------------------------------------------------------------------
// Internal shapes

interface VillageInfo {
  name: string;
  short: string;
  lat: number;
  lng: number;
  town: number;
  resettlement: boolean;
}

interface TownInfo {
  name: string;
  short: string;
  lat: number;
  lng: number;
  weight: number;
  villages: VillageInfo[];
  ordinary: VillageInfo[];
  resettlement: VillageInfo;
}

interface EmployerInfo {
  row: CountyEmployer;
  kind: EmployerKind;
  town: number;
  /** Indexes into the postings array. */
  postings: number[];
}

interface PostingInfo {
  row: CountyPosting;
  employer: number;
  publishedDay: number;
}

// ---------------------------------------------------------------------------------------------

export function generateCounty(options: GenerateCountyOptions): GeneratedCounty {
  const { seed, today } = options;
  const target = Math.max(1, Math.floor(options.workers));
  const todayDay = parseDay(today);
  const logWorkers = Math.log10(Math.max(target, 50));

  const towns = buildTowns(createRandom(mixSeed(seed, SALT_TOWNS)), logWorkers);
  const employers = buildEmployers(createRandom(mixSeed(seed, SALT_EMPLOYERS)), towns, target, seed);
  const postings = buildPostings(createRandom(mixSeed(seed, SALT_POSTINGS)), towns, employers, todayDay);

  // Lookup tables the household stream uses to place people and choose postings.
  const typeIndex = new Map<EmployerType, number>(EMPLOYER_TYPES.map((t, i) => [t, i]));
  const byType: number[][] = EMPLOYER_TYPES.map(() => []);
  const byTownType: number[][][] = towns.map(() => EMPLOYER_TYPES.map(() => []));
  employers.forEach((e, i) => {
    const ti = typeIndex.get(e.row.type)!;
    byType[ti]!.push(i);
    byTownType[e.town]![ti]!.push(i);
  });
  const openPostings: number[] = [];
  const openByTown: number[][] = towns.map(() => []);
  postings.forEach((p, i) => {
    if (p.row.status !== "招聘中") return;
    openPostings.push(i);
    openByTown[employers[p.employer]!.town]!.push(i);
  });
  const context: HouseholdContext = {
    seed,
    today,
    todayDay,
    historyStartDay: parseDay(HISTORY_START),
    towns,
    townTable: table(towns.map((t, i) => [i, t.weight] as const)),
    employers,
    postings,
    typeIndex,
    byType,
    byTownType,
    openPostings,
    openByTown,
    phoneKey: mixSeed(seed, 0xf0000004),
  };

  return {
    countyName: COUNTY_NAME,
    provinceName: PROVINCE_NAME,
    towns: towns.map((t): CountyTown => ({ name: t.name, villages: t.villages.map((v) => ({ name: v.name, lat: v.lat, lng: v.lng })) })),
    employers: employers.map((e) => e.row),
    postings: postings.map((p) => p.row),
    households: function* households(): Generator<CountyHousehold> {
      // Per-iteration state, so that each call replays the same sequence.
      const state: StreamState = {
        idCounters: new Uint16Array(ID_AREA_CODES.length * BIRTH_SPAN_DAYS * 2),
        minBirthDay: todayDay - BIRTH_SPAN_DAYS + 1,
        workerOrdinal: 0,
        outsiderOrdinal: 0,
      };
      let produced = 0;
      for (let index = 0; produced < target; index++) {
        const household = makeHousehold(context, state, index);
        produced += household.workers.length;
        yield household;
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Towns and villages

function buildTowns(r: Random, logWorkers: number): TownInfo[] {
  const townCount = clamp(Math.round(6 + (logWorkers - 3.176) * 4.96), 2, TOWN_NAMES.length);
  const villagesPerTown = clamp(Math.round(8 + (logWorkers - 3.176) * 2.48), 3, 18);
  const townNames = TOWN_NAMES.slice(0, townCount);
  const townShorts = new Set(townNames.map(shortTownName));
  const usedVillages = new Set<string>();

  const nextVillageShort = (): string => {
    for (let attempt = 0; attempt < 2000; attempt++) {
      const short = r.chance(0.2)
        ? r.pick(VILLAGE_WHOLE_NAMES)
        : (() => {
            const prefix = r.pick(VILLAGE_PREFIXES);
            const core = r.pick(VILLAGE_CORES);
            return prefix === core ? "" : prefix + core;
          })();
      if (short && !usedVillages.has(short) && !townShorts.has(short)) {
        usedVillages.add(short);
        return short;
      }
    }
    // Unreachable with the sizes above (~1,400 names for at most ~600 villages); kept total for safety.
    const fallback = `新村${usedVillages.size + 1}`;
    usedVillages.add(fallback);
    return fallback;
  };

  const towns: TownInfo[] = [];
  for (let i = 0; i < townCount; i++) {
    const name = townNames[i]!;
    const short = shortTownName(name);
    // The county seat sits at the centre; other towns on a ring, spaced round it with some jitter.
    const angle = ((i - 1) / Math.max(1, townCount - 1)) * 2 * Math.PI + (r.next() - 0.5) * 0.5;
    const radius = i === 0 ? r.next() * 1.5 : 9 + r.next() * 14;
    const [lat, lng] = offset(CENTRE_LAT, CENTRE_LNG, radius, angle);
    const villages: VillageInfo[] = [];
    const ordinaryCount = Math.max(2, villagesPerTown + r.int(-2, 2) - 1);
    for (let v = 0; v < ordinaryCount; v++) {
      const vShort = nextVillageShort();
      const [vLat, vLng] = offset(lat, lng, 1.2 + r.next() * 6, r.next() * 2 * Math.PI);
      villages.push({ name: vShort + "村", short: vShort, lat: vLat, lng: vLng, town: i, resettlement: false });
    }
    const siteName = short + RESETTLEMENT_SUFFIX;
    const [sLat, sLng] = offset(lat, lng, 0.3 + r.next() * 0.9, r.next() * 2 * Math.PI);
    const resettlement: VillageInfo = { name: siteName, short: siteName, lat: sLat, lng: sLng, town: i, resettlement: true };
    villages.push(resettlement);
    towns.push({
      name,
      short,
      lat,
      lng,
      weight: i === 0 ? 1.5 : 0.7 + r.next() * 0.6,
      villages,
      ordinary: villages.slice(0, ordinaryCount),
      resettlement,
    });
  }
  return towns;
}

function shortTownName(name: string): string {
  return name.replace(/[镇乡]$/, "");
}

/** A point `km` away from (lat, lng) in direction `angle`, pulled back inside the county's radius. */
function offset(lat: number, lng: number, km: number, angle: number): [number, number] {
  let north = (lat - CENTRE_LAT) * KM_PER_DEG_LAT + km * Math.cos(angle);
  let east = (lng - CENTRE_LNG) * KM_PER_DEG_LNG + km * Math.sin(angle);
  const distance = Math.hypot(north, east);
  if (distance > MAX_RADIUS_KM) {
    north *= MAX_RADIUS_KM / distance;
    east *= MAX_RADIUS_KM / distance;
  }
  return [round5(CENTRE_LAT + north / KM_PER_DEG_LAT), round5(CENTRE_LNG + east / KM_PER_DEG_LNG)];
}

// ---------------------------------------------------------------------------------------------
// Employers

function buildEmployers(r: Random, towns: TownInfo[], workers: number, seed: number): EmployerInfo[] {
  const total = Math.max(EMPLOYER_TYPES.length + 1, Math.round(60 * Math.pow(workers / 1500, 0.6)));

  // Type counts by largest remainder, each type at least once, so every platform appears.
  const counts = new Map<EmployerType, number>();
  const remainders: [EmployerType, number][] = [];
  let assigned = 0;
  for (const type of EMPLOYER_TYPES) {
    const exact = total * TYPE_SHARES[type];
    const n = Math.max(1, Math.floor(exact));
    counts.set(type, n);
    assigned += n;
    remainders.push([type, exact - Math.floor(exact)]);
  }
  remainders.sort((a, b) => b[1] - a[1]);
  for (let i = 0; assigned < total; i = (i + 1) % remainders.length, assigned++) {
    const type = remainders[i]![0];
    counts.set(type, counts.get(type)! + 1);
  }
  // The core factories are 用工企业 in the park, listed first so that every 卫星工厂 names an earlier employer.
  const enterprises = counts.get("用工企业")!;
  const coreCount = clamp(Math.round(total * 0.04), 1, Math.max(1, enterprises - 1));
  const slots: EmployerType[] = [];
  for (const type of EMPLOYER_TYPES) {
    const n = counts.get(type)! - (type === "用工企业" ? coreCount : 0);
    for (let i = 0; i < n; i++) slots.push(type);
  }
  shuffle(r, slots);

  const kindsByType = new Map<EmployerType, (readonly [EmployerKind, number])[]>();
  for (const kind of EMPLOYER_KINDS) {
    if (kind.core || kind.weight <= 0) continue;
    const list = kindsByType.get(kind.type) ?? [];
    list.push([kind, kind.weight]);
    kindsByType.set(kind.type, list);
  }
  const coreKinds = EMPLOYER_KINDS.filter((k) => k.core);
  const satelliteKinds = new Map(EMPLOYER_KINDS.filter((k) => k.type === "卫星工厂").map((k) => [k.product, k]));
  const townWeights = towns.map((t, i) => [i, t.weight] as const);
  const phoneKey = mixSeed(seed, 0xf0000004);

  const usedNames = new Set<string>();
  const result: EmployerInfo[] = [];
  const cores: EmployerInfo[] = [];
  const coreShort = new Map<string, string>();

  const add = (type: EmployerType, kindFor: () => EmployerKind, core?: EmployerInfo) => {
    let chosen: { kind: EmployerKind; name: string; town: number; village?: VillageInfo; address: string; lat: number; lng: number } | undefined;
    for (let attempt = 0; attempt < 40 && !chosen; attempt++) {
      const kind = kindFor();
      const town = kind.site === "park" ? 0 : r.weighted(townWeights);
      const t = towns[town]!;
      let village: VillageInfo | undefined;
      if (kind.site === "village") {
        // Resettlement sites host workshops and the 安置点 public posts; farming stays in the old villages.
        const atSite =
          kind.product === "安置点" || ((type === "帮扶车间" || type === "卫星工厂" || kind.product === "手工") && r.chance(type === "帮扶车间" ? 0.3 : 0.2));
        village = atSite ? t.resettlement : r.pick(t.ordinary);
      }
      const name = fill(r.pick(kind.names), {
        county: COUNTY_NAME,
        countyShort: COUNTY_SHORT,
        town: t.name,
        townShort: t.short,
        village: village?.name ?? "",
        villageShort: village?.short ?? t.short,
        brand: r.pick(BRAND_WORDS),
        core: core ? coreShort.get(core.row.code)! : "",
        n: String(r.int(1, 12)),
      });
      const unique = !usedNames.has(name) ? name : attempt === 39 ? `${name}（${result.length + 1}）` : undefined;
      if (!unique) continue;
      let lat: number;
      let lng: number;
      let address: string;
      if (kind.site === "park") {
        [lat, lng] = offset(t.lat, t.lng, 2 + r.next() * 1.5, 0.6 + r.next() * 0.5);
        address = `${PARK_NAME}${r.pick(PARK_ROADS)}${r.int(1, 99)}号`;
      } else if (village) {
        [lat, lng] = offset(village.lat, village.lng, r.next() * 0.6, r.next() * 2 * Math.PI);
        address = village.resettlement ? `${t.name}${village.name}${r.int(1, 12)}栋` : `${t.name}${village.name}${r.int(1, 12)}组`;
      } else {
        [lat, lng] = offset(t.lat, t.lng, r.next() * 0.8, r.next() * 2 * Math.PI);
        address = `${t.name}${r.pick(TOWN_STREETS)}${r.int(1, 188)}号`;
      }
      chosen = { kind, name: unique, town, ...(village ? { village } : {}), address, lat, lng };
    }
    const c = chosen!;
    usedNames.add(c.name);
    const index = result.length;
    const row: CountyEmployer = {
      code: padCode("E", index + 1, 4),
      name: c.name,
      type,
      ...(core ? { coreFactoryCode: core.row.code } : {}),
      town: towns[c.town]!.name,
      ...(c.village ? { village: c.village.name } : {}),
      address: c.address,
      lat: c.lat,
      lng: c.lng,
      contactName: personName(r, r.chance(0.6), r.chance(0.5)),
      contactPhone: phoneNumber(EMPLOYER_PHONE_BASE + index, phoneKey),
      // Only workshops are recognised; most of those are, a few are still waiting.
      recognition: (type === "帮扶车间" || type === "卫星工厂") && r.chance(0.85) ? "已认定" : "未认定",
    };
    const info: EmployerInfo = { row, kind: c.kind, town: c.town, postings: [] };
    result.push(info);
    return info;
  };

  for (let i = 0; i < coreCount; i++) {
    const kind = coreKinds[i % coreKinds.length]!;
    const info = add("用工企业", () => kind);
    // Satellite names use the company's brand and trade word, e.g. 华彩服饰 of 示范华彩服饰有限公司.
    coreShort.set(info.row.code, info.row.name.replace(/^(江西|示范县|示范)/, "").replace(/有限公司$/, ""));
    cores.push(info);
  }
  for (const type of slots) {
    if (type === "卫星工厂") {
      const core = r.pick(cores);
      const kind = satelliteKinds.get(core.kind.product)!;
      add(type, () => kind, core);
    } else {
      const kinds = kindsByType.get(type)!;
      add(type, () => r.weighted(kinds));
    }
  }
  return result;
}

/** A full name; `older` chooses the given names of people born before about 1975. */
function personName(r: Random, male: boolean, older: boolean, surname?: string): string {
  const family = surname ?? r.weighted(SURNAMES);
  const given = male ? (older ? OLDER_MALE_GIVEN : YOUNGER_MALE_GIVEN) : older ? OLDER_FEMALE_GIVEN : YOUNGER_FEMALE_GIVEN;
  return family + r.pick(given);
}

// ---------------------------------------------------------------------------------------------
// Postings

function buildPostings(r: Random, towns: TownInfo[], employers: EmployerInfo[], todayDay: number): PostingInfo[] {
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
      postings.push({ row: posting, employer: employerIndex, publishedDay: parseDay(posting.publishedAt) });
    }
  });
  // Codes follow the final order, gaps from skipped duplicates closed.
  postings.forEach((p, i) => (p.row.code = padCode("P", i + 1, 5)));
  return postings;
}

function qualifierFor(r: Random, posting: CountyPosting, template: PostingTemplate, force: boolean): string {
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

function makePosting(r: Random, towns: TownInfo[], employer: EmployerInfo, template: PostingTemplate, todayDay: number, ordinal: number): CountyPosting {
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
    ...(closingDay !== undefined ? { closingDate: formatDay(closingDay) } : {}),
    publishedAt: formatDay(publishedDay),
  };
  posting.title = template.title + qualifierFor(r, posting, template, false);
  posting.description = describe(r, towns, employer, template, posting);
  return posting;
}

/** 2–4 short sentences: the work itself first, then what matters to a rural job seeker. */
function describe(r: Random, towns: TownInfo[], employer: EmployerInfo, template: PostingTemplate, posting: CountyPosting): string {
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

// ---------------------------------------------------------------------------------------------
// Households

/** Birth dates from 80 years ago up to today fit the ID counters. */
const BIRTH_SPAN_DAYS = 366 * 80;

interface HouseholdContext {
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

interface StreamState {
  /** Per (area code, birth date, sex): how many ID numbers were handed out, so that every number is unique. */
  idCounters: Uint16Array;
  minBirthDay: number;
  workerOrdinal: number;
  outsiderOrdinal: number;
}

/** A worker while the household is being built. */
interface Member {
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

function makeHousehold(ctx: HouseholdContext, state: StreamState, index: number): CountyHousehold {
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

const HEAD_AGES: readonly (readonly [readonly [number, number], number])[] = [[[28, 44], 30], [[45, 59], 45], [[60, 75], 25]];
const HEAD_AGES_ALONE: readonly (readonly [readonly [number, number], number])[] = [[[22, 44], 20], [[45, 59], 40], [[60, 75], 40]];

function makeMember(
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
    const birthday16 = formatDay(ctx.todayDay + r.int(-30, 30));
    const md = birthday16.slice(5) === "02-29" ? "-02-28" : birthday16.slice(4);
    birth = String(Number(birthday16.slice(0, 4)) - 16) + md;
  } else {
    birth = formatDay(Math.floor(ctx.todayDay - spec.age * 365.2425 - r.int(0, 364)));
    const actual = ageOn(birth, ctx.today);
    if (actual !== spec.age) birth = formatDay(parseDay(birth) + (actual > spec.age ? 365 : -365));
    if (ageOn(birth, ctx.today) < 16) birth = formatDay(parseDay(birth) - 366);
  }
  let birthDay = parseDay(birth);
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
    birth = formatDay(birthDay);
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

function refreshLabour(m: Member): void {
  const ability = m.row.labourAbility;
  m.labour = m.age >= 16 && (ability === "有劳动能力" || ability === "弱劳动力或半劳动力");
  m.weak = ability === "弱劳动力或半劳动力";
  if (!m.labour) {
    m.row.willingToWork = false;
    delete m.row.preferredArea;
    delete m.row.availableTime;
  }
}

const AREAS_NEAR: readonly (readonly [PreferredArea, number])[] = [["本村", 40], ["本乡镇", 35], ["本县", 15], ["不限", 10]];
const AREAS_ANY: readonly (readonly [PreferredArea, number])[] = [["本村", 5], ["本乡镇", 10], ["本县", 20], ["省内", 15], ["省外", 30], ["不限", 20]];
const TIMES_CARER: readonly (readonly [WorkingTime, number])[] = [["灵活", 45], ["半天", 35], ["全天", 20]];
const TIMES_ANY: readonly (readonly [WorkingTime, number])[] = [["全天", 70], ["灵活", 20], ["半天", 10]];

function abilityWeights(ageBand: 0 | 1 | 2, frail: number): readonly (readonly [LabourAbility, number])[] {
  if (ageBand === 0) return [["有劳动能力", 85], ["弱劳动力或半劳动力", 8 * frail], ["丧失劳动能力", 4 * frail], ["无劳动能力", 3]];
  if (ageBand === 1) return [["有劳动能力", 45], ["弱劳动力或半劳动力", 40 * frail], ["丧失劳动能力", 10 * frail], ["无劳动能力", 5]];
  return [["有劳动能力", 15], ["弱劳动力或半劳动力", 55], ["丧失劳动能力", 20 * frail], ["无劳动能力", 10]];
}

/** Local platforms by worker profile (light work or not) and household (帮扶对象 or not). */
function localTypeTable(light: boolean, assisted: boolean): Table<EmployerType> {
  const weights = light ? LOCAL_TYPE_WEIGHTS_LIGHT : LOCAL_TYPE_WEIGHTS;
  // Public-benefit posts are for 帮扶对象 households.
  return table(assisted ? weights : weights.map(([t, w]) => [t, t === "公益性岗位" ? w / 12 : w] as const));
}

/** The weighted lists of the household stream, summed once. */
const T = {
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

function distinctDraws<X>(r: Random, items: Table<X>, count: number): X[] {
  const out: X[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 4; attempt++) {
    const item = draw(r, items);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Placements

interface Job {
  employer?: EmployerInfo;
  employerType?: EmployerType;
  form?: EmploymentForm;
  province: string;
  county: string;
}

function chooseJob(ctx: HouseholdContext, r: Random, m: Member, townIndex: number, assisted: boolean, avoidMigrant: boolean): Job {
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

function incomeFor(r: Random, job: Job, m: Member): number {
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

function placementRow(ctx: HouseholdContext, r: Random, m: Member, job: Job, startDay: number, endDay: number | undefined, endReason: string | undefined): CountyPlacement {
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
    startDate: formatDay(startDay),
    ...(endDay !== undefined ? { endDate: formatDay(endDay), endReason: endReason ?? r.pick(END_REASONS.general) } : {}),
    monthlyIncome: incomeFor(r, job, m),
    workProvince: job.province,
    workCounty: job.county,
    ...(job.form ? { employmentForm: job.form } : {}),
  };
}

function endReasonFor(r: Random, ended: Job, next: Job | undefined): string {
  if (next?.form === "外出务工" && ended.form !== "外出务工" && r.chance(0.7)) return END_REASONS.toMigrant;
  if (ended.employerType === "季节性服务队" && r.chance(0.8)) return END_REASONS.seasonal;
  if (ended.employerType === "公益性岗位" && r.chance(0.6)) return r.chance(0.5) ? END_REASONS.publicPost : "合同到期";
  if (ended.form === "外出务工" && r.chance(0.5)) return r.chance(0.5) ? "返乡" : "照顾家人";
  return r.pick(END_REASONS.general);
}

/** The placement history of one member: an open placement if employed today, and maybe an earlier one that ended. */
function addHistory(ctx: HouseholdContext, r: Random, m: Member, townIndex: number, assisted: boolean, zeroEmployment: boolean, out: CountyPlacement[]): void {
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

// ---------------------------------------------------------------------------------------------
// Applications

function addApplications(
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
