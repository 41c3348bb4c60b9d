/**
 * The server as a real process (`node --import tsx src/server.ts`, or `npm start`), for the tests
 * that kill it, lock its data folder or watch its engine: spawn it, wait for a log line (such as
 * "listening"), and find the processes left behind by reading /proc.
 * @example const server = spawnServer({ DATA_DIR: dir, DEMO_DATA: "0" }); const url = await untilListening(server);
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export const ROOT = new URL("../..", import.meta.url).pathname;

export interface ServerProcess {
  child: ChildProcess;
  /** The JSON log lines written to stdout so far. */
  lines: string[];
  /** What was written to stderr so far, chunk by chunk. */
  stderr: string[];
  /** The exit code (null when ended by a signal). */
  exited: Promise<number | null>;
}

/** Starts the server on `env` (with PATH, HOME, PORT=0 and LOG_LEVEL=info unless given); through `npm start` when `viaNpm`. */
export function spawnServer(env: Record<string, string>, options: { viaNpm?: boolean } = {}): ServerProcess {
  const [command, args] = options.viaNpm ? ["npm", ["start", "--silent"]] : [process.execPath, ["--import", "tsx", "src/server.ts"]];
  const child = spawn(command as string, args as string[], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter((l) => l.startsWith("{"))));
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, lines, stderr, exited };
}

export type LogLine = { msg: string; [key: string]: unknown };

/** Waits (up to a minute) for the server to log `msg`, and returns that line; fails at once if the server exits first. */
export async function untilLogged(server: ServerProcess, msg: string): Promise<LogLine> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const line = server.lines.map((l) => JSON.parse(l) as LogLine).find((l) => l.msg === msg);
    if (line) return line;
    const output = `${server.lines.join("\n")}${server.stderr.join("")}`;
    if (server.child.exitCode !== null) throw new Error(`server exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`server did not log "${msg}": ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the "listening" line and returns the server's address. */
export async function untilListening(server: ServerProcess): Promise<string> {
  return (await untilLogged(server, "listening")).url as string;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids of every other process whose command line (or environment) mentions `text` (an engine and its watchdog name DATA_DIR/meili). */
export function processesMentioning(text: string, where: "cmdline" | "environ" = "cmdline"): number[] {
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
