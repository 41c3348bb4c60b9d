/** Small formatting helpers for views: pay, places. Words come from the message catalogue. */
import type { PayUnit } from "../src/core/enums.ts";
import { messages } from "./messages.ts";

/** @example payText(2000, 3500, "月") // "2000–3500 元/月" */
export function payText(min: number | null, max: number | null, unit: PayUnit): string {
  const suffix = messages.job.payUnit[unit];
  if (min !== null && max !== null) return min === max ? `${min} ${suffix}` : `${min}–${max} ${suffix}`;
  if (min !== null) return messages.job.payFrom(min, suffix);
  if (max !== null) return messages.job.payUpTo(max, suffix);
  return messages.job.payNegotiable;
}

export function placeText(town: string, village: string | null): string {
  return village ? `${town} · ${village}` : town;
}

/** What the board calls a platform type (the home page's buttons), the type itself otherwise. */
export function typeLabel(type: string): string {
  return messages.categories.find((c) => c.type === type)?.label ?? type;
}
