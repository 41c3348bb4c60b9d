/**
 * Paying a subsidy line with raw SQL, the only way migration 0012 lets any program do it: an
 * original line goes on a notice, the line into a batch, the batch is marked paid by a person
 * other than the line's reviewer, then the line. For tests that need a paid line without the
 * workflow's pages.
 */
import type Database from "better-sqlite3";

let counter = 0;

/** Approves (if pending) and pays line `id` through a notice and a batch of its own. */
export function payLineRaw(sql: Database.Database, id: number): void {
  const n = ++counter;
  const line = sql.prepare("SELECT status, reverses_line_id AS reverses, notice_id AS notice FROM subsidy_lines WHERE id = ?").get(id) as { status: string; reverses: number | null; notice: number | null };
  if (line.status === "待审核") sql.prepare("UPDATE subsidy_lines SET status = '已审核' WHERE id = ?").run(id);
  if (line.reverses === null && line.notice === null) {
    const notice = Number(
      sql.prepare("INSERT INTO subsidy_notices (code, title, published_on, ends_on, notice_days, created_by_label) VALUES (?, '公示', '2026-01-06', '2026-01-12', 7, 'raw')").run(`RAWN${id}x${n}`).lastInsertRowid,
    );
    sql.prepare("UPDATE subsidy_lines SET notice_id = ? WHERE id = ?").run(notice, id);
  }
  let payer = (sql.prepare("SELECT id FROM users WHERE login = 'raw-payer'").get() as { id: number } | undefined)?.id;
  payer ??= Number(sql.prepare("INSERT INTO users (login, password_hash, role) VALUES ('raw-payer', 'x', 'county')").run().lastInsertRowid);
  const batch = Number(sql.prepare("INSERT INTO subsidy_payment_batches (code, created_by_label, created_at) VALUES (?, 'raw', '2026-01-13T00:00:00Z')").run(`RAWB${id}x${n}`).lastInsertRowid);
  sql.prepare("UPDATE subsidy_lines SET batch_id = ? WHERE id = ?").run(batch, id);
  sql.prepare("UPDATE subsidy_payment_batches SET status = '已发放', bank_reference = 'RAW', paid_on = '2026-01-14', paid_by_user_id = ?, paid_by_label = 'raw-payer', paid_at = '2026-01-14T00:00:00Z' WHERE id = ?").run(payer, batch);
  sql.prepare("UPDATE subsidy_lines SET status = '已发放' WHERE id = ?").run(id);
}
