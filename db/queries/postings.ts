/**
 * The one write path of employers (用工主体) and postings (岗位): every writer — the manager's
 * pages, the spreadsheet import, the demo county loader, test fixtures — builds its row with
 * `employerRow` / `postingRow` and writes it here, so a column is filled the same way whoever
 * writes it (docs/decisions/2026-12-01-one-write-path.md). Postings' lifecycle queries live here
 * too; the read side for search and pages is in jobs.ts.
 */
import { and, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import type { CountyEmployer, CountyPosting } from "../../src/core/county.ts";
import type { Db } from "../client.ts";
import { employers, postings } from "../schema.ts";

type Tx = Pick<Db, "select" | "insert" | "update">;
export type EmployerValues = typeof employers.$inferInsert;
export type PostingValues = typeof postings.$inferInsert;
export type EmployerRecord = typeof employers.$inferSelect;
export type PostingRecord = typeof postings.$inferSelect;

/** An employer's own fields (its `employers` columns but the id and timestamps), references resolved to ids. */
export type EmployerFields = Omit<EmployerRecord, "id" | "createdAt" | "updatedAt">;

/**
 * A posting's own fields (its `postings` columns but the id and timestamps), the employer resolved
 * to its id. `publishedAt` is the Beijing date (YYYY-MM-DD) it last started recruiting
 * (`publishedDate` in src/core/posting-rules.ts), never a timestamp.
 */
export type PostingFields = Omit<PostingRecord, "id" | "createdAt" | "updatedAt" | "skills" | "benefits"> & {
  skills: readonly string[];
  benefits: readonly string[];
};

const EMPLOYER_FIELDS = [
  "code", "name", "type", "coreFactoryId", "townId", "villageId", "address", "lat", "lng", "contactName", "contactPhone", "recognition",
] as const satisfies readonly (keyof EmployerFields)[];
const POSTING_FIELDS = [
  "code", "employerId", "title", "description", "headcount", "payMin", "payMax", "payUnit", "workingTime", "ageMin", "ageMax",
  "physicalDemand", "skills", "benefits", "status", "closingDate", "publishedAt",
] as const satisfies readonly (keyof PostingFields)[];

// Every field is listed (the compiler refuses a list that misses one).
const allEmployerFields: [Exclude<keyof EmployerFields, (typeof EMPLOYER_FIELDS)[number]>] extends [never] ? true : never = true;
const allPostingFields: [Exclude<keyof PostingFields, (typeof POSTING_FIELDS)[number]>] extends [never] ? true : never = true;
void allEmployerFields, allPostingFields;

/** The keys of `values` that are among `keys`, present ones only. */
function only<T extends object>(values: Partial<T>, keys: readonly (keyof T)[]): Partial<T> {
  const picked: Partial<T> = {};
  for (const key of keys) if (values[key] !== undefined) picked[key] = values[key];
  return picked;
}

/** The `employers` columns of an employer, and only those (extra keys of the source are dropped). */
export function employerRow(e: EmployerFields): EmployerFields {
  return only(e, EMPLOYER_FIELDS) as EmployerFields;
}

/** The `postings` columns of a posting, and only those (extra keys of the source are dropped). */
export function postingRow(p: PostingFields): PostingFields & { skills: string[]; benefits: string[] } {
  return { ...(only(p, POSTING_FIELDS) as PostingFields), skills: [...p.skills], benefits: [...p.benefits] };
}

/** The fields of an employer written as a spreadsheet row (src/core/county.ts), its references resolved. */
export function employerFieldsOf(e: CountyEmployer, refs: { townId: number; villageId: number | null; coreFactoryId: number | null }): EmployerFields {
  return {
    code: e.code,
    name: e.name,
    type: e.type,
    ...refs,
    address: e.address ?? null,
    lat: e.lat ?? null,
    lng: e.lng ?? null,
    contactName: e.contactName ?? null,
    contactPhone: e.contactPhone ?? null,
    recognition: e.recognition,
  };
}

/** The fields of a posting written as a spreadsheet row (src/core/county.ts), its employer resolved. */
export function postingFieldsOf(p: Omit<CountyPosting, "publishedAt"> & { publishedAt?: string }, employerId: number): PostingFields {
  return {
    code: p.code,
    employerId,
    title: p.title,
    description: p.description,
    headcount: p.headcount,
    payMin: p.payMin ?? null,
    payMax: p.payMax ?? null,
    payUnit: p.payUnit,
    workingTime: p.workingTime,
    ageMin: p.ageMin ?? null,
    ageMax: p.ageMax ?? null,
    physicalDemand: p.physicalDemand ?? null,
    skills: p.skills,
    benefits: p.benefits,
    status: p.status,
    closingDate: p.closingDate ?? null,
    publishedAt: p.publishedAt ?? null,
  };
}

export function employerByCode(tx: Pick<Db, "select">, code: string): EmployerRecord | undefined {
  return tx.select().from(employers).where(eq(employers.code, code)).get();
}

/** Adds an employer; `at` is when (created and updated). */
export function insertEmployer(tx: Tx, fields: EmployerFields, at: Date): EmployerRecord {
  const stamp = at.toISOString();
  return tx.insert(employers).values({ ...employerRow(fields), createdAt: stamp, updatedAt: stamp }).returning().get();
}

/** Changes some of an employer's fields at `at` (keys that are not its fields are ignored). */
export function updateEmployer(tx: Tx, id: number, changes: Partial<EmployerFields>, at: Date): EmployerRecord {
  return tx.update(employers).set({ ...only(changes, EMPLOYER_FIELDS), updatedAt: at.toISOString() }).where(eq(employers.id, id)).returning().get();
}

/** Employers placed at their village's centre (no point of their own), whose place moves with it. */
export function employerIdsAtVillageCentre(tx: Pick<Db, "select">, villageId: number): number[] {
  return tx
    .select({ id: employers.id })
    .from(employers)
    .where(and(eq(employers.villageId, villageId), isNull(employers.lat)))
    .all()
    .map((e) => e.id);
}

export function postingByCode(tx: Pick<Db, "select">, code: string): PostingRecord | undefined {
  return tx.select().from(postings).where(eq(postings.code, code)).get();
}

/** Adds a posting; `at` is when (created and updated). */
export function insertPosting(tx: Tx, fields: PostingFields, at: Date): PostingRecord {
  const stamp = at.toISOString();
  return tx.insert(postings).values({ ...postingRow(fields), createdAt: stamp, updatedAt: stamp }).returning().get();
}

/** Changes some of a posting's fields at `at` (keys that are not its fields are ignored). */
export function updatePosting(tx: Tx, id: number, changes: Partial<PostingFields>, at: Date): PostingRecord {
  const { skills, benefits, ...rest } = only(changes, POSTING_FIELDS);
  const lists = { ...(skills ? { skills: [...skills] } : {}), ...(benefits ? { benefits: [...benefits] } : {}) };
  return tx.update(postings).set({ ...rest, ...lists, updatedAt: at.toISOString() }).where(eq(postings.id, id)).returning().get();
}

/** Open postings whose closing date lies before `today` (YYYY-MM-DD). */
export function expiredOpenPostings(db: Pick<Db, "select">, today: string): { id: number; code: string; closingDate: string | null }[] {
  return db
    .select({ id: postings.id, code: postings.code, closingDate: postings.closingDate })
    .from(postings)
    .where(and(eq(postings.status, "招聘中"), isNotNull(postings.closingDate), lt(postings.closingDate, today)))
    .all();
}

export function setPostingsStatus(db: Pick<Db, "update">, ids: readonly number[], status: (typeof postings.$inferSelect)["status"], at: Date): void {
  if (ids.length === 0) return;
  db.update(postings)
    .set({ status, updatedAt: at.toISOString() })
    .where(inArray(postings.id, [...ids]))
    .run();
}
