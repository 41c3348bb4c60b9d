/**
 * The reduced mode's in-process index (the engine is down): every open posting's facts as
 * columns of typed arrays, and its search text with an inverted index of character pairs, so a
 * search is one pass over small arrays instead of objects, SQL and FTS5 phrase lookups. Pure:
 * src/search/reduced-search.ts builds it from the database and patches it from the change log:
 * edits and closings in place, a posting published now appended (positions: the build's in
 * listing order, then the added ones, visited last first). A search allocates nothing per
 * posting: it runs over buffers the index keeps. See docs/decisions/2026-12-02-reduced-mode-in-memory.md
 * and 2026-12-02-reduced-mode-appends.md.
 *
 * Words match as the FTS5 index of search pairs did (src/core/search-pairs.ts): a word is found
 * when each of its runs of letters and digits is a substring of one run of the posting's text,
 * letters compared in lower case. A run of two or more UTF-16 units is looked up through the
 * sorted posting lists of its unit pairs (intersected), then checked with `includes` when it is
 * longer than a pair; a single unit is found by scanning the texts.
 *
 * Filters and facet counts follow src/core/job-filters.ts (matchesFilters, countFacets) exactly,
 * in one pass: a posting failing no filter is a hit and counts in every facet; a posting failing
 * exactly one disjunctive filter (type, town, time, pay) counts only in that facet.
 */
import { dayNumber } from "./china-time.ts";
import { distanceKmBetween } from "./geo.ts";
import { cumulativePayCounts, PAY_LEVELS, payLevel, SEEKER_BENEFITS, type FacetCounts, type JobFacts, type JobFilters } from "./job-filters.ts";

/** What the index is built from: open postings in the order hits are listed (newest first). */
export interface IndexedPosting {
  id: number;
  /** The posting's search text (search form), runs of letters and digits separated by spaces. */
  text: string;
  facts: JobFacts;
  /** What orders the postings with the id (newest first); a patch that changes it appends the posting when it lists first, else needs a new build. */
  publishedAt?: string | null;
}

export type IndexSort = "relevance" | "newest" | "distance" | "pay";

const NO_CLOSING_DAY = 99_999_999;
const NO_AGE_MIN = -1;
const NO_AGE_MAX = 32_767;
/** Above this many hits to sort through, a full sort replaces the kept-best buffer. */
const MAX_KEPT = 2_000;
/** Positions kept in the cache of runs looked up (4 bytes each). */
const MAX_CACHED_RUN_ENTRIES = 2_000_000;
/** searchIndex counts the three seeker benefits in three variables; more benefits need more of them. */
const BENEFITS_COUNTED: 3 = SEEKER_BENEFITS.length;
void BENEFITS_COUNTED;

/**
 * Positions: the postings of the build keep the order they were given (0 = newest); postings
 * added afterwards (patchReducedIndex) go after them, each newer than every one before it. So
 * the order hits are listed in is the added positions from the last back, then 0, 1, 2 … of the
 * build: an addition is an append to the columns, never a move.
 */
