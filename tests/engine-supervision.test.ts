/**
 * The bundled engine is supervised. Killed outright under a running platform (SIGKILL, as the
 * out-of-memory killer does), it is started again on the same data and address: the board is
 * answered by the engine again, what changed while it was dead reaches the index, and /healthz
 * counts the restart — with no server restart. Once the platform stops, no engine is started
 * again, even when it stops while a restart is pending. This file runs its own bundled engine
 * (its own DATA_DIR), not the run's shared one, since it kills it.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../src/env.ts";
import { createLogger } from "../src/log.ts";
import { startPlatform, type Platform } from "../src/platform.ts";
import { RUNNING_FILE } from "../src/search/engine-process.ts";
import { restartDelayMs } from "../src/search/engine-supervisor.ts";
import { changePostingStatus, savePosting } from "../src/use-cases/save-posting.ts";
import { FIXTURE_AUTHOR, FIXTURE_EMPLOYERS, FIXTURE_POSTINGS, loadJobFixture } from "./support/job-fixture.ts";
import { isAlive, processesMentioning } from "./support/server-process.ts";

const DEADLINE_MS = 30_000;
const dirs: string[] = [];
const platforms: Platform[] = [];

async function startOwnPlatform(): Promise<{ platform: Platform; dataDir: string; logLines: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), "jybf-supervision-"));
  dirs.push(dataDir);
  const logLines: string[] = [];
  const log = createLogger({ level: "debug", write: (line) => logLines.push(line) });
  // No MEILI_URL: the platform starts (and supervises) the bundled engine on this DATA_DIR.
  const platform = await startPlatform({ env: parseEnv({ DATA_DIR: dataDir, DEMO_DATA: "0" }), log });
  platforms.push(platform);
  return { platform, dataDir, logLines };
}

afterAll(async () => {
  for (const platform of platforms) await platform.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Polls `probe` until it returns a value (not undefined), or fails after the deadline with the last seen state. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${DEADLINE_MS / 1000} s${last ? ` (${String(last)})` : ""}`);
}

const messagesOf = (lines: string[]) => lines.map((l) => JSON.parse(l) as { msg: string; level: string; [k: string]: unknown });

describe("when the bundled engine is killed under a running platform", () => {
  let platform: Platform;
  let dataDir: string;
  let logLines: string[];
  beforeAll(async () => {
    ({ platform, dataDir, logLines } = await startOwnPlatform());
    await loadJobFixture(platform);
  });

  async function apiSearch(q: string) {
    const res = await platform.app.request(`/api/v1/jobs?${new URLSearchParams({ q })}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { hits: { code: string; title: string }[]; degraded: boolean };
  }

  it("starts it again on the same data, and the board and the index catch up without a server restart", async () => {
    const before = platform.engine!.current!;
    expect((await apiSearch("缝纫")).degraded).toBe(false);
    const health0 = (await (await platform.app.request("/healthz")).json()) as Record<string, unknown>;
    expect(health0).toMatchObject({ status: "ok", searchEngine: { bundled: true, state: "running", restarts: 0 } });

    process.kill(before.enginePid, "SIGKILL");
    // Changes made right after the kill, while the engine is dead or coming back.
    const f01 = FIXTURE_POSTINGS[0]!;
    savePosting(
      { db: platform.db },
      { posting: { headcount: 3, skills: ["缝纫"], benefits: [], description: "", status: "招聘中", ...f01, title: "箱包缝纫工（引擎被杀后改）" }, by: FIXTURE_AUTHOR, now: platform.now() },
    );
    changePostingStatus({ db: platform.db }, { code: "F02", status: "已关闭", by: FIXTURE_AUTHOR, now: platform.now() });
    platform.outbox.poke();
    // The board keeps answering meanwhile (from the database once the engine is found dead).
    expect((await apiSearch("缝纫")).hits.length).toBeGreaterThan(0);

    // Back on the engine, with the change made while it was dead.
    const found = await eventually("the engine answers with the change", async () => {
      const results = await apiSearch("引擎被杀后改");
      return !results.degraded && results.hits.some((h) => h.title === "箱包缝纫工（引擎被杀后改）") ? results : undefined;
    });
    expect(found.degraded).toBe(false);
    await eventually("the closed posting leaves the index", async () => ((await platform.index.get("F02")) === undefined ? true : undefined));
    expect((await platform.index.get("F01"))?.title).toBe("箱包缝纫工（引擎被杀后改）");
    // Nothing else was lost: the engine kept its data (the other fixture postings are there).
    expect((await platform.index.get("F03"))?.code).toBe("F03");

    const after = platform.engine!.current!;
    expect(isAlive(before.enginePid)).toBe(false);
    expect(after.enginePid).not.toBe(before.enginePid);
    expect(after.url).toBe(before.url);
    const res = await eventually("the outbox is empty", async () => {
      const r = await platform.app.request("/healthz");
      const body = (await r.json()) as { searchBacklog: number };
      return body.searchBacklog === 0 ? { status: r.status, body } : undefined;
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", search: "ok", searchEngine: { bundled: true, state: "running", restarts: 1 } });
  });

  it("logs the death and the restart, with nothing personal", () => {
    const lines = messagesOf(logLines);
    expect(lines.filter((l) => l.msg === "search engine restarted")).toHaveLength(1);
    expect(lines.filter((l) => l.msg === "search engine down; restarting it")).toHaveLength(1);
    // The searches answered from the database meanwhile: at most one line each way, no stack per search.
    const failed = lines.filter((l) => l.msg.startsWith("search engine failed; answering from the database"));
    expect(failed.length).toBeLessThanOrEqual(1);
    expect(lines.filter((l) => l.msg === "search engine answering again")).toHaveLength(failed.length);
    const text = logLines.join("\n");
    for (const employer of FIXTURE_EMPLOYERS) if (employer.contactPhone) expect(text).not.toContain(employer.contactPhone);
    expect(text).not.toContain(platform.engine!.masterKey);
    expect(existsSync(join(dataDir, "meili", RUNNING_FILE))).toBe(true);
  });
});

describe("the pause before a restart", () => {
  it.each([
    [0, 500],
    [1, 1_000],
    [2, 2_000],
    [5, 16_000],
    [6, 30_000],
    [40, 30_000],
  ])("after %i quick deaths in a row is %i ms", (failures, ms) => {
    expect(restartDelayMs(failures)).toBe(ms);
  });
});

describe("when the platform stops", () => {
  it("starts no engine again, even with a restart pending", async () => {
    const { platform, dataDir } = await startOwnPlatform();
    const engine = platform.engine!;
    process.kill(engine.current!.enginePid, "SIGKILL");
    await eventually("the supervisor sees the engine dead", async () => (engine.status().state === "restarting" ? true : undefined));
    await platform.stop();
    expect(engine.status().state).toBe("stopped");
    // Longer than the first pauses before a restart: none comes.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(processesMentioning(dataDir)).toEqual([]);
    expect(engine.current).toBeUndefined();
    expect(existsSync(join(dataDir, "meili", RUNNING_FILE))).toBe(false);
  });
});
