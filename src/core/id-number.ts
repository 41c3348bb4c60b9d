/**
 * 身份证号 — the 18-character national ID number: 6-digit area code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and a check character by ISO 7064 MOD 11-2.
 */

import { dateOf } from "./calendar.ts";
import { dateRangeProblem } from "./date-fields.ts";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/** `birthDate`: no such day; `birthRange`: a real day outside the birthDate rule (in the future, over 120 years ago). */
export type IdNumberProblem = "length" | "characters" | "birthDate" | "birthRange" | "checkDigit";

export type IdNumberCheck =
  | { ok: true; idNumber: string; birthDate: string; sex: "男" | "女" }
  | { ok: false; problem: IdNumberProblem };

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Validates an ID number (spaces trimmed, a lower-case x accepted) and reads birth date and sex.
 * The birth date must be a real day from 1900 on; given `today`, it must also be plausible for a
 * living person (the birthDate rule of src/core/date-fields.ts: not in the future, within 120
 * years). Without `today` (finding a record by its number) any real day from 1900 will do.
 * @example checkIdNumber("11010519491231002X") // { ok: true, birthDate: "1949-12-31", sex: "女", … }
 * @example checkIdNumber(makeIdNumber("360732", "2100-01-01", 1), "2026-11-23") // { ok: false, problem: "birthRange" }
 */
export function checkIdNumber(input: string, today?: string): IdNumberCheck {
  const idNumber = input.trim().toUpperCase();
  if (idNumber.length !== 18) return { ok: false, problem: "length" };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: "characters" };
  const birthDate = dateOf(Number(idNumber.slice(6, 10)), Number(idNumber.slice(10, 12)), Number(idNumber.slice(12, 14)));
  if (birthDate === undefined || birthDate < "1900-01-01") return { ok: false, problem: "birthDate" };
  if (idCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: "checkDigit" };
  if (today !== undefined && dateRangeProblem("birthDate", birthDate, today) !== undefined) return { ok: false, problem: "birthRange" };
  const sex = Number(idNumber[16]) % 2 === 1 ? "男" : "女";
  return { ok: true, idNumber, birthDate, sex };
}

/**
 * Builds a valid ID number from its parts (for demo and synthetic data).
 * @example makeIdNumber("360732", "1968-03-05", 17) // "360732196803050171"-like, check digit computed
 */
export function makeIdNumber(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = areaCode + birthDate.replaceAll("-", "") + String(sequence).padStart(3, "0");
  return first17 + idCheckCharacter(first17);
}

/** `3624**********1234` — the first four and last four characters. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return "*".repeat(idNumber.length);
  return idNumber.slice(0, 4) + "*".repeat(idNumber.length - 8) + idNumber.slice(-4);
}

/** `138****5678` — the first three and last four digits of a mobile number. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return "*".repeat(phone.length);
  return phone.slice(0, 3) + "*".repeat(phone.length - 7) + phone.slice(-4);
}