export interface ReducedIndex {
  /** Positions in use (the build's and the added ones). */
  size: number;
  /** Positions of the build; those from here to `size` were added since. */
  readonly builtSize: number;
  /** Room in the columns; they grow (copied) when an addition needs more. */
  capacity: number;
  ids: Int32Array;
  readonly texts: string[];
  readonly typeNames: readonly string[];
  type: Uint8Array;
  readonly townNames: readonly string[];
  town: Uint16Array;
  readonly timeNames: readonly string[];
  time: Uint8Array;
  /** 0 below the lowest pay level, i + 1 for PAY_LEVELS[i]. */
  payCode: Uint8Array;
  /** Monthly pay, NaN when not given. */
  pay: Float64Array;
  ageMin: Int16Array;
  ageMax: Int16Array;
  /** Bit i: SEEKER_BENEFITS[i]. */
  benefits: Uint8Array;
  /** The posting's point as a code of `points` (postings of one employer or village share one), -1 when it has none. */
  point: Int32Array;
  /** Each distinct point once, so a search computes one distance per point, not per posting. */
  readonly points: { lat: number[]; lng: number[]; codes: Map<string, number> };
  /** The closing day as YYYYMMDD, NO_CLOSING_DAY when open-ended. */
  closing: Int32Array;
  /** Unit-pair key (first × 65536 + second) → posting positions, ascending (positions of the build only). */
  readonly pairs: ReadonlyMap<number, Int32Array>;
  /** Entries in all posting lists together (for the memory figure). */
  readonly pairEntries: number;
  /** Posting id → position. */
  readonly position: Map<number, number>;
  readonly published: (string | null)[];
  /** Positions no longer open (patched out, or moved to a new position); they keep their place in case they open again. */
  dead: Uint8Array;
  /** Positions whose text the posting lists do not know (changed since the build, or added): they are checked one by one. */
  readonly patched: Set<number>;
  /** 1 at the positions of `patched`. */
  patchedMask: Uint8Array;
  /** The newest posting ever held (published_at DESC, id DESC first), undefined when none: an addition must list before it. */
  newest: { published: string | null; id: number } | undefined;
  readonly codes: { type: Coder; town: Coder; time: Coder };
  /**
   * listedPositions by run, kept until the index is built again: they depend on the build's
   * lists and texts only (patched positions are read one by one, whatever a list says).
   */
  readonly runCache: { lists: Map<string, Int32Array>; entries: number };
  /** Buffers a search reuses (one search at a time: the index is used from one thread). */
  scratch: { hits: Int32Array; keys: Float64Array; group: Uint8Array };
}

interface Coder {
  names: string[];
  code(name: string): number;
}

function coder(): Coder {
  const names: string[] = [];
  const codes = new Map<string, number>();
  return {
    names,
    code(name) {
      let code = codes.get(name);
      if (code === undefined) codes.set(name, (code = names.length)), names.push(name);
      return code;
    },
  };
}

type ColumnName = "ids" | "type" | "town" | "time" | "payCode" | "pay" | "ageMin" | "ageMax" | "benefits" | "point" | "closing" | "dead" | "patchedMask";
const COLUMNS: readonly ColumnName[] = ["ids", "type", "town", "time", "payCode", "pay", "ageMin", "ageMax", "benefits", "point", "closing", "dead", "patchedMask"];

/** Room for this many postings beyond the build, before the columns are copied into larger ones. */
function slack(n: number): number {
  return Math.max(64, n >> 5);
}

