/**
 * The platform's way to the search engine: the official `meilisearch` client, set up once with a
 * timeout on every request (so a hung engine turns into an error the caller can fall back from,
 * not a hung page), and its errors turned into one MeiliError that carries the engine's status
 * and error code. The jobs index (jobs-index.ts) and the rebuild speak through it.
 *
 * Requests go through fetch with an undici Agent of our own, passed in the client's
 * `requestInit.dispatcher` (not its deprecated `httpClient` hook): its sockets are kept alive and
 * set no-delay, and it is closed with the platform. Responses come uncompressed (`Accept-Encoding: identity` in the client's `requestInit`): fetch
 * asks for gzip by default, the engine then writes the compressed body in pieces on a socket that
 * leaves Nagle's algorithm on, and the last piece waits for our delayed ACK — ~40 ms a search
 * on a reused connection, whatever our own sockets' no-delay setting. Compression buys nothing on
 * 127.0.0.1. Measured with bench/search-client.bench.ts (the official client with plain fetch,
 * with an undici Agent whose sockets set no-delay, and the former node:http client); see
 * docs/decisions/2026-12-01-official-search-client.md.
 */
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchTaskTimeOutError } from "meilisearch";
import { Agent, getGlobalDispatcher, type Dispatcher } from "undici";

/** A search or a small read. */
export const REQUEST_TIMEOUT_MS = 5_000;
/** A write that may carry a large batch of documents. */
export const WRITE_TIMEOUT_MS = 60_000;
/** A health probe: an engine that takes longer is not healthy. */
export const HEALTH_TIMEOUT_MS = 1_000;
const TASK_POLL_MS = 25;
/** How long an idle connection to the engine is kept for the next request. */
const KEEP_ALIVE_MS = 10_000;

export class MeiliError extends Error {
  override name = "MeiliError";
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface MeiliTask {
  taskUid: number;
}

export interface MeiliSearchResponse<T> {
  hits: T[];
  estimatedTotalHits?: number;
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

export interface MeiliClientOptions {
  url: string;
  apiKey: string;
  /**
   * Take the compressed responses fetch asks for by default (default false: uncompressed, which
   * avoids the engine's ~40 ms stall). Only the benchmark turns it on, to show the difference.
   */
  compressed?: boolean;
  /**
   * Send requests through an undici Agent of our own, its sockets set no-delay, given in
   * `requestInit.dispatcher` (default true; false: fetch's global dispatcher, for the benchmark).
   */
  noDelayAgent?: boolean;
}

export interface MeiliClient {
  readonly url: string;
  /** The official client for searches and small reads (REQUEST_TIMEOUT_MS a request). */
  readonly reads: Meilisearch;
  /** The official client for writes that may carry large batches (WRITE_TIMEOUT_MS a request). */
  readonly writes: Meilisearch;
  /**
   * POSTs a JSON body to the engine and reads its JSON answer (REQUEST_TIMEOUT_MS), on the same
   * connections as the official client: for the hot path (search, multi-search). fetch, under
   * the official client, sends every request body as a stream — one socket write per piece —
   * which cost the results page more CPU than brotli did (bench/throughput.bench.ts profile);
   * undici's own request writes the string at once. Errors are MeiliErrors as from `call`.
   */
  post<T>(path: string, body: unknown): Promise<T>;
  /** Runs a call of the official client, turning its errors into MeiliError. */
  call<T>(run: () => Promise<T>): Promise<T>;
  /** Waits for an enqueued task and throws if it failed. */
  waitForTask(task: MeiliTask, timeoutMs?: number): Promise<void>;
  isHealthy(): Promise<boolean>;
  /** Closes the connections (idle ones never keep a process alive; this is for a clean stop). */
  close(): Promise<void>;
}

/** The official client's error as ours: the engine's status and code, or "unreachable". Pure. */
export function toMeiliError(error: unknown): MeiliError {
  if (error instanceof MeiliError) return error;
  if (error instanceof MeilisearchApiError) {
    return new MeiliError(error.message, error.response.status, error.cause?.code);
  }
  if (error instanceof MeilisearchRequestError) {
    const cause = error.cause as { message?: string; cause?: { code?: string; message?: string } } | undefined;
    // fetch says "fetch failed" and keeps the reason (ECONNREFUSED …) one level down.
    const reason = cause?.cause?.code ?? cause?.cause?.message ?? cause?.message ?? "no answer";
    return new MeiliError(`search engine unreachable: ${reason}`);
  }
  if (error instanceof MeilisearchTaskTimeOutError) return new MeiliError(error.message);
  return new MeiliError(`search engine request failed: ${(error as Error)?.message ?? String(error)}`);
}

/** @example const meili = createMeiliClient({ url, apiKey }); await meili.isHealthy(); */
export function createMeiliClient(options: MeiliClientOptions): MeiliClient {
  const dispatcher = (options.noDelayAgent ?? true)
    ? // `noDelay` reaches net.connect; undici's connector sets it too, this says we rely on it.
      new Agent({ keepAliveTimeout: KEEP_ALIVE_MS, connect: { noDelay: true } as Agent.Options["connect"] })
    : undefined;
  const requestInit = {
    ...(options.compressed ? {} : { headers: { "Accept-Encoding": "identity" } }),
    // The global fetch takes an undici dispatcher; RequestInit's type does not name it.
    ...(dispatcher ? { dispatcher } : {}),
  } as RequestInit;
  const official = (timeout: number) =>
    new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout, requestInit, defaultWaitOptions: { interval: TASK_POLL_MS } });
  const reads = official(REQUEST_TIMEOUT_MS);
  const writes = official(WRITE_TIMEOUT_MS);
  const probe = official(HEALTH_TIMEOUT_MS);

  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toMeiliError(error);
    }
  };

  const origin = new URL(options.url);
  const basePath = origin.pathname.replace(/\/$/, "");
  const postHeaders = { Authorization: `Bearer ${options.apiKey}`, "Content-Type": "application/json", "Accept-Encoding": "identity" };
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const through: Dispatcher = dispatcher ?? getGlobalDispatcher();
    let response: Dispatcher.ResponseData;
    try {
      response = await through.request({
        origin: origin.origin,
        path: basePath + path,
        method: "POST",
        headers: postHeaders,
        body: JSON.stringify(body),
        headersTimeout: REQUEST_TIMEOUT_MS,
        bodyTimeout: REQUEST_TIMEOUT_MS,
      });
    } catch (error) {
      const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message ?? "no answer";
      throw new MeiliError(`search engine unreachable: ${reason}`);
    }
    const text = await response.body.text();
    if (response.statusCode >= 300) {
      let detail: { message?: string; code?: string } = {};
      try {
        detail = JSON.parse(text) as typeof detail;
      } catch {
        // not the engine's JSON error
      }
      throw new MeiliError(detail.message ?? `search engine answered HTTP ${response.statusCode}`, response.statusCode, detail.code);
    }
    return JSON.parse(text) as T;
  };

  return {
    url: options.url,
    post,
    reads,
    writes,
    call,
    async waitForTask(task, timeoutMs = 120_000) {
      const done = await call(() => reads.tasks.waitForTask(task.taskUid, { timeout: timeoutMs, interval: TASK_POLL_MS }));
      if (done.status === "failed" || done.status === "canceled") {
        throw new MeiliError(`task ${task.taskUid} ${done.status}: ${done.error?.message ?? ""}`, undefined, done.error?.code);
      }
    },
    async isHealthy() {
      try {
        return (await probe.health()).status === "available";
      } catch {
        return false;
      }
    },
    async close() {
      await dispatcher?.close();
    },
  };
}
