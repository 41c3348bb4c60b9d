import Database from "better-sqlite3";
const db = new Database(process.argv[2]!);
const POSTING_SQL = `
  SELECT p.id, p.code, p.title, e.id AS employerId, e.code AS employerCode, e.name AS employerName, e.type AS employerType,
         e.town_id AS townId, t.name AS town, e.village_id AS villageId, v.name AS village,
         coalesce(e.lat, v.lat) AS lat, coalesce(e.lng, v.lng) AS lng,
         p.working_time AS workingTime, p.age_min AS ageMin, p.age_max AS ageMax, p.physical_demand AS physicalDemand,
         p.skills, p.pay_min AS payMin, p.pay_max AS payMax, p.pay_unit AS payUnit, p.closing_date AS closingDate
  FROM postings p
  JOIN employers e ON e.id = p.employer_id
  JOIN towns t ON t.id = e.town_id
  LEFT JOIN villages v ON v.id = e.village_id`;
for (const [name, sql] of [["full", `${POSTING_SQL} WHERE p.status = '招聘中' ORDER BY p.id`], ["full-noidx", `${POSTING_SQL.replace("FROM postings p", "FROM postings p NOT INDEXED")} WHERE p.status = '招聘中' ORDER BY p.id`],["cols-noidx", "SELECT id, employer_id, working_time, age_min, age_max, physical_demand, skills, pay_min, pay_max, pay_unit, closing_date, code FROM postings NOT INDEXED WHERE status = '招聘中'"]] as const) {
  let t = performance.now(); const rows = db.prepare(sql).all() as any[]; const a = performance.now() - t;
  t = performance.now(); const m = rows.map((r) => ({ ...r, skills: JSON.parse(r.skills) })); const b = performance.now() - t;
  console.log(name, a.toFixed(0), "ms sql", b.toFixed(0), "ms map", m.length);
}