/** The index of these postings, kept in their order. */
export function buildReducedIndex(postings: readonly IndexedPosting[]): ReducedIndex {
  const n = postings.length;
  const capacity = n + slack(n);
  const codes = { type: coder(), town: coder(), time: coder() };
  const position = new Map<number, number>();
  const published = new Array<string | null>(n);
  const index = {
    ids: new Int32Array(capacity),
    texts: new Array<string>(n),
    type: new Uint8Array(capacity),
    town: new Uint16Array(capacity),
    time: new Uint8Array(capacity),
    payCode: new Uint8Array(capacity),
    pay: new Float64Array(capacity),
    ageMin: new Int16Array(capacity),
    ageMax: new Int16Array(capacity),
    benefits: new Uint8Array(capacity),
    point: new Int32Array(capacity),
    points: { lat: [], lng: [], codes: new Map<string, number>() },
    closing: new Int32Array(capacity),
  };
  // Posting lists in two passes: count each pair once per posting (remembering the pair ids met),
  // then fill one shared array, positions ascending.
  const pairIds = new Map<number, number>();
  let counts = new Int32Array(4096);
  let lastSeen = new Int32Array(4096).fill(-1);
  let met = new Int32Array(1 << 16);
  let metLength = 0;
  const postingEnds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const { id, text, facts } = postings[i]!;
    const lower = text.toLowerCase();
    index.ids[i] = id;
    index.texts[i] = lower;
    position.set(id, i);
    published[i] = postings[i]!.publishedAt ?? null;
    setFacts(index, codes, i, facts);
    for (let c = 0; c + 1 < lower.length; c++) {
      const first = lower.charCodeAt(c);
      const second = lower.charCodeAt(c + 1);
      if (first === 32 || second === 32) continue;
      const key = first * 65536 + second;
      let pairId = pairIds.get(key);
      if (pairId === undefined) {
        pairId = pairIds.size;
        pairIds.set(key, pairId);
        if (pairId >= counts.length) {
          const grownCounts = new Int32Array(counts.length * 2);
          grownCounts.set(counts);
          counts = grownCounts;
          const grownSeen = new Int32Array(lastSeen.length * 2).fill(-1);
          grownSeen.set(lastSeen);
          lastSeen = grownSeen;
        }
      }
      if (lastSeen[pairId] === i) continue;
      lastSeen[pairId] = i;
      counts[pairId]!++;
      if (metLength === met.length) {
        const grown = new Int32Array(met.length * 2);
        grown.set(met);
        met = grown;
      }
      met[metLength++] = pairId;
    }
    postingEnds[i] = metLength;
  }
  const all = new Int32Array(metLength);
  const starts = new Int32Array(pairIds.size + 1);
  for (let p = 0; p < pairIds.size; p++) starts[p + 1] = starts[p]! + counts[p]!;
  const fill = starts.slice(0, pairIds.size);
  for (let i = 0, m = 0; i < n; i++) for (; m < postingEnds[i]!; m++) all[fill[met[m]!]!++] = i;
  const pairs = new Map<number, Int32Array>();
  for (const [key, pairId] of pairIds) pairs.set(key, all.subarray(starts[pairId]!, starts[pairId + 1]!));
  return {
    ...index,
    size: n,
    builtSize: n,
    capacity,
    typeNames: codes.type.names,
    townNames: codes.town.names,
    timeNames: codes.time.names,
    pairs,
    pairEntries: metLength,
    position,
    published,
    dead: new Uint8Array(capacity),
    patched: new Set(),
    patchedMask: new Uint8Array(capacity),
    newest: newestOf(postings),
    runCache: { lists: new Map(), entries: 0 },
    codes,
    scratch: { hits: new Int32Array(capacity), keys: new Float64Array(capacity), group: new Uint8Array(capacity) },
  };
}

/** The posting that lists first by published_at DESC, id DESC (whatever order they are given in). */
function newestOf(postings: readonly IndexedPosting[]): ReducedIndex["newest"] {
  let newest: ReducedIndex["newest"];
  for (const { publishedAt, id } of postings) if (!newest || newer(publishedAt ?? null, id, newest.published, newest.id)) newest = { published: publishedAt ?? null, id };
  return newest;
}

/** Copies the columns into ones with room for `needed` positions (and some more). */
function grow(index: ReducedIndex, needed: number): void {
  if (needed <= index.capacity) return;
  const capacity = Math.max(needed, index.capacity + slack(index.capacity));
  for (const name of COLUMNS) {
    const old = index[name];
    const grown = new (old.constructor as new (length: number) => typeof old)(capacity);
    grown.set(old as never);
    (index as unknown as Record<ColumnName, typeof old>)[name] = grown;
  }
  index.capacity = capacity;
  index.scratch = { hits: new Int32Array(capacity), keys: new Float64Array(capacity), group: new Uint8Array(capacity) };
}

function pointCode(points: ReducedIndex["points"], lat: number, lng: number): number {
  const key = `${lat}:${lng}`;
  let code = points.codes.get(key);
  if (code === undefined) points.codes.set(key, (code = points.lat.length)), points.lat.push(lat), points.lng.push(lng);
  return code;
}

/** Whether posting a lists before (is newer than) posting b, as the build's order has it: published_at DESC (null last), then id DESC. */
function newer(aPublished: string | null, aId: number, bPublished: string | null, bId: number): boolean {
  if (aPublished !== bPublished) return bPublished === null || (aPublished !== null && aPublished > bPublished);
  return aId > bId;
}

