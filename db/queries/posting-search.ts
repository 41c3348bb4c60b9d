/**
 * The reduced mode's full-text index (migration 0010_speed): `posting_search` holds each
 * posting's text as search pairs (src/core/search-pairs.ts), rowid = posting id; triggers note
 * in `posting_search_stale` which postings changed (their own text, their employer's, their
 * town's or village's name), and src/search/reduced-search.ts writes those again before it
 * answers. Also the compact facts of every open posting that the reduced mode filters on, and
 * the stored texts its in-memory index is built from (src/core/reduced-index.ts).
 */
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { employers, postings, towns, villages } from "../schema.ts";

/** Rows of posting_changes kept when older ones are pruned (a reader further behind builds its index again). */
const KEPT_CHANGES = 20_000;

/** The last row of posting_changes (0 when none), and the first still kept. */
export function postingChangeRange(db: Db): { first: number; last: number } {
  // Two subqueries: min() and max() together in one SELECT scan the whole table; alone, each reads one end of the key.
  const row = db.$client
    .prepare("SELECT coalesce((SELECT min(seq) FROM posting_changes), 0) AS first, coalesce((SELECT max(seq) FROM posting_changes), 0) AS last")
    .get() as { first: number; last: number };
  return row;
}

/** The last row of posting_changes, 0 when none: one read of the primary key's end. */
export function lastPostingChange(db: Db): number {
  return db.$client.prepare("SELECT coalesce(max(seq), 0) FROM posting_changes").pluck().get() as number;
}

/**
 * Deletes all but the last KEPT_CHANGES rows of posting_changes (a range of the primary key),
 * once twice as many have gathered: most calls only read the two ends.
 */
export function prunePostingChanges(db: Db): void {
  const { first, last } = postingChangeRange(db);
  if (last - first < 2 * KEPT_CHANGES) return;
  db.$client.prepare("DELETE FROM posting_changes WHERE seq <= ?").run(last - KEPT_CHANGES);
}

/** Postings changed after row `seq` of posting_changes, at most `limit` of them. */
export function postingsChangedSince(db: Db, seq: number, limit: number): number[] {
  return db.$client.prepare("SELECT DISTINCT posting_id FROM posting_changes WHERE seq > ? LIMIT ?").pluck().all(seq, limit) as number[];
}

/** Ids of postings whose search text is out of date, lowest first. */
export function stalePostingIds(db: Db, limit: number): number[] {
  return db.$client.prepare("SELECT posting_id FROM posting_search_stale ORDER BY posting_id LIMIT ?").pluck().all(limit) as number[];
}

export function stalePostingCount(db: Db): number {
  return db.$client.prepare("SELECT count(*) FROM posting_search_stale").pluck().get() as number;
}

/**
 * Writes the search text of these postings (undefined text: the posting is gone) and clears
 * them from the stale list, in one transaction. A posting changed again meanwhile is stale again
 * by its trigger only after this commits, so nothing is lost.
 */
export function writePostingSearchText(db: Db, entries: readonly { id: number; text: string | undefined }[]): void {
  const s = db.$client;
  const remove = s.prepare("DELETE FROM posting_search WHERE rowid = ?");
  const insert = s.prepare("INSERT INTO posting_search (rowid, text) VALUES (?, ?)");
  const fresh = s.prepare("DELETE FROM posting_search_stale WHERE posting_id = ?");
  s.transaction(() => {
    for (const entry of entries) {
      remove.run(entry.id);
      if (entry.text !== undefined) insert.run(entry.id, entry.text);
      fresh.run(entry.id);
    }
    // The text is part of what the reduced mode keeps in memory: it patches these postings.
    const changed = s.prepare("INSERT INTO posting_changes (posting_id) VALUES (?)");
    for (const entry of entries) changed.run(entry.id);
  })();
}

