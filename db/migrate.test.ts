import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";
import { migrate } from "./migrate.ts";

const FIXTURE = new URL("../tests/fixtures/rebuild-migrations/", import.meta.url).pathname;

/** A copy of the fixture whose journal lists only the first `count` migrations. */
function fixtureWith(count: number, folder = mkdtempSync(join(tmpdir(), "migrations-"))): string {
  cpSync(FIXTURE, folder, { recursive: true });
  const journal = JSON.parse(readFileSync(join(FIXTURE, "meta", "_journal.json"), "utf8"));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, "meta", "_journal.json"), JSON.stringify(journal));
  return folder;
}

function databaseWithData(): Database.Database {
  const sqlite = new Database(":memory:");
  sqlite.pragma("foreign_keys = ON");
  migrate(sqlite, fixtureWith(1));
  sqlite.exec("INSERT INTO employers (id, name) VALUES (1, '岭背镇帮扶车间'), (2, '卫星工厂')");
  sqlite.exec("INSERT INTO postings (employer_id, title) VALUES (1, '剪线头'), (1, '缝纫'), (2, '包装')");
  return sqlite;
}

describe("migrations", () => {
  it("a table rebuild keeps the rows that reference the rebuilt table", () => {
    const sqlite = databaseWithData();
    const result = migrate(sqlite, fixtureWith(2));
    expect(result.applied).toEqual(["0001_rebuild"]);
    expect(sqlite.prepare("SELECT count(*) AS n FROM postings").get()).toEqual({ n: 3 });
    expect(sqlite.prepare("SELECT type FROM employers WHERE id = 1").get()).toEqual({ type: "帮扶车间" });
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
  });

  it("shows why: run naively inside one transaction, the same rebuild cascades into the children", () => {
    const sqlite = databaseWithData();
    const statements = readFileSync(join(FIXTURE, "0001_rebuild.sql"), "utf8").split("--> statement-breakpoint");
    sqlite.transaction(() => statements.forEach((s) => sqlite.exec(s)))();
    expect(sqlite.prepare("SELECT count(*) AS n FROM postings").get()).toEqual({ n: 0 });
  });

  it("refuses a migration that would leave broken references, and applies nothing of it", () => {
    const sqlite = databaseWithData();
    const folder = fixtureWith(2);
    writeFileSync(join(folder, "0001_rebuild.sql"), "DELETE FROM employers WHERE id = 2;--> statement-breakpoint\nSELECT 1;");
    expect(() => migrate(sqlite, folder)).toThrow(/foreign key violation/);
    expect(sqlite.prepare("SELECT count(*) AS n FROM employers").get()).toEqual({ n: 2 });
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("applies each migration once", () => {
    const sqlite = databaseWithData();
    const folder = fixtureWith(2);
    migrate(sqlite, folder);
    expect(migrate(sqlite, folder).applied).toEqual([]);
  });

  it("opens the real schema in WAL mode with foreign keys and a busy timeout, audit log append-only", () => {
    const file = join(mkdtempSync(join(tmpdir(), "db-")), "app.db");
    const db = openDatabase({ file });
    const sqlite = db.$client;
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    sqlite.exec("INSERT INTO audit_log (actor_label, action, entity, entity_id) VALUES ('test', 'create', 'x', '1')");
    expect(() => sqlite.exec("UPDATE audit_log SET actor_label = 'forged'")).toThrow(/append-only/);
    expect(() => sqlite.exec("DELETE FROM audit_log")).toThrow(/append-only/);
  });

  it("the database refuses values outside the domain's enumerations", () => {
    const db = openDatabase({ file: ":memory:" });
    const sqlite = db.$client;
    sqlite.exec("INSERT INTO towns (id, name) VALUES (1, '岭背镇')");
    expect(() => sqlite.exec("INSERT INTO employers (code, name, type, town_id) VALUES ('E1', 'x', '扶贫工厂', 1)")).toThrow(/CHECK/);
    expect(() =>
      sqlite.exec("INSERT INTO employers (code, name, type, town_id, core_factory_id) VALUES ('E2', 'x', '帮扶车间', 1, 1)"),
    ).toThrow(/CHECK/);
  });
});
