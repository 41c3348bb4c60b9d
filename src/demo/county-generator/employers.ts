/**
 * Employers (用工主体): workshops, satellite factories, public-benefit posts, companies, co-operatives, seasonal teams.
 * Part of the county generator (src/demo/county-generator.ts).
 */
import { EMPLOYER_TYPES } from "../../core/enums.ts";
import type { EmployerType } from "../../core/enums.ts";
import type { Random } from "../../core/random.ts";
import type { CountyEmployer } from "../../core/county.ts";
import { BRAND_WORDS, EMPLOYER_KINDS, OLDER_FEMALE_GIVEN, OLDER_MALE_GIVEN, PARK_ROADS, SURNAMES, TOWN_STREETS, YOUNGER_FEMALE_GIVEN, YOUNGER_MALE_GIVEN, type EmployerKind } from "../vocabulary.ts";
import { clamp, fill, mixSeed, padCode, phoneNumber, shuffle } from "./random.ts";
import { COUNTY_NAME, COUNTY_SHORT, EMPLOYER_PHONE_BASE, PARK_NAME, TYPE_SHARES } from "./settings.ts";
import type { EmployerInfo, TownInfo, VillageInfo } from "./shapes.ts";
import { offset } from "./towns.ts";

export function buildEmployers(r: Random, towns: TownInfo[], workers: number, seed: number): EmployerInfo[] {
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
export function personName(r: Random, male: boolean, older: boolean, surname?: string): string {
  const family = surname ?? r.weighted(SURNAMES);
  const given = male ? (older ? OLDER_MALE_GIVEN : YOUNGER_MALE_GIVEN) : older ? OLDER_FEMALE_GIVEN : YOUNGER_FEMALE_GIVEN;
  return family + r.pick(given);
}
