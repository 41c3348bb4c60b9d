/**
 * Random bearer secrets (session cookies, API tokens) and the SHA-256 hash under which they are
 * stored: a copied database holds no usable token. SHA-256 without salt is enough here because
 * the tokens are 256 random bits, not something a person chose.
 */
import { createHash, randomBytes } from "node:crypto";

/** A new random token, base64url, with an optional readable prefix (`jyt_` for API tokens). */
export function generateToken(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