type FactColumns = Pick<ReducedIndex, "type" | "town" | "time" | "payCode" | "pay" | "ageMin" | "ageMax" | "benefits" | "point" | "points" | "closing">;

function setFacts(index: FactColumns, codes: ReducedIndex["codes"], i: number, facts: JobFacts): void {
  index.type[i] = codes.type.code(facts.type);
  index.town[i] = codes.town.code(facts.town);
  index.time[i] = codes.time.code(facts.workingTime);
  index.payCode[i] = facts.monthlyPay === null ? 0 : PAY_LEVELS.indexOf(payLevel(facts.monthlyPay) as (typeof PAY_LEVELS)[number]) + 1;
  index.pay[i] = facts.monthlyPay ?? NaN;
  index.ageMin[i] = facts.ageMin ?? NO_AGE_MIN;
  index.ageMax[i] = facts.ageMax ?? NO_AGE_MAX;
  let mask = 0;
  SEEKER_BENEFITS.forEach((benefit, bit) => {
    if (facts.benefits.includes(benefit)) mask |= 1 << bit;
  });
  index.benefits[i] = mask;
  index.point[i] = facts.point ? pointCode(index.points, facts.point.lat, facts.point.lng) : -1;
  index.closing[i] = facts.closingDate === null ? NO_CLOSING_DAY : dayNumber(facts.closingDate);
}

/**
 * Brings the index up to date with changed postings in place: `changed` maps each changed
 * posting's id to what it is now when open, undefined when it is closed or gone. A posting that
 * keeps its place (same publishedAt) gets its new facts and text; a closed one drops out; a new
 * one, or one published again, is added after every position when it lists before all of them
 * (the usual case: a posting published now), its old position dropped. Gives false, changing
 * nothing, when a posting would go anywhere else: build it again then.
 */
export function patchReducedIndex(index: ReducedIndex, changed: ReadonlyMap<number, IndexedPosting | undefined>): boolean {
  const added: IndexedPosting[] = [];
  for (const [id, posting] of changed) {
    if (posting === undefined) continue;
    const at = index.position.get(id);
    if (at === undefined || (posting.publishedAt ?? null) !== index.published[at]) added.push(posting);
  }
  // Oldest first: each goes after the one before, and the first after the newest position.
  const key = (p: IndexedPosting) => [p.publishedAt ?? null, p.id] as const;
  added.sort((a, b) => (newer(...key(a), ...key(b)) ? 1 : -1));
  if (added.length > 0 && index.newest && !newer(...key(added[0]!), index.newest.published, index.newest.id)) return false;
  for (const [id, posting] of changed) {
    const at = index.position.get(id);
    if (at === undefined) continue;
    if (posting === undefined || (posting.publishedAt ?? null) !== index.published[at]) {
      index.dead[at] = 1;
      continue;
    }
    index.dead[at] = 0;
    setFacts(index, index.codes, at, posting.facts);
    const lower = posting.text.toLowerCase();
    if (lower !== index.texts[at]) {
      index.texts[at] = lower;
      markPatched(index, at);
    }
  }
  if (added.length > 0) grow(index, index.size + added.length);
  for (const posting of added) {
    const at = index.size++;
    index.ids[at] = posting.id;
    index.texts[at] = posting.text.toLowerCase();
    index.published[at] = posting.publishedAt ?? null;
    index.position.set(posting.id, at);
    index.dead[at] = 0;
    setFacts(index, index.codes, at, posting.facts);
    markPatched(index, at);
  }
  if (added.length > 0) index.newest = { published: index.published[index.size - 1]!, id: index.ids[index.size - 1]! };
  return true;
}

function markPatched(index: ReducedIndex, at: number): void {
  index.patched.add(at);
  index.patchedMask[at] = 1;
}

/** Positions in both sorted lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let k = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) (out[k++] = x), i++, j++;
    else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}

const RUN = /[\p{L}\p{N}]+/gu;
const EMPTY = new Int32Array(0);

/**
 * Positions of the build whose text (as at the build) holds this run (lower case, letters and
 * digits only), ascending; patched positions may be among them and are left to the caller.
 */
