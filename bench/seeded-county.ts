/**
 * A synthetic county seeded once and kept between benchmark runs: generating a million workers
 * takes about two minutes, so the database is cached in the system's temporary folder under a
 * name made of its size, seed and date. Delete the folder to seed afresh.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Db } from "../db/client.ts";
import { loadPersonalDataProtector, type PersonalDataProtector } from "../src/security/personal-data.ts";
import { seedCounty } from "../src/use-cases/seed-county.ts";

export interface SeededCounty {
  db: Db;
  dataDir: string;
  protector: PersonalDataProtector;
  /** Seconds spent seeding in this run (0 when the cache was used). */
  seedSeconds: number;
}

/** Opens (seeding first when absent) the cached county of `workers` workers. */
export function openSeededCounty(options: { workers: number; seed: number; today: string; progress(message: string): void }): SeededCounty {
  const dataDir = join(tmpdir(), "jybf-bench-cache", `county-${options.workers}-${options.seed}-${options.today}`);
  const ready = join(dataDir, "ready");
  let seedSeconds = 0;
  if (!existsSync(ready)) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const db = openDatabase({ file: join(dataDir, "app.db") });
    const started = performance.now();
    let last = 0;
    seedCounty({
      db,
      protector: loadPersonalDataProtector(dataDir),
      workers: options.workers,
      seed: options.seed,
      today: options.today,
      onProgress: (c) => {
        if (c.workers - last >= 100_000) {
          last = c.workers;
          options.progress(`seeding ${c.workers.toLocaleString("en")} / ${options.workers.toLocaleString("en")} workers`);
        }
      },
    });
    seedSeconds = (performance.now() - started) / 1000;
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.close();
    writeFileSync(ready, new Date().toISOString() + "\n");
  }
  return { db: openDatabase({ file: join(dataDir, "app.db") }), dataDir, protector: loadPersonalDataProtector(dataDir), seedSeconds };
}
