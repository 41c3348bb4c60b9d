// Retention from the statistics snapshot (src/core/stats/retention-columns.ts) against the SQL
// counts it replaced (db/queries/retention.ts, kept as the reference): the same groups, employer
// names and rows over generated counties in a real SQLite file — placements near month ends and
// horizons, 待核实 ones, work without an employer, workers living in another town than their
// household, an employer whose code is a 就业形式 — for every breakdown, town scope and filter.
// Then invalidation: through the statistics service, a placement recorded, ended, confirmed, a
// household's category and a worker's village changed are each in the next figure (patched).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { retentionGroups } from "../db/queries/retention.ts";
import { loadStatsSnapshot } from "../db/queries/stats-snapshot.ts";
import { openStatsReader } from "../db/stats-reader.ts";
import { addDays, daysInMonth } from "../src/core/calendar.ts";
import { EMPLOYER_TYPES, EMPLOYMENT_FORMS, HOUSEHOLD_CATEGORIES } from "../src/core/enums.ts";
import { retentionGroupsFromColumns, retentionRowsFromColumns } from "../src/core/stats/retention-columns.ts";
import { monthsAfter, RETENTION_BREAKDOWNS, retentionRows, type RetentionGroup, type RetentionQuery } from "../src/core/stats/retention.ts";
import { createLogger } from "../src/log.ts";
import { createStatistics } from "../src/use-cases/statistics.ts";
import { retentionView, retentionViewFromSql } from "../src/use-cases/retention-view.ts";
import { loadHandBuiltCounty } from "./support/stats-fixture.ts";

