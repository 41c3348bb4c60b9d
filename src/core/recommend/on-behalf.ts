/**
 * Applying on a registry worker's behalf (代办), pure: how the worker's consent may be recorded,
 * and the checks on it (a method, a date not in the future).
 */
import { isIsoDate } from "../calendar.ts";

/** How the worker agreed: in person, by phone, in writing. */
export const CONSENT_METHODS = ["当面", "电话", "书面"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export type ConsentProblem = "method" | "date" | "future";

/**
 * What is wrong with a recorded consent, or undefined when it will do.
 * @example consentProblem({ method: "电话", date: "2026-11-20" }, "2026-11-23") // undefined
 */
export function consentProblem(consent: { method: string; date: string }, today: string): ConsentProblem | undefined {
  if (!(CONSENT_METHODS as readonly string[]).includes(consent.method)) return "method";
  if (!isIsoDate(consent.date)) return "date";
  if (consent.date > today) return "future";
  return undefined;
}
