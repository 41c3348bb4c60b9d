/**
 * Rules for accounts that do not depend on storage: what a password must be, what a login may
 * look like, and which role needs which scope (an employer for a manager, a town for a cadre).
 */
import type { ApiTokenRole, UserRole } from "./enums.ts";
import { TEXT_FIELDS } from "./text-fields.ts";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
export const MAX_LOGIN_LENGTH = TEXT_FIELDS.login.max;

export type PasswordProblem = "tooShort" | "tooLong" | "sameAsLogin";

/** What is wrong with `password` as a new password for `login`, or null. */
export function passwordProblem(password: string, login: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "tooShort";
  if ([...password].length > MAX_PASSWORD_LENGTH) return "tooLong";
  if (password.trim().toLowerCase() === login.trim().toLowerCase()) return "sameAsLogin";
  return null;
}

/** A login as stored and looked up: trimmed; ASCII letters folded to lower case. */
export function normaliseLogin(login: string): string {
  return login.trim().replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}

export type ScopeProblem = "employerRequired" | "employerOnlyForManager" | "townRequired" | "townOnlyForTown";

/** Does the role carry exactly the scope it needs? */
export function scopeProblem(role: UserRole | ApiTokenRole, scope: { employer?: string | undefined; town?: string | undefined }): ScopeProblem | null {
  if (role === "manager" && !scope.employer) return "employerRequired";
  if (role !== "manager" && scope.employer) return "employerOnlyForManager";
  if (role === "town" && !scope.town) return "townRequired";
  if (role !== "town" && scope.town) return "townOnlyForTown";
  return null;
}
