/**
 * Read models over the subsidy ledger for other departments and the figures: the API's page of
 * lines (a whole ID number is looked up by its keyed hash), the sums by policy, town or period
 * with what is still unconfirmed, and the lines behind one number. No writes.
 */
import type { Db } from "../../db/client.ts";
import { policyCodes } from "../../db/queries/subsidies.ts";
import { registryVersion } from "../../db/queries/stats-snapshot.ts";
import {
  apiLines,
  figureLines,
  pendingHireCount,
  subsidyFigures,
  subsidyLedgerVersion,
  unconfirmedPlacementsByTown,
  type FigureBreakdown,
  type FigureMeasure,
} from "../../db/queries/subsidy-figures.ts";
import type { SubsidyLineStatus } from "../core/subsidies/ledger.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";

/** What no compute counts yet (placements awaiting confirmation, pending hires), for a compute's result. */
export function unconfirmedWork(deps: { db: Db }): { placements: number; pendingHires: number } {
  return { placements: unconfirmedPlacementsByTown(deps.db).reduce((n, r) => n + r.placements, 0), pendingHires: pendingHireCount(deps.db) };
}

export function subsidyLinesForApi(
  deps: { db: Db; protector: PersonalDataProtector },
  props: { filter: { policyCode?: string | undefined; period?: string | undefined; status?: SubsidyLineStatus | undefined; idNumber?: string | undefined }; limit: number; offset: number },
) {
  const { idNumber, ...rest } = props.filter;
  const filter = { ...rest, idNumberHash: idNumber === undefined ? undefined : deps.protector.hashIdNumber(idNumber) };
  return apiLines(deps.db, filter, { limit: props.limit, offset: props.offset });
}

/**
 * Figures summed once per version of the ledger and the registry (docs/decisions/2026-12-02-subsidy-figures-cache.md):
 * both versions are bumped by triggers on every change the sums read, so a cached sum is exact
 * until the next change, whichever process makes it. Per database; only the current versions kept.
 */
const figureCache = new WeakMap<Db, { version: string; entries: Map<string, unknown> }>();

function cached<T>(db: Db, key: string, compute: () => T): T {
  const version = `${subsidyLedgerVersion(db)}/${registryVersion(db)}`;
  let cache = figureCache.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() };
    figureCache.set(db, cache);
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = compute();
  cache.entries.set(key, value);
  return value;
}

/** The figures page: rows by `by` (of one policy when its code is known), the policies to choose from, and what is not confirmed yet. */
export function subsidyFiguresView(deps: { db: Db }, props: { by: FigureBreakdown; policyCode: string | undefined }) {
  const policies = policyCodes(deps.db);
  const unknownPolicy = props.policyCode !== undefined && !policies.some((p) => p.code === props.policyCode);
  const policyCode = unknownPolicy ? undefined : props.policyCode;
  const rows = cached(deps.db, `figures/${props.by}/${policyCode ?? ""}`, () => subsidyFigures(deps.db, props.by, policyCode));
  const unconfirmed = cached(deps.db, "unconfirmed", () => unconfirmedPlacementsByTown(deps.db));
  return {
    rows,
    policies,
    unknownPolicy,
    unconfirmed: { placements: unconfirmed.reduce((n, r) => n + r.placements, 0), byTown: unconfirmed, pendingHires: pendingHireCount(deps.db) },
  };
}

export const subsidyFigurePeople = (
  deps: { db: Db },
  props: { by: FigureBreakdown; key: string | undefined; measure: FigureMeasure; policyCode: string | undefined; limit: number; offset: number },
) => figureLines(deps.db, props);
