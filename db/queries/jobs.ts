/**
 * Reading postings joined with their employer and place — for the search index, for job pages,
 * and for the page of hits the reduced mode shows (src/search/reduced-search.ts).
 */
import { and, eq, sql } from "drizzle-orm";
import type { JobRow } from "../../src/search/job-document.ts";
import type { Db } from "../client.ts";
import { employers, postings, towns, villages } from "../schema.ts";

const jobColumns = {
  id: postings.id,
  code: postings.code,
  title: postings.title,
  description: postings.description,
  headcount: postings.headcount,
  payMin: postings.payMin,
  payMax: postings.payMax,
  payUnit: postings.payUnit,
  workingTime: postings.workingTime,
  ageMin: postings.ageMin,
  ageMax: postings.ageMax,
  physicalDemand: postings.physicalDemand,
  skills: postings.skills,
  benefits: postings.benefits,
  status: postings.status,
  closingDate: postings.closingDate,
  publishedAt: postings.publishedAt,
  employerCode: employers.code,
  employerName: employers.name,
  employerType: employers.type,
  contactName: employers.contactName,
  contactPhone: employers.contactPhone,
  town: towns.name,
  village: villages.name,
  // An employer's own point when it has one, else its village centre.
  lat: sql<number | null>`coalesce(${employers.lat}, ${villages.lat})`,
  lng: sql<number | null>`coalesce(${employers.lng}, ${villages.lng})`,
  // 还需 N 人: headcount less the people working from this posting today (China time), placed
  // or pending the bureau's confirmation (db/queries/workshop.ts counts the same way).
  openings: sql<number>`max(0, ${postings.headcount}
    - (SELECT count(*) FROM placements pl WHERE pl.posting_id = ${postings.id} AND (pl.end_date IS NULL OR pl.end_date >= date('now', '+8 hours')))
    - (SELECT count(*) FROM pending_hires ph WHERE ph.posting_id = ${postings.id} AND ph.placement_id IS NULL AND ph.closed_as IS NULL AND (ph.end_date IS NULL OR ph.end_date >= date('now', '+8 hours'))))`,
};

function selectJobs(db: Db) {
  return db
    .select(jobColumns)
    .from(postings)
    .innerJoin(employers, eq(postings.employerId, employers.id))
    .innerJoin(towns, eq(employers.townId, towns.id))
    .leftJoin(villages, eq(employers.villageId, villages.id));
}

/** Prepared once per database: the reduced mode reads its page of hits on every search. */
const rowsByIdsStatements = new WeakMap<Db, { all(values: { ids: string }): JobRow[] }>();

/** The postings with these ids (any status). */
export function jobRowsByIds(db: Db, ids: readonly number[]): JobRow[] {
  if (ids.length === 0) return [];
  let statement = rowsByIdsStatements.get(db);
  if (!statement) {
    statement = selectJobs(db)
      .where(sql`${postings.id} IN (SELECT value FROM json_each(${sql.placeholder("ids")}))`)
      .prepare() as unknown as { all(values: { ids: string }): JobRow[] };
    rowsByIdsStatements.set(db, statement);
  }
  return statement.all({ ids: JSON.stringify(ids) });
}

/** One posting by its code (any status), or undefined. */
export function jobRowByCode(db: Db, code: string): JobRow | undefined {
  return selectJobs(db).where(eq(postings.code, code)).get();
}

/** Ids of the postings of one employer (to re-index them when the employer changes). */
export function postingIdsOfEmployer(db: Db, employerId: number): number[] {
  return db
    .select({ id: postings.id })
    .from(postings)
    .where(eq(postings.employerId, employerId))
    .all()
    .map((r) => r.id);
}

/** All open postings, in pages of `batchSize`, for a full reindex. */
export function* openJobRowBatches(db: Db, batchSize: number): Generator<JobRow[]> {
  let lastId = 0;
  for (;;) {
    // `+status`: walk the primary key from lastId (ORDER BY id LIMIT stops after a batch) rather
    // than the status index, which made SQLite compute the openings of every open posting past
    // lastId and sort them, once per batch (issue 11).
    const batch = selectJobs(db)
      .where(and(sql`+${postings.status} = '招聘中'`, sql`${postings.id} > ${lastId}`))
      .orderBy(postings.id)
      .limit(batchSize)
      .all();
    if (batch.length === 0) return;
    yield batch;
    lastId = batch[batch.length - 1]!.id;
  }
}

export function countOpenPostings(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(postings).where(eq(postings.status, "招聘中")).get()!.n;
}

/** Ids of every posting, any status (to send them all to the index again). */
export function allPostingIds(db: Db): number[] {
  return db.select({ id: postings.id }).from(postings).orderBy(postings.id).all().map((r) => r.id);
}