function listedPositions(index: ReducedIndex, run: string): Int32Array {
  const cache = index.runCache;
  const held = cache.lists.get(run);
  if (held) {
    // Most recently used last, so the oldest goes first when the cache is full.
    cache.lists.delete(run);
    cache.lists.set(run, held);
    return held;
  }
  const found = positionsOfRun(index, run);
  cache.lists.set(run, found);
  cache.entries += found.length;
  for (const [oldRun, list] of cache.lists) {
    if (cache.entries <= MAX_CACHED_RUN_ENTRIES || oldRun === run) break;
    cache.lists.delete(oldRun);
    cache.entries -= list.length;
  }
  return found;
}

function positionsOfRun(index: ReducedIndex, run: string): Int32Array {
  if (run.length === 1) {
    const out: number[] = [];
    const { texts } = index;
    for (let i = 0; i < index.builtSize; i++) if (texts[i]!.includes(run)) out.push(i);
    return Int32Array.from(out);
  }
  const lists: Int32Array[] = [];
  for (let c = 0; c + 1 < run.length; c++) {
    const list = index.pairs.get(run.charCodeAt(c) * 65536 + run.charCodeAt(c + 1));
    if (!list) return EMPTY;
    lists.push(list);
  }
  lists.sort((a, b) => a.length - b.length);
  let found = lists[0]!;
  for (let l = 1; l < lists.length && found.length > 0; l++) found = intersect(found, lists[l]!);
  if (run.length === 2) return found;
  return found.filter((i) => index.texts[i]!.includes(run));
}

/**
 * Which postings match word groups (each word already in the search form): every group must
 * match, a group when any of its words does, a word when each of its runs does. Undefined when
 * no group has a searchable word (every posting matches), as pairMatchQuery.
 * @example matchWords(index, [["缝纫", "车缝"], ["包吃"]]) // 1 at the positions of postings with both
 */
export function matchWords(index: ReducedIndex, groups: readonly (readonly string[])[]): Uint8Array | undefined {
  let matching: Uint8Array | undefined;
  const { size, patched, patchedMask, texts } = index;
  for (const words of groups) {
    const runsOfWords = words.map((word) => [...word.toLowerCase().matchAll(RUN)].map(([run]) => run)).filter((runs) => runs.length > 0);
    if (runsOfWords.length === 0) continue;
    // The first group fills the answer; later ones fill the scratch mask, AND'ed in after.
    const group = matching === undefined ? new Uint8Array(size) : index.scratch.group.fill(0, 0, size);
    for (const runs of runsOfWords) {
      let found = listedPositions(index, runs[0]!);
      for (let r = 1; r < runs.length && found.length > 0; r++) found = intersect(found, listedPositions(index, runs[r]!));
      // The lists know the build's texts; a patched position is read as it is now.
      for (let f = 0; f < found.length; f++) {
        const i = found[f]!;
        if (patchedMask[i] === 0) group[i] = 1;
      }
      for (const i of patched) {
        const text = texts[i]!;
        if (runs.every((run) => text.includes(run))) group[i] = 1;
      }
    }
    if (matching) for (let i = 0; i < size; i++) matching[i]! &= group[i]!;
    else matching = group;
  }
  return matching;
}

export interface IndexSearch {
  filters: JobFilters;
  /** From matchWords; undefined: every posting. */
  matching?: Uint8Array;
  sort: IndexSort;
  offset: number;
  limit: number;
  facets: boolean;
}

export interface IndexResults {
  total: number;
  /** The page of hits, in order, with the distance from the origin when there is one and the posting has a point. */
  page: { id: number; distance: number | undefined }[];
  facets?: FacetCounts;
}

function codeOf(names: readonly string[], name: string | undefined): number {
  if (name === undefined || name === "") return -1;
  const code = names.indexOf(name);
  return code === -1 ? -2 : code;
}

