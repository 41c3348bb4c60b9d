// The statistics snapshot patched from the change log (migration 0016, db/queries/stats-changes.ts,
// src/core/stats/patch.ts) equals a full load of the registry after any sequence of changes: rows
// added (also at ids below the largest, into the middle), changed, deleted, placements ended,
// waiting for confirmation and confirmed, employers and postings changed, towns renamed (a
// whole reload). Property-based over a real SQLite file with the hand-built county; and the
// statistics service answers the patched snapshot without reloading.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { readStatsChanges } from "../db/queries/stats-changes.ts";
import { loadStatsSnapshot, registryVersion, type StatsSnapshot } from "../db/queries/stats-snapshot.ts";
import { openStatsReader } from "../db/stats-reader.ts";
import { EMPLOYER_TYPES, EMPLOYMENT_FORMS, HOUSEHOLD_CATEGORIES, LABOUR_ABILITIES, POSTING_STATUSES } from "../src/core/enums.ts";
import { patchColumns } from "../src/core/stats/patch.ts";
import { HAND_B, HAND_D } from "../src/core/stats/hand-built-county.ts";
import { pageFiguresColumns, pageFiguresOf, pageState, pageStateAfter } from "../src/core/stats/page-figures.ts";
import { createLogger } from "../src/log.ts";
import { createStatistics } from "../src/use-cases/statistics.ts";
import { loadHandBuiltCounty } from "./support/stats-fixture.ts";

/** A fixed platform clock: a patched snapshot's time never comes from the machine. */
const STATS_CLOCK = () => new Date("2026-11-23T02:00:00.000Z");

const dir = mkdtempSync(join(tmpdir(), "jybf-stats-incremental-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function county(): { db: Db; reader: Db; file: string } {
  const file = join(dir, `app-${++files}.db`);
  const db = openDatabase({ file });
  loadHandBuiltCounty(db);
  return { db, reader: openStatsReader(file), file };
}

/** One change of the registry, its targets picked by position among the rows there are (modulo their number). */
type Op =
  | { kind: "addHousehold"; village: number; category: number; code: number; reuseId: boolean }
  | { kind: "changeHousehold"; pick: number; village: number; category: number; code: number | null }
  | { kind: "deleteHousehold"; pick: number }
  | { kind: "addWorker"; household: number; village: number; birth: number; ability: number; willing: boolean; reuseId: boolean }
  | { kind: "changeWorker"; pick: number; household: number; village: number; birth: number; ability: number; willing: boolean }
  | { kind: "deleteWorker"; pick: number }
  | { kind: "addPlacement"; worker: number; employer: number | null; form: number; start: number; days: number | null; pending: boolean; reuseId: boolean }
  | { kind: "endPlacement"; pick: number; days: number | null }
  | { kind: "confirmPlacement"; pick: number; pending: boolean }
  | { kind: "deletePlacement"; pick: number }
  | { kind: "addEmployer"; town: number; type: number; code: number }
  | { kind: "changeEmployer"; pick: number; type: number; name: number; town: number }
  | { kind: "deleteEmployer"; pick: number }
  | { kind: "addPosting"; employer: number; headcount: number; status: number }
  | { kind: "changePosting"; pick: number; employer: number; headcount: number; status: number }
  | { kind: "deletePosting"; pick: number }
  | { kind: "renameTown"; pick: number };

const n = fc.nat(10_000);
const small = (max: number) => fc.nat(max - 1);
const day = fc.integer({ min: 0, max: 3000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("addHousehold" as const), village: n, category: small(HOUSEHOLD_CATEGORIES.length), code: n, reuseId: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("changeHousehold" as const), pick: n, village: n, category: small(HOUSEHOLD_CATEGORIES.length), code: fc.option(n) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteHousehold" as const), pick: n }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("addWorker" as const), household: n, village: n, birth: fc.integer({ min: 0, max: 30_000 }), ability: small(LABOUR_ABILITIES.length), willing: fc.boolean(), reuseId: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("changeWorker" as const), pick: n, household: n, village: n, birth: fc.integer({ min: 0, max: 30_000 }), ability: small(LABOUR_ABILITIES.length), willing: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteWorker" as const), pick: n }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("addPlacement" as const), worker: n, employer: fc.option(n), form: small(EMPLOYMENT_FORMS.length), start: day, days: fc.option(day), pending: fc.boolean(), reuseId: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("endPlacement" as const), pick: n, days: fc.option(day) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("confirmPlacement" as const), pick: n, pending: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("deletePlacement" as const), pick: n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("addEmployer" as const), town: n, type: small(EMPLOYER_TYPES.length), code: n }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("changeEmployer" as const), pick: n, type: small(EMPLOYER_TYPES.length), name: n, town: n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteEmployer" as const), pick: n }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("addPosting" as const), employer: n, headcount: fc.integer({ min: 1, max: 50 }), status: small(POSTING_STATUSES.length) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("changePosting" as const), pick: n, employer: n, headcount: fc.integer({ min: 1, max: 50 }), status: small(POSTING_STATUSES.length) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deletePosting" as const), pick: n }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("renameTown" as const), pick: n }) },
);

