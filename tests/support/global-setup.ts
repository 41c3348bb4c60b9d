/**
 * Starts one real Meilisearch (the bundled binary, through the platform's own engine-process
 * module) for the whole test run, in a temporary DATA_DIR, and hands its URL and key to the
 * test files. Stopped at the end of the run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createLogger } from "../../src/log.ts";
import { startBundledEngine } from "../../src/search/engine-process.ts";

declare module "vitest" {
  export interface ProvidedContext {
    meili: { url: string; masterKey: string };
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "jybf-meili-"));
  const engine = await startBundledEngine({ dataDir, log: createLogger({ level: "warn" }) });
  project.provide("meili", { url: engine.url, masterKey: engine.masterKey });
  return async () => {
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
