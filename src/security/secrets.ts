/**
 * Secrets generated once per installation and kept in DATA_DIR/secrets (mode 0700, files 0600):
 * the keys that protect personal data and the bundled search engine's master key.
 * Losing them makes encrypted ID numbers unreadable, so backups include this folder.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Reads the secret `name` from DATA_DIR/secrets, creating it with `bytes` random bytes (hex)
 * the first time. Never logs or prints it.
 */
export function loadOrCreateSecret(dataDir: string, name: string, bytes = 32): string {
  const folder = join(dataDir, "secrets");
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  const file = join(folder, name);
  if (existsSync(file)) {
    const value = readFileSync(file, "utf8").trim();
    if (value.length >= 32) return value;
    throw new Error(`secret file ${file} is damaged (too short); restore it from a backup`);
  }
  const value = randomBytes(bytes).toString("hex");
  // "wx": never overwrite a secret another process created a moment ago.
  try {
    writeFileSync(file, value + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  return value;
}
