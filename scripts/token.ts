/**
 * `npm run token -- create --role <county|town|department> [--town <name>] --name <label>`
 * prints a new API token once (only its hash is stored);
 * `npm run token -- revoke --id <n>` refuses it from then on.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { API_TOKEN_ROLES } from "../src/core/enums.ts";
import { AccountInputError, createApiToken, revokeToken } from "../src/use-cases/accounts.ts";
import { messages } from "../views/messages.ts";
import { accountErrorMessage, dataDirFromEnv, EXIT_REFUSED, EXIT_USAGE, fail, openDataDirDatabase } from "./cli-support.ts";

export const CreateTokenArgsSchema = z.object({
  role: z.enum(API_TOKEN_ROLES, { message: `--role must be one of ${API_TOKEN_ROLES.join(", ")}` }),
  name: z.string({ message: "--name is required" }).trim().min(1, "--name is required").max(100),
  town: z.string().trim().min(1).optional(),
});
export const RevokeTokenArgsSchema = z.object({ id: z.coerce.number({ message: "--id must be a number" }).int().positive() });

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: "string" }, town: { type: "string" }, name: { type: "string" }, id: { type: "string" } } });
  } catch (error) {
    fail(`${(error as Error).message}\n${messages.cli.tokenUsage}`, EXIT_USAGE);
  }
  const command = parsed.positionals[0];
  if ((command !== "create" && command !== "revoke") || parsed.positionals.length !== 1) fail(messages.cli.tokenUsage, EXIT_USAGE);
  const schema = command === "create" ? CreateTokenArgsSchema : RevokeTokenArgsSchema;
  const args = schema.safeParse(parsed.values);
  if (!args.success) fail(`${args.error.issues.map((i) => i.message).join("\n")}\n${messages.cli.tokenUsage}`, EXIT_USAGE);

  const db = openDataDirDatabase(dataDirFromEnv());
  try {
    if (command === "create") {
      const a = args.data as z.infer<typeof CreateTokenArgsSchema>;
      const { token } = createApiToken(db, { role: a.role, name: a.name, townName: a.town, by: { label: "cli:token" } });
      process.stdout.write(messages.cli.tokenCreated(a.name) + "\n" + token + "\n");
    } else {
      const { id } = args.data as z.infer<typeof RevokeTokenArgsSchema>;
      revokeToken(db, { id, by: { label: "cli:token" }, now: new Date() });
      process.stdout.write(messages.cli.tokenRevoked(id) + "\n");
    }
  } catch (error) {
    if (error instanceof AccountInputError) fail(accountErrorMessage(error), EXIT_REFUSED);
    throw error;
  } finally {
    db.$client.close();
  }
}

main(process.argv.slice(2));
