/**
 * What a search of the registry means (人社局 staff looking for a worker or household): a whole ID
 * number is looked up exactly (by its keyed hash, in the caller); anything that looks like part of
 * an ID number is refused, so personal data is never found by fragments; other text matches names,
 * villages and household codes. Pure.
 */
import { checkIdNumber, type IdNumberProblem } from "./id-number.ts";

export type RegistryQuery =
  | { kind: "none" }
  | { kind: "idNumber"; idNumber: string }
  | { kind: "text"; text: string }
  | { kind: "refused"; problem: "partialIdNumber" | IdNumberProblem };

/** @example registryQueryOf("3607 3119 6803 0501 7x") // { kind: "idNumber", idNumber: "36073119680305017X" } when valid */
export function registryQueryOf(q: string): RegistryQuery {
  if (q === "") return { kind: "none" };
  const compact = q.replace(/\s+/g, "").toUpperCase();
  if (/^\d{17}[\dX]$/.test(compact)) {
    const checked = checkIdNumber(compact);
    return checked.ok ? { kind: "idNumber", idNumber: checked.idNumber } : { kind: "refused", problem: checked.problem };
  }
  if (/^\d{6,}[\dX]?$/.test(compact)) return { kind: "refused", problem: "partialIdNumber" };
  return { kind: "text", text: q };
}
