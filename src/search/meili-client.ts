/**
 * A thin client for the parts of Meilisearch's HTTP API the platform uses. Every call has a
 * timeout, so a hung engine turns into an error the caller can fall back from, not a hung page.
 */

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

/** @example const meili = createMeiliClient({ url, apiKey }); await meili.isHealthy(); */
export function createMeiliClient(options: { url: string; apiKey: string }): MeiliClient {
  const request = async <T>(method: string, path: string, body?: unknown, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(options.url + path, {
        method,
        headers: {
          Authorization: `Bearer ${options.apiKey}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new MeiliError(`search engine unreachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
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
