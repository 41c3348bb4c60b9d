/**
 * Passwords: argon2id (OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane), and generated
 * one-time passwords for a first admin. Hashing runs off the event loop (@node-rs/argon2 uses its
 * own threads).
 */
import { randomInt } from "node:crypto";
import { hash, verify, type Algorithm } from "@node-rs/argon2";

/** Algorithm.Argon2id — a const enum, spelled as its value under isolatedModules. */
const ARGON2ID = 2 as Algorithm;
export const PASSWORD_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A hash of a password nobody has, verified when the login is unknown so both paths cost the same. */
let decoyHash: Promise<string> | undefined;

/** @example const stored = await hashPassword("长城长江2026"); */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** Does `password` match `stored`? A damaged hash is a mismatch, not a crash. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (stored === undefined) {
    decoyHash ??= hashPassword(`decoy-${randomInt(1e9)}`);
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** Letters and digits without look-alikes (0/O, 1/l/I), easy to read out over the phone. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const GENERATED_PASSWORD_LENGTH = 16;

/** A random one-time password (about 94 bits). */
export function generatePassword(length = GENERATED_PASSWORD_LENGTH): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
