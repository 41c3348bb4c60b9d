/**
 * Read models over the subsidy ledger for other departments and the figures: the API's page of
 * lines (a whole ID number is looked up by its keyed hash), the sums by policy, town or period
 * with what is still unconfirmed, and the lines behind one number. No writes.
 */
import type { Db } from "../../db/client.ts";
import { policyCodes } from "../../db/queries/subsidies.ts";
import {
  apiLines,
  figureLines,
  pendingHireCount,
  subsidyFigures,
  unconfirmedPlacementsByTown,
  type FigureBreakdown,
  type FigureMeasure,
} from "../../db/queries/subsidy-figures.ts";
import type { SubsidyLineStatus } from "../core/subsidies/ledger.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";

export function subsidyLinesForApi(
  deps: { db: Db; protector: PersonalDataProtector },
  props: { filter: { policyCode?: string | undefined; period?: string | undefined; status?: SubsidyLineStatus | undefined; idNumber?: string | undefined }; limit: number; offset: number },
) {
  const { idNumber, ...rest } = props.filter;
  const filter = { ...rest, idNumberHash: idNumber === undefined ? undefined : deps.protector.hashIdNumber(idNumber) };
  return apiLines(deps.db, filter, { limit: props.limit, offset: props.offset });
}

/** The figures page: rows by `by` (of one policy when its code is known), the policies to choose from, and what is not confirmed yet. */
export function subsidyFiguresView(deps: { db: Db }, props: { by: FigureBreakdown; policyCode: string | undefined }) {
  const policies = policyCodes(deps.db);
  const unknownPolicy = props.policyCode !== undefined && !policies.some((p) => p.code === props.policyCode);
  const rows = subsidyFigures(deps.db, props.by, unknownPolicy ? undefined : props.policyCode);
  const unconfirmed = unconfirmedPlacementsByTown(deps.db);
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
