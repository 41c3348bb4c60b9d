/**
 * Rules for accounts that do not depend on storage: what a password must be, what a login may
 * look like, and which role needs which scope (an employer for a manager, a town for a cadre).
 */
import { COMMON_PASSWORDS } from "./common-passwords.ts";
import type { ApiTokenRole, UserRole } from "./enums.ts";
import { TEXT_FIELDS } from "./text-fields.ts";

export const MIN_PASSWORD_LENGTH = 8;
/** Bureau staff (town cadres, county staff, admins) reach the registry's personal data: a longer minimum. */
export const MIN_STAFF_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
export const MAX_LOGIN_LENGTH = TEXT_FIELDS.login.max;

export type PasswordProblem = "tooShort" | "tooLong" | "sameAsLogin" | "common" | "onlyDigits";

/** Roles whose passwords follow the staff rules. */
const STAFF: readonly UserRole[] = ["town", "county", "admin"];

/** The minimum length of a password for `role` (the staff minimum when the role is unknown). */
export function minPasswordLength(role: UserRole | undefined): number {
  return role === undefined || STAFF.includes(role) ? MIN_STAFF_PASSWORD_LENGTH : MIN_PASSWORD_LENGTH;
}

/**
 * Is this a password attackers try first? On the list (src/core/common-passwords.ts), one
 * character repeated, a run of digits up or down (12345678, 98765432), a birthday written
 * YYYYMMDD (19851012), or a common password with a digit or two stuck on the end.
 */
export function isCommonPassword(password: string): boolean {
  const p = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(p)) return true;
  if (/^(.)\1*$/u.test(p)) return true;
  if (/^\d+$/.test(p)) {
    const steps = new Set([...p].slice(1).map((d, i) => (Number(d) - Number(p[i]) + 10) % 10));
    if (steps.size === 1 && (steps.has(1) || steps.has(9))) return true;
    if (/^(19[4-9]\d|20[0-2]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(p)) return true;
  }
  // "password1!", "qq1234567" + "8": a listed password with up to two characters added at the end.
  for (let cut = 1; cut <= 2 && p.length - cut >= MIN_PASSWORD_LENGTH; cut++) if (COMMON_PASSWORDS.has(p.slice(0, -cut))) return true;
  return false;
}

/**
 * What is wrong with `password` as a new password for `login`, or null. Everyone: at least
 * MIN_PASSWORD_LENGTH characters, not the login, not a common password. Staff (`role` town,
 * county, admin — or unknown): at least MIN_STAFF_PASSWORD_LENGTH and not only digits.
 */
export function passwordProblem(password: string, login: string, role?: UserRole): PasswordProblem | null {
  const length = [...password].length;
  if (length > MAX_PASSWORD_LENGTH) return "tooLong";
  if (length < minPasswordLength(role)) return "tooShort";
  if (password.trim().toLowerCase() === login.trim().toLowerCase()) return "sameAsLogin";
  if (isCommonPassword(password)) return "common";
  if ((role === undefined || STAFF.includes(role)) && /^\d+$/.test(password)) return "onlyDigits";
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
