/**
 * One server per DATA_DIR, with real processes: a second `npm start` on the same folder and a
 * restore under a running server are refused at once, naming the running server, and leave it
 * serving with its files untouched; once the first server is killed outright (SIGKILL, no
 * clean-up of its own), the operating system has dropped its lock and a new start succeeds.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirLockedError, dataDirHolder, lockDataDir } from "../src/ops/server-lock.ts";
import { runScript } from "./support/run-command.ts";
import { processesMentioning, ROOT, spawnServer, untilListening, type ServerProcess as Server } from "./support/server-process.ts";

const children: ChildProcess[] = [];

function startServer(dataDir: string): Server {
  const server = spawnServer({ DATA_DIR: dataDir, DEMO_DATA: "0" });
  children.push(server.child);
  return server;
}

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("one server per data folder", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "jybf-lock-"));
  const scratch = mkdtempSync(join(tmpdir(), "jybf-lock-scratch-"));
  let first: Server;
  let firstUrl: string;

  beforeAll(async () => {
    first = startServer(dataDir);
    firstUrl = await untilListening(first);
  });
  afterAll(async () => {
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    const ended = running.map((c) => new Promise((r) => c.once("exit", r)));
    for (const child of running) child.kill("SIGTERM");
    await Promise.all(ended);
    const deadline = Date.now() + 10_000;
    while (processesMentioning(join(dataDir, "meili")).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it("refuses a second start on the same DATA_DIR, naming the running server, which keeps serving untouched", async () => {
    const port = Number(new URL(firstUrl).port);
    const pidFile = readFileSync(join(dataDir, "server.pid"), "utf8");
    const runningFile = join(dataDir, "meili", "running.json");
    const running = readFileSync(runningFile, "utf8");

    const second = startServer(dataDir);
    expect(await second.exited).toBe(1);
    const said = second.stderr.join("").trim();
    expect(said.split("\n")).toHaveLength(1);
    expect(said).toContain("服务器正在运行");
    expect(said).toContain(`进程 ${first.child.pid}`);
    expect(said).toContain(`端口 ${port}`);
    // It started no engine of its own and left the first server's files as they were.
    expect(second.lines.some((l) => l.includes("search engine started"))).toBe(false);
    expect(readFileSync(join(dataDir, "server.pid"), "utf8")).toBe(pidFile);
    expect(readFileSync(runningFile, "utf8")).toBe(running);
    const health = await fetch(firstUrl + "/healthz");
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok", search: "ok" });
  });

  it("refuses a restore under the running server and changes nothing of it", async () => {
    const folder = join(scratch, "backup");
    expect((await runScript("backup", [folder], { DATA_DIR: dataDir })).code).toBe(0);
    const before = digest(join(dataDir, "app.db"));
    const restore = await runScript("restore", [folder], { DATA_DIR: dataDir });
    expect(restore.code).toBe(1);
    expect(restore.stderr.trim().split("\n")).toHaveLength(1);
    expect(restore.stderr).toContain("服务器正在运行");
    expect(restore.stderr).toContain(`进程 ${first.child.pid}`);
    expect(digest(join(dataDir, "app.db"))).toBe(before);
    expect(readdirSync(dataDir).filter((n) => n.includes("before-restore"))).toEqual([]);
    expect(readdirSync(join(dataDir, "meili")).length).toBeGreaterThan(0);
    expect((await fetch(firstUrl + "/healthz")).status).toBe(200);
  });

  it("starts again on the folder once the first server was killed outright", async () => {
    first.child.kill("SIGKILL");
    await first.exited;
    // The engine's watchdog takes the old engine down; the lock needed no clean-up at all.
    const deadline = Date.now() + 10_000;
    while (processesMentioning(join(dataDir, "meili")).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(dataDirHolder(dataDir, new Date())).toBeUndefined();
    const again = startServer(dataDir);
    const url = await untilListening(again);
    expect(await (await fetch(url + "/healthz")).json()).toMatchObject({ status: "ok", database: "ok" });
    expect(readFileSync(join(dataDir, "server.pid"), "utf8").trim()).toBe(String(again.child.pid));
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
    expect(dataDirHolder(dataDir, new Date())).toBeUndefined();
  });
});

describe("the data-folder lock inside one process", () => {
  it("refuses a second holder in the same process, even by another path, without dropping the first's lock", () => {
    const dir = mkdtempSync(join(tmpdir(), "jybf-lock-inproc-"));
    const alias = `${dir}-alias`;
    symlinkSync(dir, alias);
    const probe = () => JSON.parse(spawnSync(process.execPath, ["--import", "tsx", "tests/fixtures/lock-probe.ts", dir], { cwd: ROOT, encoding: "utf8" }).stdout) as unknown;
    try {
      const lock = lockDataDir(dir, { role: "server", now: new Date("2026-12-01T08:00:00Z") });
      expect(() => lockDataDir(alias, { role: "restore", now: new Date("2026-12-01T08:01:00Z") })).toThrow(DataDirLockedError);
      expect(dataDirHolder(dir, new Date("2026-12-01T08:02:00Z"))).toMatchObject({ pid: process.pid, role: "server", startedAt: "2026-12-01T08:00:00.000Z" });
      // Another process still finds the lock held, and reads who holds it.
      expect(probe()).toEqual({ pid: process.pid, role: "server", port: null, startedAt: "2026-12-01T08:00:00.000Z" });
      lock.announcePort(3123);
      expect(probe()).toMatchObject({ port: 3123 });
      lock.release();
      expect(probe()).toBeNull();
      expect(dataDirHolder(dir, new Date("2026-12-01T08:02:00Z"))).toBeUndefined();
    } finally {
      rmSync(alias, { force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
