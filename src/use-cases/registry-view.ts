/**
 * What the registry's pages show to bureau staff (a read model): the workers list (searched by
 * name, village or a whole ID number, which is looked up by its hash), one worker with their
 * placements (the ID number and phone in full only where the policy says so), one household
 * with its members' placements, applications and risk alerts.
 */
import type { Db } from "../../db/client.ts";
import { alertsOfHousehold, applicationsOfWorkers, householdByCode, workerById, workersInScope } from "../../db/queries/records.ts";
import { placementsOfWorker } from "../../db/queries/worker-placements.ts";
import { applicationsOfWorker } from "../../db/queries/on-behalf.ts";
import { maskPhone } from "../core/id-number.ts";
import { can, canApplyOnBehalf, canSeeFullIdNumber, canSeeFullPhone, listScope, type Actor, type Resource } from "../core/policy.ts";
import type { RegistryQuery } from "../core/registry-query.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { householdRecommendations, workerRecommendations } from "./recommendations.ts";

/** A page of the workers `actor` may list that match `query`; masked phones for everyone. */
export function workersView(
  deps: { db: Db; protector: PersonalDataProtector },
  props: { actor: Actor; query: RegistryQuery; page: { limit: number; offset: number } },
) {
  const { query } = props;
  if (query.kind === "refused") return { rows: [], hasMore: false };
  const search =
    query.kind === "idNumber"
      ? { idNumberHash: deps.protector.hashIdNumber(query.idNumber) }
      : query.kind === "phone"
        ? { phone: query.phone }
        : query.kind === "text"
          ? { text: query.text, typed: query.typed }
          : undefined;
  const { rows, hasMore } = workersInScope(deps.db, listScope(props.actor, "worker"), props.page, search);
  return { rows: rows.map((r) => ({ ...r, phone: r.phone ? maskPhone(r.phone) : null })), hasMore };
}

/**
 * One worker as `actor` may see them, their placements, and whether `actor` may end one; with
 * `resource` for the route's policy check. Undefined when there is none.
 */
export function workerView(deps: { db: Db; protector: PersonalDataProtector }, props: { id: number; actor: Actor; today: string }) {
  const worker = workerById(deps.db, props.id);
  if (!worker) return undefined;
  const { actor } = props;
  const fullId = canSeeFullIdNumber(actor, worker);
  const { idNumberCipher, idNumberMasked, phone, ...rest } = worker;
  const resource: Extract<Resource, { type: "worker" }> = { type: "worker", townId: worker.townId };
  return {
    resource,
    worker: {
      ...rest,
      idNumber: fullId ? deps.protector.decrypt(idNumberCipher) : idNumberMasked,
      idNumberMasked: !fullId,
      phone: phone && !canSeeFullPhone(actor, resource) ? maskPhone(phone) : phone,
    },
    placements: placementsOfWorker(deps.db, worker.id),
    canEnd: can(actor, "update", resource),
    /** The one matcher's answer for this worker (岗位推荐). */
    recommendations: workerRecommendations(deps, { workerId: worker.id, today: props.today })!.answer,
    /** May the viewer apply on the worker's behalf (代办)? */
    canApplyFor: canApplyOnBehalf(actor, resource),
    /** Their applications, 代办 ones with the consent recorded. */
    applications: applicationsOfWorker(deps.db, worker.id),
  };
}

/**
 * A placement of a worker, with what decides who may end it (the worker's town and the
 * placement's employer, for the route's policy checks); undefined when either is not there.
 */
export function workerPlacement(deps: { db: Db }, props: { workerId: number; placementId: number }) {
  const worker = workerById(deps.db, props.workerId);
  if (!worker) return undefined;
  const placement = placementsOfWorker(deps.db, worker.id).find((p) => p.id === props.placementId);
  if (!placement) return undefined;
  return {
    workerId: worker.id,
    placementId: placement.id,
    worker: { type: "worker", townId: worker.townId } satisfies Resource,
    placement: { type: "placement", employerId: placement.employerId, townId: worker.townId } satisfies Resource,
  };
}

/** Recommendations per member on a household's page. */
const HOUSEHOLD_RECOMMENDATIONS = 5;

/** One household by its code with its members' placements, applications and alerts. */
export function householdView(deps: { db: Db }, code: string, props: { actor: Actor; today: string }) {
  const household = householdByCode(deps.db, code);
  if (!household) return undefined;
  const memberIds = household.members.map((m) => m.id);
  return {
    resource: { type: "household", townId: household.townId } satisfies Resource,
    household,
    placements: new Map(memberIds.map((id) => [id, placementsOfWorker(deps.db, id)])),
    applications: applicationsOfWorkers(deps.db, memberIds),
    alerts: alertsOfHousehold(deps.db, household.id),
    recommendations: householdRecommendations(deps, { householdId: household.id, today: props.today, limit: HOUSEHOLD_RECOMMENDATIONS }),
    canApplyFor: canApplyOnBehalf(props.actor, { townId: household.townId }),
  };
}
