/**
 * Refuses password guessing: failures are counted per account and per client address in a
 * sliding minute (src/core/rate-limit.ts). Kept in memory — one server process serves a county;
 * a restart forgets the counts, which only helps a guesser once per restart.
 */
import { checkRateLimit, recordFailure, type FailureWindow, type RateLimitRule } from "../core/rate-limit.ts";

/** Ten wrong passwords a minute for one account; the eleventh attempt waits. */
export const LOGIN_FAILURES_PER_ACCOUNT: RateLimitRule = { maxFailures: 10, windowMs: 60_000 };
/** An address may be a whole village behind one carrier NAT, so it gets more room. */
export const LOGIN_FAILURES_PER_ADDRESS: RateLimitRule = { maxFailures: 30, windowMs: 60_000 };
/** Beyond this many tracked keys the oldest are dropped, so a flood cannot exhaust memory. */
export const MAX_TRACKED_KEYS = 50_000;

export interface LoginThrottle {
  /** Milliseconds to wait before another attempt, or 0 when one may be made now. */
  waitMs(login: string, address: string, now: number): number;
  recordFailure(login: string, address: string, now: number): void;
  /** A correct password clears the account's failures (not the address's). */
  recordSuccess(login: string): void;
}

export function createLoginThrottle(): LoginThrottle {
  const accounts = new Map<string, FailureWindow>();
  const addresses = new Map<string, FailureWindow>();
  const remember = (map: Map<string, FailureWindow>, key: string, window: FailureWindow) => {
    map.delete(key);
    map.set(key, window);
    if (map.size > MAX_TRACKED_KEYS) map.delete(map.keys().next().value!);
  };
  return {
    waitMs(login, address, now) {
      const a = checkRateLimit(accounts.get(login), LOGIN_FAILURES_PER_ACCOUNT, now);
      const b = checkRateLimit(addresses.get(address), LOGIN_FAILURES_PER_ADDRESS, now);
      return Math.max(a.allowed ? 0 : a.retryAfterMs, b.allowed ? 0 : b.retryAfterMs);
    },
    recordFailure(login, address, now) {
      remember(accounts, login, recordFailure(accounts.get(login), LOGIN_FAILURES_PER_ACCOUNT, now));
      remember(addresses, address, recordFailure(addresses.get(address), LOGIN_FAILURES_PER_ADDRESS, now));
    },
    recordSuccess(login) {
      accounts.delete(login);
    },
  };
}
