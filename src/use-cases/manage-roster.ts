/**
 * A manager's roster (在岗名单): add someone hired at the gate, record a departure (end date and
 * reason), correct a line. Placements keep their history: the previous version goes to
 * placement_revisions before the row changes. All in one transaction with the audit row, and
 * the outbox row of the posting the person was hired from (its openings change).
 */
import type { Db } from "../../db/client.ts";
import { pendingHireById, placementRecordById, revisePlacement, updatePendingHire } from "../../db/queries/workshop.ts";
import { chinaDate } from "../core/china-time.ts";
import { confirmationReasonText, startConfirmationReasons, type CorrectionInput, type DepartureInput, type GateHireInput } from "../core/hire-rules.ts";
import { placementEndProblem, startCorrectionProblem, type PlacementEndProblem } from "../core/placement-end.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";
import type { SearchPoke } from "./search-poke.ts";
import { hireOntoRoster, refreshPostingAfterHire } from "./manage-applicants.ts";
import { alertDateAfterEnd, householdsOfWorkers, raiseAlertsAfterPlacementChange } from "./risk-alerts.ts";

export type RosterLineRef = { kind: "placement" | "pending"; id: number };

/** Whose roster line is this? (employerId, start date; undefined when there is none). */
export function rosterLineOwner(deps: { db: Db }, ref: RosterLineRef): { employerId: number; startDate: string; endDate: string | null } | undefined {
  const row = ref.kind === "placement" ? placementRecordById(deps.db, ref.id) : pendingHireById(deps.db, ref.id);
  if (!row || row.employerId === null) return undefined;
  // A matched pending hire lives on as its placement; a refused or withdrawn one is on no roster.
  if (ref.kind === "pending" && ((row as { placementId: number | null }).placementId !== null || (row as { closedAs: string | null }).closedAs !== null)) return undefined;
  return { employerId: row.employerId, startDate: row.startDate, endDate: row.endDate };
}

/** Adds someone hired at the gate; null when that registry worker is already on the roster. */
export function rosterAdder(deps: { db: Db }, props: { employerId: number; input: GateHireInput; by: ChangeAuthor; now: Date }): RosterLineRef | null {
  const now = props.now;
  return deps.db.transaction((tx) =>
    hireOntoRoster(tx, {
      employerId: props.employerId,
      postingId: null,
      applicationId: null,
      workerId: null,
      name: props.input.name,
      phone: props.input.phone,
      hire: { startDate: props.input.startDate, monthlyIncome: props.input.monthlyIncome },
      by: props.by,
      today: chinaDate(now),
      now,
    }),
  );
}

/** A departure or correction, or why it was refused (the line changed in the meantime). */
export type RosterChangeResult = { ok: true } | { ok: false; problem: PlacementEndProblem | "afterEnd" };

function change(
  deps: { db: Db } & SearchPoke,
  ref: RosterLineRef,
  values: { startDate?: string; endDate?: string; endReason?: string; monthlyIncome?: number },
  reason: string,
  by: ChangeAuthor,
  now: Date,
  problemOf: (line: { startDate: string; endDate: string | null }) => PlacementEndProblem | "afterEnd" | undefined,
): RosterChangeResult {
  const result = deps.db.transaction((tx): RosterChangeResult => {
    if (ref.kind === "placement") {
      const before = placementRecordById(tx, ref.id);
      if (!before) return { ok: true };
      const problem = problemOf(before);
      if (problem) return { ok: false, problem };
      // A start moved far back would rewrite past figures: it waits for the bureau again.
      const reasons = values.startDate !== undefined && values.startDate !== before.startDate ? startConfirmationReasons({ startDate: values.startDate, today: chinaDate(now) }) : [];
      const flagged = reasons.length > 0 ? { needsConfirmation: true, confirmationReason: confirmationReasonText(reasons) } : {};
      const after = revisePlacement(tx, before, { ...values, ...flagged }, { reason, byUserId: "userId" in by ? by.userId : null }, now);
      recordChange(tx, by, { action: "update", entity: "placement", entityId: after.id, before, after: { ...after, reason } });
      if (after.postingId !== null) refreshPostingAfterHire(tx, after.postingId, by, now);
      // A departure may leave a 帮扶对象 household without work: the town is alerted at once.
      if (values.endDate !== undefined && after.endDate !== null) raiseAlertsAfterPlacementChange(tx, householdsOfWorkers(tx, [after.workerId]), alertDateAfterEnd(after.endDate, chinaDate(now)), { by });
    } else {
      const before = pendingHireById(tx, ref.id);
      if (!before) return { ok: true };
      const problem = problemOf(before);
      if (problem) return { ok: false, problem };
      const after = updatePendingHire(tx, ref.id, values, now);
      recordChange(tx, by, { action: "update", entity: "pending-hire", entityId: after.id, before: { ...before, phone: undefined }, after: { ...after, phone: undefined, reason } });
      if (after.postingId !== null) refreshPostingAfterHire(tx, after.postingId, by, now);
    }
    return { ok: true };
  });
  // A posting's openings (and status) may have changed.
  if (result.ok) deps.pokeSearch?.();
  return result;
}

/** Records that someone left: end date and reason (离职原因). */
export function departureRecorder(deps: { db: Db } & SearchPoke, props: { line: RosterLineRef; input: DepartureInput; by: ChangeAuthor; now: Date }): RosterChangeResult {
  return change(deps, props.line, { endDate: props.input.endDate, endReason: props.input.reason }, `离岗：${props.input.reason}`, props.by, props.now, (line) =>
    placementEndProblem(line, props.input.endDate),
  );
}

/** Corrects the start date or income of a line; the earlier version is kept. */
export function placementCorrector(deps: { db: Db } & SearchPoke, props: { line: RosterLineRef; input: CorrectionInput; by: ChangeAuthor; now: Date }): RosterChangeResult {
  return change(deps, props.line, { startDate: props.input.startDate, monthlyIncome: props.input.monthlyIncome }, props.input.note, props.by, props.now, (line) =>
    startCorrectionProblem(line, props.input.startDate),
  );
}
