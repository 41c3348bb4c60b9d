/**
 * `npm run backup` while another process keeps writing, then `npm run restore` into a fresh
 * DATA_DIR: the copy is intact, holds every transaction committed before the backup began, and
 * no transaction in part; keys come along; the search index is queued to be rebuilt.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATS_SNAPSHOT_FILE } from "../src/ops/stats-snapshot-file.ts";
import { loadPersonalDataProtector } from "../src/security/personal-data.ts";
import { runScript } from "./support/run-command.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

describe("backup and restore", () => {
  let platform: TestPlatform;
  const scratch = mkdtempSync(join(tmpdir(), "jybf-backup-test-"));
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "backup", today: "2026-11-23" });
  });
  afterAll(async () => {
    await platform?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("copies a database under concurrent writes into a backup that restores whole", async () => {
    const dbFile = join(platform.dataDir, "app.db");
    const writer = spawn(process.execPath, [new URL("./fixtures/busy-writer.mjs", import.meta.url).pathname, dbFile], { stdio: ["ignore", "pipe", "inherit"] });
    let committed = 0;
    writer.stdout.on("data", (d: Buffer) => {
      const lines = d.toString("utf8").trim().split("\n");
      committed = Number(lines[lines.length - 1]);
    });
    const exited = new Promise((resolve) => writer.on("close", resolve));
    try {
      while (committed < 200) await new Promise((r) => setTimeout(r, 20));
      const committedBeforeBackup = committed;
      // The server itself writes too, through its own connection.
      platform.db.$client.prepare("UPDATE postings SET title = title || '（急招）' WHERE id = 1").run();
      const folder = join(scratch, "backup-1");
      const backup = await runScript("backup", [folder], { DATA_DIR: platform.dataDir });
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain("备份完成");
      const committedAfterBackup = committed;
      expect(committedAfterBackup).toBeGreaterThan(committedBeforeBackup);

      const target = join(scratch, "restored-data");
      // Statistics kept beside the database being replaced do not outlive it.
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, STATS_SNAPSHOT_FILE), "kept figures of the replaced database");
      const restore = await runScript("restore", [folder], { DATA_DIR: target });
      expect(restore.code).toBe(0);
      expect(existsSync(join(target, STATS_SNAPSHOT_FILE))).toBe(false);

      const restored = new Database(join(target, "app.db"), { readonly: true });
      try {
        expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(restored.pragma("foreign_key_check")).toEqual([]);
        const written = (restored.prepare("SELECT name FROM towns WHERE name LIKE 'w-%'").all() as { name: string }[]).map((r) => Number(r.name.slice(2)));
        const highest = Math.max(...written);
        // Every transaction committed before the backup began, and a gap-free prefix after it.
        expect(highest).toBeGreaterThanOrEqual(committedBeforeBackup);
        expect(highest).toBeLessThanOrEqual(committedAfterBackup);
        expect(written.length).toBe(highest);
        // No transaction in part: each town came with its village.
        expect(restored.prepare("SELECT count(*) AS n FROM villages WHERE name LIKE 'v-%'").get()).toEqual({ n: highest });
        expect(restored.prepare("SELECT title FROM postings WHERE id = 1").get()).toEqual(platform.db.$client.prepare("SELECT title FROM postings WHERE id = 1").get());
        for (const table of ["workers", "households", "postings", "applications", "placements", "employers", "audit_log"]) {
          const count = (db: Database.Database) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
          expect(count(restored), table).toBe(count(platform.db.$client));
        }
        // The keys came along: an ID number encrypted by the server reads back with the restored keys.
        const cipher = (restored.prepare("SELECT id_number_cipher AS c FROM workers LIMIT 1").get() as { c: string }).c;
        expect(loadPersonalDataProtector(target).decrypt(cipher)).toBe(platform.protector.decrypt(cipher));
        // The search index will be rebuilt from the restored database.
        const postings = (restored.prepare("SELECT count(*) AS n FROM postings").get() as { n: number }).n;
        expect(restored.prepare("SELECT count(DISTINCT entity_id) AS n FROM search_outbox WHERE entity = 'posting'").get()).toEqual({ n: postings });
      } finally {
        restored.close();
      }
      const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as { rows: Record<string, number> };
      expect(manifest.rows.workers).toBeGreaterThan(0);
    } finally {
      writer.kill("SIGTERM");
      await exited;
    }
  });

  it("refuses to restore into a DATA_DIR a running server holds", async () => {
    const folder = join(scratch, "backup-2");
    expect((await runScript("backup", [folder], { DATA_DIR: platform.dataDir })).code).toBe(0);
    const before = readFileSync(join(platform.dataDir, "app.db")).length;
    const res = await runScript("restore", [folder], { DATA_DIR: platform.dataDir });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("服务器正在运行");
    expect(readFileSync(join(platform.dataDir, "app.db")).length).toBe(before);
  });

  it("refuses a folder that is not a backup, and never overwrites an existing backup", async () => {
    const res = await runScript("restore", [join(scratch, "nothing-here")], { DATA_DIR: join(scratch, "other") });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("不是一个完整的备份");
    expect(existsSync(join(scratch, "other", "app.db"))).toBe(false);
    const again = await runScript("backup", [join(scratch, "backup-2")], { DATA_DIR: platform.dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("已存在");
  });
});
