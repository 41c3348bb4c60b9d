/**
 * Scrubs personal data out of free text before it is logged: anything shaped like an ID number
 * or a mobile number is masked, whatever field it hides in (an error message, a URL, a body).
 */
import { maskIdNumber, maskPhone } from "./id-number.ts";

const ID_NUMBER_PATTERN = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;
const MOBILE_PATTERN = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;

/** @example redactText("call 13812345678") // "call 138****5678" */
export function redactText(text: string): string {
  return text.replace(ID_NUMBER_PATTERN, maskIdNumber).replace(MOBILE_PATTERN, maskPhone);
}

/** Redacts every string inside a JSON-like value. */
export function redactValue(value: unknown): unknown {
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)]));
  }
  return value;
}
