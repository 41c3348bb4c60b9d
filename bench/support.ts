/** Helpers the benchmarks share: a platform with its own bundled engine, timing, requests. */
import { clockStartingAt } from "../src/clock.ts";
import { join } from "node:path";
import type { Hono } from "hono";
import { parseEnv } from "../src/env.ts";
import { createLogger } from "../src/log.ts";
import { startPlatform, type Platform } from "../src/platform.ts";
import { percentiles } from "./types.ts";

/** A platform on a scratch DATA_DIR, with the demo county unless told otherwise. */
export function benchPlatform(workDir: string, options: { demoData?: boolean; today?: string } = {}): Promise<Platform> {
  const env = parseEnv({ DATA_DIR: join(workDir, "data"), DEMO_DATA: options.demoData === false ? "0" : "1" });
  // A fixed day starts the platform's clock there (10:00 Beijing time), running at real speed.
  return startPlatform({ env, log: createLogger({ level: "silent" }), ...(options.today ? { now: clockStartingAt(`${options.today}T10:00:00+08:00`) } : {}) });
}

/** Bytes of a response body as sent to a browser that takes brotli. */
export async function sentBytes(app: Hono, path: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await app.request(path, { headers: { "Accept-Encoding": "br, gzip", ...headers } });
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.arrayBuffer()).byteLength;
}

/** Runs `task` over and over (after a warm-up) and gives the p50 and p95 in milliseconds. */
export async function timeEach<T>(items: readonly T[], rounds: number, task: (item: T) => Promise<unknown>): Promise<{ p50: number; p95: number; n: number }> {
  for (const item of items) await task(item);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const started = performance.now();
      await task(item);
      samples.push(performance.now() - started);
    }
  }
  return { ...percentiles(samples), n: samples.length };
}

/** The searches a county's seekers make: words, traditional input, synonyms, filters, distance. */
export const SEARCH_MIX: readonly string[] = [
  "",
  "q=缝纫",
  "q=縫紉",
  "q=保洁",
  "q=扶贫车间",
  "q=剪线头&time=灵活",
  "q=包装&age=55",
  "type=帮扶车间",
  "type=公益性岗位&time=半天",
  "pay=3000&benefit=包吃",
  "sort=distance&lat=25.95&lng=115.4",
  "q=缝纫&lat=25.99&lng=115.38&radius=20",
  "sort=newest&offset=40",
].map((qs) => new URLSearchParams(qs).toString());
