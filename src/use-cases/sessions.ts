/**
 * Signing in and out, finding the session behind a cookie, and changing one's password.
 * The cookie holds a random token; the database holds only its SHA-256 hash. A session ends
 * after SESSION_IDLE_MS without a request, or SESSION_ABSOLUTE_MS after sign-in, whichever
 * comes first.
 */
import type { Db } from "../../db/client.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  insertSession,
  sessionWithUser,
  touchSession,
  updateUserPassword,
  userById,
  userByLogin,
  type UserRow,
} from "../../db/queries/accounts.ts";
import { claimApplications, unclaimedApplicationsByPhone } from "../../db/queries/applications.ts";
import { normaliseLogin, passwordProblem, type PasswordProblem } from "../core/account-rules.ts";
import { comparableName } from "../core/applicant-link.ts";
import type { LoginThrottle } from "../security/login-throttle.ts";
import { hashPassword, verifyPassword } from "../security/passwords.ts";
import { generateToken, hashToken } from "../security/tokens.ts";
import { recordChange } from "./audit-trail.ts";
import { messages } from "../../views/messages.ts";

/** A session ends after two hours without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and twelve hours after sign-in at the latest (a working day). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most once a minute, not on every request. */
export const SESSION_TOUCH_EVERY_MS = 60 * 1000;

export type SignInResult =
  | { ok: true; token: string; user: UserRow }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

export interface SignInProps {
  login: string;
  password: string;
  /** The client's address, for the per-address limit. */
  address: string;
  now: Date;
}

/**
 * Checks a login and password and opens a session. An unknown login and a wrong password give
 * the same answer and take the same time.
 */
export async function signIn(deps: { db: Db; throttle: LoginThrottle }, props: SignInProps): Promise<SignInResult> {
  const now = props.now;
  const login = normaliseLogin(props.login);
  const wait = deps.throttle.waitMs(login, props.address, now.getTime());
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterMs: wait };
  const user = userByLogin(deps.db, login);
  const matches = await verifyPassword(user?.passwordHash, props.password);
  if (!user || !matches || user.disabledAt) {
    deps.throttle.recordFailure(login, props.address, now.getTime());
    return { ok: false, reason: "invalid" };
  }
  deps.throttle.recordSuccess(login);
  const token = generateToken();
  const nowIso = now.toISOString();
  // Sign-ins are rare enough to sweep dead sessions on each one; no timer needed.
  deleteExpiredSessions(deps.db, nowIso, new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
  insertSession(deps.db, { tokenHash: hashToken(token), userId: user.id, nowIso, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString() });
  if (user.role === "seeker") claimEarlierApplications(deps.db, user, now);
  return { ok: true, token, user };
}

/**
 * A seeker's applications made before signing in become theirs (their 我的报名): those with the
 * account's phone (its login, given at the town office that made the account) and, when the
 * account has a name, that name — a household's shared phone does not hand one member's
 * applications to another. One transaction with its audit row. See
 * docs/decisions/2026-12-01-applicant-linking.md.
 */
export function claimEarlierApplications(db: Db, user: Pick<UserRow, "id" | "login" | "displayName">, now: Date): number {
  if (!/^1\d{10}$/.test(user.login)) return 0;
  return db.transaction((tx) => {
    const wanted = user.displayName ? comparableName(user.displayName) : undefined;
    const ids = unclaimedApplicationsByPhone(tx, user.login)
      .filter((a) => wanted === undefined || comparableName(a.applicantName) === wanted)
      .map((a) => a.id);
    if (ids.length === 0) return 0;
    claimApplications(tx, ids, user.id, now);
    for (const id of ids) {
      recordChange(tx, { userId: user.id, login: user.login }, { action: "update", entity: "application", entityId: id, before: { applicantUserId: null }, after: { applicantUserId: user.id, reason: messages.auditReasons.signedInWithPhone } });
    }
    return ids.length;
  });
}

/** The user behind a session cookie, or undefined when there is none or it has expired. */
export function resumeSession(db: Db, token: string, now: Date): { user: UserRow; tokenHash: string } | undefined {
  const tokenHash = hashToken(token);
  const found = sessionWithUser(db, tokenHash, now.toISOString());
  if (!found) return undefined;
  const lastSeen = Date.parse(found.session.lastSeenAt);
  if (now.getTime() - lastSeen > SESSION_IDLE_MS) {
    deleteSession(db, tokenHash);
    return undefined;
  }
  if (now.getTime() - lastSeen > SESSION_TOUCH_EVERY_MS) touchSession(db, tokenHash, now.toISOString());
  return { user: found.user, tokenHash };
}

export function signOut(db: Db, token: string): void {
  deleteSession(db, hashToken(token));
}

export type ChangePasswordResult = { ok: true } | { ok: false; problem: PasswordProblem | "wrongCurrent" | "unchanged" };

/**
 * Changes the signed-in user's own password; every other session of theirs ends.
 */
export async function changePassword(
  db: Db,
  props: { userId: number; currentPassword: string; newPassword: string; keepSessionHash: string; now: Date },
): Promise<ChangePasswordResult> {
  const user = userById(db, props.userId);
  if (!user || !(await verifyPassword(user.passwordHash, props.currentPassword))) return { ok: false, problem: "wrongCurrent" };
  const weak = passwordProblem(props.newPassword, user.login, user.role);
  if (weak) return { ok: false, problem: weak };
  if (props.newPassword === props.currentPassword) return { ok: false, problem: "unchanged" };
  const passwordHash = await hashPassword(props.newPassword);
  const nowIso = props.now.toISOString();
  db.transaction((tx) => {
    updateUserPassword(tx, user.id, passwordHash, nowIso);
    deleteSessionsOfUser(tx, user.id, props.keepSessionHash);
    recordChange(tx, { userId: user.id, login: user.login }, {
      action: "update",
      entity: "user",
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword, passwordChangedAt: user.passwordChangedAt },
      after: { mustChangePassword: false, passwordChangedAt: nowIso },
    });
  });
  return { ok: true };
}
