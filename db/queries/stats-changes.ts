/**
 * The statistics' change log (migration 0016): which rows changed since a snapshot, and those rows
 * as they are now, read in one read transaction with the registry version so the three agree. The
 * statistics service (src/use-cases/statistics.ts) patches its snapshot with them
 * (src/core/stats/patch.ts). See docs/decisions/2026-12-02-incremental-statistics.md.
 */
import { EMPLOYER_TYPES, EMPLOYMENT_FORMS, HOUSEHOLD_CATEGORIES, LABOUR_ABILITIES } from "../../src/core/enums.ts";
import { OPEN_END, dateInt } from "../../src/core/stats/columns.ts";
import { noRowChanges, type StatsRowChanges } from "../../src/core/stats/patch.ts";
import type { Db } from "../client.ts";
import { lastStatsChangeId, registryVersion } from "./stats-snapshot.ts";

export type StatsChangesRead =
  /** Nothing changed since the snapshot. */
  | { kind: "current" }
  /** The log does not hold every change since (rows pruned, or a version bump without a log row): reload whole. */
  | { kind: "incomplete" }
  /** More changes than worth patching: reload whole. */
  | { kind: "many"; count: number }
  | { kind: "changes"; version: number; changeId: number; count: number; changes: StatsRowChanges };

const ids = (set: Set<number>) => JSON.stringify([...set]);

/**
 * The rows changed since `since` (a snapshot's registry version and last change-log row), at most
 * `limit` of them. `db` may be the statistics' read-only connection: this only reads.
 */
export function readStatsChanges(db: Db, since: { version: number; changeId: number }, limit: number): StatsChangesRead {
  const sqlite = db.$client;
  sqlite.exec("BEGIN");
  try {
    const version = registryVersion(db);
    if (version === since.version) return { kind: "current" };
    const count = sqlite.prepare("SELECT count(*) FROM stats_changes WHERE id > ?").pluck().get(since.changeId) as number;
    // One log row for every bump of the version: fewer means some change is not in the log.
    if (since.version + count !== version) return { kind: "incomplete" };
    if (count > limit) return { kind: "many", count };
    const changeId = lastStatsChangeId(db);

    const touched = { towns: new Set<number>(), villages: new Set<number>(), households: new Set<number>(), workers: new Set<number>(), employers: new Set<number>(), placements: new Set<number>() };
    const headcountOf = new Set<number>();
    for (const [table, rowId, refOld, refNew] of sqlite
      .prepare("SELECT tbl, row_id, ref_old, ref_new FROM stats_changes WHERE id > ? ORDER BY id")
      .raw()
      .iterate(since.changeId) as Iterable<[string, number, number | null, number | null]>) {
      if (table === "postings") {
        if (refOld !== null) headcountOf.add(refOld);
        if (refNew !== null) headcountOf.add(refNew);
      } else if (table in touched) touched[table as keyof typeof touched].add(rowId);
      else return { kind: "incomplete" };
    }

    const changes = noRowChanges();
    changes.regions = touched.towns.size > 0 || touched.villages.size > 0;
    if (changes.regions) return { kind: "changes", version, changeId, count, changes };

    const inList = "IN (SELECT value FROM json_each(?))";
    const categories = new Map(HOUSEHOLD_CATEGORIES.map((c, i) => [c as string, i]));
    for (const id of touched.households) changes.households.set(id, null);
    for (const [id, code, category, villageId] of sqlite
      .prepare(`SELECT id, code, category, village_id FROM households WHERE id ${inList}`)
      .raw()
      .iterate(ids(touched.households)) as Iterable<[number, string, string, number]>) {
      changes.households.set(id, { code, category: categories.get(category)!, villageId });
    }

    const abilities = new Map(LABOUR_ABILITIES.map((a, i) => [a as string, i]));
    for (const id of touched.workers) changes.workers.set(id, null);
    for (const [id, householdId, villageId, birth, ability, willing] of sqlite
      .prepare(`SELECT id, household_id, village_id, birth_date, labour_ability, willing_to_work FROM workers WHERE id ${inList}`)
      .raw()
      .iterate(ids(touched.workers)) as Iterable<[number, number, number, string, string, number]>) {
      changes.workers.set(id, { householdId, villageId, birth: dateInt(birth), ability: abilities.get(ability)!, willing });
    }

    const types = new Map(EMPLOYER_TYPES.map((t, i) => [t as string, i]));
    for (const id of touched.employers) changes.employers.set(id, null);
    for (const [id, code, name, type, townId] of sqlite
      .prepare(`SELECT id, code, name, type, town_id FROM employers WHERE id ${inList}`)
      .raw()
      .iterate(ids(touched.employers)) as Iterable<[number, string, string, string, number]>) {
      changes.employers.set(id, { code, name, type: types.get(type)!, townId });
      headcountOf.add(id);
    }
    for (const [id, headcount] of sqlite
      .prepare(
        `SELECT e.value, coalesce((SELECT sum(headcount) FROM postings p WHERE p.employer_id = e.value AND p.status = '招聘中'), 0) FROM json_each(?) e`,
      )
      .raw()
      .iterate(ids(headcountOf)) as Iterable<[number, number]>) {
      changes.openHeadcount.set(id, headcount);
    }

    const forms = new Map(EMPLOYMENT_FORMS.map((f, i) => [f as string, i]));
    for (const id of touched.placements) changes.placements.set(id, null);
    for (const [id, workerId, employerId, form, start, end] of sqlite
      .prepare(`SELECT id, worker_id, employer_id, employment_form, start_date, end_date FROM placements WHERE needs_confirmation = 0 AND id ${inList}`)
      .raw()
      .iterate(ids(touched.placements)) as Iterable<[number, number, number | null, string | null, string, string | null]>) {
      changes.placements.set(id, { workerId, employerId, form: form === null ? -1 : forms.get(form)!, start: dateInt(start), end: end === null ? OPEN_END : dateInt(end) });
    }
    return { kind: "changes", version, changeId, count, changes };
  } finally {
    sqlite.exec("COMMIT");
  }
}

/** Deletes the log's rows up to `changeId` (the snapshot kept on disk includes them). Needs the writing connection. */
export function pruneStatsChanges(db: Db, changeId: number): void {
  db.$client.prepare("DELETE FROM stats_changes WHERE id <= ?").run(changeId);
}
