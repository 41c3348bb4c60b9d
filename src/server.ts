/**
 * Entry point of `npm start`: environment → platform (database, search engine, demo data) →
 * HTTP server. Stops cleanly on SIGINT/SIGTERM and on a crash, taking the bundled search engine
 * down with it.
 */
import { serve, type ServerType } from "@hono/node-server";
import { parseEnvOrReport } from "./env.ts";
import { createLogger, errorFields } from "./log.ts";
import { startPlatform, type Platform } from "./platform.ts";
import { DataDirLockedError } from "./ops/server-lock.ts";
import { dataDirLockedMessage } from "./ops/lock-message.ts";

async function main(): Promise<void> {
  const env = parseEnvOrReport(process.env);
  if (!env) process.exit(2);
  const log = createLogger({ level: env.logLevel });
  const started = performance.now();

  let platform: Platform | undefined;
  let server: ServerType | undefined;
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { reason });
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await platform?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
  process.on("uncaughtException", (error) => {
    log.error("uncaught exception", errorFields(error));
    void shutdown("crash", 1);
  });
  process.on("unhandledRejection", (error) => {
    log.error("unhandled rejection", errorFields(error));
    void shutdown("crash", 1);
  });

  try {
    platform = await startPlatform({ env, log });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      // Another server runs on this DATA_DIR: one line, nothing of it touched.
      process.stderr.write(dataDirLockedMessage(error) + "\n");
      process.exit(1);
    }
    log.error("could not start", errorFields(error));
    process.stderr.write(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
  server = serve({ fetch: platform.app.fetch, port: env.port, hostname: env.host }, (info) => {
    platform?.lock.announcePort(info.port);
    log.info("listening", {
      url: `http://${env.host === "0.0.0.0" ? "localhost" : env.host}:${info.port}`,
      startupMs: Math.round(performance.now() - started),
    });
  });
}

void main();
