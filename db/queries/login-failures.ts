/** Failed sign-ins kept in SQLite for the login throttle (src/security/login-throttle.ts). */
import { and, asc, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../client.ts";
import { loginFailures } from "../schema.ts";

export type LoginFailureScope = "account" | "address";

/** Times (ms) of the failures of one key after `sinceMs`, oldest first. */
export function loginFailureTimes(db: Pick<Db, "select">, scope: LoginFailureScope, keyHash: string, sinceMs: number): number[] {
  return db
    .select({ atMs: loginFailures.atMs })
    .from(loginFailures)
    .where(and(eq(loginFailures.scope, scope), eq(loginFailures.keyHash, keyHash), gt(loginFailures.atMs, sinceMs)))
    .orderBy(asc(loginFailures.atMs))
    .all()
    .map((r) => r.atMs);
}

export function insertLoginFailure(db: Pick<Db, "insert">, scope: LoginFailureScope, keyHash: string, atMs: number): void {
  db.insert(loginFailures).values({ scope, keyHash, atMs }).run();
}

/** Forgets every failure at or before `untilMs` (outside every window). */
export function deleteLoginFailuresUntil(db: Pick<Db, "delete">, untilMs: number): void {
  db.delete(loginFailures).where(lte(loginFailures.atMs, untilMs)).run();
}

/** Forgets one key's failures (a correct password clears its account). */
export function deleteLoginFailuresOf(db: Pick<Db, "delete">, scope: LoginFailureScope, keyHash: string): void {
  db.delete(loginFailures).where(and(eq(loginFailures.scope, scope), eq(loginFailures.keyHash, keyHash))).run();
}
