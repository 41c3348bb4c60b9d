import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LABOUR_ABILITIES, PAY_UNITS, PHYSICAL_DEMANDS, PREFERRED_AREAS, WORKING_TIMES } from "../enums.ts";
import { buildPostingIndex, rankIndex, recommendFromIndex, type IndexedPosting } from "./posting-index.ts";
import { recommend, type RecommendPosting, type RecommendWorker } from "./recommend.ts";

const TODAY = "2026-11-23";
type Posting = RecommendPosting & IndexedPosting;

// A small county: 3 towns of 3 villages, about 0.1° (11 km) apart, so that every nearness,
// distances either side of 30 km and ties of score and distance all happen.
const VILLAGES = Array.from({ length: 9 }, (_, i) => ({ id: i + 1, townId: Math.floor(i / 3) + 1, lat: 26 + (i % 3) * 0.05 + Math.floor(i / 3) * 0.12, lng: 115 + Math.floor(i / 3) * 0.1 }));
const SKILLS = ["缝纫", "电工", "种植", "驾驶", "保洁"];
const DATES = ["2026-11-01", "2026-11-22", "2026-11-23", "2026-11-24", "2027-01-01"];

const village = fc.constantFrom(...VILLAGES);
const worker: fc.Arbitrary<RecommendWorker> = fc.record({
  village,
  birthDate: fc.constantFrom("1960-11-24", "1960-11-23", "1970-05-01", "1985-01-15", "2008-11-24", "2010-02-02"),
  labourAbility: fc.constantFrom(...LABOUR_ABILITIES),
  willingToWork: fc.constantFrom(true, true, true, true, false),
  skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 3 }),
  preferredArea: fc.option(fc.constantFrom(...PREFERRED_AREAS), { nil: null }),
  availableTime: fc.option(fc.constantFrom(...WORKING_TIMES), { nil: null }),
}).map(({ village: v, ...rest }) => ({ ...rest, villageId: v.id, townId: v.townId, lat: v.lat, lng: v.lng }));

const place = fc.oneof(
  // The village centre (the usual case), an employer's own point, or none.
  village.map((v) => ({ townId: v.townId, villageId: v.id as number | null, lat: v.lat as number | null, lng: v.lng as number | null })),
  fc.record({ v: village, dLat: fc.constantFrom(0, 0.002, 0.004, 0.01, 0.13, 0.3, -0.2), dLng: fc.constantFrom(0, 0.003, 0.02, 0.25) }).map(({ v, dLat, dLng }) => ({ townId: v.townId, villageId: v.id as number | null, lat: v.lat + dLat as number | null, lng: v.lng + dLng as number | null })),
  fc.record({ townId: fc.integer({ min: 1, max: 3 }), lat: fc.constantFrom(26.1, 26.4, null), lng: fc.constantFrom(115.1, null) }).map((r) => ({ ...r, villageId: null })),
);
const posting = fc.record({
  place,
  workingTime: fc.constantFrom(...WORKING_TIMES),
  ageMin: fc.option(fc.constantFrom(16, 18, 30), { nil: null }),
  ageMax: fc.option(fc.constantFrom(45, 55, 60, 66), { nil: null }),
  physicalDemand: fc.option(fc.constantFrom(...PHYSICAL_DEMANDS), { nil: null }),
  skills: fc.array(fc.constantFrom(...SKILLS), { maxLength: 3 }),
  payMin: fc.option(fc.constantFrom(80, 150, 2000, 3000), { nil: null }),
  payMax: fc.option(fc.constantFrom(120, 200, 3500, 5000), { nil: null }),
  payUnit: fc.constantFrom(...PAY_UNITS),
  closingDate: fc.option(fc.constantFrom(...DATES), { nil: null }),
  code: fc.constantFrom("P", "Q", "a", "Z", "岗"),
});
const county = fc.array(posting, { maxLength: 80 }).map((rows) =>
  rows.map(({ place: pl, code, ...rest }, i): Posting => ({ ...rest, ...pl, id: 1000 + i, code: `${code}${(i * 7) % 97}-${i}`, title: `岗位${i}`, employerName: `单位${i % 5}` })),
);

const fromIndex = (w: RecommendWorker, postings: Posting[], limit: number) => {
  const byId = new Map(postings.map((p) => [p.id, p]));
  return recommendFromIndex(w, buildPostingIndex(postings), TODAY, limit, (ids) => new Map(ids.map((id) => [id, byId.get(id)!])));
};

describe("the posting index gives recommend's answers", () => {
  it("the same ranked hits, scores, distances, reasons, widening and count on generated counties", () => {
    fc.assert(
      fc.property(worker, county, fc.constantFrom(1, 3, 10, 50), (w, postings, limit) => {
        expect(fromIndex(w, postings, limit)).toEqual(recommend(w, postings, TODAY, limit));
      }),
      { numRuns: 600 },
    );
  });

  it("ties of score and distance fall to the posting's code, as in recommend", () => {
    const base = { townId: 1, villageId: 1, lat: 26, lng: 115, workingTime: "全天", ageMin: null, ageMax: null, physicalDemand: "轻", skills: [], payMin: 3000, payMax: null, payUnit: "月", closingDate: null, title: "x", employerName: "y" } as const;
    const postings: Posting[] = ["B2", "A9", "B10", "A10"].map((code, i) => ({ ...base, code, id: i + 1 }));
    const w: RecommendWorker = { villageId: 1, townId: 1, lat: 26, lng: 115, birthDate: "1980-01-01", labourAbility: "有劳动能力", willingToWork: true, skills: [], preferredArea: null, availableTime: null };
    expect(fromIndex(w, postings, 10).hits.map((h) => h.posting.code)).toEqual(["A10", "A9", "B10", "B2"]);
    expect(fromIndex(w, postings, 10)).toEqual(recommend(w, postings, TODAY, 10));
  });

  const cases: [string, Partial<RecommendWorker>, number][] = [
    ["not willing: blocked, nothing considered", { willingToWork: false }, 0],
    ["no labour ability: blocked", { labourAbility: "丧失劳动能力" }, 0],
  ];
  it.each(cases)("%s", (_, o, considered) => {
    const w: RecommendWorker = { villageId: 1, townId: 1, lat: 26, lng: 115, birthDate: "1980-01-01", labourAbility: "有劳动能力", willingToWork: true, skills: [], preferredArea: null, availableTime: null, ...o };
    const answer = rankIndex(w, buildPostingIndex([]), TODAY);
    expect(answer.considered).toBe(considered);
    expect(answer.blocked).not.toBeNull();
  });
});
