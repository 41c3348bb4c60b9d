/** Small formatting helpers for views: pay, places, dates. Words come from the message catalogue. */
import { chinaDateOf, chinaTime } from "../src/core/china-time.ts";
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

/**
 * A stored instant (UTC ISO) as the Beijing date people read — never `iso.slice(0, 10)`, which is
 * the UTC date and a day early between 00:00 and 08:00 Beijing time.
 * @example shownDate("2026-12-01T18:27:00.000Z") // "2026-12-02"
 */
export function shownDate(iso: string): string {
  return chinaDateOf(iso);
}

/** A stored instant as Beijing date and time. @example shownTime("2026-11-23T06:05:09Z") // "2026-11-23 14:05:09" */
export function shownTime(iso: string): string {
  return chinaTime(iso);
}

/**
 * Who did something, as staff read it: a person's login as it is, a program by what it is.
 * @example authorText("cli:subsidies") // "命令行（npm run subsidies）" ; authorText("demo") // "示范数据" ; authorText("zhang") // "zhang"
 */
export function authorText(label: string): string {
  const { commandLine, named } = messages.authors;
  if (label.startsWith("cli:")) return commandLine(label.slice(4));
  return Object.hasOwn(named, label) ? named[label]! : label;
}
