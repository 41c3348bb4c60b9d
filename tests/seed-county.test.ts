// `npm run seed` writes the deterministic synthetic county into an empty database, queues its
// postings for search, and refuses a database that already holds a county.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.ts";
import { createPersonalDataProtector } from "../src/security/personal-data.ts";
import { RegistryNotEmptyError, SEED_HOUSEHOLDS_PER_TRANSACTION, seedCounty } from "../src/use-cases/seed-county.ts";

const dir = mkdtempSync(join(tmpdir(), "jybf-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const protector = createPersonalDataProtector({ hashKey: Buffer.alloc(32, 5), encryptionKey: Buffer.alloc(32, 6) });

describe("seedCounty", () => {
  it("writes the same county for the same seed, size and date, in several transactions", () => {
    const snapshot = (name: string) => {
      const db = openDatabase({ file: join(dir, name) });
      const progress: number[] = [];
      const counts = seedCounty({ db, protector, workers: 12_000, seed: 7, today: "2026-11-23", onProgress: (c) => progress.push(c.households) });
      const rows = db.$client
        .prepare("SELECT h.code, h.category, w.name, w.birth_date, w.labour_ability FROM workers w JOIN households h ON h.id = w.household_id ORDER BY w.id")
        .all();
      const outbox = db.$client.prepare("SELECT count(*) AS n FROM search_outbox WHERE entity = 'posting'").get() as { n: number };
      db.$client.close();
      return { counts, rows, outbox: outbox.n, progress };
    };
    const first = snapshot("a.db");
    const second = snapshot("b.db");
    expect(first.counts.workers).toBeGreaterThanOrEqual(12_000);
    expect(first.rows).toHaveLength(first.counts.workers);
    expect(second.rows).toEqual(first.rows);
    expect(first.outbox).toBe(first.counts.postings);
    // Progress is reported once a committed batch of households.
    expect(first.progress[0]).toBe(SEED_HOUSEHOLDS_PER_TRANSACTION);
  });

  it("refuses a database that already holds a county, and leaves it as it was", () => {
    const db = openDatabase({ file: join(dir, "a.db") });
    try {
      const before = db.$client.prepare("SELECT count(*) AS n FROM workers").get();
      expect(() => seedCounty({ db, protector, workers: 100, seed: 1, today: "2026-11-23" })).toThrow(RegistryNotEmptyError);
      expect(db.$client.prepare("SELECT count(*) AS n FROM workers").get()).toEqual(before);
    } finally {
      db.$client.close();
    }
  });
});
