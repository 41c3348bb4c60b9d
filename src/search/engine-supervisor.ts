/**
 * Keeps the bundled engine running. When its process dies under a running server (the kernel's
 * out-of-memory killer, a crash), it is started again on the same data, port and master key —
 * so the index, its settings and the clients' address stay — after a pause that doubles from
 * half a second up to 30 s, and is back to half a second once an engine has run for a minute.
 * Each death and restart is logged (no personal data: addresses, pids and counts); listeners
 * (the platform) are told after a restart, to bring the index up to date. Stopping the
 * supervisor stops the engine and any restart under way, and none follows. An external engine
 * (MEILI_URL) is the operator's to run and is not supervised.
 */
import { errorFields, type Logger } from "../log.ts";
import { findFreePort, startBundledEngine, type RunningEngine, type StartEngineOptions } from "./engine-process.ts";

export const RESTART_BACKOFF_BASE_MS = 500;
export const RESTART_BACKOFF_MAX_MS = 30_000;
/** An engine that ran this long was healthy: the next restart waits the shortest pause again. */
export const RESTART_STABLE_AFTER_MS = 60_000;

/** The pause before restart number `failures + 1` of a row of quick deaths. Pure. */
export function restartDelayMs(failures: number): number {
  return Math.min(RESTART_BACKOFF_MAX_MS, RESTART_BACKOFF_BASE_MS * 2 ** Math.max(0, failures));
}

/** running: answering; restarting: dead and being started again; stopped: stopped with the server. */
export type EngineState = "running" | "restarting" | "stopped";

export interface EngineStatus {
  state: EngineState;
  /** Restarts since the server started. */
  restarts: number;
}

export interface SupervisedEngine {
  readonly url: string;
  readonly masterKey: string;
  /** The engine process running now (undefined while it is being restarted or after stop). */
  readonly current: RunningEngine | undefined;
  status(): EngineStatus;
  /** Called after each restart, once the new engine answers. */
  onRestart(listener: () => void): void;
  /** Stops the engine and the supervision; no restart follows. */
  stop(): Promise<void>;
}

export interface SuperviseEngineOptions extends StartEngineOptions {
  log: Logger;
}

/**
 * Starts the bundled engine and supervises it.
 * @example const engine = await startSupervisedEngine({ dataDir, log }); engine.onRestart(() => outbox.poke());
 */
export async function startSupervisedEngine(options: SuperviseEngineOptions): Promise<SupervisedEngine> {
  const log = options.log;
  // A fixed port, so that a restarted engine answers at the address the clients already use.
  const port = options.port ?? (await findFreePort());
  const first = await startBundledEngine({ ...options, port });
  const { url, masterKey } = first;

  let current: RunningEngine | undefined;
  let last: RunningEngine = first;
  let state: EngineState = "running";
  let restarts = 0;
  /** Restarts in a row without an engine that ran RESTART_STABLE_AFTER_MS. */
  let failures = 0;
  let startedAt = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;
  const listeners: (() => void)[] = [];

  const scheduleRestart = () => {
    const delay = restartDelayMs(failures);
    failures++;
    log.warn("search engine down; restarting it", { url, inMs: delay, restarts });
    timer = setTimeout(() => {
      restarting = restart().finally(() => (restarting = undefined));
    }, delay);
  };

  const restart = async () => {
    if (stopped) return;
    // Whatever the dead engine's watchdog left behind goes first: it would hold the port.
    await last.stop().catch(() => undefined);
    let engine: RunningEngine;
    try {
      engine = await startBundledEngine({ ...options, port });
    } catch (error) {
      if (stopped) return;
      log.error("search engine restart failed", { url, ...errorFields(error) });
      scheduleRestart();
      return;
    }
    if (stopped) {
      await engine.stop();
      return;
    }
    restarts++;
    log.info("search engine restarted", { url, enginePid: engine.enginePid, restarts });
    adopt(engine);
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        log.error("after a search engine restart", errorFields(error));
      }
    }
  };

  const adopt = (engine: RunningEngine) => {
    current = engine;
    last = engine;
    state = "running";
    startedAt = performance.now();
    void engine.exited.then(() => {
      if (stopped || current !== engine) return;
      current = undefined;
      state = "restarting";
      if (performance.now() - startedAt >= RESTART_STABLE_AFTER_MS) failures = 0;
      scheduleRestart();
    });
  };
  adopt(first);

  return {
    url,
    masterKey,
    get current() {
      return current;
    },
    status: () => ({ state, restarts }),
    onRestart(listener) {
      listeners.push(listener);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await restarting;
      await last.stop();
      current = undefined;
      state = "stopped";
    },
  };
}
