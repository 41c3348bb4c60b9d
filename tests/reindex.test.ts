/**
 * `npm run reindex` as a real process: beside a running server it uses that server's bundled
 * engine (found through DATA_DIR/meili/running.json); with no server it starts the bundled engine
 * itself and stops it. Either way the index ends up holding exactly the open postings.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../src/env.ts";
import { createLogger } from "../src/log.ts";
import { startPlatform, type Platform } from "../src/platform.ts";
import { findRunningEngine, RUNNING_FILE } from "../src/search/engine-process.ts";
import type { JobDocument } from "../src/search/job-document.ts";
import { loadJobFixture, RECRUITING_FIXTURE_CODES } from "./support/job-fixture.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const log = createLogger({ level: "silent" });
let dataDir: string;
let platform: Platform | undefined;

function start(): Promise<Platform> {
  return startPlatform({ env: parseEnv({ DATA_DIR: dataDir, DEMO_DATA: "0" }), log });
}

function reindex(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/reindex.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every document of the index, recruiting postings past their closing date included. */
async function indexedCodes(p: Platform): Promise<string[]> {
  const { hits } = await p.index.search({ q: "", filter: [], sort: [], limit: 100, offset: 0 });
  return hits.map((h) => h.code).sort();
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "jybf-reindex-"));
  platform = await start();
  await loadJobFixture(platform);
});
afterAll(async () => {
  await platform?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run reindex", () => {
  it("names the running bundled engine in running.json, without its key", () => {
    const running = findRunningEngine(dataDir);
    expect(running).toMatchObject({ url: platform!.engine!.url, masterKey: platform!.engine!.masterKey });
    // The key comes from secrets/, not from the file.
    expect(readFileSync(join(dataDir, "meili", RUNNING_FILE), "utf8")).not.toContain(platform!.engine!.masterKey);
  });

  it("rebuilds the index of a running server from the database, with progress on stderr", async () => {
    // The index drifted: a posting missing, a stale one present.
    await platform!.index.waitForTask(await platform!.index.remove(["F01"]));
    const f02 = (await platform!.index.get("F02"))!;
    await platform!.index.waitForTask(await platform!.index.upsert([{ ...f02, id: "GONE", code: "GONE" } as JobDocument]));
    expect(await indexedCodes(platform!)).toContain("GONE");

    const run = await reindex();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(platform!.engine!.url);
    expect(run.stderr).toMatch(/读取岗位 \[#+\] 100% 13\/13/);
    expect(run.stderr).toMatch(/建立索引 \[#+\] 100% 100\/100/);
    expect(run.stdout).toMatch(/索引已重建：13 个岗位/);
    // The server's own index handle sees the rebuilt index: it is the same name after the swap.
    expect(await indexedCodes(platform!)).toEqual([...RECRUITING_FIXTURE_CODES].sort());
    const res = await platform!.app.request("/api/v1/jobs?q=%E7%BC%9D%E7%BA%AB");
    expect(((await res.json()) as { degraded: boolean }).degraded).toBe(false);
  });

  it("starts the bundled engine itself when no server runs, and stops it after", async () => {
    await platform!.stop();
    platform = undefined;
    expect(existsSync(join(dataDir, "meili", RUNNING_FILE))).toBe(false);

    const run = await reindex();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/索引已重建：13 个岗位/);
    expect(existsSync(join(dataDir, "meili", RUNNING_FILE))).toBe(false);

    platform = await start();
    expect(await indexedCodes(platform)).toEqual([...RECRUITING_FIXTURE_CODES].sort());
  });
});
