/**
 * Counting failures in a sliding window, for refusing password guessing. Pure: the caller passes
 * `now`; state is a plain map the caller keeps (one process serves the county).
 */

export interface FailureWindow {
  /** Times (ms) of the failures still inside the window, oldest first. */
  failures: number[];
}

export interface RateLimitRule {
  /** How many failures the window tolerates; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Drops failures older than the window. */
function prune(window: FailureWindow | undefined, rule: RateLimitRule, now: number): number[] {
  return (window?.failures ?? []).filter((t) => t > now - rule.windowMs);
}

/**
 * May another attempt be made now? Refused once `maxFailures` failures lie inside the window,
 * until the oldest of them leaves it.
 * @example checkRateLimit({ failures: [] }, { maxFailures: 10, windowMs: 60_000 }, Date.now()) // { allowed: true }
 */
export function checkRateLimit(window: FailureWindow | undefined, rule: RateLimitRule, now: number): RateLimitVerdict {
  const recent = prune(window, rule, now);
  if (recent.length < rule.maxFailures) return { allowed: true };
  const oldestThatMatters = recent[recent.length - rule.maxFailures]!;
  return { allowed: false, retryAfterMs: oldestThatMatters + rule.windowMs - now };
}

/** The window after one more failure at `now`. */
export function recordFailure(window: FailureWindow | undefined, rule: RateLimitRule, now: number): FailureWindow {
  return { failures: [...prune(window, rule, now), now].slice(-rule.maxFailures) };
}