const dir = mkdtempSync(join(tmpdir(), "jybf-retention-columns-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOWNS = ["东山镇", "西河乡", "南岭镇"];
const CODES = ["E1", "E2", "E3", "E4", "外出务工"];

const countyArb = fc.record({
  towns: fc.integer({ min: 1, max: TOWNS.length }),
  households: fc.array(fc.record({ village: fc.nat(5), category: fc.nat(HOUSEHOLD_CATEGORIES.length - 1) }), { minLength: 1, maxLength: 6 }),
  workers: fc.array(fc.record({ household: fc.nat(100), village: fc.nat(5) }), { minLength: 1, maxLength: 10 }),
  employers: fc.uniqueArray(fc.record({ type: fc.nat(EMPLOYER_TYPES.length - 1), code: fc.constantFrom(...CODES), town: fc.nat(2) }), { maxLength: 4, selector: (e) => e.code }),
  placements: fc.array(
    fc.record({
      worker: fc.nat(100),
      employer: fc.option(fc.nat(100)),
      form: fc.nat(EMPLOYMENT_FORMS.length - 1),
      month: fc.nat(35),
      day: fc.constantFrom(1, 2, 15, 28, 29, 30, 31),
      end: fc.option(fc.record({ months: fc.constantFrom(0, 3, 6, 12, 13), shift: fc.integer({ min: -2, max: 2 }) }), { freq: 3 }),
      pending: fc.boolean(),
    }),
    { minLength: 10, maxLength: 40 },
  ),
});
type County = typeof countyArb extends fc.Arbitrary<infer T> ? T : never;

const monthOf = (n: number) => `${2024 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;

/** Replaces the registry of `db` with `county` (towns, villages, households, workers, employers, placements). */
function write(db: Db, county: County): void {
  const sql = db.$client;
  sql.transaction(() => {
    for (const table of ["placements", "workers", "households", "employers", "villages", "towns"]) sql.prepare(`DELETE FROM ${table}`).run();
    const villages: number[] = [];
    for (let t = 0; t < county.towns; t++) {
      const town = Number(sql.prepare("INSERT INTO towns (name) VALUES (?)").run(TOWNS[t]).lastInsertRowid);
      for (const v of [1, 2]) villages.push(Number(sql.prepare("INSERT INTO villages (town_id, name, lat, lng) VALUES (?, ?, 25.9, 115.4)").run(town, `${TOWNS[t]}${v}村`).lastInsertRowid));
    }
    const towns = sql.prepare("SELECT id FROM towns ORDER BY id").pluck().all() as number[];
    const households = county.households.map(
      (h, i) => Number(sql.prepare("INSERT INTO households (code, category, village_id) VALUES (?, ?, ?)").run(`H${i}`, HOUSEHOLD_CATEGORIES[h.category], villages[h.village % villages.length]).lastInsertRowid),
    );
    const workers = county.workers.map((w, i) =>
      Number(
        sql
          .prepare(
            `INSERT INTO workers (household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, village_id, labour_ability, willing_to_work)
             VALUES (?, ?, ?, 'x', 'x', '1980-01-01', '女', ?, '有劳动能力', 1)`,
          )
          .run(households[w.household % households.length], `工人${i}`, `hash-${i}`, villages[w.village % villages.length]).lastInsertRowid,
      ),
    );
    const employers = county.employers.map((e, i) =>
      Number(sql.prepare("INSERT INTO employers (code, name, type, town_id) VALUES (?, ?, ?, ?)").run(e.code, `主体${i}`, EMPLOYER_TYPES[e.type], towns[e.town % towns.length]).lastInsertRowid),
    );
    const add = sql.prepare("INSERT OR IGNORE INTO placements (worker_id, employer_id, employment_form, start_date, end_date, needs_confirmation) VALUES (?, ?, ?, ?, ?, ?)");
    for (const p of county.placements) {
      const month = monthOf(p.month);
      const start = `${month}-${String(Math.min(p.day, daysInMonth(month))).padStart(2, "0")}`;
      const shifted = p.end === null ? null : addDays(monthsAfter(start, p.end.months), p.end.shift);
      const end = shifted === null ? null : shifted < start ? start : shifted;
      const employer = p.employer === null || employers.length === 0 ? null : employers[p.employer % employers.length]!;
      add.run(workers[p.worker % workers.length], employer, employer === null ? EMPLOYMENT_FORMS[p.form] : null, start, end, p.pending ? 1 : 0);
    }
  })();
}

/** A reference date: any day of 2024-01…2027-04, or the start day of one of the placements (the edge of "not after the date"). */
const dateArb = fc.record({ day: fc.nat(1200), placement: fc.option(fc.nat(1000)) });

const sorted = (groups: RetentionGroup[]) => [...groups].sort((a, b) => (`${a.cohort}|${a.key}` < `${b.cohort}|${b.key}` ? -1 : 1));

describe("retention from the snapshot equals the SQL counts", () => {
  it("on generated counties, for every breakdown, town scope (and a town that is not there) and 帮扶对象 filter", () => {
    const db = openDatabase({ file: join(dir, "generated.db") });
    let placements = 0;
    try {
      fc.assert(
        fc.property(countyArb, fc.record({ from: fc.nat(35), length: fc.nat(30), date: dateArb }), (county, q) => {
          write(db, county);
          placements += db.$client.prepare("SELECT count(*) FROM placements").pluck().get() as number;
          const { columns } = loadStatsSnapshot(db);
          const from = monthOf(q.from);
          const to = monthsAfter(`${from}-01`, q.length).slice(0, 7);
          const starts = db.$client.prepare("SELECT start_date FROM placements ORDER BY id").pluck().all() as string[];
          const date = q.date.placement !== null && starts.length > 0 ? starts[q.date.placement % starts.length]! : addDays("2024-01-01", q.date.day);
          for (const town of [undefined, ...TOWNS.slice(0, county.towns), "无此镇"])
            for (const assisted of [false, true])
              for (const by of RETENTION_BREAKDOWNS) {
                const scope = { from, to, date, town, assisted };
                const fromSql = retentionGroups(db, by, scope);
                const fromColumns = retentionGroupsFromColumns(columns, by, scope);
                const label = `${by} ${town ?? "county"} ${assisted}`;
                expect(sorted(fromColumns.groups), label).toEqual(sorted(fromSql.groups));
                expect(fromColumns.names, label).toEqual(fromSql.names);
                const query = { by, from, to, date };
                const rows = retentionRows(fromSql.groups, query);
                expect(retentionRows(fromColumns.groups, query), label).toEqual(rows);
                // The rows summed straight from the counts (what the page and the API show).
                expect(retentionRowsFromColumns(columns, { ...scope, by }), label).toEqual({ rows, names: fromSql.names });
              }
        }),
        { numRuns: 150, seed: 20261202 },
      );
      // The counties held placements to count, not only empty registries.
      expect(placements).toBeGreaterThan(1500);
    } finally {
      db.$client.close();
    }
  });
});

describe("retention through the statistics service", () => {
  it("a placement recorded, ended or confirmed, a household's category and a worker's village changed are in the next figure", async () => {
    const file = join(dir, "service.db");
    const db = openDatabase({ file });
    loadHandBuiltCounty(db);
    const lines: string[] = [];
    // serveStaleAbove 0: the large county's behaviour (answers never wait for a reload), so each change must come by a patch.
    const statistics = createStatistics({ db, reader: openStatsReader(file), now: () => new Date("2026-11-23T02:00:00Z"), log: createLogger({ level: "debug", write: (l) => lines.push(l) }), serveStaleAbove: 0 });
    const sql = db.$client;
    const base: RetentionQuery = { date: "2026-11-23", from: "2025-01", to: "2026-11", by: "month", assisted: false };
    /** The snapshot's rows, checked equal to the SQL's (always the registry as it is) and current. */
    const rows = async (q: Partial<RetentionQuery> & { town?: string } = {}) => {
      const query = { ...base, ...q, town: q.town };
      const view = await retentionView({ statistics }, query);
      expect(view.asOf).toBeUndefined();
      expect(view.rows).toEqual(retentionViewFromSql({ db }, query));
      return view.rows;
    };
    const row = async (key: string, q: Partial<RetentionQuery> & { town?: string } = {}) => (await rows(q)).find((r) => r.key === key);
    try {
      await statistics.fresh();
      const loads = () => lines.filter((l) => l.includes("statistics snapshot loaded")).length;
      const worker = sql.prepare("SELECT w.id FROM workers w JOIN households h ON h.id = w.household_id WHERE h.category <> '一般户' ORDER BY w.id LIMIT 1").pluck().get() as number;
      const employer = sql.prepare("SELECT id FROM employers ORDER BY id LIMIT 1").pluck().get() as number;
      const march = async () => (await row("2025-03"))!;
      const before = await march();

      // Recorded: started +1, kept at every horizon (still open).
      const id = Number(sql.prepare("INSERT INTO placements (worker_id, employer_id, start_date) VALUES (?, ?, '2025-03-10')").run(worker, employer).lastInsertRowid);
      const recorded = await march();
      expect(recorded.started).toBe(before.started + 1);
      expect(recorded.horizons.map((h) => h.retained)).toEqual(before.horizons.map((h) => (h.retained ?? 0) + 1));

      // Ended after four months: kept at 3, no longer at 6 or 12.
      sql.prepare("UPDATE placements SET end_date = '2025-07-20' WHERE id = ?").run(id);
      const ended = await march();
      expect(ended.started).toBe(before.started + 1);
      expect(ended.horizons.map((h) => h.retained)).toEqual(before.horizons.map((h, i) => (h.retained ?? 0) + (i === 0 ? 1 : 0)));

      // Waiting for the bureau's confirmation (待核实): out of the figure; confirmed: back in.
      sql.prepare("UPDATE placements SET needs_confirmation = 1 WHERE id = ?").run(id);
      expect((await march()).started).toBe(before.started);
      sql.prepare("UPDATE placements SET needs_confirmation = 0 WHERE id = ?").run(id);
      expect((await march()).started).toBe(before.started + 1);

      // The household becomes 一般户: the placement leaves the 帮扶对象 figure.
      const assistedBefore = (await row("2025-03", { assisted: true }))!.started;
      sql.prepare("UPDATE households SET category = '一般户' WHERE id = (SELECT household_id FROM workers WHERE id = ?)").run(worker);
      expect((await row("2025-03", { assisted: true }))?.started ?? 0).toBe(assistedBefore - 1);

      // The worker moves to another town's village: the placement moves between towns' rows and scopes.
      const [fromTown, toTown, toVillage] = sql
        .prepare(
          `SELECT t.name, t2.name, v2.id FROM workers w JOIN villages v ON v.id = w.village_id JOIN towns t ON t.id = v.town_id
           JOIN villages v2 ON v2.town_id <> v.town_id JOIN towns t2 ON t2.id = v2.town_id WHERE w.id = ? ORDER BY v2.id LIMIT 1`,
        )
        .raw()
        .get(worker) as [string, string, number];
      const byTown = async () => new Map((await rows({ by: "town" })).map((r) => [r.key, r.started]));
      // All the worker's confirmed placements of the range move with them.
      const moving = sql.prepare("SELECT count(*) FROM placements WHERE worker_id = ? AND needs_confirmation = 0 AND start_date >= '2025-01-01' AND start_date <= '2026-11-23'").pluck().get(worker) as number;
      const townsBefore = await byTown();
      const scopeBefore = (await rows({ town: toTown })).at(-1)!.started;
      sql.prepare("UPDATE workers SET village_id = ? WHERE id = ?").run(toVillage, worker);
      const townsAfter = await byTown();
      expect(townsAfter.get(fromTown) ?? 0).toBe(townsBefore.get(fromTown)! - moving);
      expect(townsAfter.get(toTown)).toBe((townsBefore.get(toTown) ?? 0) + moving);
      expect((await rows({ town: toTown })).at(-1)!.started).toBe(scopeBefore + moving);

      // Deleted: gone from the figure.
      sql.prepare("DELETE FROM placements WHERE id = ?").run(id);
      expect((await march()).started).toBe(before.started);

      // Every change came by a patch of the snapshot: one load in all.
      expect(loads()).toBe(1);
      expect(lines.filter((l) => l.includes("statistics snapshot patched")).length).toBeGreaterThanOrEqual(7);
    } finally {
      await statistics.close();
      db.$client.close();
    }
  });
});
