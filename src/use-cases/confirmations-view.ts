/**
 * What the bureau's confirmation worklist shows (a read model): placements and pending hires
 * waiting for confirmation in the actor's scope (a town cadre: their town — a placement by the
 * worker's own town, a pending hire by the employer's), each with why it waits, the candidates
 * to match a person to, the unlinked applications whose phone a registry worker holds, and the
 * count for the bureau home. Each record comes with the resource the route's policy check needs.
 */
import type { Db } from "../../db/client.ts";
import {
  applicationToLink,
  confirmationCount,
  matchCandidate,
  pendingHiresToConfirm,
  pendingHireToConfirm,
  placementsToConfirm,
  placementToConfirm,
  unlinkedApplicationsWithRegistryPhone,
  workersWithPhone,
} from "../../db/queries/confirmations.ts";
import { chinaDateOf } from "../core/china-time.ts";
import { parseConfirmationReasons, type ConfirmationReason } from "../core/hire-rules.ts";
import { maskPhone } from "../core/id-number.ts";
import { listScope, type Actor, type Resource } from "../core/policy.ts";
import type { RegistryQuery } from "../core/registry-query.ts";
import type { PersonalDataProtector } from "../security/personal-data.ts";
import { workersView } from "./registry-view.ts";

/** The town a list is held to: null for the county's staff, -1 (nothing) for an actor without one. */
function townOf(actor: Actor): number | null {
  const scope = listScope(actor, "placement");
  return scope.kind === "all" ? null : scope.kind === "town" ? scope.townId : -1;
}

const reasonsOfPlacement = (text: string | null): ConfirmationReason[] => parseConfirmationReasons(text ?? "identity");
const reasonsOfPending = (text: string | null): ConfirmationReason[] => ["identity", ...parseConfirmationReasons(text).filter((r) => r !== "identity")];
const dateOf = chinaDateOf;

export interface ConfirmationItem {
  kind: "placement" | "pending";
  id: number;
  name: string;
  /** The registry worker (a placement) or the applicant's village (a pending hire). */
  detail: string;
  town: string;
  employerName: string;
  postingCode: string | null;
  startDate: string;
  endDate: string | null;
  monthlyIncome: number | null;
  recordedOn: string;
  reasons: ConfirmationReason[];
}

/** The worklist: pending hires and placements waiting for confirmation, oldest first, and the count. */
export function confirmationsView(deps: { db: Db }, props: { actor: Actor }) {
  const town = townOf(props.actor);
  const pending: ConfirmationItem[] = pendingHiresToConfirm(deps.db, town).map((p) => ({
    kind: "pending",
    id: p.id,
    name: p.name,
    detail: [maskPhone(p.phone), p.applicantVillage].filter(Boolean).join(" · "),
    town: p.town,
    employerName: p.employerName,
    postingCode: p.postingCode,
    startDate: p.startDate,
    endDate: p.endDate,
    monthlyIncome: p.monthlyIncome,
    recordedOn: dateOf(p.createdAt),
    reasons: reasonsOfPending(p.confirmationReason),
  }));
  const placements: ConfirmationItem[] = placementsToConfirm(deps.db, town).map((p) => ({
    kind: "placement",
    id: p.id,
    name: p.workerName,
    detail: `${p.idNumberMasked} · ${p.village}`,
    town: p.town,
    employerName: p.employerName ?? "",
    postingCode: p.postingCode,
    startDate: p.startDate,
    endDate: p.endDate,
    monthlyIncome: p.monthlyIncome,
    recordedOn: dateOf(p.createdAt),
    reasons: reasonsOfPlacement(p.confirmationReason),
  }));
  const unlinked = unlinkedApplicationsWithRegistryPhone(deps.db, town).map((a) => ({ ...a, appliedOn: dateOf(a.createdAt) }));
  return { pending, placements, unlinked, total: confirmationCount(deps.db, town) };
}

/** The bureau home's figure: how many lines wait for confirmation in the actor's scope. */
export function confirmationCountView(deps: { db: Db }, props: { actor: Actor }): number {
  return confirmationCount(deps.db, townOf(props.actor));
}

type Candidates = ReturnType<typeof workersView>["rows"];

function candidatesOf(deps: { db: Db; protector: PersonalDataProtector }, actor: Actor, phone: string | null, query: RegistryQuery | undefined): { samePhone: Candidates; found: Candidates } {
  const town = townOf(actor);
  const samePhone = phone ? workersWithPhone(deps.db, phone, town).map((w) => ({ ...w, phone: maskPhone(phone) })) : [];
  const found = query ? workersView(deps, { actor, query, page: { limit: 20, offset: 0 } }).rows : [];
  return { samePhone, found };
}

/** One placement waiting for confirmation, with candidates when the bureau searches; undefined when none waits. */
export function placementConfirmationView(deps: { db: Db; protector: PersonalDataProtector }, props: { id: number; actor: Actor; query?: RegistryQuery }) {
  const p = placementToConfirm(deps.db, props.id);
  if (!p) return undefined;
  const resource: Extract<Resource, { type: "placement" }> = { type: "placement", employerId: p.employerId, townId: p.townId };
  return {
    resource,
    placement: { ...p, recordedOn: dateOf(p.createdAt), reasons: reasonsOfPlacement(p.confirmationReason) },
    candidates: props.query ? candidatesOf(deps, props.actor, null, props.query).found : [],
  };
}

/** One pending hire waiting to be matched, with the registry workers of its phone and search results. */
export function pendingConfirmationView(deps: { db: Db; protector: PersonalDataProtector }, props: { id: number; actor: Actor; query?: RegistryQuery }) {
  const p = pendingHireToConfirm(deps.db, props.id);
  if (!p) return undefined;
  const resource: Extract<Resource, { type: "placement" }> = { type: "placement", employerId: p.employerId, townId: p.townId };
  return {
    resource,
    // Staff who may act on the record call the person to check: the phone in full.
    pending: { ...p, recordedOn: dateOf(p.createdAt), reasons: reasonsOfPending(p.confirmationReason) },
    candidates: candidatesOf(deps, props.actor, p.phone, props.query),
  };
}

/** An application to link to a registry worker, with the candidates; undefined when there is none. */
export function applicationLinkView(deps: { db: Db; protector: PersonalDataProtector }, props: { id: number; actor: Actor; query?: RegistryQuery }) {
  const a = applicationToLink(deps.db, props.id);
  if (!a) return undefined;
  // The bureau reads an application of a posting of its scope's employers.
  const resource: Extract<Resource, { type: "placement" }> = { type: "placement", employerId: null, townId: a.townId };
  return { resource, application: { ...a, appliedOn: dateOf(a.createdAt) }, candidates: candidatesOf(deps, props.actor, a.applicantPhone, props.query) };
}

/** A registry worker to match to, with the resource whose update the policy must allow. */
export function matchCandidateOf(deps: { db: Db }, workerId: number): { resource: Extract<Resource, { type: "worker" }> } | undefined {
  const w = matchCandidate(deps.db, workerId);
  return w ? { resource: { type: "worker", townId: w.townId } } : undefined;
}
