/**
 * Seeds a deterministic synthetic county of a given size into an empty database — the benchmark
 * tool behind `npm run seed`. Households are streamed and committed in batches, then every
 * posting is queued for the search index.
 */
import type { Db } from "../../db/client.ts";
import { loadCounty, type CountyLoadCounts } from "../../db/load-county.ts";
import { registryIsEmpty } from "../../db/queries/meta.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { startOfChinaDay } from "../core/china-time.ts";
import { generateCounty } from "../demo/county-generator.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { recordChange } from "./audit-trail.ts";

/** Households a transaction: big enough to be fast, small enough to keep the WAL small. */
export const SEED_HOUSEHOLDS_PER_TRANSACTION = 5_000;

export interface SeedCountyProps {
  db: Db;
  protector: PersonalDataProtector;
  /** About how many workers. */
  workers: number;
  seed: number;
  /** Reference date of the county's dates, YYYY-MM-DD. */
  today: string;
  onProgress?: (counts: CountyLoadCounts) => void;
}

export class RegistryNotEmptyError extends Error {
  override name = "RegistryNotEmptyError";
}

/** Writes the county; throws RegistryNotEmptyError when the database already holds a county. */
export function seedCounty(props: SeedCountyProps): CountyLoadCounts {
  const { db } = props;
  if (!registryIsEmpty(db)) throw new RegistryNotEmptyError("the database already holds a county");
  const county = generateCounty({ seed: props.seed, workers: props.workers, today: props.today });
  const { postingIds, ...counts } = loadCounty(db, county, {
    protector: props.protector,
    // A seeded county is the same file for the same seed and date: its employers date from that day.
    now: new Date(startOfChinaDay(props.today)),
    householdsPerTransaction: SEED_HOUSEHOLDS_PER_TRANSACTION,
    progressEvery: SEED_HOUSEHOLDS_PER_TRANSACTION,
    ...(props.onProgress ? { onProgress: props.onProgress } : {}),
  });
  db.transaction((tx) => {
    enqueueSearchUpdate(tx, "posting", postingIds);
    recordChange(tx, { label: "seed" }, {
      action: "create",
      entity: "county",
      entityId: county.countyName,
      after: { ...counts, seed: props.seed, today: props.today },
    });
  });
  return counts;
}
