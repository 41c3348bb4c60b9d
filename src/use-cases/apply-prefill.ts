/**
 * What the application form (报名) starts with, so that a seeker does not type what the platform
 * already knows: a signed-in seeker's name and phone from their account (the display name; the
 * login when it is a mobile number), their village from the registry when the registry holds
 * exactly that person (name AND phone, the applicant-linking rule), else the village of their
 * last application; and for anyone, the village chosen in the search. Everything stays editable.
 */
import type { Db } from "../../db/client.ts";
import { userById } from "../../db/queries/accounts.ts";
import { lastVillageOfApplicant, villageNameOfWorker } from "../../db/queries/application-receipts.ts";
import { workersByPhone } from "../../db/queries/applications.ts";
import { linkedWorkerId } from "../core/applicant-link.ts";
import { parsePhone } from "../core/phone.ts";

export interface ApplyPrefill {
  values: { name?: string; phone?: string; village?: string };
  /** Where the values came from, for the note above the form. */
  source: "account" | "search" | "none";
}

export interface ApplyPrefillProps {
  /** The signed-in seeker applying for themself (applicantAccountOf), if any. */
  seekerUserId: number | null;
  /** The village the search named (its origin), if any. */
  searchVillage?: string | undefined;
}

/** @example applyPrefill({ db }, { seekerUserId: 12, searchVillage: "西街村" }) */
export function applyPrefill(deps: { db: Db }, props: ApplyPrefillProps): ApplyPrefill {
  const user = props.seekerUserId === null ? undefined : userById(deps.db, props.seekerUserId);
  if (!user) {
    return props.searchVillage ? { values: { village: props.searchVillage }, source: "search" } : { values: {}, source: "none" };
  }
  const phone = parsePhone(user.login, "mobile");
  const name = user.displayName?.trim() || (phone === undefined ? user.login : undefined);
  const workerId = name && phone ? linkedWorkerId(name, workersByPhone(deps.db, phone)) : null;
  const village = (workerId === null ? undefined : villageNameOfWorker(deps.db, workerId)) ?? lastVillageOfApplicant(deps.db, user.id) ?? props.searchVillage;
  return {
    values: { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(village ? { village } : {}) },
    source: "account",
  };
}
