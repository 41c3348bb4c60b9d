/**
 * Protection of ID numbers at rest: a keyed hash (HMAC-SHA-256) to find a person by exact ID
 * number, and AES-256-GCM to read it back for staff who need it. A copied database file alone
 * reveals neither; the keys live in DATA_DIR/secrets.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { loadOrCreateSecret } from "./secrets.ts";

export interface PersonalDataProtector {
  /** The lookup key of an ID number (normalised to upper case first). */
  hashIdNumber(idNumber: string): string;
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
}

const VERSION = "v1";

export function createPersonalDataProtector(keys: { hashKey: Buffer; encryptionKey: Buffer }): PersonalDataProtector {
  if (keys.encryptionKey.length !== 32) throw new Error("encryption key must be 32 bytes");
  return {
    hashIdNumber: (idNumber) =>
      createHmac("sha256", keys.hashKey).update(idNumber.trim().toUpperCase()).digest("base64url"),
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keys.encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
    },
    decrypt: (value) => {
      const [version, iv, tag, body] = value.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("unknown cipher format");
      const decipher = createDecipheriv("aes-256-gcm", keys.encryptionKey, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

/** The installation's protector, keys created in DATA_DIR/secrets on first use. */
export function loadPersonalDataProtector(dataDir: string): PersonalDataProtector {
  return createPersonalDataProtector({
    hashKey: Buffer.from(loadOrCreateSecret(dataDir, "id-hash-key"), "hex"),
    encryptionKey: Buffer.from(loadOrCreateSecret(dataDir, "data-encryption-key"), "hex"),
  });
}
