/**
 * What "my account" shows (a read model): who I am, and an applicant's own applications with
 * the phone as the policy lets the viewer see it.
 */
import type { Db } from "../../db/client.ts";
import { accountSummary } from "../../db/queries/accounts.ts";
import { applicationById, applicationsOfUser, type ApplicationRow } from "../../db/queries/records.ts";
import { maskPhone } from "../core/id-number.ts";
import { canSeeFullPhone, type Actor, type Resource } from "../core/policy.ts";
import type { AccountPageProps } from "../../views/pages/accounts/account.tsx";
import type { MyApplication } from "../../views/pages/accounts/my-applications.tsx";

/** The signed-in user's account; throws when the user is gone (their session would be too). */
export function accountView(deps: { db: Db }, userId: number): AccountPageProps["account"] {
  const found = accountSummary(deps.db, userId);
  if (!found) throw new Error("signed-in user vanished");
  return found;
}

/** An application as `actor` sees it: the phone in full only if the policy agrees. */
function toMyApplication(actor: Actor, row: ApplicationRow): MyApplication {
  const full = canSeeFullPhone(actor, applicationResource(row));
  return {
    id: row.id,
    postingCode: row.postingCode,
    postingTitle: row.postingTitle,
    employerName: row.employerName,
    status: row.status,
    createdAt: row.createdAt,
    phone: full ? row.applicantPhone : maskPhone(row.applicantPhone),
    note: row.note,
  };
}

function applicationResource(row: ApplicationRow): Extract<Resource, { type: "application" }> {
  return { type: "application", employerId: row.employerId, applicantUserId: row.applicantUserId, workerTownId: row.workerTownId };
}

/** The applications the signed-in seeker made, newest first. */
export function myApplicationsView(deps: { db: Db }, actor: Actor & { kind: "user" }): MyApplication[] {
  return applicationsOfUser(deps.db, actor.userId).map((r) => toMyApplication(actor, r));
}

/**
 * One application with what decides who may read it (`resource`, for the route's policy check);
 * undefined when there is none.
 */
export function applicationView(deps: { db: Db }, props: { id: number; actor: Actor }): { resource: Extract<Resource, { type: "application" }>; application: MyApplication } | undefined {
  const row = applicationById(deps.db, props.id);
  return row ? { resource: applicationResource(row), application: toMyApplication(props.actor, row) } : undefined;
}
