import Database from "better-sqlite3";
const db = new Database(process.argv[2]!);
const q = (sql: string) => { const t = performance.now(); const r = db.prepare(sql).raw().all(); console.log((performance.now() - t).toFixed(0), "ms", r.length, sql.slice(0, 90)); };
q("SELECT p.id FROM postings p WHERE p.status = '招聘中'");
q("SELECT p.id, p.skills FROM postings p WHERE p.status = '招聘中'");
q("SELECT p.id, p.title FROM postings p WHERE p.status = '招聘中'");
q("SELECT p.id, p.description FROM postings p WHERE p.status = '招聘中'");
q("SELECT p.id, p.employer_id, p.working_time, p.age_min, p.age_max, p.physical_demand, p.skills, p.pay_min, p.pay_max, p.pay_unit, p.closing_date FROM postings p WHERE p.status = '招聘中'");
q("SELECT p.id, e.lat FROM postings p JOIN employers e ON e.id = p.employer_id WHERE p.status = '招聘中'");
