/**
 * `npm run user -- create --role <seeker|manager|town|county|admin> --login <phone or name>
 *  [--password <pw>] [--employer <code>] [--town <name>] [--name <display name>]`
 * Creates an account. Without --password a one-time password is generated and printed once;
 * it must be changed at first sign-in (the way to make the first admin of a fresh install).
 * Also `reset-password --login <login> [--password <pw>]` (a forgotten password; same one-time
 * rule), `disable --login <login>` and `enable --login <login>`.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { USER_ROLES } from "../src/core/enums.ts";
import { AccountInputError, createAccount, resetPassword, setAccountDisabled } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { accountErrorMessage, dataDirFromEnv, EXIT_REFUSED, EXIT_USAGE, fail, openDataDirDatabase } from "./cli-support.ts";

const LoginSchema = z.string({ message: "--login is required" }).trim().min(1, "--login is required").max(50, "--login is at most 50 characters");

export const CreateUserArgsSchema = z.object({
  role: z.enum(USER_ROLES, { message: `--role must be one of ${USER_ROLES.join(", ")}` }),
  login: LoginSchema,
  password: z.string().optional(),
  employer: z.string().trim().min(1).optional(),
  town: z.string().trim().min(1).optional(),
  name: z.string().trim().min(1).max(50).optional(),
});
export const ResetPasswordArgsSchema = z.object({ login: LoginSchema, password: z.string().optional() });
export const LoginArgsSchema = z.object({ login: LoginSchema });

const COMMANDS = ["create", "reset-password", "disable", "enable"] as const;

function parsed<T>(schema: z.ZodType<T>, values: unknown): T {
  const result = schema.safeParse(values);
  if (!result.success) fail(`${result.error.issues.map((i) => i.message).join("\n")}\n${messages.cli.userUsage}`, EXIT_USAGE);
  return result.data;
}

async function main(argv: string[]): Promise<void> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        role: { type: "string" },
        login: { type: "string" },
        password: { type: "string" },
        employer: { type: "string" },
        town: { type: "string" },
        name: { type: "string" },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${messages.cli.userUsage}`, EXIT_USAGE);
  }
  const command = args.positionals[0] as (typeof COMMANDS)[number] | undefined;
  if (!command || !COMMANDS.includes(command) || args.positionals.length !== 1) fail(messages.cli.userUsage, EXIT_USAGE);
  const by = { label: "cli:user" };
  const out = (line: string) => process.stdout.write(line + "\n");

  const db = openDataDirDatabase(dataDirFromEnv());
  try {
    if (command === "create") {
      const a = parsed(CreateUserArgsSchema, args.values);
      const created = await createAccount(db, { role: a.role, login: a.login, password: a.password, employerCode: a.employer, townName: a.town, displayName: a.name, by });
      out(messages.cli.userCreated(created.user.login, messages.accounts.roles[created.user.role] ?? created.user.role));
      if (created.oneTimePassword) out(messages.cli.oneTimePassword(created.oneTimePassword));
    } else if (command === "reset-password") {
      const a = parsed(ResetPasswordArgsSchema, args.values);
      const result = await resetPassword(db, { login: a.login, password: a.password, by, now: new Date() });
      out(messages.cli.passwordReset(a.login.trim()));
      if (result.oneTimePassword) out(messages.cli.oneTimePassword(result.oneTimePassword));
    } else {
      const a = parsed(LoginArgsSchema, args.values);
      setAccountDisabled(db, { login: a.login, disabled: command === "disable", by, now: new Date() });
      out(command === "disable" ? messages.cli.userDisabled(a.login.trim()) : messages.cli.userEnabled(a.login.trim()));
    }
  } catch (error) {
    if (error instanceof AccountInputError) fail(accountErrorMessage(error), EXIT_REFUSED);
    throw error;
  } finally {
    db.$client.close();
  }
}

await main(process.argv.slice(2));
