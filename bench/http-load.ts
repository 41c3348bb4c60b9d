/**
 * Real HTTP load for the throughput benchmarks: a server process of our own (as `npm start`
 * runs it) on a search engine the benchmark started, and a driver that keeps `concurrency`
 * requests in flight over keep-alive connections for a while, then gives req/s, p50 and p95.
 * The driver runs in the benchmark's process, the server in its own, so the two do not share
 * a thread; the engine alone is driven by the same code, which makes the ratio fair.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { Pool } from "undici";
import { findFreePort } from "../src/search/engine-process.ts";
import { percentiles } from "./types.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** One request of a mix: a path, and for the engine a POST body. */
export interface LoadRequest {
  path: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadFigures {
  requests: number;
  reqPerSecond: number;
  p50: number;
  p95: number;
  /** Bytes of the last body of each request kind, for the record (compressed as sent). */
  bytes: number;
}

/**
 * Keeps `concurrency` requests in flight for `seconds` (after a warm-up), cycling through `mix`.
 * Any status but 200 fails the run: a fast error page is not a fast page.
 */
export async function driveLoad(options: { origin: string; mix: readonly LoadRequest[]; concurrency: number; seconds: number; warmUpSeconds?: number; headers?: Record<string, string> }): Promise<LoadFigures> {
  const pool = new Pool(options.origin, { connections: options.concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  try {
    let bytes = 0;
    const once = async (request: LoadRequest) => {
      const response = await pool.request({
        path: request.path,
        method: request.method ?? "GET",
        headers: { ...options.headers, ...request.headers },
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      const body = Buffer.from(await response.body.arrayBuffer());
      if (response.statusCode !== 200) throw new Error(`${request.method ?? "GET"} ${request.path}: HTTP ${response.statusCode} ${body.toString("utf8").slice(0, 200)}`);
      bytes = body.byteLength;
    };
    // One walk through the mix for warm-up and measurement: a mix of requests that never repeat
    // (BENCH_MIX=unique in throughput.bench.ts) stays so across the two phases.
    let next = 0;
    const phase = async (seconds: number, samples?: number[]) => {
      const until = performance.now() + seconds * 1000;
      const worker = async () => {
        while (performance.now() < until) {
          const request = options.mix[next++ % options.mix.length]!;
          const started = performance.now();
          await once(request);
          samples?.push(performance.now() - started);
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: options.concurrency }, worker));
      return (performance.now() - started) / 1000;
    };
    await phase(options.warmUpSeconds ?? 1);
    const samples: number[] = [];
    const elapsed = await phase(options.seconds, samples);
    return { requests: samples.length, reqPerSecond: samples.length / elapsed, ...percentiles(samples), bytes };
  } finally {
    await pool.close();
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux /proc; clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  // After the command: state is field 3, utime 14 and stime 15 (1-based, see proc(5)).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface ServerUnderLoad {
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx src/server.ts` on `env` (PORT chosen here) and waits for /healthz.
 * With `cpuProfileDir`, the process writes a V8 CPU profile there when it stops.
 */
export async function startServerProcess(env: Record<string, string>, options: { cpuProfileDir?: string } = {}): Promise<ServerUnderLoad> {
  const port = await findFreePort();
  const args = [...(options.cpuProfileDir ? ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir] : []), "--import", "tsx", "src/server.ts"];
  const stderr: string[] = [];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited during start-up: ${stderr.join("")}`);
    if (Date.now() > deadline) throw new Error(`server not healthy within 2 minutes: ${stderr.join("")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin,
    child,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
