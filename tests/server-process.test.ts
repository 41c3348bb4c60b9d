/**
 * `npm start` as a real process: it starts its own search engine, reports healthy, and leaves no
 * engine behind when stopped — by a signal or by being killed outright.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isAlive, processesMentioning, spawnServer, untilListening, untilLogged, type ServerProcess } from "./support/server-process.ts";

interface Started {
  child: ChildProcess;
  url: string;
  dataDir: string;
  enginePid: number;
  lines: string[];
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
const dirs: string[] = [];

/** `node --import tsx src/server.ts`, or the same through `npm start` when `viaNpm`. */
function startServer(env: Record<string, string>, viaNpm = false): ServerProcess {
  const server = spawnServer(env, { viaNpm });
  children.push(server.child);
  return server;
}

async function startUntilListening(env: Record<string, string> = {}, viaNpm = false): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), "jybf-server-"));
  dirs.push(dataDir);
  const server = startServer({ DATA_DIR: dataDir, DEMO_DATA: "0", ...env }, viaNpm);
  const url = await untilListening(server);
  const engine = await untilLogged(server, "search engine started");
  return { child: server.child, url, dataDir, enginePid: engine.pid as number, lines: server.lines, exited: server.exited };
}

/** Waits until no process mentions the data folder (the engine and its watchdog are gone). */
async function waitUntilNoEngine(dataDir: string, ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (processesMentioning(dataDir).length === 0) return [];
    await new Promise((r) => setTimeout(r, 100));
  }
  return processesMentioning(dataDir);
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) {
    // Whatever a failed test left running with this DATA_DIR: the server, then the engine's watchdog.
    for (const pid of processesMentioning(`DATA_DIR=${dir}`, "environ")) process.kill(pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("the server process", () => {
  it("starts its own search engine, is healthy, and stops it on SIGTERM", async () => {
    const server = await startUntilListening();
    const health = await fetch(server.url + "/healthz");
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok", search: "ok" });
    expect(isAlive(server.enginePid)).toBe(true);
    // The watchdog and the engine itself.
    expect(processesMentioning(join(server.dataDir, "meili")).length).toBe(2);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(await waitUntilNoEngine(join(server.dataDir, "meili"), 10_000)).toEqual([]);
  });

  it("through `npm start`, stops with its engine when npm is told to stop", async () => {
    const server = await startUntilListening({}, true);
    expect((await fetch(server.url + "/healthz")).status).toBe(200);
    server.child.kill("SIGTERM");
    await server.exited;
    expect(await waitUntilNoEngine(join(server.dataDir, "meili"), 10_000)).toEqual([]);
    // npm, the server: every process started with this DATA_DIR is gone.
    expect(processesMentioning(`DATA_DIR=${server.dataDir}`, "environ")).toEqual([]);
  });

  it("leaves no search engine behind when it is killed outright", async () => {
    const server = await startUntilListening();
    expect(processesMentioning(join(server.dataDir, "meili")).length).toBe(2);
    server.child.kill("SIGKILL");
    await server.exited;
    expect(await waitUntilNoEngine(join(server.dataDir, "meili"), 10_000)).toEqual([]);
  });

  it("refuses a bad setting with a message naming the variable", async () => {
    const { stderr, exited } = startServer({ PORT: "abc", DATA_DIR: mkdtempSync(join(tmpdir(), "jybf-bad-")) });
    expect(await exited).toBe(2);
    expect(stderr.join("")).toMatch(/PORT must be a port number/);
  });
});
