/**
 * Hashing, seeded streams and weighted draws: the generator's small helpers.
 * Part of the county generator (src/demo/county-generator.ts).
 */
import type { Random } from "../../core/random.ts";
import { PHONE_PREFIXES } from "../vocabulary.ts";

/** murmur3's finaliser: spreads nearby integers over all 32 bits. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A PRNG seed for one stream (a household index, or a setup stage) of a county seed. */
export function mixSeed(seed: number, salt: number): number {
  const high = Math.floor(seed / 4294967296) >>> 0;
  return fmix((fmix((seed >>> 0) ^ fmix(high)) + Math.imul(salt >>> 0, 0x9e3779b1)) >>> 0);
}

export const SALT_TOWNS = 0xf0000001;
export const SALT_EMPLOYERS = 0xf0000002;
export const SALT_POSTINGS = 0xf0000003;

export const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
export const roundTo = (x: number, step: number) => Math.round(x / step) * step;
export const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
export const padCode = (prefix: string, n: number, width: number) => prefix + String(n).padStart(width, "0");

export function shuffle<T>(r: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}

/** Up to `count` distinct elements, in random order. */
export function sample<T>(r: Random, items: readonly T[], count: number): T[] {
  return shuffle(r, [...items]).slice(0, count);
}

/**
 * A weighted list with its total worked out once. Random.weighted sums the weights on every call,
 * which dominated a million-worker run; draw() picks exactly as Random.weighted would.
 */
export interface Table<T> {
  items: readonly T[];
  weights: readonly number[];
  total: number;
}

export function table<T>(entries: readonly (readonly [T, number])[]): Table<T> {
  return { items: entries.map((e) => e[0]), weights: entries.map((e) => e[1]), total: entries.reduce((sum, e) => sum + e[1], 0) };
}

export function draw<T>(r: Random, t: Table<T>): T {
  let x = r.next() * t.total;
  const last = t.items.length - 1;
  for (let i = 0; i < last; i++) {
    x -= t.weights[i]!;
    if (x < 0) return t.items[i]!;
  }
  return t.items[last]!;
}

export function fill(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

/** A unique 11-digit mobile number per ordinal: a 4-round Feistel permutation of 0..99,999,999 keyed by the seed. */
export function phoneNumber(ordinal: number, key: number): string {
  let left = Math.floor(ordinal / 10000) % 10000;
  let right = ordinal % 10000;
  for (let round = 0; round < 4; round++) {
    const f = fmix((right + Math.imul(key + round, 0x9e3779b1)) >>> 0) % 10000;
    const next = (left + f) % 10000;
    left = right;
    right = next;
  }
  const prefix = PHONE_PREFIXES[fmix((ordinal ^ key) >>> 0) % PHONE_PREFIXES.length]!;
  return prefix + String(left).padStart(4, "0") + String(right).padStart(4, "0");
}
