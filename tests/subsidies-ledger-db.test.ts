/**
 * The ledger's guarantees are the database's, not our code's: these tests open the migrated file
 * with a plain SQLite connection (no repository, no use-case) and try what a buggy program or a
 * hand at the sqlite3 prompt might: a second live line for a key, an edited or deleted paid line,
 * a reversal that does not match, a second payment without a paid reversal.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.ts";

let dir: string;
let sql: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ledger-db-"));
  const file = join(dir, "app.db");
  openDatabase({ file }).$client.close();
  sql = new Database(file);
  sql.exec(`
    INSERT INTO towns (id, name) VALUES (1, '岭背镇');
    INSERT INTO villages (id, town_id, name, lat, lng) VALUES (1, 1, '上村', 25.9, 115.4);
    INSERT INTO households (id, code, category, village_id) VALUES (1, 'H1', '脱贫户', 1);
    INSERT INTO workers (id, household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, village_id, labour_ability)
      VALUES (1, 1, '刘秀英', 'h1', 'c1', 'm1', '1970-01-01', '女', 1, '有劳动能力');
    INSERT INTO employers (id, code, name, type, town_id, recognition) VALUES (1, 'E1', '车间一', '帮扶车间', 1, '已认定'), (2, 'E2', '车间二', '帮扶车间', 1, '已认定');
    INSERT INTO subsidy_policies (id, code, name, kind) VALUES (1, 'XN-2025', '吸纳就业补贴', '吸纳就业补贴'), (2, 'JT-2025', '交通补贴', '交通补贴');
    INSERT INTO subsidy_policy_versions (id, policy_id, version, amount_fen, start_date, created_by_label) VALUES (1, 1, 1, 200000, '2025-01-01', 'test'), (2, 2, 1, 80000, '2025-01-01', 'test');
    INSERT INTO users (id, login, password_hash, role) VALUES (1, 'approver', 'x', 'county'), (2, 'payer', 'x', 'county');
  `);
});

afterEach(() => {
  sql.close();
  rmSync(dir, { recursive: true, force: true });
});

interface LineValues {
  policy?: number;
  version?: number;
  employer?: number | null;
  round?: number;
  amount?: number;
  status?: string;
  reverses?: number | null;
  reason?: string | null;
}

/** Inserts a line with raw SQL; returns its id. */
function insertLine(v: LineValues = {}): number {
  const r = sql
    .prepare(
      `INSERT INTO subsidy_lines (policy_id, policy_version_id, period, worker_id, employer_id, round, amount_fen, status, reverses_line_id, reason, snapshot, computed_at, created_by_label, status_changed_at)
       VALUES (?, ?, '2025', 1, ?, ?, ?, ?, ?, ?, '{}', '2026-01-05T00:00:00Z', 'raw', '2026-01-05T00:00:00Z')`,
    )
    .run(v.policy ?? 1, v.version ?? v.policy ?? 1, v.employer === undefined ? 1 : v.employer, v.round ?? 0, v.amount ?? 200000, "待审核", v.reverses ?? null, v.reason ?? null);
  const id = Number(r.lastInsertRowid);
  // Every line starts pending (migration 0012); a line wanted in another status walks the flow.
  if (v.status === "已审核" || v.status === "已发放") setStatus(id, "已审核");
  if (v.status === "已发放") setStatus(id, "已发放");
  return id;
}

let batches = 0;

/** Pays an approved line the only way the database allows: on a notice, in a batch marked paid by user 2. */
function payInBatch(id: number): void {
  const line = sql.prepare("SELECT reverses_line_id AS reverses, notice_id AS notice FROM subsidy_lines WHERE id = ?").get(id) as { reverses: number | null; notice: number | null };
  if (line.reverses === null && line.notice === null) {
    const notice = Number(sql.prepare("INSERT INTO subsidy_notices (code, title, published_on, ends_on, notice_days, created_by_label) VALUES (?, '公示', '2026-01-06', '2026-01-12', 7, 'raw')").run(`N${id}`).lastInsertRowid);
    sql.prepare("UPDATE subsidy_lines SET notice_id = ? WHERE id = ?").run(notice, id);
  }
  const batch = Number(sql.prepare("INSERT INTO subsidy_payment_batches (code, created_by_label, created_at) VALUES (?, 'raw', '2026-01-13T00:00:00Z')").run(`B${++batches}`).lastInsertRowid);
  sql.prepare("UPDATE subsidy_lines SET batch_id = ? WHERE id = ?").run(batch, id);
  sql.prepare("UPDATE subsidy_payment_batches SET status = '已发放', bank_reference = 'BANK-1', paid_on = '2026-01-14', paid_by_user_id = 2, paid_by_label = 'payer', paid_at = '2026-01-14T00:00:00Z' WHERE id = ?").run(batch);
  sql.prepare("UPDATE subsidy_lines SET status = '已发放' WHERE id = ?").run(id);
}

