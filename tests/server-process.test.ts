/**
 * `npm start` as a real process: it starts its own search engine, reports healthy, and leaves no
 * engine behind when stopped — by a signal or by being killed outright.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;

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
function startServer(
  env: Record<string, string>,
  viaNpm = false,
): { child: ChildProcess; lines: string[]; stderr: string[]; exited: Promise<number | null> } {
  const [command, args] = viaNpm ? ["npm", ["start", "--silent"]] : [process.execPath, ["--import", "tsx", "src/server.ts"]];
  const child = spawn(command as string, args as string[], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: string[] = [];
  const stderr: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter((l) => l.startsWith("{"))));
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, lines, stderr, exited };
}

async function startUntilListening(env: Record<string, string> = {}, viaNpm = false): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), "jybf-server-"));
  dirs.push(dataDir);
  const { child, lines, exited } = startServer({ DATA_DIR: dataDir, DEMO_DATA: "0", ...env }, viaNpm);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const listening = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "listening");
    const engine = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "search engine started");
    if (listening && engine) return { child, url: listening.url, dataDir, enginePid: engine.pid, lines, exited };
    if (child.exitCode !== null) throw new Error(`server exited: ${lines.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${lines.join("\n")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids of every process whose command line (or environment) mentions `text`. */
function processesMentioning(text: string, where: "cmdline" | "environ" = "cmdline"): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/${where}`, "utf8").includes(text)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
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