let serial = 0;
const dateAt = (days: number) => new Date(Date.UTC(2018, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);

/** Applies `op` in one transaction; a change the database refuses (a key taken, a row still referred to) changes nothing. */
function apply(db: Db, op: Op): void {
  const sqlite = db.$client;
  const ids = (table: string, where = "") => sqlite.prepare(`SELECT id FROM ${table} ${where} ORDER BY id`).pluck().all() as number[];
  const pick = (table: string, i: number, where = "") => {
    const all = ids(table, where);
    return all.length === 0 ? undefined : all[i % all.length]!;
  };
  /** An id below the largest that no row holds, when there is one (a row inserted into the middle). */
  const freeId = (table: string) =>
    (sqlite.prepare(`SELECT t.id - 1 FROM ${table} t WHERE t.id > 1 AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.id = t.id - 1) ORDER BY t.id LIMIT 1`).pluck().get() as number | undefined) ??
    null;
  const tx = db.$client.transaction(() => {
    switch (op.kind) {
      case "addHousehold":
        sqlite
          .prepare("INSERT INTO households (id, code, category, village_id) VALUES (?, ?, ?, ?)")
          .run(op.reuseId ? freeId("households") : null, `H${op.code}-${++serial}`, HOUSEHOLD_CATEGORIES[op.category], pick("villages", op.village));
        break;
      case "changeHousehold": {
        const id = pick("households", op.pick);
        if (id === undefined) return;
        sqlite.prepare("UPDATE households SET category = ?, village_id = ? WHERE id = ?").run(HOUSEHOLD_CATEGORIES[op.category], pick("villages", op.village), id);
        if (op.code !== null) sqlite.prepare("UPDATE households SET code = ? WHERE id = ?").run(`C${op.code}-${++serial}`, id);
        break;
      }
      case "deleteHousehold":
        sqlite.prepare("DELETE FROM households WHERE id = ?").run(pick("households", op.pick));
        break;
      case "addWorker": {
        const id = op.reuseId ? freeId("workers") : null;
        const s = ++serial;
        sqlite
          .prepare(
            `INSERT INTO workers (id, household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, village_id, labour_ability, willing_to_work)
             VALUES (?, ?, ?, ?, 'x', 'x', ?, '女', ?, ?, ?)`,
          )
          .run(id, pick("households", op.household), `新人${s}`, `hash-new-${s}`, new Date(Date.UTC(1950, 0, 1) + op.birth * 86_400_000).toISOString().slice(0, 10), pick("villages", op.village), LABOUR_ABILITIES[op.ability], op.willing ? 1 : 0);
        break;
      }
      case "changeWorker": {
        const id = pick("workers", op.pick);
        if (id === undefined) return;
        sqlite
          .prepare("UPDATE workers SET household_id = ?, village_id = ?, birth_date = ?, labour_ability = ?, willing_to_work = ? WHERE id = ?")
          .run(pick("households", op.household), pick("villages", op.village), new Date(Date.UTC(1950, 0, 1) + op.birth * 86_400_000).toISOString().slice(0, 10), LABOUR_ABILITIES[op.ability], op.willing ? 1 : 0, id);
        break;
      }
      case "deleteWorker": {
        const id = pick("workers", op.pick);
        sqlite.prepare("DELETE FROM placements WHERE worker_id = ?").run(id);
        sqlite.prepare("DELETE FROM workers WHERE id = ?").run(id);
        break;
      }
      case "addPlacement": {
        const employer = op.employer === null ? null : pick("employers", op.employer);
        const start = dateAt(op.start);
        sqlite
          .prepare("INSERT INTO placements (id, worker_id, employer_id, employment_form, start_date, end_date, needs_confirmation) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .run(op.reuseId ? freeId("placements") : null, pick("workers", op.worker), employer ?? null, employer == null ? EMPLOYMENT_FORMS[op.form] : null, start, op.days === null ? null : dateAt(op.start + op.days), op.pending ? 1 : 0);
        break;
      }
      case "endPlacement": {
        const id = pick("placements", op.pick);
        sqlite.prepare("UPDATE placements SET end_date = CASE WHEN ? IS NULL THEN NULL ELSE date(start_date, '+' || ? || ' days') END WHERE id = ?").run(op.days, op.days, id);
        break;
      }
      case "confirmPlacement":
        sqlite.prepare("UPDATE placements SET needs_confirmation = ? WHERE id = ?").run(op.pending ? 1 : 0, pick("placements", op.pick));
        break;
      case "deletePlacement":
        sqlite.prepare("DELETE FROM placements WHERE id = ?").run(pick("placements", op.pick));
        break;
      case "addEmployer":
        sqlite.prepare("INSERT INTO employers (code, name, type, town_id) VALUES (?, ?, ?, ?)").run(`E${op.code}-${++serial}`, `新主体${serial}`, EMPLOYER_TYPES[op.type], pick("towns", op.town));
        break;
      case "changeEmployer":
        sqlite
          .prepare("UPDATE employers SET type = ?, name = ?, town_id = ?, core_factory_id = CASE WHEN ? = '卫星工厂' THEN core_factory_id ELSE NULL END WHERE id = ?")
          .run(EMPLOYER_TYPES[op.type], `改名${op.name}`, pick("towns", op.town), EMPLOYER_TYPES[op.type], pick("employers", op.pick));
        break;
      case "deleteEmployer": {
        const id = pick("employers", op.pick);
        sqlite.prepare("DELETE FROM postings WHERE employer_id = ?").run(id);
        sqlite.prepare("DELETE FROM employers WHERE id = ?").run(id);
        break;
      }
      case "addPosting":
        sqlite
          .prepare("INSERT INTO postings (code, employer_id, title, headcount, status) VALUES (?, ?, '岗位', ?, ?)")
          .run(`P-new-${++serial}`, pick("employers", op.employer), op.headcount, POSTING_STATUSES[op.status]);
        break;
      case "changePosting":
        sqlite.prepare("UPDATE postings SET employer_id = ?, headcount = ?, status = ? WHERE id = ?").run(pick("employers", op.employer), op.headcount, POSTING_STATUSES[op.status], pick("postings", op.pick));
        break;
      case "deletePosting":
        sqlite.prepare("DELETE FROM postings WHERE id = ?").run(pick("postings", op.pick));
        break;
      case "renameTown":
        sqlite.prepare("UPDATE towns SET name = name || '新' WHERE id = ?").run(pick("towns", op.pick));
        break;
    }
  });
  try {
    tx();
  } catch (error) {
    if (!(error instanceof Error) || !/constraint|FOREIGN KEY|UNIQUE|CHECK|NOT NULL|refuse|拒绝|cannot/i.test(error.message)) throw error;
  }
}

/** The snapshot patched from `from` with the log's changes, or a full load where a patch cannot be made (as the service does). */
function patchOrLoad(reader: Db, from: StatsSnapshot): { snapshot: StatsSnapshot; patched: boolean } {
  const read = readStatsChanges(reader, { version: from.version, changeId: from.changeId! }, Number.MAX_SAFE_INTEGER);
  if (read.kind === "current") return { snapshot: from, patched: true };
  expect(read.kind).toBe("changes");
  if (read.kind !== "changes") throw new Error("unreachable");
  const patched = patchColumns(from.columns, from.ids!, read.changes);
  if (!patched) return { snapshot: loadStatsSnapshot(reader), patched: false };
  return { snapshot: { ...patched, version: read.version, changeId: read.changeId, loadedAt: from.loadedAt }, patched: true };
}

const same = (patched: StatsSnapshot, full: StatsSnapshot) => {
  expect(patched.columns).toEqual(full.columns);
  expect(patched.ids).toEqual(full.ids);
  expect(patched.version).toBe(full.version);
  expect(patched.changeId).toBe(full.changeId);
};

describe("the statistics snapshot patched from the change log", () => {
  it("equals a full load after random sequences of changes, batch after batch", () => {
    const { db, reader } = county();
    try {
      let snapshot = loadStatsSnapshot(reader);
      let patches = 0;
      // The statistics page's counters (page-figures.ts) follow each patch too, county and one town.
      const pageQueries = [{ date: HAND_D, baseline: HAND_B }, { date: HAND_D, baseline: HAND_B, town: snapshot.columns.towns[0]! }];
      let pages = pageQueries.map((q) => pageState(snapshot.columns, q));
      let moved = 0;
      fc.assert(
        fc.property(fc.array(fc.array(opArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (batches) => {
          for (const batch of batches) {
            for (const op of batch) apply(db, op);
            const next = patchOrLoad(reader, snapshot);
            if (next.patched) patches++;
            same(next.snapshot, loadStatsSnapshot(reader));
            pages = pages.map((state, i) => {
              const after = pageStateAfter(state, next.snapshot.columns);
              if (after && next.snapshot !== snapshot) moved++;
              const counters = after ?? pageState(next.snapshot.columns, pageQueries[i]!);
              expect(pageFiguresOf(counters)).toEqual(pageFiguresColumns(next.snapshot.columns, pageQueries[i]!));
              return counters;
            });
            snapshot = next.snapshot;
          }
        }),
        { numRuns: 150, seed: 20261202 },
      );
      // The property held over patches, not only over whole reloads; and over moved counters.
      expect(patches).toBeGreaterThan(100);
      expect(moved).toBeGreaterThan(100);
    } finally {
      reader.$client.close();
      db.$client.close();
    }
  });

  it("logs one row for every bump of the registry version, and refuses to patch when the log lacks some", () => {
    const { db, reader } = county();
    try {
      const snapshot = loadStatsSnapshot(reader);
      db.$client.prepare("UPDATE placements SET end_date = start_date WHERE end_date IS NULL").run();
      db.$client.prepare("UPDATE placements SET needs_confirmation = 1 WHERE id = (SELECT min(id) FROM placements)").run();
      const logged = db.$client.prepare("SELECT count(*) FROM stats_changes WHERE id > ?").pluck().get(snapshot.changeId) as number;
      expect(logged).toBe(registryVersion(db) - snapshot.version);
      expect(logged).toBeGreaterThan(1);
      db.$client.prepare("DELETE FROM stats_changes WHERE id = (SELECT max(id) FROM stats_changes)").run();
      expect(readStatsChanges(reader, { version: snapshot.version, changeId: snapshot.changeId! }, 1000).kind).toBe("incomplete");
      db.$client.prepare("UPDATE workers SET phone = phone").run();
      expect(readStatsChanges(reader, { version: snapshot.version, changeId: snapshot.changeId! }, 0).kind).toBe("incomplete");
    } finally {
      reader.$client.close();
      db.$client.close();
    }
  });

  it("says so when more rows changed than the limit", () => {
    const { db, reader } = county();
    try {
      const snapshot = loadStatsSnapshot(reader);
      db.$client.prepare("UPDATE workers SET willing_to_work = 1 - willing_to_work").run();
      const read = readStatsChanges(reader, { version: snapshot.version, changeId: snapshot.changeId! }, 2);
      expect(read.kind).toBe("many");
      expect(readStatsChanges(reader, { version: snapshot.version, changeId: snapshot.changeId! }, 10_000).kind).toBe("changes");
    } finally {
      reader.$client.close();
      db.$client.close();
    }
  });
});

describe("the statistics service with the change log", () => {
  it("answers a large county's change from a patched snapshot at once, not after a reload, and prunes the log", async () => {
    const { db, reader } = county();
    const lines: string[] = [];
    const statistics = createStatistics({ db, now: STATS_CLOCK, reader, log: createLogger({ level: "debug", write: (line) => lines.push(line) }), serveStaleAbove: 0 });
    try {
      const first = await statistics.fresh();
      const loads = () => lines.filter((l) => l.includes("statistics snapshot loaded")).length;
      expect(loads()).toBe(1);
      db.$client.prepare("UPDATE placements SET end_date = start_date WHERE end_date IS NULL").run();
      const next = await statistics.current();
      expect(next).not.toBe(first);
      expect(statistics.isStale(next)).toBe(false);
      same(next, loadStatsSnapshot(openStatsReader(join(dir, `app-${files}.db`))));
      expect(loads()).toBe(1);
      expect(lines.some((l) => l.includes("statistics snapshot patched"))).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      // Without a snapshot kept on disk, the rows the current snapshot includes are no longer needed.
      expect(db.$client.prepare("SELECT count(*) FROM stats_changes WHERE id <= ?").pluck().get(next.changeId)).toBe(0);

      // A town renamed cannot be patched: the previous snapshot answers while the reload runs.
      db.$client.prepare("UPDATE towns SET name = name || '新' WHERE id = (SELECT min(id) FROM towns)").run();
      const stale = await statistics.current();
      expect(stale).toBe(next);
      expect(statistics.isStale(stale)).toBe(true);
      const reloaded = await statistics.fresh();
      expect(reloaded.columns.towns.some((t) => t.endsWith("新"))).toBe(true);
      expect(loads()).toBe(2);
    } finally {
      await statistics.close();
      db.$client.close();
    }
  });
});