/**
 * The first `keep` hits by key ascending, ties in hit order (all hits when keep is large);
 * `keys[h]` is the key of `hits[h]`.
 */
function firstByKey(hits: Int32Array, keys: Float64Array, keep: number): Int32Array {
  const n = hits.length;
  if (keep >= MAX_KEPT || keep >= n) {
    const order = Array.from({ length: n }, (_, h) => h);
    order.sort((a, b) => keys[a]! - keys[b]! || a - b);
    return Int32Array.from(order.slice(0, keep), (h) => hits[h]!);
  }
  // The best `keep` so far, sorted; a new hit goes after those with an equal key (stability).
  const keptKeys = new Float64Array(keep);
  const kept = new Int32Array(keep);
  let length = 0;
  for (let h = 0; h < n; h++) {
    const k = keys[h]!;
    if (length === keep && !(k < keptKeys[keep - 1]!)) continue;
    let low = 0;
    let high = length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (keptKeys[mid]! <= k) low = mid + 1;
      else high = mid;
    }
    const end = Math.min(length, keep - 1);
    keptKeys.copyWithin(low + 1, low, end);
    kept.copyWithin(low + 1, low, end);
    keptKeys[low] = k;
    kept[low] = hits[h]!;
    if (length < keep) length++;
  }
  return kept.subarray(0, length);
}

/**
 * The hits for these filters (and matching words), sorted, the page of them, and the facet
 * counts, as matchesFilters, countFacets and the stable sorts of the reduced mode give them:
 * one pass over the columns in listing order, into buffers the index keeps (no object per
 * posting; distances computed once).
 */
