/**
 * Accounts, sessions and API tokens. Sessions and tokens are found by the SHA-256 hash of the
 * secret the client holds; the secret itself is never stored.
 */
import { and, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import type { Db } from "../client.ts";
import { apiTokens, employers, sessions, towns, users } from "../schema.ts";

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

type Reader = Pick<Db, "select">;
type Writer = Pick<Db, "insert" | "update" | "delete" | "select">;

export function userByLogin(db: Reader, login: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.login, login)).get();
}

export function userById(db: Reader, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function insertUser(tx: Writer, user: NewUser): UserRow {
  return tx.insert(users).values(user).returning().get();
}

export function updateUserPassword(tx: Writer, userId: number, passwordHash: string, nowIso: string): void {
  tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: nowIso, updatedAt: nowIso }).where(eq(users.id, userId)).run();
}

export function townIdByName(db: Reader, name: string): number | undefined {
  return db.select({ id: towns.id }).from(towns).where(eq(towns.name, name)).get()?.id;
}

export function employerIdByCode(db: Reader, code: string): number | undefined {
  return db.select({ id: employers.id }).from(employers).where(eq(employers.code, code)).get()?.id;
}

/** What the "my account" page and the header show about a user. */
export function accountSummary(db: Reader, userId: number) {
  return db
    .select({
      id: users.id,
      login: users.login,
      role: users.role,
      displayName: users.displayName,
      mustChangePassword: users.mustChangePassword,
      employerName: employers.name,
      townName: towns.name,
    })
    .from(users)
    .leftJoin(employers, eq(users.employerId, employers.id))
    .leftJoin(towns, eq(users.townId, towns.id))
    .where(eq(users.id, userId))
    .get();
}

export function insertSession(tx: Writer, row: { tokenHash: string; userId: number; nowIso: string; expiresAt: string }): void {
  tx.insert(sessions).values({ tokenHash: row.tokenHash, userId: row.userId, createdAt: row.nowIso, lastSeenAt: row.nowIso, expiresAt: row.expiresAt }).run();
}

/** A live session (not past its absolute expiry) with its enabled user, or undefined. */
export function sessionWithUser(db: Reader, tokenHash: string, nowIso: string) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, nowIso), isNull(users.disabledAt)))
    .get();
}

export function touchSession(db: Writer, tokenHash: string, nowIso: string): void {
  db.update(sessions).set({ lastSeenAt: nowIso }).where(eq(sessions.tokenHash, tokenHash)).run();
}

export function deleteSession(db: Writer, tokenHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

/** Signs a user out everywhere except, optionally, the session they are using. */
export function deleteSessionsOfUser(db: Writer, userId: number, exceptTokenHash?: string): void {
  const mine = eq(sessions.userId, userId);
  db.delete(sessions).where(exceptTokenHash ? and(mine, ne(sessions.tokenHash, exceptTokenHash)) : mine).run();
}

/** Removes sessions past their absolute expiry or idle longer than allowed. */
export function deleteExpiredSessions(db: Writer, nowIso: string, idleSinceIso: string): number {
  return db.delete(sessions).where(or(lt(sessions.expiresAt, nowIso), lt(sessions.lastSeenAt, idleSinceIso))).run().changes;
}

export function insertApiToken(tx: Writer, row: typeof apiTokens.$inferInsert): ApiTokenRow {
  return tx.insert(apiTokens).values(row).returning().get();
}

export function apiTokenByHash(db: Reader, tokenHash: string): ApiTokenRow | undefined {
  return db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).get();
}

export function revokeApiToken(tx: Writer, id: number, nowIso: string): void {
  tx.update(apiTokens).set({ revokedAt: nowIso }).where(eq(apiTokens.id, id)).run();
}

/** Sets a new password hash; `mustChange` for a generated one-time password. */
export function resetUserPassword(tx: Writer, userId: number, passwordHash: string, mustChange: boolean, nowIso: string): void {
  tx.update(users).set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: nowIso, updatedAt: nowIso }).where(eq(users.id, userId)).run();
}

export function setUserDisabled(tx: Writer, userId: number, disabledAt: string | null, nowIso: string): void {
  tx.update(users).set({ disabledAt, updatedAt: nowIso }).where(eq(users.id, userId)).run();
}
