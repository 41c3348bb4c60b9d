/**
 * A manager keeps their employer's profile: address, village (whose centre gives the point,
 * unless refined), contact. Name, type and recognition are the bureau's. The change reaches the
 * search index through the outbox (entity employer: every posting of it is re-read).
 */
import type { Db } from "../../db/client.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { updateEmployer } from "../../db/queries/postings.ts";
import { employerProfile } from "../../db/queries/workshop.ts";
import type { EmployerProfileInput } from "../core/posting-rules.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";

export type ProfileResult = { ok: true } | { ok: false; field: "villageId" };

export function employerProfileEditor(deps: { db: Db }, props: { employerId: number; input: EmployerProfileInput; by: ChangeAuthor; now: Date }): ProfileResult {
  const now = props.now;
  return deps.db.transaction((tx): ProfileResult => {
    const profile = employerProfile(tx, props.employerId);
    if (!profile) throw new Error("employer vanished");
    const village = props.input.villageId === null ? null : profile.villages.find((v) => v.id === props.input.villageId);
    if (village === undefined) return { ok: false, field: "villageId" };
    const after = updateEmployer(tx, props.employerId, { ...props.input }, now);
    recordChange(tx, props.by, { action: "update", entity: "employer", entityId: after.id, before: profile.employer, after });
    enqueueSearchUpdate(tx, "employer", [after.id]);
    return { ok: true };
  });
}
