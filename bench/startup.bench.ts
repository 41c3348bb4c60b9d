/**
 * Seconds from starting the server (as `npm start` does: node --import tsx src/server.ts) to
 * /healthz answering ok — on a fresh DATA_DIR (migrations, demo county, engine start, first
 * indexing) and again on the same DATA_DIR (nothing to load). Medians of a few runs.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { findFreePort } from "../src/search/engine-process.ts";
import { percentiles, type Bench } from "./types.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNS = 3;

async function timeToHealthy(dataDir: string): Promise<number> {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error("server exited during start-up");
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const startup: Bench = async (ctx) => {
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = mkdtempSync(join(ctx.workDir, "startup-"));
    ctx.progress(`start-up run ${i + 1}/${RUNS}`);
    first.push(await timeToHealthy(dataDir));
    second.push(await timeToHealthy(dataDir));
  }
  return [
    { name: "start to healthy, first start (demo county)", value: round(percentiles(first).p50), unit: "s", budget: "≤ 5 s", note: `median of ${RUNS}` },
    { name: "start to healthy, second start", value: round(percentiles(second).p50), unit: "s", budget: "≤ 5 s", note: `median of ${RUNS}` },
  ];
};

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

export default startup;
