/**
 * `npm run seed -- --scale <workers> [--seed <n>] [--today YYYY-MM-DD] [--force]`
 * Generates the deterministic synthetic county of that size into DATA_DIR/app.db (benchmarks).
 * Refuses a database that already holds a county unless --force, which deletes the database file
 * first (secrets are kept). Exit codes: 0 done, 2 bad arguments or a database that is not empty.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "../db/client.ts";
import { DATABASE_FILE } from "../src/platform.ts";
import { loadPersonalDataProtector } from "../src/security/personal-data.ts";
import { RegistryNotEmptyError, seedCounty } from "../src/use-cases/seed-county.ts";
import { messages } from "../views/messages.ts";
import { createProgress, dataDirFromEnv } from "./cli.ts";

const t = messages.seed;

const SeedArgsSchema = z.object({
  scale: z.coerce.number({ message: t.badScale }).int(t.badScale).min(1, t.badScale).max(5_000_000, t.badScale),
  seed: z.coerce.number({ message: t.badSeed }).int(t.badSeed).min(0, t.badSeed).default(1),
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, t.badToday)
    .default(new Date().toISOString().slice(0, 10)),
  force: z.boolean().default(false),
});

function main(): number {
  const { values } = parseArgs({
    options: { scale: { type: "string" }, seed: { type: "string" }, today: { type: "string" }, force: { type: "boolean" } },
    strict: true,
  });
  const parsed = SeedArgsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) process.stderr.write(`--${issue.path.join(".")}: ${issue.message}\n`);
    process.stderr.write(t.usage + "\n");
    return 2;
  }
  const args = parsed.data;
  const dataDir = dataDirFromEnv();
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  if (args.force && existsSync(file)) {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    process.stderr.write(t.deleted(file) + "\n");
  }
  const db = openDatabase({ file });
  const progress = createProgress();
  const started = performance.now();
  try {
    const counts = seedCounty({
      db,
      protector: loadPersonalDataProtector(dataDir),
      workers: args.scale,
      seed: args.seed,
      today: args.today,
      onProgress: (c) => progress.update(t.progress(c.workers, args.scale, c.placements)),
    });
    progress.done();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(t.done(counts, seconds) + "\n");
    return 0;
  } catch (error) {
    progress.done();
    if (error instanceof RegistryNotEmptyError) {
      process.stderr.write(t.notEmpty(file) + "\n");
      return 2;
    }
    throw error;
  } finally {
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.close();
  }
}

process.exitCode = main();
