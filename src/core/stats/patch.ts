/**
 * Patching a columnar snapshot (columns.ts) with the rows that changed since it was read, so a
 * change of the registry reaches the figures in milliseconds instead of a whole reload (seconds at
 * a million workers). The result must equal what a full load of the registry gives at that moment
 * (same positions, same order of codes): tests/stats-incremental.test.ts holds the two to it after
 * random sequences of changes.
 *
 * A snapshot is never changed in place (figures are cached per snapshot object): a patch makes new
 * arrays for the tables it touches, and shares the others. Rows keep the id order of the full load;
 * `StatsIds` keeps each table's ids in that order, so a row's position is a binary search away.
 * Towns and villages are not patched (a change of one moves whole households between towns): the
 * caller reloads whole then. See docs/decisions/2026-12-02-incremental-statistics.md.
 */
import type { StatsColumns } from "./columns.ts";

/** The database ids of the snapshot's rows, ascending, position by position. */
export interface StatsIds {
  towns: Int32Array;
  villages: Int32Array;
  /** Town position of each village. */
  villageTown: Int32Array;
  households: Int32Array;
  workers: Int32Array;
  employers: Int32Array;
  /** Only placements in the figures (not those waiting for the bureau's confirmation). */
  placements: Int32Array;
}

export interface HouseholdRow {
  code: string;
  /** Index into HOUSEHOLD_CATEGORIES. */
  category: number;
  villageId: number;
}
export interface WorkerRow {
  householdId: number;
  villageId: number;
  /** yyyymmdd */
  birth: number;
  /** Index into LABOUR_ABILITIES. */
  ability: number;
  willing: number;
}
export interface EmployerRow {
  code: string;
  name: string;
  /** Index into EMPLOYER_TYPES. */
  type: number;
  townId: number;
}
export interface PlacementRow {
  workerId: number;
  employerId: number | null;
  /** Index into EMPLOYMENT_FORMS, or -1. */
  form: number;
  /** yyyymmdd */
  start: number;
  /** yyyymmdd, OPEN_END while working. */
  end: number;
}

/** The rows changed since a snapshot, as they are now: null where the row is gone (or, for a placement, not in the figures). */
export interface StatsRowChanges {
  /** A town or village changed: the snapshot cannot be patched. */
  regions: boolean;
  households: Map<number, HouseholdRow | null>;
  workers: Map<number, WorkerRow | null>;
  employers: Map<number, EmployerRow | null>;
  /** Employer id → the headcount of its 招聘中 postings now (employers whose postings changed, and every changed employer). */
  openHeadcount: Map<number, number>;
  placements: Map<number, PlacementRow | null>;
}

/** An empty set of changes. */
export function noRowChanges(): StatsRowChanges {
  return { regions: false, households: new Map(), workers: new Map(), employers: new Map(), openHeadcount: new Map(), placements: new Map() };
}