function setStatus(id: number, status: string, note: string | null = null) {
  if (status === "已发放") return payInBatch(id);
  sql.prepare("UPDATE subsidy_lines SET status = ?, review_note = coalesce(?, review_note) WHERE id = ?").run(status, note, id);
}

/** A paid line, paid its reversal: the key is free for round 1. */
function paidAndReversed(): { line: number; reversal: number } {
  const line = insertLine({ status: "已发放" });
  const reversal = insertLine({ amount: -200000, reverses: line, reason: "就业记录更正：该月未在岗" });
  setStatus(reversal, "已审核");
  setStatus(reversal, "已发放");
  return { line, reversal };
}

describe("one live line per key", () => {
  it("refuses a second pending line for the same key", () => {
    insertLine();
    expect(() => insertLine()).toThrow(/UNIQUE constraint failed/);
  });

  it("refuses a second line while the first is approved or paid", () => {
    const first = insertLine();
    setStatus(first, "已审核");
    expect(() => insertLine()).toThrow(/UNIQUE/);
    setStatus(first, "已发放");
    expect(() => insertLine()).toThrow(/UNIQUE/);
  });

  it("lets the same worker have lines at two employers, or under two policies", () => {
    insertLine({ employer: 1 });
    insertLine({ employer: 2 });
    insertLine({ policy: 2, employer: null, amount: 80000 });
    expect(() => insertLine({ policy: 2, employer: null, amount: 80000 })).toThrow(/UNIQUE/);
  });

  it("frees the key once a line is rejected or withdrawn, and never lets the old one come back", () => {
    const rejected = insertLine();
    setStatus(rejected, "已驳回", "不符合条件");
    const withdrawn = insertLine();
    setStatus(withdrawn, "已撤回");
    insertLine();
    expect(() => setStatus(rejected, "待审核")).toThrow(/never changes/);
    expect(() => setStatus(withdrawn, "待审核")).toThrow(/never changes/);
  });

  it("refuses a rejection without a reason", () => {
    const id = insertLine();
    expect(() => setStatus(id, "已驳回")).toThrow(/CHECK constraint failed: subsidy_lines_rejection_reason_check/);
  });

  it("refuses a round that skips the reversal, and a forged round number", () => {
    insertLine({ status: "已发放" });
    expect(() => insertLine({ round: 1 })).toThrow(/paid again only after/);
    expect(() => insertLine({ round: 7 })).toThrow(/paid again only after/);
  });
});

