/**
 * Keeps the recommendations' posting index (src/use-cases/recommendations.ts) built ahead of the
 * requests: once shortly after start, then whenever the open postings' version has moved (a
 * look every few seconds: one primary-key read). Answers never depend on it — each answer checks
 * the version itself and rebuilds when it moved — it only moves the rebuild out of a person's
 * request. See docs/decisions/2026-12-02-recommendation-speed.md.
 */
import type { Db } from "../../db/client.ts";
import { errorFields, type Logger } from "../log.ts";
import { postingIndexIsCurrent, openPostingIndex } from "../use-cases/recommendations.ts";

/** How often the warmer looks at the open postings' version. */
export const POSTING_INDEX_WARM_EVERY_MS = 5_000;

export interface PostingIndexWarmer {
  stop(): void;
}

/** @example const warmer = keepPostingIndexWarm({ db, log }); warmer.stop(); */
export function keepPostingIndexWarm(deps: { db: Db; log: Logger; everyMs?: number }): PostingIndexWarmer {
  let stopped = false;
  const warm = () => {
    // A database closed without stop() (a test's teardown) is left alone.
    if (stopped || !deps.db.$client.open) return;
    try {
      if (postingIndexIsCurrent(deps.db)) return;
      const started = performance.now();
      const index = openPostingIndex(deps.db);
      deps.log.info("posting index built", { postings: index.size, ms: Math.round(performance.now() - started) });
    } catch (error) {
      deps.log.error("posting index build failed", errorFields(error));
    }
  };
  const first = setTimeout(warm, 0);
  const timer = setInterval(warm, deps.everyMs ?? POSTING_INDEX_WARM_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
