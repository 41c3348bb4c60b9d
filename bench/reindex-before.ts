/**
 * The reindex's own part as it was before issue 11's work, kept only to measure it beside the
 * new one in the same run (bench/scale.bench.ts): postings read in batches through the status
 * index (SQLite then worked out the openings of every open posting past the batch's start and
 * sorted them, once per batch), each posting's placements found by scanning the table (no index
 * on placements.posting_id then: `NOT INDEXED` stands in for it), and every text converted again
 * (no memoisedSearchForm). Gives the documents it built, for comparing with the new path.
 */
import type { Db } from "../db/client.ts";
import { toJobDocument, type JobDocument, type JobRow } from "../src/search/job-document.ts";

const SELECT = `
  SELECT p.id, p.code, p.title, p.description, p.headcount, p.pay_min AS payMin, p.pay_max AS payMax, p.pay_unit AS payUnit,
         p.working_time AS workingTime, p.age_min AS ageMin, p.age_max AS ageMax, p.physical_demand AS physicalDemand,
         p.skills, p.benefits, p.status, p.closing_date AS closingDate, p.published_at AS publishedAt,
         e.code AS employerCode, e.name AS employerName, e.type AS employerType, e.contact_name AS contactName, e.contact_phone AS contactPhone,
         t.name AS town, v.name AS village, coalesce(e.lat, v.lat) AS lat, coalesce(e.lng, v.lng) AS lng,
         max(0, p.headcount
           - (SELECT count(*) FROM placements pl NOT INDEXED WHERE pl.posting_id = p.id AND (pl.end_date IS NULL OR pl.end_date >= date('now', '+8 hours')))
           - (SELECT count(*) FROM pending_hires ph WHERE ph.posting_id = p.id AND ph.placement_id IS NULL AND ph.closed_as IS NULL AND (ph.end_date IS NULL OR ph.end_date >= date('now', '+8 hours')))) AS openings
    FROM postings p
    JOIN employers e ON e.id = p.employer_id
    JOIN towns t ON t.id = e.town_id
    LEFT JOIN villages v ON v.id = e.village_id
   WHERE p.status = '招聘中' AND p.id > ?
   ORDER BY p.id
   LIMIT ?`;

/** Every open posting's document, read and built the old way, in batches of `batchSize`. */
export function documentsBefore(db: Db, batchSize: number): JobDocument[] {
  const statement = db.$client.prepare(SELECT);
  const docs: JobDocument[] = [];
  let lastId = 0;
  for (;;) {
    const rows = statement.all(lastId, batchSize) as (Omit<JobRow, "skills" | "benefits"> & { skills: string; benefits: string })[];
    if (rows.length === 0) return docs;
    for (const row of rows) docs.push(toJobDocument({ ...row, skills: JSON.parse(row.skills) as string[], benefits: JSON.parse(row.benefits) as string[] }));
    lastId = rows[rows.length - 1]!.id;
  }
}
