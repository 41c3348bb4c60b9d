/**
 * The compute writes its lines, and the workflow its audit rows, 100 to a statement
 * (docs/decisions/2026-12-02-subsidy-compute-speed.md). These tests write more than one full
 * statement plus a remainder through the real queries on a migrated file and check what the
 * one-statement-per-row writer guaranteed: ids in order, one audit row per line naming it, and a
 * second live line for a key still refused by the database — the whole transaction undone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/client.ts";
import { appendAuditEntries } from "../db/queries/audit.ts";
import { insertLines, type NewLine } from "../db/queries/subsidies.ts";

let dir: string;
let db: Db;
const WORKERS = 250;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "batched-writes-"));
  db = openDatabase({ file: join(dir, "app.db") });
  db.$client.exec(`
    INSERT INTO towns (id, name) VALUES (1, '岭背镇');
    INSERT INTO villages (id, town_id, name, lat, lng) VALUES (1, 1, '上村', 25.9, 115.4);
    INSERT INTO households (id, code, category, village_id) VALUES (1, 'H1', '脱贫户', 1);
    INSERT INTO employers (id, code, name, type, town_id, recognition) VALUES (1, 'E1', '车间一', '帮扶车间', 1, '已认定');
    INSERT INTO subsidy_policies (id, code, name, kind) VALUES (1, 'XN-2025', '吸纳就业补贴', '吸纳就业补贴');
    INSERT INTO subsidy_policy_versions (id, policy_id, version, amount_fen, start_date, created_by_label) VALUES (1, 1, 1, 200000, '2025-01-01', 'test');
  `);
  const worker = db.$client.prepare(
    `INSERT INTO workers (id, household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, sex, village_id, labour_ability)
     VALUES (?, 1, '刘秀英', ?, 'c', 'm', '1970-01-01', '女', 1, '有劳动能力')`,
  );
  for (let id = 1; id <= WORKERS; id++) worker.run(id, `h${id}`);
});

afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function line(workerId: number): NewLine {
  return {
    policyId: 1,
    policyVersionId: 1,
    period: "2025",
    workerId,
    employerId: 1,
    round: 0,
    amountFen: 200000,
    snapshot: { worker: workerId },
    factsSignature: `facts of ${workerId}`,
    computedAt: "2026-11-23T02:00:00.000Z",
    createdByUserId: null,
    createdByLabel: "test",
  };
}

describe("batched writes of a compute", () => {
  it("gives the lines ids after the highest, in order, each with its own facts", () => {
    const first = db.transaction(() => insertLines(db, [line(1)]), { behavior: "immediate" });
    const ids = db.transaction(() => insertLines(db, Array.from({ length: WORKERS - 1 }, (_, i) => line(i + 2))), { behavior: "immediate" });
    expect(first).toEqual([1]);
    expect(ids).toEqual(Array.from({ length: WORKERS - 1 }, (_, i) => i + 2));
    const rows = db.$client.prepare("SELECT id, worker_id AS workerId, snapshot, facts_signature AS factsSignature, status FROM subsidy_lines ORDER BY id").all() as { id: number; workerId: number; snapshot: string; factsSignature: string; status: string }[];
    expect(rows).toHaveLength(WORKERS);
    for (const r of rows) {
      expect(r.workerId).toBe(r.id);
      expect(JSON.parse(r.snapshot)).toEqual({ worker: r.id });
      expect(r.factsSignature).toBe(`facts of ${r.id}`);
      expect(r.status).toBe("待审核");
    }
  });

  it("writes one audit row per entry, in order, across full statements and the remainder", () => {
    db.transaction(() =>
      appendAuditEntries(
        db,
        Array.from({ length: WORKERS }, (_, i) => ({ actorLabel: "test", action: "create" as const, entity: "subsidy-line", entityId: i + 1, after: { n: i + 1, idNumberCipher: "secret" } })),
      ),
    );
    const rows = db.$client.prepare("SELECT entity_id AS entityId, after FROM audit_log WHERE entity = 'subsidy-line' ORDER BY id").all() as { entityId: string; after: string }[];
    expect(rows.map((r) => r.entityId)).toEqual(Array.from({ length: WORKERS }, (_, i) => String(i + 1)));
    // Secrets are dropped as by every other writer of the log.
    expect(rows.every((r, i) => r.after === JSON.stringify({ n: i + 1 }))).toBe(true);
  });

  it("still has a second live line for a key refused, and nothing of the batch kept", () => {
    db.transaction(() => insertLines(db, [line(7)]), { behavior: "immediate" });
    const batch = Array.from({ length: 150 }, (_, i) => line(i + 8)).concat([line(7)]);
    expect(() => db.transaction(() => insertLines(db, batch), { behavior: "immediate" })).toThrow(/UNIQUE constraint failed/);
    expect(db.$client.prepare("SELECT count(*) FROM subsidy_lines").pluck().get()).toBe(1);
  });
});
