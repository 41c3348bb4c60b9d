/**
 * `npm run reindex` — rebuilds the search index from the database, with a progress bar on stderr.
 * It uses the engine of a running server (DATA_DIR/meili/running.json, key from DATA_DIR/secrets)
 * or the external one of MEILI_URL; when no bundled engine runs, it starts one for the time of the
 * rebuild and stops it after. Exit 0 when done, 1 when the rebuild failed, 2 on a bad setting.
 *
 * Options: --index <name> (default "jobs", the platform's index).
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client.ts";
import { parseEnvOrReport } from "../src/env.ts";
import { createLogger, errorFields } from "../src/log.ts";
import { DATABASE_FILE, DEFAULT_INDEX_NAME } from "../src/platform.ts";
import { findRunningEngine, startBundledEngine, type RunningEngine } from "../src/search/engine-process.ts";
import { createMeiliClient, type MeiliClient } from "../src/search/meili-client.ts";
import { rebuildJobsIndex } from "../src/search/rebuild-index.ts";
import { messages } from "../views/messages.ts";
import { progressBar } from "./lib/progress-bar.ts";

const text = messages.cli.reindex;

async function main(): Promise<number> {
  const env = parseEnvOrReport(process.env);
  if (!env) return 2;
  const { values } = parseArgs({ options: { index: { type: "string", default: DEFAULT_INDEX_NAME } } });
  const indexName = values.index!;
  // Logs go to stderr beside the bar; stdout keeps the one-line summary.
  const log = createLogger({ level: env.logLevel === "debug" ? "debug" : "warn", write: (line) => process.stderr.write(line + "\n") });
  const db = openDatabase({ file: join(env.dataDir, DATABASE_FILE) });

  let meili: MeiliClient;
  let ownEngine: RunningEngine | undefined;
  try {
    if (env.meili) {
      meili = createMeiliClient({ url: env.meili.url, apiKey: env.meili.masterKey });
      if (!(await meili.isHealthy())) {
        process.stderr.write(text.externalDown(env.meili.url) + "\n");
        return 1;
      }
    } else {
      const running = findRunningEngine(env.dataDir);
      const client = running && createMeiliClient({ url: running.url, apiKey: running.masterKey });
      if (client && (await client.isHealthy())) {
        process.stderr.write(text.usingRunning(running.url) + "\n");
        meili = client;
      } else {
        process.stderr.write(text.startingEngine + "\n");
        ownEngine = await startBundledEngine({ dataDir: env.dataDir, log });
        meili = createMeiliClient({ url: ownEngine.url, apiKey: ownEngine.masterKey });
      }
    }

    const bars = { read: progressBar(text.reading), index: progressBar(text.indexing) };
    let stage: keyof typeof bars = "read";
    const result = await rebuildJobsIndex({
      db,
      meili,
      indexName,
      log,
      onProgress: (progress) => {
        if (progress.stage !== stage) bars[stage].finish();
        stage = progress.stage;
        bars[stage].update(progress.done, progress.total);
      },
    });
    bars[stage].finish();
    process.stdout.write(text.done(result.documents, result.ms / 1000) + "\n");
    return 0;
  } catch (error) {
    log.error("reindex failed", errorFields(error));
    process.stderr.write(`${text.failed}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await ownEngine?.stop();
    db.$client.close();
  }
}

process.exitCode = await main();
