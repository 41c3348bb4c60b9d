/**
 * What the manager's roster pages show (a read model): the lines of the roster, one line with
 * its history of corrections, and the employer's name and town — phones as the policy lets the
 * viewer see them (in full while the person still works there), never an ID number.
 */
import type { Db } from "../../db/client.ts";
import { employerProfile, revisionsOfPlacement, rosterRows, type RosterRow } from "../../db/queries/workshop.ts";
import { refusedPendingHires } from "../../db/queries/pending-hire-closing.ts";
import { chinaDateOf } from "../core/china-time.ts";
import { parseConfirmationReasons, type ConfirmationReason } from "../core/hire-rules.ts";
import type { Actor, Resource } from "../core/policy.ts";
import type { RefusedHire, RosterEntry } from "../../views/pages/manage/roster.tsx";
import { rosterLineOwner, type RosterLineRef } from "./manage-roster.ts";
import { rosterPhone } from "./roster-export.ts";

/** Why a roster line waits for the bureau (empty once confirmed): a pending hire also waits for the person. */
export function confirmationReasonsOf(r: { kind: "placement" | "pending"; needsConfirmation: boolean; confirmationReason: string | null }): ConfirmationReason[] {
  if (r.kind === "pending") return ["identity", ...parseConfirmationReasons(r.confirmationReason).filter((x) => x !== "identity")];
  return r.needsConfirmation ? parseConfirmationReasons(r.confirmationReason ?? "identity") : [];
}

function toEntry(actor: Actor, employerId: number, r: RosterRow, today: string): RosterEntry {
  const phone = rosterPhone(actor, employerId, r, today);
  return {
    kind: r.kind,
    id: r.id,
    workerName: r.name,
    phone,
    callPhone: r.phone !== null && phone === r.phone ? r.phone : null,
    village: r.village,
    startDate: r.startDate,
    endDate: r.endDate,
    endReason: r.endReason,
    monthlyIncome: r.monthlyIncome,
    assisted: r.assisted,
    needsConfirmation: r.needsConfirmation,
    confirmationReasons: confirmationReasonsOf(r),
  };
}

/** The employer's name and town (the town stands in for a pending hire's own; -1 when gone). */
export function rosterEmployer(deps: { db: Db }, employerId: number): { name: string; townId: number } {
  const employer = employerProfile(deps.db, employerId)?.employer;
  return { name: employer?.name ?? "", townId: employer?.townId ?? -1 };
}

/** Every line of the employer's roster as `actor` sees it. */
export function rosterView(deps: { db: Db }, props: { employerId: number; actor: Actor; today: string }): RosterEntry[] {
  return rosterRows(deps.db, props.employerId, null, null).map((r) => toEntry(props.actor, props.employerId, r, props.today));
}

/** The employer's hires the bureau refused (不予录用), with the bureau's reason and the day, newest first. */
export function refusedHiresView(deps: { db: Db }, props: { employerId: number }): RefusedHire[] {
  return refusedPendingHires(deps.db, props.employerId).map((r) => ({
    id: r.id,
    name: r.name,
    startDate: r.startDate,
    postingCode: r.postingCode,
    reason: r.reason ?? "",
    refusedOn: r.closedAt ? chinaDateOf(r.closedAt) : "",
  }));
}

export interface RosterLineView {
  ref: RosterLineRef;
  owner: { employerId: number; startDate: string; endDate: string | null };
  /** What decides who may read or change the line (for the route's policy check). */
  resource: Extract<Resource, { type: "placement" }>;
  entry: RosterEntry;
  history: { at: string; reason: string; startDate: string; endDate: string | null; monthlyIncome: number | null }[];
}

/** One roster line with its earlier versions; undefined when there is none. */
export function rosterLineView(deps: { db: Db }, props: { ref: RosterLineRef; actor: Actor; today: string }): RosterLineView | undefined {
  const owner = rosterLineOwner(deps, props.ref);
  if (!owner) return undefined;
  const row = rosterRows(deps.db, owner.employerId, null, null).find((r) => r.kind === props.ref.kind && r.id === props.ref.id);
  if (!row) return undefined;
  const history =
    props.ref.kind === "placement"
      ? revisionsOfPlacement(deps.db, props.ref.id).map((r) => {
          const previous = r.previous as { startDate: string; endDate: string | null; monthlyIncome: number | null };
          return { at: chinaDateOf(r.createdAt), reason: r.reason ?? "", startDate: previous.startDate, endDate: previous.endDate, monthlyIncome: previous.monthlyIncome };
        })
      : [];
  return {
    ref: props.ref,
    owner,
    // A pending hire's own town is unknown until the bureau confirms them: the employer's stands in.
    resource: { type: "placement", employerId: owner.employerId, townId: row.townId ?? rosterEmployer(deps, owner.employerId).townId },
    entry: toEntry(props.actor, owner.employerId, row, props.today),
    history,
  };
}
