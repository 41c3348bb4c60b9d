/**
 * A real platform for a test file: its own DATA_DIR (so its own SQLite file and secrets), its own
 * jobs index on the shared test Meilisearch, the demo county by default.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { clockStartingAt, type Clock } from "../../src/clock.ts";
import { parseEnv } from "../../src/env.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import { startPlatform, type Platform } from "../../src/platform.ts";

export interface TestPlatform extends Platform {
  dataDir: string;
  logLines: string[];
  /** Stops the platform, deletes its index and its DATA_DIR. */
  close(): Promise<void>;
}

let counter = 0;

/** A unique index name for this file and call. */
export function uniqueIndexName(label: string): string {
  return `test_${label.replace(/[^a-z0-9]/gi, "_")}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
}

/** The day every test platform starts on unless told otherwise: tests never read the machine's date. */
export const TEST_TODAY = "2026-11-23";

/** A clock that starts at 10:00 Beijing time on `day` and runs at real speed. */
export function testClock(day: string = TEST_TODAY): Clock {
  return clockStartingAt(`${day}T10:00:00+08:00`);
}

/**
 * @param options.today the day the platform's clock starts on (default TEST_TODAY); the demo
 *   county is laid around it. `now` gives a clock of the test's own instead.
 */
/** `demoData: "registry"`: the demo county without its subsidy ledger (tests that start the ledger empty). */
export async function startTestPlatform(options: { label: string; demoData?: boolean | "registry"; today?: string; now?: Clock; dataDir?: string }): Promise<TestPlatform> {
  const meili = inject("meili");
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `jybf-${options.label}-`));
  const logLines: string[] = [];
  const log: Logger = createLogger({ level: "debug", write: (line) => logLines.push(line) });
  const env = parseEnv({
    DATA_DIR: dataDir,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    DEMO_DATA: options.demoData === false ? "0" : options.demoData === "registry" ? "registry" : "1",
  });
  const indexName = uniqueIndexName(options.label);
  const platform = await startPlatform({ env, log, indexName, now: options.now ?? testClock(options.today) });
  return {
    ...platform,
    dataDir,
    logLines,
    async close() {
      await platform.stop();
      await fetch(`${meili.url}/indexes/${indexName}`, { method: "DELETE", headers: { Authorization: `Bearer ${meili.masterKey}` } }).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