describe("paid lines never change", () => {
  it.each([
    ["its status", "UPDATE subsidy_lines SET status = '已审核' WHERE id = ?"],
    ["its amount", "UPDATE subsidy_lines SET amount_fen = 1 WHERE id = ?"],
    ["a note", "UPDATE subsidy_lines SET review_note = 'x' WHERE id = ?"],
    ["its snapshot", "UPDATE subsidy_lines SET snapshot = '{\"months\":[]}' WHERE id = ?"],
    ["nothing at all (same value)", "UPDATE subsidy_lines SET status = status WHERE id = ?"],
  ])("refuses an UPDATE of %s", (_label, statement) => {
    const id = insertLine({ status: "已发放" });
    expect(() => sql.prepare(statement).run(id)).toThrow(/paid subsidy line never changes/);
    expect(sql.prepare("SELECT status, amount_fen AS amount FROM subsidy_lines WHERE id = ?").get(id)).toEqual({ status: "已发放", amount: 200000 });
  });

  it("refuses a DELETE of a paid line, and of any line", () => {
    const paid = insertLine({ status: "已发放" });
    const pending = insertLine({ employer: 2 });
    expect(() => sql.prepare("DELETE FROM subsidy_lines WHERE id = ?").run(paid)).toThrow(/never deleted/);
    expect(() => sql.prepare("DELETE FROM subsidy_lines WHERE id = ?").run(pending)).toThrow(/never deleted/);
    expect(() => sql.exec("DELETE FROM subsidy_lines")).toThrow(/never deleted/);
    expect(sql.prepare("SELECT count(*) AS n FROM subsidy_lines").get()).toEqual({ n: 2 });
  });

  it("keeps key, amount and facts of an unpaid line too; only its review moves", () => {
    const id = insertLine();
    expect(() => sql.prepare("UPDATE subsidy_lines SET amount_fen = 250000 WHERE id = ?").run(id)).toThrow(/keeps its key, amount and facts/);
    expect(() => sql.prepare("UPDATE subsidy_lines SET employer_id = 2 WHERE id = ?").run(id)).toThrow(/keeps its key/);
    expect(() => sql.prepare("UPDATE subsidy_lines SET snapshot = '{}' || '' WHERE id = ?").run(id)).not.toThrow();
    expect(() => sql.prepare("UPDATE subsidy_lines SET snapshot = '{\"x\":1}' WHERE id = ?").run(id)).toThrow(/keeps its key/);
    expect(() => sql.prepare("UPDATE subsidy_lines SET status = '已发放' WHERE id = ?").run(id)).toThrow(/status change is not allowed|paid only in a paid batch/);
    setStatus(id, "已审核");
    setStatus(id, "已发放");
  });
});

describe("reversals", () => {
  it("are negative lines undoing a paid line of the same key, for its whole amount, with a reason", () => {
    const paid = insertLine({ status: "已发放" });
    const pending = insertLine({ employer: 2 });
    expect(() => insertLine({ amount: -200000, reverses: pending, reason: "更正", employer: 2 })).toThrow(/undoes a paid line/);
    expect(() => insertLine({ amount: -100000, reverses: paid, reason: "更正" })).toThrow(/undoes a paid line/);
    expect(() => insertLine({ amount: -200000, reverses: paid, reason: "更正", employer: 2 })).toThrow(/undoes a paid line/);
    expect(() => insertLine({ amount: 200000, reverses: paid, reason: "更正" })).toThrow(/CHECK constraint failed: subsidy_lines_amount_check/);
    expect(() => insertLine({ amount: -200000, reverses: paid, reason: " " })).toThrow(/subsidy_lines_reversal_reason_check/);
    expect(() => insertLine({ amount: -200000, reverses: paid, reason: null })).toThrow(/subsidy_lines_reversal_reason_check/);
    insertLine({ amount: -200000, reverses: paid, reason: "就业记录更正" });
    expect(() => insertLine({ amount: -200000, reverses: paid, reason: "再来一次" })).toThrow(/UNIQUE/);
  });

  it("a paid reversal frees the key for exactly one more live line (round 1)", () => {
    paidAndReversed();
    expect(() => insertLine()).toThrow(/UNIQUE/);
    const again = insertLine({ round: 1 });
    expect(() => insertLine({ round: 1 })).toThrow(/UNIQUE/);
    expect(() => insertLine({ round: 2 })).toThrow(/paid again only after/);
    setStatus(again, "已审核");
    setStatus(again, "已发放");
    expect(sql.prepare("SELECT sum(amount_fen) AS net FROM subsidy_lines WHERE status = '已发放'").get()).toEqual({ net: 200000 });
  });

  it("a reversal still under review does not free the key", () => {
    const paid = insertLine({ status: "已发放" });
    insertLine({ amount: -200000, reverses: paid, reason: "更正" });
    expect(() => insertLine({ round: 1 })).toThrow(/paid again only after/);
  });

  it("a paid reversal is frozen like any paid line", () => {
    const { reversal } = paidAndReversed();
    expect(() => sql.prepare("UPDATE subsidy_lines SET status = '已撤回' WHERE id = ?").run(reversal)).toThrow(/paid subsidy line never changes/);
  });
});

