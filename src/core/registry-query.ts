/**
 * What a search of the registry means (人社局 staff looking for a worker or household): a whole ID
 * number is looked up exactly (by its keyed hash, in the caller); a whole mobile number is looked
 * up exactly too; anything that looks like part of an ID number is refused, so personal data is
 * never found by fragments; other text matches names, villages and household codes, in its
 * simplified form (陳永紅 finds 陈永红, as the job board does). A few digits alone are searched
 * (household codes may be digits) but come with an explanation of how to find a person. Pure.
 */
import { parsePhone } from "./phone.ts";
import { checkIdNumber, type IdNumberProblem } from "./id-number.ts";
import { toSearchForm } from "./search-text.ts";

export type RegistryQuery =
  | { kind: "none" }
  | { kind: "idNumber"; idNumber: string }
  | { kind: "phone"; phone: string }
  /** `typed` is the text as typed when its simplified form differs (both are searched). */
  | { kind: "text"; text: string; typed?: string; hint?: "fewDigits" }
  | { kind: "refused"; problem: "partialIdNumber" | IdNumberProblem };

/** @example registryQueryOf("3607 3119 6803 0501 7x") // { kind: "idNumber", idNumber: "36073119680305017X" } when valid */
export function registryQueryOf(q: string): RegistryQuery {
  if (q === "") return { kind: "none" };
  const compact = q.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  if (/^\d{17}[\dX]$/.test(compact)) {
    const checked = checkIdNumber(compact);
    return checked.ok ? { kind: "idNumber", idNumber: checked.idNumber } : { kind: "refused", problem: checked.problem };
  }
  const phone = parsePhone(q, "mobile");
  if (phone !== undefined) return { kind: "phone", phone };
  if (/^\d{6,}[\dX]?$/.test(compact)) return { kind: "refused", problem: "partialIdNumber" };
  const text = toSearchForm(q);
  const hint = /^\d{1,5}X?$/.test(compact) ? ({ hint: "fewDigits" } as const) : {};
  return text === q ? { kind: "text", text, ...hint } : { kind: "text", text, typed: q, ...hint };
}
