/**
 * What the workshop-recognition pages show (a read model): the workshops (帮扶车间, 卫星工厂)
 * the viewer may list, optionally of one status, and one workshop with its history of
 * decisions and whether the viewer may decide.
 */
import type { Db } from "../../db/client.ts";
import { employerWithPlaceByCode, recognitionHistory, workshopsInScope } from "../../db/queries/recognitions.ts";
import type { RecognitionStatus } from "../core/enums.ts";
import { can, listScope, type Actor, type Resource } from "../core/policy.ts";
import { WORKSHOP_TYPES } from "../core/stats/figures.ts";

/** Every workshop `actor` may list (the employers whose postings they may list: all, for bureau staff). */
export function workshopsView(deps: { db: Db }, props: { actor: Actor; recognition?: RecognitionStatus | undefined }) {
  return workshopsInScope(deps.db, listScope(props.actor, "posting"), { recognition: props.recognition });
}

/** A workshop by its code, with what decides who may read or decide on it; undefined for none (or not a workshop). */
export function workshopOf(deps: { db: Db }, code: string) {
  const employer = employerWithPlaceByCode(deps.db, code);
  if (!employer || !WORKSHOP_TYPES.includes(employer.type)) return undefined;
  const resource: Extract<Resource, { type: "employer" }> = { type: "employer", employerId: employer.id, townId: employer.townId };
  return { employer, resource };
}

/** The workshop's decisions, newest first, and whether `actor` may record one. */
export function recognitionPageView(deps: { db: Db }, props: { actor: Actor; workshop: NonNullable<ReturnType<typeof workshopOf>> }) {
  return {
    history: recognitionHistory(deps.db, props.workshop.employer.id),
    canDecide: can(props.actor, "update", props.workshop.resource),
  };
}