/** Ids of the postings whose text matches an FTS5 expression (src/core/search-pairs.ts pairMatchQuery); the reduced mode before its in-memory index (bench/reduced-before.ts). */
export function postingIdsMatching(db: Db, match: string): number[] {
  return db.$client.prepare("SELECT rowid FROM posting_search WHERE posting_search MATCH ?").pluck().all(match) as number[];
}

/** What the reduced mode filters and sorts open postings on, newest first, as objects (bench/reduced-before.ts and the facet tests; the reduced mode reads openPostingIndexRows). */
export function openPostingFactRows(db: Db) {
  return db
    .select({
      id: postings.id,
      payMin: postings.payMin,
      payMax: postings.payMax,
      payUnit: postings.payUnit,
      workingTime: postings.workingTime,
      ageMin: postings.ageMin,
      ageMax: postings.ageMax,
      benefits: postings.benefits,
      closingDate: postings.closingDate,
      employerType: employers.type,
      town: towns.name,
      lat: sql<number | null>`coalesce(${employers.lat}, ${villages.lat})`,
      lng: sql<number | null>`coalesce(${employers.lng}, ${villages.lng})`,
    })
    .from(postings)
    .innerJoin(employers, eq(postings.employerId, employers.id))
    .innerJoin(towns, eq(employers.townId, towns.id))
    .leftJoin(villages, eq(employers.villageId, villages.id))
    .where(eq(postings.status, "招聘中"))
    .orderBy(desc(postings.publishedAt), desc(postings.id))
    .all();
}

export type OpenPostingFactRow = ReturnType<typeof openPostingFactRows>[number];

/**
 * Every open posting's facts (or those of these postings that are open), newest first, as plain
 * arrays for the reduced mode's in-memory index (src/core/reduced-index.ts): [id, payMin, payMax,
 * payUnit, workingTime, ageMin, ageMax, benefits JSON, closingDate, employerType, town, lat, lng,
 * publishedAt]. With ids, `+status` keeps SQLite on the ids (primary key) rather than walking every open posting of the status index.
 */
export function openPostingIndexRows(db: Db, ids?: readonly number[]): OpenPostingIndexRow[] {
  return db.$client
    .prepare(
      `SELECT p.id, p.pay_min, p.pay_max, p.pay_unit, p.working_time, p.age_min, p.age_max, p.benefits, p.closing_date,
              e.type, t.name, coalesce(e.lat, v.lat), coalesce(e.lng, v.lng), p.published_at
         FROM postings p
         JOIN employers e ON e.id = p.employer_id
         JOIN towns t ON t.id = e.town_id
         LEFT JOIN villages v ON v.id = e.village_id
        WHERE ${ids ? "+p.status = '招聘中' AND p.id IN (SELECT value FROM json_each(?))" : "p.status = '招聘中'"}
        ORDER BY p.published_at DESC, p.id DESC`,
    )
    .raw()
    .all(...(ids ? [JSON.stringify(ids)] : [])) as OpenPostingIndexRow[];
}

export type OpenPostingIndexRow = [
  id: number,
  payMin: number | null,
  payMax: number | null,
  payUnit: (typeof postings.$inferSelect)["payUnit"],
  workingTime: (typeof postings.$inferSelect)["workingTime"],
  ageMin: number | null,
  ageMax: number | null,
  benefits: string,
  closingDate: string | null,
  employerType: (typeof employers.$inferSelect)["type"],
  town: string,
  lat: number | null,
  lng: number | null,
  publishedAt: string | null,
];

/**
 * Every posting's search text as written (search pairs), by posting id: one read of the FTS5
 * table's rows, without a lookup per posting (a join on rowid costs three times as much).
 */
export function postingSearchPairs(db: Db, ids?: readonly number[]): Map<number, string> {
  const rows = ids
    ? (db.$client.prepare("SELECT rowid, text FROM posting_search WHERE rowid IN (SELECT value FROM json_each(?))").raw().all(JSON.stringify(ids)) as [number, string][])
    : (db.$client.prepare("SELECT rowid, text FROM posting_search").raw().all() as [number, string][]);
  return new Map(rows);
}
