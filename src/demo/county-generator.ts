/**
 * Generates a plausible synthetic county deterministically from a seed: the demo data loaded on
 * first start and, scaled up to a million workers, the benchmark county. Households are streamed.
 * The pieces live in src/demo/county-generator/: settings, random (hashing and weighted draws),
 * towns, employers, postings, households, placements, applications; the county's shape is
 * src/core/county.ts and its calendar arithmetic src/core/calendar.ts.
 */
import { epochDay } from "../core/calendar.ts";
import { EMPLOYER_TYPES } from "../core/enums.ts";
import type { EmployerType } from "../core/enums.ts";
import { createRandom } from "../core/random.ts";
import type { CountyHousehold, CountyTown, GenerateCountyOptions, GeneratedCounty } from "../core/county.ts";
import { buildEmployers } from "./county-generator/employers.ts";
import { BIRTH_SPAN_DAYS, type HouseholdContext, type StreamState, makeHousehold } from "./county-generator/households.ts";
import { buildPostings } from "./county-generator/postings.ts";
import { SALT_EMPLOYERS, SALT_POSTINGS, SALT_TOWNS, mixSeed, table } from "./county-generator/random.ts";
import { COUNTY_NAME, HISTORY_START, ID_AREA_CODES, PROVINCE_NAME } from "./county-generator/settings.ts";
import { buildTowns } from "./county-generator/towns.ts";

export { DEMO_SEED, DEMO_WORKERS } from "./county-generator/settings.ts";

/** The county of `options.seed`: the same seed, size and date always give the same county. */
export function generateCounty(options: GenerateCountyOptions): GeneratedCounty {
  const { seed, today } = options;
  const target = Math.max(1, Math.floor(options.workers));
  const todayDay = epochDay(today);
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
    historyStartDay: epochDay(HISTORY_START),
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
