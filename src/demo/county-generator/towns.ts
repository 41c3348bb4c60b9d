/**
 * Towns and villages: names, and places on a disc around the county seat.
 * Part of the county generator (src/demo/county-generator.ts).
 */
import type { Random } from "../../core/random.ts";
import { RESETTLEMENT_SUFFIX, TOWN_NAMES, VILLAGE_CORES, VILLAGE_PREFIXES, VILLAGE_WHOLE_NAMES } from "../vocabulary.ts";
import { clamp, round5 } from "./random.ts";
import { CENTRE_LAT, CENTRE_LNG, KM_PER_DEG_LAT, KM_PER_DEG_LNG, MAX_RADIUS_KM } from "./settings.ts";
import type { TownInfo, VillageInfo } from "./shapes.ts";

export function buildTowns(r: Random, logWorkers: number): TownInfo[] {
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

export function shortTownName(name: string): string {
  return name.replace(/[镇乡]$/, "");
}

/** A point `km` away from (lat, lng) in direction `angle`, pulled back inside the county's radius. */
export function offset(lat: number, lng: number, km: number, angle: number): [number, number] {
  let north = (lat - CENTRE_LAT) * KM_PER_DEG_LAT + km * Math.cos(angle);
  let east = (lng - CENTRE_LNG) * KM_PER_DEG_LNG + km * Math.sin(angle);
  const distance = Math.hypot(north, east);
  if (distance > MAX_RADIUS_KM) {
    north *= MAX_RADIUS_KM / distance;
    east *= MAX_RADIUS_KM / distance;
  }
  return [round5(CENTRE_LAT + north / KM_PER_DEG_LAT), round5(CENTRE_LNG + east / KM_PER_DEG_LNG)];
}
