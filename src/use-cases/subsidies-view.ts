/**
 * What the bureau's subsidy pages show (/bureau/subsidies): the policies to filter by, a page of
 * lines with their count and total, and one line with its whole trail. A read model: no writes.
 */
import type { Db } from "../../db/client.ts";
import { lineDetail, listLines, policyCodes } from "../../db/queries/subsidies.ts";

export type SubsidyLineFilter = Parameters<typeof listLines>[1];

export const subsidyPolicyChoices = (deps: { db: Db }) => policyCodes(deps.db);

export const subsidyLinesPage = (deps: { db: Db }, filter: SubsidyLineFilter, page: { limit: number; offset: number }) => listLines(deps.db, filter, page);

export const subsidyLineTrail = (deps: { db: Db }, id: number) => lineDetail(deps.db, id);
