/**
 * What the account, token and backup commands share: the DATA_DIR from the environment, the
 * database, and a way to stop with a message and an exit code.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openDatabase, type Db } from "../db/client.ts";
import { parseEnvOrReport } from "../src/env.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { messages } from "../views/messages.ts";
import { AccountInputError } from "../src/use-cases/accounts.ts";
import { MIN_PASSWORD_LENGTH, MIN_STAFF_PASSWORD_LENGTH } from "../src/core/account-rules.ts";

/** Exit codes: 0 done, 1 refused (unknown employer, login taken, server running…), 2 bad usage. */
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

export function fail(message: string, code: number): never {
  process.stderr.write(message + "\n");
  process.exit(code);
}

export function dataDirFromEnv(): string {
  const env = parseEnvOrReport(process.env);
  if (!env) process.exit(EXIT_USAGE);
  return env.dataDir;
}

export function openDataDirDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  return openDatabase({ file: join(dataDir, DATABASE_FILE) });
}

/** The Chinese (and English) message for a refused account or token request. */
export function accountErrorMessage(error: AccountInputError): string {
  const m = messages.cli;
  const a = messages.accounts;
  switch (error.problem) {
    case "unknownEmployer":
      return m.unknownEmployer(error.value);
    case "unknownTown":
      return m.unknownTown(error.value);
    case "loginTaken":
      return m.loginTaken(error.value);
    case "employerRequired":
      return m.employerRequired;
    case "employerOnlyForManager":
      return m.employerOnlyForManager;
    case "townRequired":
      return m.townRequired;
    case "townOnlyForTown":
      return m.townOnlyForTown;
    case "tooShort":
      return `${messages.passwords.tooShortAny(MIN_PASSWORD_LENGTH, MIN_STAFF_PASSWORD_LENGTH)} (password must be at least ${MIN_PASSWORD_LENGTH} characters, ${MIN_STAFF_PASSWORD_LENGTH} for staff)`;
    case "common":
      return `${messages.passwords.common} (a common password)`;
    case "onlyDigits":
      return `${messages.passwords.onlyDigits} (staff passwords must not be digits only)`;
    case "tooLong":
      return a.passwordTooLong;
    case "sameAsLogin":
      return a.passwordSameAsLogin;
    case "unknownLogin":
      return m.unknownLogin(error.value);
    case "unknownToken":
      return m.unknownToken(Number(error.value));
  }
}
