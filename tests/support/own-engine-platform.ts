/**
 * A platform on its own Meilisearch process, for tests that stop the engine for real (the shared
 * engine of global-setup.ts must keep running for every other file): the job fixture loaded, the
 * engine stoppable and startable again on the same data and address, everything removed at close.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "../../src/env.ts";
import type { Logger } from "../../src/log.ts";
import { startPlatform, type Platform } from "../../src/platform.ts";
import { findFreePort, startBundledEngine, type RunningEngine } from "../../src/search/engine-process.ts";
import { loadJobFixture } from "./job-fixture.ts";

export interface OwnEnginePlatform {
  platform: Platform;
  stopEngine(): Promise<void>;
  /** Starts the engine again on the same data and port. */
  startEngine(): Promise<void>;
  close(): Promise<void>;
}

export async function startOwnEnginePlatform(options: { label: string; log: Logger }): Promise<OwnEnginePlatform> {
  const engineDir = mkdtempSync(join(tmpdir(), `jybf-${options.label}-engine-`));
  const dataDir = mkdtempSync(join(tmpdir(), `jybf-${options.label}-`));
  const port = await findFreePort();
  let engine: RunningEngine | undefined = await startBundledEngine({ dataDir: engineDir, log: options.log, port });
  const env = parseEnv({ DATA_DIR: dataDir, MEILI_URL: engine.url, MEILI_MASTER_KEY: engine.masterKey, DEMO_DATA: "0" });
  const platform = await startPlatform({ env, log: options.log });
  await loadJobFixture(platform);
  return {
    platform,
    async stopEngine() {
      await engine?.stop();
      engine = undefined;
    },
    async startEngine() {
      engine = await startBundledEngine({ dataDir: engineDir, log: options.log, port });
    },
    async close() {
      await platform.stop();
      await engine?.stop();
      rmSync(engineDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