export function searchIndex(index: ReducedIndex, search: IndexSearch): IndexResults {
  const { filters, matching } = search;
  const wantType = codeOf(index.typeNames, filters.type);
  const wantTown = codeOf(index.townNames, filters.town);
  const wantTime = codeOf(index.timeNames, filters.time);
  const wantPay = filters.payAtLeast ? PAY_LEVELS.indexOf(filters.payAtLeast) + 1 : 0;
  const age = filters.age ?? -1;
  const checkAge = filters.age !== undefined;
  let wantBenefits = 0;
  for (const benefit of filters.benefits ?? []) {
    const bit = SEEKER_BENEFITS.indexOf(benefit);
    wantBenefits |= bit === -1 ? 1 << 7 : 1 << bit;
  }
  const openDay = filters.openOn ? dayNumber(filters.openOn) : 0;
  const origin = filters.origin;
  const originLat = origin?.lat ?? NaN;
  const originLng = origin?.lng ?? NaN;
  const radius = origin && filters.radiusKm !== undefined ? filters.radiusKm : Infinity;
  const withRadius = radius !== Infinity;
  const facets = search.facets;

  const typeCounts = new Int32Array(index.typeNames.length);
  const townCounts = new Int32Array(index.townNames.length);
  const timeCounts = new Int32Array(index.timeNames.length);
  const payCounts = new Int32Array(PAY_LEVELS.length + 1);
  let benefit0 = 0;
  let benefit1 = 0;
  let benefit2 = 0;
  const hitBuffer = index.scratch.hits;
  let total = 0;
  const { size, type, town, time, payCode, ageMin, ageMax, benefits, closing, point, dead } = index;
  // The distance of each distinct point (Infinity without an origin), then read per posting.
  const points = index.points.lat.length;
  const pointDistance = new Float64Array(points + 1).fill(Infinity);
  if (origin) for (let c = 0; c < points; c++) pointDistance[c + 1] = distanceKmBetween(originLat, originLng, index.points.lat[c]!, index.points.lng[c]!);
  const added = size - index.builtSize;
  for (let k = 0; k < size; k++) {
    const i = k < added ? size - 1 - k : k - added;
    if (matching !== undefined && matching[i] === 0) continue;
    if (dead[i] === 1) continue;
    if (closing[i]! < openDay) continue;
    if (checkAge && (ageMin[i]! > age || ageMax[i]! < age)) continue;
    const mask = benefits[i]!;
    if ((mask & wantBenefits) !== wantBenefits) continue;
    if (withRadius && !(pointDistance[point[i]! + 1]! <= radius)) continue;
    let fails = 0;
    let failed = 0;
    if (wantType !== -1 && type[i] !== wantType) (fails++, (failed = 1));
    if (wantTown !== -1 && town[i] !== wantTown) (fails++, (failed = 2));
    if (wantTime !== -1 && time[i] !== wantTime) (fails++, (failed = 3));
    if (wantPay !== 0 && payCode[i]! < wantPay) (fails++, (failed = 4));
    if (fails > 1) continue;
    if (fails === 0) {
      hitBuffer[total++] = i;
      if (facets) {
        typeCounts[type[i]!]!++;
        townCounts[town[i]!]!++;
        timeCounts[time[i]!]!++;
        payCounts[payCode[i]!]!++;
        benefit0 += mask & 1;
        benefit1 += (mask >> 1) & 1;
        benefit2 += (mask >> 2) & 1;
      }
    } else if (facets) {
      if (failed === 1) typeCounts[type[i]!]!++;
      else if (failed === 2) townCounts[town[i]!]!++;
      else if (failed === 3) timeCounts[time[i]!]!++;
      else payCounts[payCode[i]!]!++;
    }
  }
  const hits = hitBuffer.subarray(0, total);
  const distanceAt = (i: number) => (origin && point[i] !== -1 ? pointDistance[point[i]! + 1] : undefined);
  const end = search.offset + search.limit;
  let ordered: Int32Array;
  if (search.sort === "distance" || search.sort === "pay") {
    const keys = index.scratch.keys.subarray(0, total);
    if (search.sort === "distance") {
      for (let h = 0; h < total; h++) {
        keys[h] = pointDistance[point[hits[h]!]! + 1]!;
      }
    } else {
      const { pay } = index;
      for (let h = 0; h < total; h++) {
        const p = pay[hits[h]!]!;
        keys[h] = Number.isNaN(p) ? 1 : -p;
      }
    }
    ordered = firstByKey(hits, keys, end);
  } else ordered = hits.subarray(0, end);
  const page = Array.from(ordered.subarray(search.offset, end), (i) => ({ id: index.ids[i]!, distance: distanceAt(i) }));
  if (!facets) return { total, page };

  const named = (names: readonly string[], counts: Int32Array): Record<string, number> => {
    const out: Record<string, number> = {};
    names.forEach((name, code) => {
      if (counts[code]! > 0) out[name] = counts[code]!;
    });
    return out;
  };
  const byLevel: Record<string, number> = {};
  payCounts.forEach((count, code) => {
    if (count > 0) byLevel[String(code === 0 ? 0 : PAY_LEVELS[code - 1])] = count;
  });
  const benefitCounts = [benefit0, benefit1, benefit2];
  const benefitFacet: FacetCounts["benefits"] = {};
  SEEKER_BENEFITS.forEach((benefit, b) => {
    if (benefitCounts[b]! > 0) benefitFacet[benefit] = benefitCounts[b]!;
  });
  return {
    total,
    page,
    facets: {
      type: named(index.typeNames, typeCounts),
      town: named(index.townNames, townCounts),
      time: named(index.timeNames, timeCounts),
      payAtLeast: cumulativePayCounts(byLevel),
      benefits: benefitFacet,
    },
  };
}

/** Bytes the index's arrays take (texts counted at two bytes a unit), for the benchmark. */
export function indexBytes(index: ReducedIndex): number {
  const arrays = [index.ids, index.type, index.town, index.time, index.payCode, index.pay, index.ageMin, index.ageMax, index.benefits, index.point, index.closing];
  const columns = arrays.reduce((sum, a) => sum + a.byteLength, 0);
  const texts = index.texts.reduce((sum, t) => sum + 2 * t.length, 0);
  return columns + texts + index.pairEntries * 4 + index.pairs.size * 48;
}

