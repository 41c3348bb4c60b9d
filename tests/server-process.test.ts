/**
 * `npm start` as a real process: it starts its own search engine, reports healthy, and leaves no
 * engine behind when stopped — by a signal or by being killed outright.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;

interface Started {
  child: ChildProcess;
  url: string;
  enginePid: number;
  lines: string[];
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
const dirs: string[] = [];

function startServer(env: Record<string, string>): { child: ChildProcess; lines: string[]; stderr: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: string[] = [];
  const stderr: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, lines, stderr, exited };
}

async function startUntilListening(env: Record<string, string> = {}): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), "jybf-server-"));
  dirs.push(dataDir);
  const { child, lines, exited } = startServer({ DATA_DIR: dataDir, DEMO_DATA: "0", ...env });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const listening = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "listening");
    const engine = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "search engine started");
    if (listening && engine) return { child, url: listening.url, enginePid: engine.pid, lines, exited };
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

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the server process", () => {
  it("starts its own search engine, is healthy, and stops it on SIGTERM", async () => {
    const server = await startUntilListening();
    const health = await fetch(server.url + "/healthz");
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok", search: "ok" });
    expect(isAlive(server.enginePid)).toBe(true);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(await waitUntilGone(server.enginePid, 10_000)).toBe(true);
  });

  it("leaves no search engine behind when it is killed outright", async () => {
    const server = await startUntilListening();
    server.child.kill("SIGKILL");
    await server.exited;
    expect(await waitUntilGone(server.enginePid, 10_000)).toBe(true);
  });

  it("refuses a bad setting with a message naming the variable", async () => {
    const { stderr, exited } = startServer({ PORT: "abc", DATA_DIR: mkdtempSync(join(tmpdir(), "jybf-bad-")) });
    expect(await exited).toBe(2);
    expect(stderr.join("")).toMatch(/PORT must be a port number/);
  });
});
