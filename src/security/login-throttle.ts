/**
 * Refuses password guessing: failures are counted per account and per client address in a
 * sliding minute (the pure rule is src/core/rate-limit.ts). The failures live in SQLite
 * (`login_failures`, migration 0007), so a restart does not reset the count; keys are SHA-256
 * hashes, since a mistyped login may be a phone number or even a password.
 */
import { createHash } from "node:crypto";
import type { Db } from "../../db/client.ts";
import { deleteLoginFailuresOf, deleteLoginFailuresUntil, insertLoginFailure, loginFailureTimes, type LoginFailureScope } from "../../db/queries/login-failures.ts";
import { checkRateLimit, type RateLimitRule } from "../core/rate-limit.ts";

/** Ten wrong passwords a minute for one account; the eleventh attempt waits. */
export const LOGIN_FAILURES_PER_ACCOUNT: RateLimitRule = { maxFailures: 10, windowMs: 60_000 };
/** An address may be a whole village behind one carrier NAT, so it gets more room. */
export const LOGIN_FAILURES_PER_ADDRESS: RateLimitRule = { maxFailures: 30, windowMs: 60_000 };

const RULES: Record<LoginFailureScope, RateLimitRule> = { account: LOGIN_FAILURES_PER_ACCOUNT, address: LOGIN_FAILURES_PER_ADDRESS };
/** The longest window: a failure older than this counts for no key and is deleted. */
const LONGEST_WINDOW_MS = Math.max(LOGIN_FAILURES_PER_ACCOUNT.windowMs, LOGIN_FAILURES_PER_ADDRESS.windowMs);

export interface LoginThrottle {
  /** Milliseconds to wait before another attempt, or 0 when one may be made now. */
  waitMs(login: string, address: string, now: number): number;
  recordFailure(login: string, address: string, now: number): void;
  /** A correct password clears the account's failures (not the address's). */
  recordSuccess(login: string): void;
}

function keyHash(scope: LoginFailureScope, key: string): string {
  return createHash("sha256").update(`${scope}\0${key}`).digest("hex");
}

/**
 * The throttle over the platform's database. Only failures are written (one row each, in one
 * transaction with the clean-up of rows past every window), so the table stays as small as a
 * minute of failures.
 * @example const throttle = createLoginThrottle({ db }); throttle.waitMs("county1", "10.0.0.1", now.getTime());
 */
export function createLoginThrottle(deps: { db: Db }): LoginThrottle {
  const verdict = (scope: LoginFailureScope, key: string, now: number) => {
    const rule = RULES[scope];
    const failures = loginFailureTimes(deps.db, scope, keyHash(scope, key), now - rule.windowMs);
    const v = checkRateLimit({ failures }, rule, now);
    return v.allowed ? 0 : v.retryAfterMs;
  };
  return {
    waitMs(login, address, now) {
      return Math.max(verdict("account", login, now), verdict("address", address, now));
    },
    recordFailure(login, address, now) {
      deps.db.transaction((tx) => {
        deleteLoginFailuresUntil(tx, now - LONGEST_WINDOW_MS);
        insertLoginFailure(tx, "account", keyHash("account", login), now);
        insertLoginFailure(tx, "address", keyHash("address", address), now);
      });
    },
    recordSuccess(login) {
      deleteLoginFailuresOf(deps.db, "account", keyHash("account", login));
    },
  };
}
