/**
 * A thin client for the parts of Meilisearch's HTTP API the platform uses. Every call has a
 * timeout, so a hung engine turns into an error the caller can fall back from, not a hung page.
 *
 * It speaks node:http with a keep-alive agent rather than fetch: fetch's sockets leave Nagle's
 * algorithm on, and on a reused connection each search then waits ~40 ms for a delayed ACK
 * (measured: 48 ms against 2.7 ms a search; docs/decisions/2026-11-23-seeker-search.md).
 */
import http from "node:http";
import https from "node:https";

export const REQUEST_TIMEOUT_MS = 5_000;
const TASK_POLL_MS = 25;

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

export interface MeiliClient {
  readonly url: string;
  request<T>(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<T>;
  /** Waits for an enqueued task and throws if it failed. */
  waitForTask(task: MeiliTask, timeoutMs?: number): Promise<void>;
  isHealthy(): Promise<boolean>;
}

interface RawResponse {
  status: number;
  text: string;
}

/** One HTTP exchange with a deadline for the whole of it. */
function exchange(agent: http.Agent, url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === "https:" ? https : http;
    const request = lib.request(url, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") });
      });
      response.on("error", reject);
    });
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.end(body);
  });
}

/** @example const meili = createMeiliClient({ url, apiKey }); await meili.isHealthy(); */
export function createMeiliClient(options: { url: string; apiKey: string }): MeiliClient {
  const base = new URL(options.url);
  // Idle sockets are unref'd by the agent, so a command-line tool still exits when done.
  const agent = base.protocol === "https:" ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const request = async <T>(method: string, path: string, body?: unknown, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { Authorization: `Bearer ${options.apiKey}` };
    if (payload !== undefined) {
      headers["Content-Type"] = "application/json";
      headers["Content-Length"] = String(Buffer.byteLength(payload));
    }
    let response: RawResponse;
    try {
      response = await exchange(agent, new URL(options.url + path), method, headers, payload, timeoutMs);
    } catch (error) {
      throw new MeiliError(`search engine unreachable: ${(error as Error).message}`);
    }
    const json = response.text ? (JSON.parse(response.text) as unknown) : undefined;
    if (response.status < 200 || response.status >= 300) {
      const detail = json as { message?: string; code?: string } | undefined;
      throw new MeiliError(detail?.message ?? `HTTP ${response.status}`, response.status, detail?.code);
    }
    return json as T;
  };

  return {
    url: options.url,
    request,
    async waitForTask(task, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const state = await request<{ status: string; error?: { message: string; code: string } }>(
          "GET",
          `/tasks/${task.taskUid}`,
        );
        if (state.status === "succeeded") return;
        if (state.status === "failed" || state.status === "canceled") {
          throw new MeiliError(`task ${task.taskUid} ${state.status}: ${state.error?.message ?? ""}`, undefined, state.error?.code);
        }
        if (Date.now() > deadline) throw new MeiliError(`task ${task.taskUid} still ${state.status} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, TASK_POLL_MS));
      }
    },
    async isHealthy() {
      try {
        const health = await request<{ status: string }>("GET", "/health", undefined, 1_000);
        return health.status === "available";
      } catch {
        return false;
      }
    },
  };
}