/** The position of `id` in ascending `ids`, or -1. */
export function positionOf(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * How a table's rows move: the new ids, each new position's old one (-1 for a new row; null when
 * the old rows keep their positions and new ones, if any, come after them), and old → new (null
 * when nobody moved).
 */
interface Plan {
  ids: Int32Array;
  from: Int32Array | null;
  moved: Int32Array | null;
}

function plan(old: Int32Array, changes: Map<number, unknown>): Plan {
  if (changes.size === 0) return { ids: old, from: null, moved: null };
  // The common case: rows changed in place, and rows added after the last (new ids): nobody moves.
  const last = old.length > 0 ? old[old.length - 1]! : -Infinity;
  const added: number[] = [];
  let inPlace = true;
  for (const [id, row] of changes) {
    if (row === null) {
      inPlace = false;
      break;
    }
    if (id > last) added.push(id);
    else if (positionOf(old, id) < 0) {
      inPlace = false;
      break;
    }
  }
  if (inPlace) {
    if (added.length === 0) return { ids: old, from: null, moved: null };
    const ids = new Int32Array(old.length + added.length);
    ids.set(old);
    ids.set(added.sort((a, b) => a - b), old.length);
    return { ids, from: null, moved: null };
  }
  const changed = Int32Array.from(changes.keys()).sort();
  const ids = new Int32Array(old.length + changed.length);
  const from = new Int32Array(old.length + changed.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < old.length || j < changed.length) {
    const a = i < old.length ? old[i]! : Infinity;
    const b = j < changed.length ? changed[j]! : Infinity;
    if (a < b) {
      ids[n] = a;
      from[n++] = i++;
      continue;
    }
    const existed = a === b;
    if (changes.get(b) !== null) {
      ids[n] = b;
      from[n++] = existed ? i : -1;
    }
    if (existed) i++;
    j++;
  }
  const moved = new Int32Array(old.length).fill(-1);
  let still = n >= old.length;
  for (let k = 0; k < n; k++) {
    const f = from[k]!;
    if (f >= 0) {
      moved[f] = k;
      if (f !== k) still = false;
    }
  }
  if (still) for (let f = 0; f < old.length; f++) if (moved[f] !== f) still = false;
  return { ids: ids.slice(0, n), from: from.slice(0, n), moved: still ? null : moved };
}

type Typed = Int32Array | Uint8Array | Int8Array;

/** The old column laid out at the new positions (0 at new rows); references through `remap` when the table they point into moved. */
function gather<T extends Typed>(old: T, plan: Plan, remap: Int32Array | null = null): T {
  const out = new (old.constructor as new (n: number) => T)(plan.ids.length);
  const from = plan.from;
  if (from === null) {
    out.set(old);
    if (remap !== null) for (let k = 0; k < old.length; k++) if (out[k]! >= 0) out[k] = remap[out[k]!]!;
    return out;
  }
  for (let k = 0; k < from.length; k++) {
    const f = from[k]!;
    if (f < 0) continue;
    const v = old[f]!;
    out[k] = remap === null || v < 0 ? v : remap[v]!;
  }
  return out;
}

function gatherList<T>(old: readonly T[], plan: Plan, fill: T): T[] {
  const from = plan.from;
  if (from === null) {
    const out = old.slice();
    for (let k = old.length; k < plan.ids.length; k++) out.push(fill);
    return out;
  }
  const out = new Array<T>(from.length);
  for (let k = 0; k < from.length; k++) {
    const f = from[k]!;
    out[k] = f < 0 ? fill : old[f]!;
  }
  return out;
}

/**
 * The order of rows by code after a patch: the old order moved to the new positions, without the
 * rows gone or changed, merged with the changed rows sorted by code (as orderByString sorts: by
 * JavaScript's string comparison, equal codes by position).
 */
function patchOrder(old: Int32Array, moved: Int32Array | null, touched: number[], codes: readonly string[]): Int32Array {
  const isTouched = new Uint8Array(codes.length);
  for (const p of touched) isTouched[p] = 1;
  const before = (a: number, b: number) => {
    const x = codes[a]!;
    const y = codes[b]!;
    return x < y || (x === y && a < b);
  };
  const added = [...touched].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const out = new Int32Array(codes.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < old.length; i++) {
    const o = old[i]!;
    const p = moved === null ? o : moved[o]!;
    if (p < 0 || isTouched[p] === 1) continue;
    while (j < added.length && before(added[j]!, p)) out[n++] = added[j++]!;
    out[n++] = p;
  }
  while (j < added.length) out[n++] = added[j++]!;
  if (n !== codes.length) throw new Error("stats patch: code order lost a row");
  return out;
}

/** Rows of `changes` that are present, with their new positions. */
function present<T>(changes: Map<number, T | null>, ids: Int32Array): [number, T][] {
  const out: [number, T][] = [];
  for (const [id, row] of changes) if (row !== null) out.push([positionOf(ids, id), row]);
  return out;
}

/** A reference that must resolve; throws (the caller reloads whole) when the row is not there. */
function must(position: number, what: string): number {
  if (position < 0) throw new Error(`stats patch: ${what} not in the snapshot`);
  return position;
}

/**
 * `columns` (with `ids`) after `changes`, or undefined when they cannot be patched (a town or
 * village changed, or a row points at one the snapshot does not hold): then reload whole.
 */
export function patchColumns(columns: StatsColumns, ids: StatsIds, changes: StatsRowChanges): { columns: StatsColumns; ids: StatsIds } | undefined {
  if (changes.regions || !knownShape(columns)) return undefined;
  try {
    return patch(columns, ids, changes);
  } catch {
    return undefined;
  }
}

/** The columns this patch knows how to patch: a column added to StatsColumns and not here makes every change a whole reload, never a wrong figure. */
const KNOWN: Record<string, string> = {
  "": "employers,households,placements,towns,villages,workers",
  households: "byCode,category,code,count,town,village",
  workers: "ability,birth,count,household,town,willing",
  employers: "byCode,code,count,name,openHeadcount,town,type",
  placements: "count,employer,end,form,start,worker",
};

function knownShape(columns: StatsColumns): boolean {
  const keys = (value: object) => Object.keys(value).sort().join(",");
  const tables = columns as unknown as Record<string, object>;
  return keys(columns) === KNOWN[""] && ["households", "workers", "employers", "placements"].every((t) => keys(tables[t]!) === KNOWN[t]);
}

function patch(columns: StatsColumns, ids: StatsIds, changes: StatsRowChanges): { columns: StatsColumns; ids: StatsIds } {
  const villageTown = (villageId: number) => ids.villageTown[must(positionOf(ids.villages, villageId), "village")]!;

  // Households.
  const hPlan = plan(ids.households, changes.households);
  let households = columns.households;
  if (changes.households.size > 0) {
    const old = columns.households;
    const rows = present(changes.households, hPlan.ids);
    const code = gatherList(old.code, hPlan, "");
    const town = gather(old.town, hPlan);
    const village = gather(old.village, hPlan);
    const category = gather(old.category, hPlan);
    for (const [p, row] of rows) {
      code[p] = row.code;
      village[p] = must(positionOf(ids.villages, row.villageId), "village");
      town[p] = villageTown(row.villageId);
      category[p] = row.category;
    }
    const byCode = patchOrder(old.byCode, hPlan.moved, rows.map(([p]) => p), code);
    households = { count: hPlan.ids.length, code, town, village, category, byCode };
  }

  // Workers.
  const wPlan = plan(ids.workers, changes.workers);
  let workers = columns.workers;
  if (changes.workers.size > 0 || hPlan.moved !== null) {
    const old = columns.workers;
    const household = gather(old.household, wPlan, hPlan.moved);
    const town = gather(old.town, wPlan);
    const birth = gather(old.birth, wPlan);
    const ability = gather(old.ability, wPlan);
    const willing = gather(old.willing, wPlan);
    for (const [p, row] of present(changes.workers, wPlan.ids)) {
      household[p] = must(positionOf(hPlan.ids, row.householdId), "household");
      town[p] = villageTown(row.villageId);
      birth[p] = row.birth;
      ability[p] = row.ability;
      willing[p] = row.willing;
    }
    workers = { count: wPlan.ids.length, household, town, birth, ability, willing };
  }

  // Employers and their open headcount.
  const ePlan = plan(ids.employers, changes.employers);
  let employers = columns.employers;
  if (changes.employers.size > 0 || changes.openHeadcount.size > 0) {
    const old = columns.employers;
    const rows = present(changes.employers, ePlan.ids);
    const code = gatherList(old.code, ePlan, "");
    const name = gatherList(old.name, ePlan, "");
    const type = gather(old.type, ePlan);
    const town = gather(old.town, ePlan);
    const openHeadcount = gather(old.openHeadcount, ePlan);
    for (const [p, row] of rows) {
      code[p] = row.code;
      name[p] = row.name;
      type[p] = row.type;
      town[p] = must(positionOf(ids.towns, row.townId), "town");
    }
    for (const [id, headcount] of changes.openHeadcount) {
      const p = positionOf(ePlan.ids, id);
      if (p >= 0) openHeadcount[p] = headcount;
    }
    const byCode = rows.length > 0 || ePlan.moved !== null ? patchOrder(old.byCode, ePlan.moved, rows.map(([p]) => p), code) : old.byCode;
    employers = { count: ePlan.ids.length, code, name, type, town, byCode, openHeadcount };
  }

  // Placements.
  const pPlan = plan(ids.placements, changes.placements);
  let placements = columns.placements;
  if (changes.placements.size > 0 || wPlan.moved !== null || ePlan.moved !== null) {
    const old = columns.placements;
    const worker = gather(old.worker, pPlan, wPlan.moved);
    const start = gather(old.start, pPlan);
    const end = gather(old.end, pPlan);
    const employer = gather(old.employer, pPlan, ePlan.moved);
    const form = gather(old.form, pPlan);
    for (const [p, row] of present(changes.placements, pPlan.ids)) {
      worker[p] = must(positionOf(wPlan.ids, row.workerId), "worker");
      start[p] = row.start;
      end[p] = row.end;
      employer[p] = row.employerId === null ? -1 : must(positionOf(ePlan.ids, row.employerId), "employer");
      form[p] = row.form;
    }
    placements = { count: pPlan.ids.length, worker, start, end, employer, form };
  }

  return {
    columns: { towns: columns.towns, villages: columns.villages, households, workers, placements, employers },
    ids: { ...ids, households: hPlan.ids, workers: wPlan.ids, employers: ePlan.ids, placements: pPlan.ids },
  };
}
