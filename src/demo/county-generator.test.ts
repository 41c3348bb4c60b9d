// Checks that the synthetic county is deterministic and internally consistent, so the demo data
// and the benchmark county never hold impossible records (bad IDs, dangling codes, future work).
import { describe, expect, it } from "vitest";
import { ageOn, epochDay } from "../core/calendar.ts";
import { EMPLOYER_TYPES, HOUSEHOLD_CATEGORIES, isAssisted } from "../core/enums.ts";
import { checkIdNumber } from "../core/id-number.ts";
import { DEMO_SEED, DEMO_WORKERS, generateCounty } from "./county-generator.ts";
import type { CountyHousehold } from "../core/county.ts";

const TODAY = "2026-11-23";
const options = { seed: DEMO_SEED, workers: DEMO_WORKERS, today: TODAY };
const county = generateCounty(options);
const households: CountyHousehold[] = [...county.households()];
const employerByCode = new Map(county.employers.map((e) => [e.code, e]));
const postingByCode = new Map(county.postings.map((p) => [p.code, p]));

const dayOf = epochDay;
const todayDay = dayOf(TODAY);
const birthOf = (idNumber: string) => `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
const inLabourForce = (idNumber: string, ability: string) =>
  ageOn(birthOf(idNumber), TODAY) >= 16 && (ability === "有劳动能力" || ability === "弱劳动力或半劳动力");
const openOn = (p: { startDate: string; endDate?: string }, day: string) => p.startDate <= day && (p.endDate === undefined || p.endDate >= day);
const PHONE = /^1[3-9]\d{9}$/;

describe("generateCounty: determinism", () => {
  it("gives identical output for the same seed, size and date", () => {
    const again = generateCounty(options);
    expect(JSON.stringify(again.towns)).toBe(JSON.stringify(county.towns));
    expect(JSON.stringify(again.employers)).toBe(JSON.stringify(county.employers));
    expect(JSON.stringify(again.postings)).toBe(JSON.stringify(county.postings));
    const first = (c: typeof county, n: number) => {
      const out: CountyHousehold[] = [];
      for (const h of c.households()) {
        out.push(h);
        if (out.length === n) break;
      }
      return JSON.stringify(out);
    };
    expect(first(again, 200)).toBe(JSON.stringify(households.slice(0, 200)));
  });

  it("replays the same households when households() is called again", () => {
    expect(JSON.stringify([...county.households()])).toBe(JSON.stringify(households));
  });

  it("differs for another seed", () => {
    const other = generateCounty({ ...options, seed: DEMO_SEED + 1 });
    expect(JSON.stringify(other.employers)).not.toBe(JSON.stringify(county.employers));
  });
});

describe("generateCounty: size", () => {
  it("produces the demo county at the documented size", () => {
    expect(county.towns.length).toBe(6);
    const villages = county.towns.reduce((n, t) => n + t.villages.length, 0);
    expect(villages).toBeGreaterThanOrEqual(36);
    expect(villages).toBeLessThanOrEqual(60);
    expect(county.employers.length).toBe(60);
    expect(county.postings.length).toBeGreaterThan(240);
    expect(county.postings.length).toBeLessThan(380);
    const workers = households.reduce((n, h) => n + h.workers.length, 0);
    expect(workers).toBeGreaterThanOrEqual(DEMO_WORKERS);
    expect(workers).toBeLessThan(DEMO_WORKERS + 4);
  });

  it("grows towns, employers and postings with the number of workers", () => {
    const big = generateCounty({ ...options, workers: 200_000 });
    expect(big.towns.length).toBeGreaterThan(county.towns.length);
    expect(big.employers.length).toBeGreaterThan(5 * county.employers.length);
    expect(big.postings.length).toBeGreaterThan(5 * county.postings.length);
  });
});

describe("generateCounty: places", () => {
  it("has unique town names, unique village names, one resettlement site per town, all within ~30 km", () => {
    expect(new Set(county.towns.map((t) => t.name)).size).toBe(county.towns.length);
    const villageNames = county.towns.flatMap((t) => t.villages.map((v) => v.name));
    expect(new Set(villageNames).size).toBe(villageNames.length);
    for (const town of county.towns) {
      expect(town.villages.filter((v) => v.name.endsWith("移民安置点"))).toHaveLength(1);
      for (const v of town.villages) {
        const km = Math.hypot((v.lat - 25.95) * 110.9, (v.lng - 115.4) * 100);
        expect(km).toBeLessThanOrEqual(30.5);
      }
    }
  });

  it("puts every household in a village of its town, relocated ones at the resettlement site", () => {
    const villagesOf = new Map(county.towns.map((t) => [t.name, new Set(t.villages.map((v) => v.name))]));
    for (const h of households) {
      expect(villagesOf.get(h.town)?.has(h.village)).toBe(true);
      expect(h.village.endsWith("移民安置点")).toBe(h.relocated);
    }
  });
});

describe("generateCounty: employers and postings", () => {
  it("has every employer type, with zero-padded unique codes", () => {
    const types = new Set(county.employers.map((e) => e.type));
    for (const type of EMPLOYER_TYPES) expect(types.has(type), type).toBe(true);
    county.employers.forEach((e, i) => expect(e.code).toBe(`E${String(i + 1).padStart(4, "0")}`));
    expect(new Set(county.employers.map((e) => e.name)).size).toBe(county.employers.length);
  });

  it("names for every 卫星工厂 an earlier 用工企业 in the industrial park as its core factory", () => {
    const satellites = county.employers.filter((e) => e.type === "卫星工厂");
    expect(satellites.length).toBeGreaterThan(0);
    county.employers.forEach((e, i) => {
      if (e.type !== "卫星工厂") {
        expect(e.coreFactoryCode).toBeUndefined();
        return;
      }
      const core = employerByCode.get(e.coreFactoryCode ?? "");
      expect(core, e.code).toBeDefined();
      expect(core!.type).toBe("用工企业");
      expect(county.employers.indexOf(core!)).toBeLessThan(i);
      expect(core!.address).toContain("工业园区");
    });
  });

  it("recognises only workshops, most of them", () => {
    const workshops = county.employers.filter((e) => e.type === "帮扶车间" || e.type === "卫星工厂");
    const recognised = workshops.filter((e) => e.recognition === "已认定").length;
    expect(recognised / workshops.length).toBeGreaterThan(0.6);
    expect(recognised).toBeLessThan(workshops.length);
    for (const e of county.employers) if (e.type !== "帮扶车间" && e.type !== "卫星工厂") expect(e.recognition).toBe("未认定");
  });

  it("places employers in existing towns and villages, with contacts", () => {
    const villagesOf = new Map(county.towns.map((t) => [t.name, new Set(t.villages.map((v) => v.name))]));
    for (const e of county.employers) {
      expect(villagesOf.has(e.town)).toBe(true);
      if (e.village) expect(villagesOf.get(e.town)!.has(e.village)).toBe(true);
      expect(e.contactPhone).toMatch(PHONE);
      expect(e.contactName?.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("gives postings unique codes, existing employers and plausible terms", () => {
    county.postings.forEach((p, i) => expect(p.code).toBe(`P${String(i + 1).padStart(5, "0")}`));
    for (const p of county.postings) {
      const employer = employerByCode.get(p.employerCode);
      expect(employer, p.code).toBeDefined();
      expect(p.headcount).toBeGreaterThanOrEqual(1);
      expect(p.headcount).toBeLessThanOrEqual(30);
      expect(p.title.length).toBeGreaterThan(0);
      const sentences = p.description.split("。").filter(Boolean).length;
      expect(sentences, p.description).toBeGreaterThanOrEqual(2);
      expect(sentences, p.description).toBeLessThanOrEqual(4);
      const published = dayOf(p.publishedAt);
      expect(published).toBeLessThanOrEqual(todayDay);
      expect(published).toBeGreaterThanOrEqual(todayDay - 120);
      if (p.status === "招聘中" && p.closingDate) {
        expect(dayOf(p.closingDate)).toBeGreaterThanOrEqual(todayDay + 7);
        expect(dayOf(p.closingDate)).toBeLessThanOrEqual(todayDay + 90);
      }
      if (p.payMin !== undefined) {
        expect(p.payMax).toBeGreaterThanOrEqual(p.payMin);
        const ranges: Record<string, readonly [number, number]> = { 月: [700, 4500], 计件: [700, 4500], 日: [80, 200], 时: [15, 25] };
        const [lo, hi] = ranges[p.payUnit]!;
        expect(p.payMin).toBeGreaterThanOrEqual(lo);
        expect(p.payMax).toBeLessThanOrEqual(hi);
      }
      if (p.ageMin !== undefined) expect(p.ageMax).toBeGreaterThan(p.ageMin);
    }
    const open = county.postings.filter((p) => p.status === "招聘中").length;
    expect(open / county.postings.length).toBeGreaterThan(0.8);
    expect(open).toBeLessThan(county.postings.length);
    expect(new Set(county.postings.map((p) => p.title)).size).toBeGreaterThan(60);
  });
});

describe("generateCounty: households and workers", () => {
  it("has every household category, zero-padded codes, 1–4 workers and a size that counts them", () => {
    const categories = new Set(households.map((h) => h.category));
    for (const c of HOUSEHOLD_CATEGORIES) expect(categories.has(c), c).toBe(true);
    households.forEach((h, i) => {
      expect(h.code).toBe(`H${String(i + 1).padStart(6, "0")}`);
      expect(h.workers.length).toBeGreaterThanOrEqual(1);
      expect(h.workers.length).toBeLessThanOrEqual(4);
      expect(h.size).toBeGreaterThanOrEqual(h.workers.length);
      expect(h.size).toBeLessThanOrEqual(7);
    });
  });

  it("gives every worker a valid, unique ID number and an age of 16–75 (a few about to turn 16)", () => {
    const seen = new Set<string>();
    for (const h of households) {
      for (const w of h.workers) {
        const checked = checkIdNumber(w.idNumber);
        expect(checked.ok, w.idNumber).toBe(true);
        expect(seen.has(w.idNumber)).toBe(false);
        seen.add(w.idNumber);
        const birth = birthOf(w.idNumber);
        const age = ageOn(birth, TODAY);
        expect(age).toBeLessThanOrEqual(75);
        if (age < 16) {
          // Only those whose 16th birthday is within the next month.
          const sixteenth = `${Number(birth.slice(0, 4)) + 16}${birth.slice(4)}`;
          expect(dayOf(sixteenth) - todayDay).toBeLessThanOrEqual(31);
          expect(age).toBe(15);
        }
        if (!inLabourForce(w.idNumber, w.labourAbility)) expect(w.willingToWork).toBe(false);
      }
    }
  });

  it("gives unique 11-digit mobile numbers", () => {
    const phones = households.flatMap((h) => h.workers.flatMap((w) => (w.phone ? [w.phone] : [])));
    for (const phone of phones) expect(phone).toMatch(PHONE);
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.length / households.reduce((n, h) => n + h.workers.length, 0)).toBeGreaterThan(0.8);
  });

  it("has older workers and workers who cannot or will not work", () => {
    const workers = households.flatMap((h) => h.workers);
    expect(workers.filter((w) => ageOn(birthOf(w.idNumber), TODAY) >= 60).length).toBeGreaterThan(50);
    for (const ability of ["弱劳动力或半劳动力", "丧失劳动能力", "无劳动能力"]) {
      expect(workers.some((w) => w.labourAbility === ability), ability).toBe(true);
    }
    expect(workers.some((w) => inLabourForce(w.idNumber, w.labourAbility) && !w.willingToWork)).toBe(true);
  });
});

describe("generateCounty: placements", () => {
  it("keeps placements in the past, ordered, of the household's own workers, with valid references", () => {
    for (const h of households) {
      const ids = new Set(h.workers.map((w) => w.idNumber));
      const keys = new Set<string>();
      for (const p of h.placements) {
        expect(ids.has(p.idNumber)).toBe(true);
        expect(p.startDate <= TODAY, p.startDate).toBe(true);
        expect(p.startDate >= "2019-01-01").toBe(true);
        if (p.endDate !== undefined) {
          expect(p.endDate >= p.startDate).toBe(true);
          expect(p.endDate <= TODAY).toBe(true);
          expect(p.endReason).toBeTruthy();
        }
        if (p.employerCode !== undefined) {
          expect(employerByCode.has(p.employerCode)).toBe(true);
          expect(p.employmentForm).toBeUndefined();
        } else {
          expect(p.employmentForm).toBeDefined();
        }
        if (p.postingCode !== undefined) {
          expect(postingByCode.get(p.postingCode)?.employerCode).toBe(p.employerCode);
        }
        // Work starts after the 16th birthday.
        expect(ageOn(birthOf(p.idNumber), p.startDate)).toBeGreaterThanOrEqual(16);
        const key = `${p.idNumber}|${p.employerCode ?? ""}|${p.startDate}`;
        expect(keys.has(key)).toBe(false);
        keys.add(key);
      }
    }
  });

  it("employs about two thirds of the labour force today, local platforms and work away from home alike", () => {
    let labour = 0;
    let employed = 0;
    const forms = new Set<string>();
    const incomes: Record<string, number[]> = {};
    for (const h of households) {
      const working = new Set(h.placements.filter((p) => openOn(p, TODAY)).map((p) => p.idNumber));
      for (const w of h.workers) {
        if (!inLabourForce(w.idNumber, w.labourAbility)) continue;
        labour++;
        if (working.has(w.idNumber)) employed++;
      }
      for (const p of h.placements) {
        if (p.employmentForm) forms.add(p.employmentForm);
        const kind = p.employmentForm ?? employerByCode.get(p.employerCode!)!.type;
        (incomes[kind] ??= []).push(p.monthlyIncome!);
      }
    }
    expect(employed / labour).toBeGreaterThan(0.55);
    expect(employed / labour).toBeLessThan(0.75);
    expect([...forms].sort()).toEqual(["外出务工", "灵活就业", "自主创业"].sort());
    for (const income of incomes["公益性岗位"] ?? []) expect(income).toBeLessThanOrEqual(1000);
    for (const income of incomes["外出务工"] ?? []) expect(income).toBeGreaterThanOrEqual(3500);
  });

  it("has ended placements with reasons and people with more than one placement", () => {
    const all = households.flatMap((h) => h.placements);
    const ended = all.filter((p) => p.endDate !== undefined);
    expect(ended.length).toBeGreaterThan(100);
    expect(new Set(ended.map((p) => p.endReason)).size).toBeGreaterThan(4);
    const perWorker = new Map<string, number>();
    for (const p of all) perWorker.set(p.idNumber, (perWorker.get(p.idNumber) ?? 0) + 1);
    expect([...perWorker.values()].filter((n) => n >= 2).length).toBeGreaterThan(20);
    expect(all.some((p) => p.employmentForm === "外出务工" && p.workProvince !== "江西省")).toBe(true);
  });

  it("leaves a few 帮扶对象 households with nobody in work although someone wants to work", () => {
    const zero = households.filter((h) => {
      if (!isAssisted(h.category)) return false;
      const willing = h.workers.some((w) => w.willingToWork && inLabourForce(w.idNumber, w.labourAbility));
      return willing && !h.placements.some((p) => openOn(p, TODAY));
    });
    expect(zero.length).toBeGreaterThanOrEqual(1);
    expect(zero.length).toBeLessThan(households.length * 0.08);
  });
});

describe("generateCounty: applications", () => {
  it("applies to open postings, recently, at most once per posting and phone", () => {
    const apps = households.flatMap((h) => h.applications.map((a) => ({ a, h })));
    const workers = households.reduce((n, h) => n + h.workers.length, 0);
    expect(apps.length / workers).toBeGreaterThanOrEqual(0.1);
    expect(apps.length / workers).toBeLessThanOrEqual(0.3);
    const keys = new Set<string>();
    const statuses = new Set<string>();
    for (const { a, h } of apps) {
      const posting = postingByCode.get(a.postingCode);
      expect(posting?.status).toBe("招聘中");
      expect(a.applicantPhone).toMatch(PHONE);
      const key = `${a.postingCode}|${a.applicantPhone}`;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
      statuses.add(a.status);
      const created = Date.parse(a.createdAt);
      expect(Number.isNaN(created)).toBe(false);
      const createdBeijingDay = Math.floor((created + 8 * 3_600_000) / 86_400_000);
      expect(createdBeijingDay).toBeLessThanOrEqual(todayDay);
      expect(createdBeijingDay).toBeGreaterThanOrEqual(todayDay - 60);
      expect(createdBeijingDay).toBeGreaterThanOrEqual(dayOf(posting!.publishedAt));
      if (a.idNumber) {
        const worker = h.workers.find((w) => w.idNumber === a.idNumber);
        expect(worker?.phone).toBe(a.applicantPhone);
      }
    }
    expect([...statuses].sort()).toEqual(["报名", "已联系", "已录用", "未录用", "已撤回"].sort());
    expect(apps.some(({ a }) => a.idNumber === undefined)).toBe(true);
  });
});
