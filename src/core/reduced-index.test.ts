import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMPLOYER_TYPES, WORKING_TIMES } from "./enums.ts";
import { countFacets, matchesFilters, PAY_LEVELS, SEEKER_BENEFITS, type JobFacts, type JobFilters } from "./job-filters.ts";
import { distanceKm } from "./geo.ts";
import { buildReducedIndex, matchWords, patchReducedIndex, searchIndex, type IndexedPosting } from "./reduced-index.ts";

const facts = (over: Partial<JobFacts> = {}): JobFacts => ({
  type: "帮扶车间",
  town: "城关镇",
  workingTime: "全天",
  ageMin: null,
  ageMax: null,
  benefits: [],
  monthlyPay: 3000,
  point: null,
  closingDate: null,
  ...over,
});

const postings: IndexedPosting[] = [
  { id: 11, text: "缝纫工 包吃 城关镇", facts: facts() },
  { id: 12, text: "车缝 帮扶车间 Abc", facts: facts({ town: "梅林镇", benefits: ["包吃", "包住"] }) },
  { id: 13, text: "保洁员 剪线头", facts: facts({ workingTime: "半天", monthlyPay: 1800 }) },
  { id: 14, text: "剪线 修线头 工", facts: facts({ type: "公益性岗位", closingDate: "2026-11-20" }) },
  { id: 15, text: "包装工 打包 𠀀𠀁", facts: facts({ ageMax: 50, monthlyPay: null }) },
];
const index = buildReducedIndex(postings);
const idsOfIndex = (built: ReturnType<typeof buildReducedIndex>, mask: Uint8Array | undefined) =>
  mask === undefined ? "all" : [...Array(built.size).keys()].filter((i) => mask[i] === 1 && built.dead[i] === 0).map((i) => built.ids[i]!).sort((a, b) => a - b);
const idsOf = (mask: Uint8Array | undefined) => (mask === undefined ? "all" : postings.filter((_, i) => mask[i] === 1).map((p) => p.id));

describe("matchWords", () => {
  it.each([
    [[["缝纫"]], [11]],
    [[["缝纫", "车缝"]], [11, 12]],
    [[["剪线头"]], [13]],
    [[["线头"]], [13, 14]],
    [[["工"]], [11, 14, 15]],
    [[["abc"]], [12]],
    [[["ABC"]], [12]],
    [[["缝纫"], ["包吃"]], [11]],
    [[["缝纫"], ["保洁"]], []],
    [[["纫工包"]], []],
    [[["工包"]], []],
    [[["a-bc"]], [12]],
    [[["𠀁"]], [15]],
    [[["𠀀𠀁"]], [15]],
    [[["、"], ["保洁"]], [13]],
    [[["、"]], "all"],
    [[], "all"],
  ] as const)("finds %j in %j", (groups, ids) => {
    expect(idsOf(matchWords(index, groups))).toEqual(ids);
  });
});

describe("searchIndex", () => {
  it("lists hits in the index's order, pages them and counts facets as countFacets does", () => {
    const filters: JobFilters = { type: "帮扶车间", openOn: "2026-11-23" };
    const found = searchIndex(index, { filters, sort: "newest", offset: 1, limit: 2, facets: true });
    expect(found.total).toBe(4);
    expect(found.page.map((hit) => hit.id)).toEqual([12, 13]);
    const open = postings.filter((p) => p.facts.closingDate === null || p.facts.closingDate >= "2026-11-23").map((p) => p.facts);
    expect(found.facets).toEqual(countFacets(open, { ...filters, openOn: undefined }));
    expect(found.facets!.type).toEqual({ 帮扶车间: 4 });
  });

  it("sorts by pay (best first, unknown last) and by distance, ties in the index's order", () => {
    const byPay = searchIndex(index, { filters: {}, sort: "pay", offset: 0, limit: 10, facets: false });
    expect(byPay.page.map((hit) => hit.id)).toEqual([11, 12, 14, 13, 15]);
    const withPoints = buildReducedIndex(postings.map((p, i) => ({ ...p, facts: { ...p.facts, point: i === 2 ? null : { lat: 25.9 + (i % 2) / 10, lng: 115.4 } } })));
    const origin = { lat: 25.9, lng: 115.4 };
    const near = searchIndex(withPoints, { filters: { origin }, sort: "distance", offset: 0, limit: 3, facets: false });
    expect(near.page).toEqual([
      { id: 11, distance: 0 },
      { id: 15, distance: 0 },
      { id: 12, distance: distanceKm(origin, { lat: 26, lng: 115.4 }) },
    ]);
  });
});

