/**
 * What the bureau's subsidy pages show (/bureau/subsidies): the policies to filter by and one line
 * with its whole trail (the list itself: subsidy-workflow-view.ts). A read model: no writes.
 */
import type { Db } from "../../db/client.ts";
import { lineDetail, policyCodes } from "../../db/queries/subsidies.ts";

export const subsidyPolicyChoices = (deps: { db: Db }) => policyCodes(deps.db);

export const subsidyLineTrail = (deps: { db: Db }, id: number) => lineDetail(deps.db, id);
