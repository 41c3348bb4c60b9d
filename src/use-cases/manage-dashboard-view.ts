/**
 * What the manager's overview and profile pages show (a read model): their employer's profile
 * (with the villages of its town to choose from) and the overview's figures.
 */
import type { Db } from "../../db/client.ts";
import { dashboardCounts, employerProfile } from "../../db/queries/workshop.ts";

/** "New applicants" on the overview: the last seven days. */
export const NEW_APPLICANT_DAYS = 7;

export type EmployerProfileView = NonNullable<ReturnType<typeof employerProfile>>;

/** The manager's employer with its town, core factory and the town's villages; throws when gone. */
export function employerProfileView(deps: { db: Db }, employerId: number): EmployerProfileView {
  const profile = employerProfile(deps.db, employerId);
  if (!profile) throw new Error("manager's employer vanished");
  return profile;
}

/** The overview's figures at `today`: open postings, applicants of the last NEW_APPLICANT_DAYS days, who works now. */
export function dashboardView(deps: { db: Db }, props: { employerId: number; today: string; now: Date }) {
  const { now } = props;
  const since = new Date(now.getTime() - NEW_APPLICANT_DAYS * 86_400_000).toISOString();
  return dashboardCounts(deps.db, props.employerId, props.today, since);
}