// Any postings, filters and words: the index answers as matchesFilters, countFacets and the
// stable sorts over the postings whose text holds the words.
const TOWNS = ["城关镇", "梅林镇", "岭背镇"];
const WORDS = ["缝纫", "包", "线头", "保洁", "工"];
const arbitraryFacts = fc.record({
  type: fc.constantFrom(...EMPLOYER_TYPES),
  town: fc.constantFrom(...TOWNS),
  workingTime: fc.constantFrom(...WORKING_TIMES),
  ageMin: fc.option(fc.integer({ min: 16, max: 40 }), { nil: null }),
  ageMax: fc.option(fc.integer({ min: 40, max: 70 }), { nil: null }),
  benefits: fc.subarray([...SEEKER_BENEFITS, "五险"]),
  monthlyPay: fc.option(fc.integer({ min: 1000, max: 6000 }), { nil: null }),
  point: fc.option(fc.record({ lat: fc.double({ min: 25.8, max: 26.1, noNaN: true }), lng: fc.double({ min: 115.2, max: 115.5, noNaN: true }) }), { nil: null }),
  closingDate: fc.option(fc.constantFrom("2026-11-20", "2026-11-23", "2026-12-31"), { nil: null }),
}) as fc.Arbitrary<JobFacts>;
const arbitraryFilters = fc.record(
  {
    type: fc.constantFrom(...EMPLOYER_TYPES),
    town: fc.constantFrom(...TOWNS, "没有的镇"),
    time: fc.constantFrom(...WORKING_TIMES),
    age: fc.integer({ min: 16, max: 80 }),
    benefits: fc.subarray([...SEEKER_BENEFITS]),
    payAtLeast: fc.constantFrom(...PAY_LEVELS),
    origin: fc.constant({ lat: 25.95, lng: 115.35 }),
    radiusKm: fc.constantFrom(5, 10, 20),
    openOn: fc.constant("2026-11-23"),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<JobFilters>;

describe("searchIndex against the brute force", () => {
  it("gives the same hits, order and facet counts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.array(fc.constantFrom(...WORDS, "其他", "A1"), { maxLength: 4 }).map((w) => w.join(" ")), facts: arbitraryFacts }), { maxLength: 40 }),
        arbitraryFilters,
        fc.subarray(WORDS, { maxLength: 2 }),
        fc.constantFrom("newest", "pay", "distance") as fc.Arbitrary<"newest" | "pay" | "distance">,
        fc.integer({ min: 0, max: 5 }),
        (made, filters, words, sort, offset) => {
          const list = made.map((p, i) => ({ id: i + 1, ...p }));
          const built = buildReducedIndex(list);
          const groups = words.map((w) => [w]);
          const matching = matchWords(built, groups);
          const found = searchIndex(built, { filters, matching, sort, offset, limit: 7, facets: true });

          const open = list.filter((p) => words.every((w) => p.text.includes(w)) && (!filters.openOn || p.facts.closingDate === null || p.facts.closingDate >= filters.openOn));
          const rest = { ...filters, openOn: undefined };
          const distance = (p: IndexedPosting) => (filters.origin && p.facts.point ? distanceKm(filters.origin, p.facts.point) : undefined);
          let hits = open.filter((p) => matchesFilters(p.facts, rest));
          if (sort === "distance") hits = [...hits].sort((a, b) => (distance(a) ?? Infinity) - (distance(b) ?? Infinity));
          if (sort === "pay") hits = [...hits].sort((a, b) => (b.facts.monthlyPay ?? -1) - (a.facts.monthlyPay ?? -1));
          expect(found.total).toBe(hits.length);
          expect(found.page).toEqual(hits.slice(offset, offset + 7).map((p) => ({ id: p.id, distance: distance(p) })));
          expect(found.facets).toEqual(countFacets(open.map((p) => p.facts), rest));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("patchReducedIndex", () => {
  it("refuses, changing nothing, a posting that would list between others", () => {
    const built = buildReducedIndex(postings.map((p) => ({ ...p, publishedAt: "2026-11-01" })));
    expect(patchReducedIndex(built, new Map([[99, { ...postings[0]!, id: 99, publishedAt: "2026-10-01" }]]))).toBe(false);
    expect(patchReducedIndex(built, new Map([[10, { ...postings[0]!, id: 10, publishedAt: "2026-11-01" }]]))).toBe(false);
    expect(patchReducedIndex(built, new Map<number, IndexedPosting | undefined>([[11, undefined], [12, { ...postings[1]!, publishedAt: "2026-10-22" }]]))).toBe(false);
    expect(searchIndex(built, { filters: {}, sort: "newest", offset: 0, limit: 10, facets: false }).total).toBe(5);
  });

  it("adds a new posting, and one published again, before every other without a build", () => {
    const built = buildReducedIndex(postings.map((p) => ({ ...p, publishedAt: "2026-11-01" })));
    const fresh = { id: 99, text: "缝纫 新岗位", publishedAt: "2026-11-23", facts: facts({ town: "新镇" }) };
    const again = { ...postings[2]!, publishedAt: "2026-11-22" };
    expect(patchReducedIndex(built, new Map([[99, fresh], [13, again]]))).toBe(true);
    expect(built.size).toBe(7);
    const newest = searchIndex(built, { filters: {}, sort: "newest", offset: 0, limit: 10, facets: true });
    expect(newest.page.map((hit) => hit.id)).toEqual([99, 13, 11, 12, 14, 15]);
    expect(newest.facets!.town).toEqual({ 新镇: 1, 城关镇: 4, 梅林镇: 1 });
    expect(idsOfIndex(built, matchWords(built, [["缝纫"]]))).toEqual([11, 99]);
  });

  it("answers as a fresh build after changed facts and texts and closed postings", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.array(fc.constantFrom(...WORDS, "其他"), { maxLength: 3 }).map((w) => w.join(" ")), facts: arbitraryFacts }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.record({ at: fc.nat(), closed: fc.boolean(), text: fc.array(fc.constantFrom(...WORDS, "新词"), { maxLength: 3 }).map((w) => w.join(" ")), facts: arbitraryFacts }), { maxLength: 8 }),
        arbitraryFilters,
        fc.subarray(WORDS, { maxLength: 2 }),
        (made, changes, filters, words) => {
          const list: (IndexedPosting | undefined)[] = made.map((p, i) => ({ id: i + 1, publishedAt: "2026-11-01", ...p }));
          const built = buildReducedIndex(list as IndexedPosting[]);
          const changed = new Map<number, IndexedPosting | undefined>();
          for (const change of changes) {
            const at = change.at % list.length;
            const now = change.closed ? undefined : { id: at + 1, publishedAt: "2026-11-01", text: change.text, facts: change.facts };
            list[at] = now;
            changed.set(at + 1, now);
          }
          expect(patchReducedIndex(built, changed)).toBe(true);
          const fresh = buildReducedIndex(list.filter((p): p is IndexedPosting => p !== undefined));
          const groups = words.map((w) => [w]);
          for (const sort of ["newest", "pay", "distance"] as const) {
            const ask = { filters, sort, offset: 0, limit: 50, facets: true };
            expect(searchIndex(built, { ...ask, matching: matchWords(built, groups) })).toEqual(searchIndex(fresh, { ...ask, matching: matchWords(fresh, groups) }));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

// Random histories: postings added (mostly published now, sometimes earlier), edited, closed,
// reopened and published again, in batches as the live index reads them from posting_changes.
// After each batch the patched index (or a new build, where patching refuses, as the live index
// does) answers exactly as an index built fresh from the open postings in listing order.
describe("a patched index over random histories", () => {
  const DAYS = ["2026-10-01", "2026-11-01", "2026-11-15", "2026-11-20", "2026-11-23"];
  type Model = Map<number, { publishedAt: string | null; text: string; facts: JobFacts; open: boolean }>;
  const arbitraryText = fc.array(fc.constantFrom(...WORDS, "其他", "新词", "a1"), { maxLength: 3 }).map((w) => w.join(" "));
  const arbitraryStep = fc.oneof(
    fc.record({ kind: fc.constant("add" as const), day: fc.oneof({ arbitrary: fc.constant(DAYS.length), weight: 3 }, { arbitrary: fc.nat({ max: DAYS.length }), weight: 1 }), text: arbitraryText, facts: arbitraryFacts }),
    fc.record({ kind: fc.constant("edit" as const), at: fc.nat(), text: arbitraryText, facts: arbitraryFacts }),
    fc.record({ kind: fc.constant("close" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("reopen" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("republish" as const), at: fc.nat(), day: fc.nat({ max: DAYS.length }) }),
  );
  /** Open postings newest first: published_at DESC (null last), id DESC, as the database lists them. */
  const listing = (model: Model): IndexedPosting[] =>
    [...model]
      .filter(([, p]) => p.open)
      .sort(([a, x], [b, y]) => (x.publishedAt === y.publishedAt ? b - a : x.publishedAt === null ? 1 : y.publishedAt === null ? -1 : x.publishedAt < y.publishedAt ? 1 : -1))
      .map(([id, p]) => ({ id, publishedAt: p.publishedAt, text: p.text, facts: p.facts }));

  it("answers as a fresh build: totals, hits in order, distances and facet counts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: arbitraryText, facts: arbitraryFacts, day: fc.nat({ max: DAYS.length - 1 }) }), { maxLength: 20 }),
        fc.array(fc.array(arbitraryStep, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        arbitraryFilters,
        fc.subarray(WORDS, { maxLength: 2 }),
        (start, batches, filters, words) => {
          const model: Model = new Map(start.map((p, i) => [i + 1, { publishedAt: p.day === 0 ? null : DAYS[p.day]!, text: p.text, facts: p.facts, open: true }]));
          let index = buildReducedIndex(listing(model));
          let nextId = model.size + 1;
          // A day at or after the newest so far, or any day: "published now" is the usual case.
          const dayOf = (day: number) => DAYS[Math.min(day, DAYS.length - 1)]!;
          for (const batch of batches) {
            const touched = new Set<number>();
            for (const step of batch) {
              const ids = [...model.keys()];
              if (step.kind === "add") {
                const id = nextId++;
                model.set(id, { publishedAt: step.day === DAYS.length ? DAYS[DAYS.length - 1]! : dayOf(step.day), text: step.text, facts: step.facts, open: true });
                touched.add(id);
                continue;
              }
              if (ids.length === 0) continue;
              const id = ids[step.at % ids.length]!;
              const posting = model.get(id)!;
              if (step.kind === "edit") Object.assign(posting, { text: step.text, facts: step.facts });
              else if (step.kind === "close") posting.open = false;
              else if (step.kind === "reopen") posting.open = true;
              else posting.publishedAt = step.day === DAYS.length ? null : dayOf(step.day);
              touched.add(id);
            }
            const now = new Map(listing(model).map((p) => [p.id, p]));
            const changed = new Map<number, IndexedPosting | undefined>([...touched].map((id) => [id, now.get(id)]));
            if (!patchReducedIndex(index, changed)) index = buildReducedIndex(listing(model));
            const fresh = buildReducedIndex(listing(model));
            const groups = words.map((w) => [w]);
            for (const sort of ["newest", "pay", "distance"] as const) {
              for (const [asked, page] of [[filters, { offset: 0, limit: 50 }], [filters, { offset: 2, limit: 3 }], [{ origin: filters.origin }, { offset: 0, limit: 50 }]] as const) {
                const ask = { filters: asked, sort, ...page, facets: true };
                expect(searchIndex(index, { ...ask, matching: matchWords(index, groups) })).toEqual(searchIndex(fresh, { ...ask, matching: matchWords(fresh, groups) }));
              }
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("keeps no stale answer for a word looked up before its postings changed (the cache of runs)", () => {
    const built = buildReducedIndex(postings.map((p) => ({ ...p, publishedAt: "2026-11-01" })));
    const find = (word: string) => idsOfIndex(built, matchWords(built, [[word]]));
    expect(find("缝纫")).toEqual([11]);
    expect(find("线头")).toEqual([13, 14]);
    expect(built.runCache.lists.has("缝纫")).toBe(true);
    patchReducedIndex(
      built,
      new Map<number, IndexedPosting | undefined>([
        [11, { ...postings[0]!, text: "保洁员", publishedAt: "2026-11-01" }],
        [13, undefined],
        [12, { ...postings[1]!, text: "缝纫 线头", publishedAt: "2026-11-01" }],
        [16, { id: 16, text: "缝纫工", facts: facts(), publishedAt: "2026-11-02" }],
      ]),
    );
    expect(find("缝纫")).toEqual([12, 16]);
    expect(find("线头")).toEqual([12, 14]);
    expect(find("保洁")).toEqual([11]);
  });

  it("adds without a build when what is new was published last (the usual case)", () => {
    const built = buildReducedIndex(listing(new Map([[1, { publishedAt: "2026-11-01", text: "缝纫", facts: facts(), open: true }]])));
    for (let id = 2; id < 200; id++) expect(patchReducedIndex(built, new Map([[id, { id, publishedAt: "2026-11-23", text: `缝纫 ${id}`, facts: facts() }]]))).toBe(true);
    expect(built.capacity).toBeGreaterThanOrEqual(199);
    const found = searchIndex(built, { filters: {}, matching: matchWords(built, [["缝纫"]]), sort: "newest", offset: 0, limit: 3, facets: false });
    expect(found.total).toBe(199);
    expect(found.page.map((hit) => hit.id)).toEqual([199, 198, 197]);
  });
});
