/**
 * `npm run user -- create --role <seeker|manager|town|county|admin> --login <phone or name>
 *  [--password <pw>] [--employer <code>] [--town <name>] [--name <display name>]`
 * Creates an account. Without --password a one-time password is generated and printed once;
 * it must be changed at first sign-in (the way to make the first admin of a fresh install).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { USER_ROLES } from "../src/core/enums.ts";
import { AccountInputError, createAccount } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { accountErrorMessage, dataDirFromEnv, EXIT_REFUSED, EXIT_USAGE, fail, openDataDirDatabase } from "./cli-support.ts";

export const CreateUserArgsSchema = z.object({
  role: z.enum(USER_ROLES, { message: `--role must be one of ${USER_ROLES.join(", ")}` }),
  login: z.string({ message: "--login is required" }).trim().min(1, "--login is required").max(50, "--login is at most 50 characters"),
  password: z.string().optional(),
  employer: z.string().trim().min(1).optional(),
  town: z.string().trim().min(1).optional(),
  name: z.string().trim().min(1).max(50).optional(),
});

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
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
  if (parsed.positionals[0] !== "create" || parsed.positionals.length !== 1) fail(messages.cli.userUsage, EXIT_USAGE);
  const args = CreateUserArgsSchema.safeParse(parsed.values);
  if (!args.success) fail(`${args.error.issues.map((i) => i.message).join("\n")}\n${messages.cli.userUsage}`, EXIT_USAGE);

  const db = openDataDirDatabase(dataDirFromEnv());
  try {
    const created = await createAccount(db, {
      role: args.data.role,
      login: args.data.login,
      password: args.data.password,
      employerCode: args.data.employer,
      townName: args.data.town,
      displayName: args.data.name,
      by: { label: "cli:user" },
    });
    process.stdout.write(messages.cli.userCreated(created.user.login, messages.accounts.roles[created.user.role] ?? created.user.role) + "\n");
    if (created.oneTimePassword) process.stdout.write(messages.cli.oneTimePassword(created.oneTimePassword) + "\n");
  } catch (error) {
    if (error instanceof AccountInputError) fail(accountErrorMessage(error), EXIT_REFUSED);
    throw error;
  } finally {
    db.$client.close();
  }
}

await main(process.argv.slice(2));
