import { describe, expect, it } from "vitest";
import { openDatabase } from "../client.ts";
import { appendAudit, appendAuditEntries, createAuditAppender } from "./audit.ts";

describe("the audit log's writers", () => {
  it.each([
    ["appendAudit", (db: ReturnType<typeof openDatabase>, entry: Parameters<typeof appendAudit>[1]) => appendAudit(db, entry)],
    ["createAuditAppender", (db: ReturnType<typeof openDatabase>, entry: Parameters<typeof appendAudit>[1]) => createAuditAppender(db)(entry)],
  ])("%s never stores a secret, whatever the caller passes", (_name, write) => {
    const db = openDatabase({ file: ":memory:" });
    write(db, {
      actorLabel: "import",
      action: "update",
      entity: "worker",
      entityId: 1,
      before: { name: "刘秀英", id_number_hash: "h", idNumberCipher: "c", nested: { password_hash: "p" } },
      after: { name: "刘秀英", tokenHash: "t" },
    });
    const row = db.$client.prepare("SELECT before, after FROM audit_log").get() as { before: string; after: string };
    expect(JSON.parse(row.before)).toEqual({ name: "刘秀英", nested: {} });
    expect(JSON.parse(row.after)).toEqual({ name: "刘秀英" });
  });

  it.each([
    ["appendAudit", (db: ReturnType<typeof openDatabase>, entry: Parameters<typeof appendAudit>[1]) => appendAudit(db, entry)],
    ["createAuditAppender", (db: ReturnType<typeof openDatabase>, entry: Parameters<typeof appendAudit>[1]) => createAuditAppender(db)(entry)],
    ["appendAuditEntries", (db: ReturnType<typeof openDatabase>, entry: Parameters<typeof appendAudit>[1]) => appendAuditEntries(db, [entry])],
  ])("%s stamps a row with the change's own time when given, else the database's", (_name, write) => {
    const db = openDatabase({ file: ":memory:" });
    const at = new Date("2026-10-19T07:54:28.194Z");
    // The database's own clock, read around the second write (no clock of this process).
    const databaseNow = () => (db.$client.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now").get() as { now: string }).now;
    write(db, { actorLabel: "demo", action: "update", entity: "subsidy-line", entityId: 1, at });
    const before = databaseNow();
    write(db, { actorLabel: "demo", action: "update", entity: "subsidy-line", entityId: 2 });
    const after = databaseNow();
    const rows = db.$client.prepare("SELECT created_at AS at FROM audit_log ORDER BY id").all() as { at: string }[];
    expect(rows[0]!.at).toBe("2026-10-19T07:54:28.194Z");
    expect(rows[1]!.at >= before && rows[1]!.at <= after).toBe(true);
  });
});