describe("policies", () => {
  it("a line names a version of its own policy", () => {
    expect(() => insertLine({ policy: 1, version: 2 })).toThrow(/version of its own policy/);
  });

  it("versions never change and policies keep code and kind", () => {
    expect(() => sql.exec("UPDATE subsidy_policy_versions SET amount_fen = 1 WHERE id = 1")).toThrow(/never changes/);
    expect(() => sql.exec("DELETE FROM subsidy_policy_versions WHERE id = 1")).toThrow(/never changes/);
    expect(() => sql.exec("UPDATE subsidy_policies SET kind = '交通补贴' WHERE id = 1")).toThrow(/keeps its code and kind/);
    expect(() => sql.exec("DELETE FROM subsidy_policies WHERE id = 1")).toThrow(/never deleted/);
    sql.exec("UPDATE subsidy_policies SET name = '吸纳就业补贴（2025）' WHERE id = 1");
  });
});

describe("the workflow's guarantees (migration 0012)", () => {
  it("refuses a REPLACE that would silently delete a paid line (by id or by key)", () => {
    const paid = insertLine({ status: "已发放" });
    const replaceById = `INSERT OR REPLACE INTO subsidy_lines (id, policy_id, policy_version_id, period, worker_id, employer_id, round, amount_fen, status, snapshot, computed_at, created_by_label, status_changed_at)
      VALUES (?, 1, 1, '2025', 1, 2, 0, 1, '待审核', '{}', 'x', 'raw', 'x')`;
    expect(() => sql.prepare(replaceById).run(paid)).toThrow(/already holds this key/);
    const replaceByKey = `REPLACE INTO subsidy_lines (policy_id, policy_version_id, period, worker_id, employer_id, round, amount_fen, status, snapshot, computed_at, created_by_label, status_changed_at)
      VALUES (1, 1, '2025', 1, 1, 0, 1, '待审核', '{}', 'x', 'raw', 'x')`;
    expect(() => sql.exec(replaceByKey)).toThrow(/already holds this key/);
    const pending = insertLine({ employer: 2 });
    expect(() => sql.prepare("UPDATE OR REPLACE subsidy_lines SET id = ? WHERE id = ?").run(paid, pending)).toThrow(/keeps its id/);
    expect(sql.prepare("SELECT id, status, amount_fen AS amount FROM subsidy_lines WHERE id = ?").get(paid)).toEqual({ id: paid, status: "已发放", amount: 200000 });
  });

  it("refuses a line inserted as approved or paid: every line starts pending", () => {
    const insert = (status: string) =>
      sql.prepare(
        `INSERT INTO subsidy_lines (policy_id, policy_version_id, period, worker_id, employer_id, amount_fen, status, snapshot, computed_at, created_by_label, status_changed_at)
         VALUES (1, 1, '2025', 1, 1, 200000, ?, '{}', 'x', 'raw', 'x')`,
      ).run(status);
    expect(() => insert("已发放")).toThrow(/starts pending/);
    expect(() => insert("已审核")).toThrow(/starts pending/);
  });

  it("pays a line only inside a paid batch, after its notice", () => {
    const id = insertLine({ status: "已审核" });
    expect(() => sql.prepare("UPDATE subsidy_lines SET status = '已发放' WHERE id = ?").run(id)).toThrow(/paid only in a paid batch/);
    const batch = Number(sql.prepare("INSERT INTO subsidy_payment_batches (code, created_by_label, created_at) VALUES ('B-X', 'raw', 'x')").run().lastInsertRowid);
    expect(() => sql.prepare("UPDATE subsidy_lines SET batch_id = ? WHERE id = ?").run(batch, id)).toThrow(/were on notice/);
  });

  it("four eyes: the reviewer of a line cannot mark its batch paid", () => {
    const id = insertLine();
    sql.prepare("UPDATE subsidy_lines SET status = '已审核', reviewed_by_user_id = 1 WHERE id = ?").run(id);
    const notice = Number(sql.prepare("INSERT INTO subsidy_notices (code, title, published_on, ends_on, notice_days, created_by_label) VALUES ('N', '公示', '2026-01-06', '2026-01-12', 7, 'raw')").run().lastInsertRowid);
    sql.prepare("UPDATE subsidy_lines SET notice_id = ? WHERE id = ?").run(notice, id);
    const batch = Number(sql.prepare("INSERT INTO subsidy_payment_batches (code, created_by_label, created_at) VALUES ('B-4', 'raw', 'x')").run().lastInsertRowid);
    sql.prepare("UPDATE subsidy_lines SET batch_id = ? WHERE id = ?").run(batch, id);
    const markPaid = sql.prepare("UPDATE subsidy_payment_batches SET status = '已发放', bank_reference = 'R', paid_on = '2026-01-14', paid_by_user_id = ?, paid_at = 'x' WHERE id = ?");
    expect(() => markPaid.run(1, batch)).toThrow(/four eyes/);
    expect(() => sql.prepare("UPDATE subsidy_payment_batches SET status = '已发放', paid_on = '2026-01-14', paid_by_user_id = 2 WHERE id = ?").run(batch)).toThrow(/subsidy_payment_batches_paid_check/);
    markPaid.run(2, batch);
    sql.prepare("UPDATE subsidy_lines SET status = '已发放' WHERE id = ?").run(id);
    expect(() => sql.prepare("UPDATE subsidy_payment_batches SET bank_reference = 'R2' WHERE id = ?").run(batch)).toThrow(/paid batch never changes/);
    expect(() => sql.prepare("DELETE FROM subsidy_payment_batches WHERE id = ?").run(batch)).toThrow(/never deleted/);
  });

  it("an open objection keeps a line out of a batch and unpaid; a resolved objection never changes", () => {
    const id = insertLine({ status: "已审核" });
    const notice = Number(sql.prepare("INSERT INTO subsidy_notices (code, title, published_on, ends_on, notice_days, created_by_label) VALUES ('N2', '公示', '2026-01-06', '2026-01-12', 7, 'raw')").run().lastInsertRowid);
    sql.prepare("UPDATE subsidy_lines SET notice_id = ? WHERE id = ?").run(notice, id);
    const objection = Number(
      sql.prepare("INSERT INTO subsidy_objections (line_id, raised_by, content, recorded_by_label, recorded_at) VALUES (?, '村民', '此人当年未在车间务工', 'raw', 'x')").run(id).lastInsertRowid,
    );
    const batch = Number(sql.prepare("INSERT INTO subsidy_payment_batches (code, created_by_label, created_at) VALUES ('B-O', 'raw', 'x')").run().lastInsertRowid);
    expect(() => sql.prepare("UPDATE subsidy_lines SET batch_id = ? WHERE id = ?").run(batch, id)).toThrow(/no open objection/);
    expect(() => sql.prepare("UPDATE subsidy_objections SET outcome = '不成立' WHERE id = ?").run(objection)).toThrow(/subsidy_objections_outcome_check/);
    sql.prepare("UPDATE subsidy_objections SET outcome = '不成立', resolution = '核实在岗', resolved_at = 'x' WHERE id = ?").run(objection);
    expect(() => sql.prepare("UPDATE subsidy_objections SET outcome = '成立' WHERE id = ?").run(objection)).toThrow(/resolved one never changes/);
    expect(() => sql.prepare("DELETE FROM subsidy_objections WHERE id = ?").run(objection)).toThrow(/never deleted/);
    sql.prepare("UPDATE subsidy_lines SET batch_id = ? WHERE id = ?").run(batch, id);
  });

  it("a notice never changes, and a line stays on the notice it was published on", () => {
    const id = insertLine({ status: "已审核" });
    const notice = Number(sql.prepare("INSERT INTO subsidy_notices (code, title, published_on, ends_on, notice_days, created_by_label) VALUES ('N3', '公示', '2026-01-06', '2026-01-12', 7, 'raw')").run().lastInsertRowid);
    sql.prepare("UPDATE subsidy_lines SET notice_id = ? WHERE id = ?").run(notice, id);
    expect(() => sql.prepare("UPDATE subsidy_notices SET ends_on = '2026-01-07' WHERE id = ?").run(notice)).toThrow(/never changes/);
    expect(() => sql.prepare("DELETE FROM subsidy_notices WHERE id = ?").run(notice)).toThrow(/never changes/);
    expect(() => sql.prepare("UPDATE subsidy_lines SET notice_id = NULL WHERE id = ?").run(id)).toThrow(/published once/);
    const pending = insertLine({ employer: 2 });
    expect(() => sql.prepare("UPDATE subsidy_lines SET notice_id = ? WHERE id = ?").run(notice, pending)).toThrow(/published once/);
  });

  it("an upheld objection may reject an approved line (已审核 → 已驳回, with a reason)", () => {
    const id = insertLine({ status: "已审核" });
    expect(() => setStatus(id, "已驳回")).toThrow(/rejection_reason_check/);
    setStatus(id, "已驳回", "异议成立：未在岗");
  });
});
