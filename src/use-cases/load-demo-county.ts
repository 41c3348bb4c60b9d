/**
 * Loads the demo county into an empty database, once: registry, employers, postings,
 * applications and placements, the risk alerts its households call for, plus the outbox rows that
 * put the postings into search — all in one transaction, so a start interrupted half-way leaves an
 * empty database to try again.
 */
import type { Db } from "../../db/client.ts";
import { loadCounty, type CountyLoadCounts } from "../../db/load-county.ts";
import { getMeta, registryIsEmpty, setMeta } from "../../db/queries/meta.ts";
import { assistedHouseholdIds } from "../../db/queries/alerts.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { withStatementJournalsInMemory } from "../../db/statement-journals.ts";
import { DEMO_SEED, DEMO_WORKERS, generateCounty } from "../demo/county-generator.ts";
import { chinaDate } from "../core/china-time.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { recordChange } from "./audit-trail.ts";
import { raiseAlertsAfterPlacementChange } from "./risk-alerts.ts";
import { loadDemoSubsidies } from "./load-demo-subsidies.ts";
import { currentSettings } from "./settings.ts";

export const DEMO_LOADED_KEY = "demo_loaded_at";

export type DemoLoadResult = { loaded: false; reason: "already-loaded" | "not-empty" } | { loaded: true; counts: CountyLoadCounts };

/** @param now the moment of the first start: the demo's dates are laid around its day in China, so the county looks alive whatever day that is. */
export function loadDemoCountyIfEmpty(deps: { db: Db; protector: PersonalDataProtector }, now: Date, options: { subsidies?: boolean } = {}): DemoLoadResult {
  const today = chinaDate(now);
  if (getMeta(deps.db, DEMO_LOADED_KEY)) return { loaded: false, reason: "already-loaded" };
  if (!registryIsEmpty(deps.db)) return { loaded: false, reason: "not-empty" };
  const county = generateCounty({ seed: DEMO_SEED, workers: DEMO_WORKERS, today });
  // One large transaction of bulk writes: statement journals in memory (db/statement-journals.ts).
  return withStatementJournalsInMemory(deps.db, () => deps.db.transaction((tx) => {
    // loadCounty writes through the same connection, so it is inside this transaction.
    const { postingIds, ...counts } = loadCounty(deps.db, county, { protector: deps.protector, now });
    enqueueSearchUpdate(tx, "posting", postingIds);
    raiseAlertsAfterPlacementChange(tx, assistedHouseholdIds(tx, 0, Number.MAX_SAFE_INTEGER), today, { by: { label: "demo" } });
    // Subsidy policies and lines in their states (issue 12), on the same connection.
    if (options.subsidies !== false) loadDemoSubsidies(deps, { now, countyProvince: currentSettings(deps.db).countyProvince });
    setMeta(tx, DEMO_LOADED_KEY, now.toISOString());
    recordChange(tx, { label: "demo" }, { action: "create", entity: "county", entityId: county.countyName, after: counts });
    return { loaded: true as const, counts };
  }));
}
