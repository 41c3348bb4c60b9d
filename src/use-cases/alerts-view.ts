/**
 * What the risk-alert pages show (a read model): a page of the alerts in the viewer's scope
 * (filtered; overdue ones marked, the overdue filter drawing the same line), and one alert with
 * its household's members, the postings that suit the people it is about, the town's cadres to
 * assign it to, and its notes.
 */
import type { Db } from "../../db/client.ts";
import { applicationsOfWorkers } from "../../db/queries/records.ts";
import { maskPhone } from "../core/id-number.ts";
import { alertById, alertsInScope, assigneesOfTown, membersOfHousehold, notesOfAlert, riskHousehold, type AlertRow } from "../../db/queries/alerts.ts";
import { allTowns, townIdByName } from "../../db/queries/towns.ts";
import { jobSeekersOf } from "../core/alert-follow-up.ts";
import { isOverdue, overdueRaisedUntil, type AlertDetail, type AlertKind, type AlertStatus } from "../core/alerts.ts";
import { canApplyOnBehalf, canSeeFullPhone, listScope, type Actor, type Resource } from "../core/policy.ts";
import type { AlertListRow, AlertPageProps } from "../../views/pages/bureau/alerts.tsx";
import { currentSettings } from "./settings.ts";
import { householdRecommendations } from "./recommendations.ts";

/** Recommendations per member on an alert's page. */
const ALERT_RECOMMENDATIONS = 5;

const assignedLabel = (r: Pick<AlertRow, "assignedLogin" | "assignedName">) => (r.assignedLogin ? (r.assignedName ?? r.assignedLogin) : null);

export interface AlertsFilter {
  status?: AlertStatus | undefined;
  kind?: AlertKind | undefined;
  /** A town's name; only county-wide viewers narrow by town. */
  town?: string | undefined;
  overdue: boolean;
  /** Only the alerts assigned to the viewer. */
  mine?: boolean | undefined;
}

/**
 * A page of the alerts `actor` may list at `today`. `towns` are the towns to choose from (for
 * county-wide viewers; empty for a cadre, whose scope is their town), `town` the one applied,
 * `overdueDays` the county's setting the overdue marks and filter follow.
 */
export function alertsView(deps: { db: Db }, props: { actor: Actor; filter: AlertsFilter; today: string; page: { limit: number; offset: number } }) {
  const { filter, today } = props;
  const scope = listScope(props.actor, "alert");
  // The county sets after how many days an alert nobody acted on is overdue (settings page).
  const overdueDays = currentSettings(deps.db).alertOverdueDays;
  const towns = scope.kind === "all" ? allTowns(deps.db).map((t) => t.name) : [];
  const town = towns.length > 0 ? filter.town : undefined;
  const townId = scope.kind === "all" && filter.town ? (townIdByName(deps.db, filter.town) ?? -1) : undefined;
  const { rows, hasMore } = alertsInScope(
    deps.db,
    scope,
    {
      status: filter.status,
      kind: filter.kind,
      townId,
      unactedSince: filter.overdue ? overdueRaisedUntil(today, overdueDays) : undefined,
      // A token has no assignments: "mine" finds nothing for it.
      assignedUserId: filter.mine ? (props.actor.kind === "user" ? props.actor.userId : -1) : undefined,
    },
    props.page,
  );
  const list: AlertListRow[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    town: r.town,
    householdCode: r.householdCode,
    village: r.village,
    raisedDate: r.raisedDate,
    assigned: assignedLabel(r),
    overdue: isOverdue(r, today, overdueDays),
  }));
  return { rows: list, hasMore, towns, town, overdueDays };
}

/** One alert with what decides who may read or act on it (`resource`); undefined when there is none. */
export function alertOf(deps: { db: Db }, id: number): { alert: AlertRow; resource: Extract<Resource, { type: "alert" }> } | undefined {
  const alert = alertById(deps.db, id);
  return alert ? { alert, resource: { type: "alert", townId: alert.townId } } : undefined;
}

/**
 * Everything the alert's page shows at `today` to `actor`, apart from a refused form: members'
 * phones in full only where the policy lets `actor` see them, and their applications so far.
 */
export function alertPageView(deps: { db: Db }, props: { alert: AlertRow; today: string; actor: Actor }): Omit<AlertPageProps, "refused"> {
  const { alert, today } = props;
  const fullPhone = canSeeFullPhone(props.actor, { type: "worker", townId: alert.townId });
  const members = membersOfHousehold(deps.db, alert.householdId).map((w) => ({ ...w, phone: w.phone && !fullPhone ? maskPhone(w.phone) : w.phone }));
  const household = riskHousehold(deps.db, alert.householdId)!;
  const detail = alert.detail as AlertDetail;
  const seekers = jobSeekersOf(detail, household.members);
  const overdueDays = currentSettings(deps.db).alertOverdueDays;
  const suggestions = householdRecommendations(deps, { householdId: alert.householdId, memberIds: seekers.map((s) => s.id), today, limit: ALERT_RECOMMENDATIONS });
  return {
    alert: {
      id: alert.id,
      kind: alert.kind,
      status: alert.status,
      detail,
      town: alert.town,
      village: alert.village,
      householdCode: alert.householdCode,
      category: alert.category,
      raisedDate: alert.raisedDate,
      assignedUserId: alert.assignedUserId,
      assigned: assignedLabel(alert),
      closedDate: alert.closedDate,
      outcome: alert.outcome,
      outcomeNote: alert.outcomeNote,
      overdue: isOverdue(alert, today, overdueDays),
    },
    overdueDays,
    members,
    applications: applicationsOfWorkers(deps.db, members.map((w) => w.id)),
    suggestions,
    // Whoever may read an open alert (its town's cadres, county staff) may apply for its members
    // (代办); a closed alert is done with, and offers no 代办 (its suggestions stay to read).
    canApplyFor: alert.status === "open" && canApplyOnBehalf(props.actor, { townId: alert.townId }),
    cadres: assigneesOfTown(deps.db, alert.townId).map((u) => ({ id: u.id, label: u.displayName ?? u.login, county: u.role === "county" })),
    notes: notesOfAlert(deps.db, alert.id),
    today,
  };
}
