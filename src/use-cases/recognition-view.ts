/**
 * What the workshop-recognition pages show (a read model): the workshops (帮扶车间, 卫星工厂)
 * the viewer may list, optionally of one status, and one workshop with its history of
 * decisions and whether the viewer may decide.
 */
import type { Db } from "../../db/client.ts";
import { employeeCounts, employerWithPlaceByCode, recognitionHistory, workshopsInScope } from "../../db/queries/recognitions.ts";
import type { RecognitionStatus } from "../core/enums.ts";
import { can, listScope, type Actor, type Resource } from "../core/policy.ts";
import { WORKSHOP_TYPES } from "../core/stats/figures.ts";

/**
 * Every workshop `actor` may list (the employers whose postings they may list: all, for bureau
 * staff), with the people working there at `today` (and of them the 帮扶对象).
 */
export function workshopsView(deps: { db: Db }, props: { actor: Actor; recognition?: RecognitionStatus | undefined; today: string }) {
  const rows = workshopsInScope(deps.db, listScope(props.actor, "posting"), { recognition: props.recognition });
  const counts = employeeCounts(deps.db, rows.map((r) => r.id), props.today);
  return rows.map((r) => ({ ...r, employees: counts.get(r.id) ?? { employed: 0, assisted: 0 } }));
}

/** A workshop by its code, with what decides who may read or decide on it; undefined for none (or not a workshop). */
export function workshopOf(deps: { db: Db }, code: string) {
  const employer = employerWithPlaceByCode(deps.db, code);
  if (!employer || !WORKSHOP_TYPES.includes(employer.type)) return undefined;
  const resource: Extract<Resource, { type: "employer" }> = { type: "employer", employerId: employer.id, townId: employer.townId };
  return { employer, resource };
}

/** The workshop's decisions, newest first, whether `actor` may record one, and who works there at `today`. */
export function recognitionPageView(deps: { db: Db }, props: { actor: Actor; workshop: NonNullable<ReturnType<typeof workshopOf>>; today: string }) {
  return {
    employees: employeeCounts(deps.db, [props.workshop.employer.id], props.today).get(props.workshop.employer.id) ?? { employed: 0, assisted: 0 },
    history: recognitionHistory(deps.db, props.workshop.employer.id),
    canDecide: can(props.actor, "update", props.workshop.resource),
  };
}
