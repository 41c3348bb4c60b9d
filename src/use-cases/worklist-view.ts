/**
 * A cadre's worklist for one town (走访清单): the households to visit — zero-employment ones,
 * those with an open risk alert — each with its members' best postings (the one matcher), and
 * the referral requests managers sent to the town. Printable for a day in the villages.
 */
import type { Db } from "../../db/client.ts";
import { alertsInScope } from "../../db/queries/alerts.ts";
import { openReferralRequestsOfTown } from "../../db/queries/candidates.ts";
import { householdIdsByCode } from "../../db/queries/recommend.ts";
import { allTowns } from "../../db/queries/towns.ts";
import { zeroEmploymentColumns } from "../core/stats/columns.ts";
import type { Statistics } from "./statistics.ts";
import { householdRecommendations, type WorkerRecommendations } from "./recommendations.ts";

/** Households on one worklist at most, and postings per member. */
export const WORKLIST_HOUSEHOLDS = 60;
export const WORKLIST_POSTINGS = 3;

export interface WorklistHousehold {
  code: string;
  village: string;
  zeroEmployment: boolean;
  alertIds: number[];
  members: WorkerRecommendations[];
}

export async function worklistView(deps: { db: Db; statistics: Statistics }, props: { townId: number; town: string; today: string }) {
  const { columns } = await deps.statistics.current();
  const zero = zeroEmploymentColumns(columns, { date: props.today, town: props.town }).households;
  const { rows: alerts } = alertsInScope(deps.db, { kind: "town", townId: props.townId }, { status: "open" }, { limit: WORKLIST_HOUSEHOLDS, offset: 0 });
  const byCode = new Map<string, { village: string; zeroEmployment: boolean; alertIds: number[] }>();
  for (const h of zero) byCode.set(h.code, { village: h.village, zeroEmployment: true, alertIds: [] });
  for (const a of alerts) {
    const entry = byCode.get(a.householdCode) ?? { village: a.village, zeroEmployment: false, alertIds: [] };
    entry.alertIds.push(a.id);
    byCode.set(a.householdCode, entry);
  }
  const codes = [...byCode.keys()].slice(0, WORKLIST_HOUSEHOLDS);
  const ids = householdIdsByCode(deps.db, codes);
  const households: WorklistHousehold[] = codes.map((code) => ({
    code,
    ...byCode.get(code)!,
    // Only the members work is recommended to (willing, able).
    members: householdRecommendations(deps, { householdId: ids.get(code)!, today: props.today, limit: WORKLIST_POSTINGS }).filter((r) => r.answer.blocked === null),
  }));
  return { households, more: byCode.size > codes.length, referrals: openReferralRequestsOfTown(deps.db, props.townId) };
}

/** The towns a county-wide viewer may pick a worklist for, by name. */
export function worklistTowns(deps: { db: Db }): { id: number; name: string }[] {
  return allTowns(deps.db);
}
