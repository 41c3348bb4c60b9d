/**
 * Keeps count of the searches the database answered because the engine failed, and logs the
 * change of state only: one line (with the error) when the engine stops answering, one when it
 * answers again (with how many searches the database took meanwhile, and for how long) — not a
 * stack trace per request, which would bury everything else in the log during an outage.
 */
import { errorFields, type Logger } from "../log.ts";

export interface SearchFallbackStatus {
  /** Is the engine answering searches, as the last search found it? */
  engine: "up" | "down";
  /** Searches answered from the database since the server started. */
  total: number;
  /** Of those, in the outage going on now (0 while the engine answers). */
  current: number;
}

export interface SearchFallbacks {
  /** A search the engine answered. */
  answered(): void;
  /** A search the engine failed, answered from the database instead. */
  fellBack(error: unknown): void;
  status(): SearchFallbackStatus;
}

/** @example const fallbacks = createSearchFallbacks(log); fallbacks.fellBack(error); fallbacks.status().total */
export function createSearchFallbacks(log: Logger): SearchFallbacks {
  let down = false;
  let total = 0;
  let current = 0;
  let since = 0;
  return {
    answered() {
      if (!down) return;
      down = false;
      log.info("search engine answering again", { fallbackSearches: current, downMs: Math.round(performance.now() - since) });
      current = 0;
    },
    fellBack(error) {
      total++;
      current++;
      if (down) return;
      down = true;
      since = performance.now();
      log.warn("search engine failed; answering from the database until it is back", errorFields(error));
    },
    status: () => ({ engine: down ? "down" : "up", total, current }),
  };
}
