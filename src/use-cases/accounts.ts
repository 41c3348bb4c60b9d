/**
 * Creating accounts and API tokens (the `npm run user` and `npm run token` commands use these).
 * Each writes the row and its audit entry in one transaction; passwords are hashed with argon2id
 * before, tokens are returned once and stored only hashed.
 */
import type { Db } from "../../db/client.ts";
import {
  deleteSessionsOfUser,
  employerIdByCode,
  insertApiToken,
  insertUser,
  resetUserPassword,
  revokeApiToken,
  setUserDisabled,
  townIdByName,
  userByLogin,
  type UserRow,
} from "../../db/queries/accounts.ts";
import { apiTokens } from "../../db/schema.ts";
import { eq } from "drizzle-orm";
import { normaliseLogin, passwordProblem, scopeProblem, type PasswordProblem, type ScopeProblem } from "../core/account-rules.ts";
import type { ApiTokenRole, UserRole } from "../core/enums.ts";
import { generatePassword, hashPassword } from "../security/passwords.ts";
import { generateToken, hashToken } from "../security/tokens.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";

/** A request the caller must correct; `problem` picks the message. */
export class AccountInputError extends Error {
  override name = "AccountInputError";
  constructor(
    readonly problem: ScopeProblem | PasswordProblem | "unknownEmployer" | "unknownTown" | "loginTaken" | "unknownToken" | "unknownLogin",
    readonly value = "",
  ) {
    super(`${problem}${value ? `: ${value}` : ""}`);
  }
}

export interface CreateAccountProps {
  role: UserRole;
  login: string;
  /** Absent: a one-time password is generated, returned, and must be changed at first login. */
  password?: string | undefined;
  employerCode?: string | undefined;
  townName?: string | undefined;
  displayName?: string | undefined;
  by: ChangeAuthor;
}

export interface CreatedAccount {
  user: Omit<UserRow, "passwordHash">;
  /** Only when it was generated. */
  oneTimePassword?: string;
}

/**
 * Creates an account.
 * @example await createAccount(db, { role: "admin", login: "admin", by: { label: "cli:user" } }) // { user, oneTimePassword }
 */
export async function createAccount(db: Db, props: CreateAccountProps): Promise<CreatedAccount> {
  const login = normaliseLogin(props.login);
  const scope = scopeProblem(props.role, { employer: props.employerCode, town: props.townName });
  if (scope) throw new AccountInputError(scope);
  const generated = props.password === undefined ? generatePassword() : undefined;
  const password = props.password ?? generated!;
  const weak = passwordProblem(password, login, props.role);
  if (weak) throw new AccountInputError(weak);
  const employerId = props.employerCode ? employerIdByCode(db, props.employerCode) : undefined;
  if (props.employerCode && employerId === undefined) throw new AccountInputError("unknownEmployer", props.employerCode);
  const townId = props.townName ? townIdByName(db, props.townName) : undefined;
  if (props.townName && townId === undefined) throw new AccountInputError("unknownTown", props.townName);
  if (userByLogin(db, login)) throw new AccountInputError("loginTaken", login);

  const passwordHash = await hashPassword(password);
  const user = db.transaction((tx) => {
    // Checked again inside the transaction: another command may have taken the login meanwhile.
    if (userByLogin(tx, login)) throw new AccountInputError("loginTaken", login);
    const row = insertUser(tx, {
      login,
      passwordHash,
      role: props.role,
      employerId: employerId ?? null,
      townId: townId ?? null,
      displayName: props.displayName ?? null,
      mustChangePassword: generated !== undefined,
    });
    recordChange(tx, props.by, { action: "create", entity: "user", entityId: row.id, after: row });
    return row;
  });
  const { passwordHash: _hidden, ...shown } = user;
  return { user: shown, ...(generated ? { oneTimePassword: generated } : {}) };
}

export interface CreateApiTokenProps {
  role: ApiTokenRole;
  name: string;
  townName?: string | undefined;
  by: ChangeAuthor;
}

/** Creates an API token; the returned `token` is the only time anyone sees it. */
export function createApiToken(db: Db, props: CreateApiTokenProps): { id: number; token: string } {
  const scope = scopeProblem(props.role, { town: props.townName });
  if (scope) throw new AccountInputError(scope);
  const townId = props.townName ? townIdByName(db, props.townName) : undefined;
  if (props.townName && townId === undefined) throw new AccountInputError("unknownTown", props.townName);
  const token = generateToken("jyt_");
  const row = db.transaction((tx) => {
    const inserted = insertApiToken(tx, { tokenHash: hashToken(token), role: props.role, townId: townId ?? null, name: props.name.trim() });
    recordChange(tx, props.by, { action: "create", entity: "api-token", entityId: inserted.id, after: inserted });
    return inserted;
  });
  return { id: row.id, token };
}

/** Revokes a token: it is refused from the next request on. */
export function revokeToken(db: Db, props: { id: number; by: ChangeAuthor; now: Date }): void {
  const nowIso = props.now.toISOString();
  db.transaction((tx) => {
    const before = tx.select().from(apiTokens).where(eq(apiTokens.id, props.id)).get();
    if (!before) throw new AccountInputError("unknownToken", String(props.id));
    revokeApiToken(tx, props.id, nowIso);
    recordChange(tx, props.by, { action: "update", entity: "api-token", entityId: props.id, before, after: { ...before, revokedAt: nowIso } });
  });
}

/**
 * Gives an account a new password — a generated one-time password (returned, to be changed at
 * next sign-in) unless one is given — and ends all its sessions. For a person who forgot theirs.
 */
export async function resetPassword(db: Db, props: { login: string; password?: string | undefined; by: ChangeAuthor; now: Date }): Promise<{ oneTimePassword?: string }> {
  const login = normaliseLogin(props.login);
  const user = userByLogin(db, login);
  if (!user) throw new AccountInputError("unknownLogin", login);
  const generated = props.password === undefined ? generatePassword() : undefined;
  const password = props.password ?? generated!;
  const weak = passwordProblem(password, login, user.role);
  if (weak) throw new AccountInputError(weak);
  const passwordHash = await hashPassword(password);
  const nowIso = props.now.toISOString();
  db.transaction((tx) => {
    resetUserPassword(tx, user.id, passwordHash, generated !== undefined, nowIso);
    deleteSessionsOfUser(tx, user.id);
    recordChange(tx, props.by, {
      action: "update",
      entity: "user",
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword, passwordChangedAt: user.passwordChangedAt },
      after: { mustChangePassword: generated !== undefined, passwordChangedAt: nowIso },
    });
  });
  return generated ? { oneTimePassword: generated } : {};
}

/** Disables (or re-enables) an account; a disabled account cannot sign in and its sessions end. */
export function setAccountDisabled(db: Db, props: { login: string; disabled: boolean; by: ChangeAuthor; now: Date }): void {
  const login = normaliseLogin(props.login);
  const nowIso = props.now.toISOString();
  db.transaction((tx) => {
    const user = userByLogin(tx, login);
    if (!user) throw new AccountInputError("unknownLogin", login);
    const disabledAt = props.disabled ? nowIso : null;
    setUserDisabled(tx, user.id, disabledAt, nowIso);
    if (props.disabled) deleteSessionsOfUser(tx, user.id);
    recordChange(tx, props.by, { action: "update", entity: "user", entityId: user.id, before: { disabledAt: user.disabledAt }, after: { disabledAt } });
  });
}
