/**
 * Adds an employer (用工主体) given as a spreadsheet row (src/core/county.ts) or changes it,
 * matched on its code; its postings go to the search index again through the outbox, in the same
 * transaction. Writes through the same row as the import and the demo loader
 * (db/queries/postings.ts).
 */
import type { Db } from "../../db/client.ts";
import { enqueueSearchUpdate, type OutboxEntity } from "../../db/queries/outbox.ts";
import { employerByCode, employerFieldsOf, insertEmployer, updateEmployer } from "../../db/queries/postings.ts";
import { townIdByName, villageIdByName } from "../../db/queries/regions.ts";
import type { CountyEmployer } from "../core/county.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";

export class RegistryReferenceError extends Error {
  override name = "RegistryReferenceError";
}

export interface SaveEmployerProps {
  /** The `employers` spreadsheet's columns (docs/contract.md). */
  employer: CountyEmployer;
  by: ChangeAuthor;
  now: Date;
}

export function saveEmployer(deps: { db: Db }, props: SaveEmployerProps): { employerId: number; created: boolean } {
  const { now } = props;
  const e = props.employer;
  return deps.db.transaction((tx) => {
    const townId = townIdByName(tx, e.town);
    if (townId === undefined) throw new RegistryReferenceError(`unknown town ${e.town}`);
    const villageId = e.village ? villageIdByName(tx, e.town, e.village) : null;
    if (villageId === undefined) throw new RegistryReferenceError(`unknown village ${e.town} ${e.village}`);
    const coreFactory = e.coreFactoryCode ? employerByCode(tx, e.coreFactoryCode) : undefined;
    if (e.coreFactoryCode && !coreFactory) throw new RegistryReferenceError(`unknown core factory ${e.coreFactoryCode}`);
    const fields = employerFieldsOf(e, { townId, villageId, coreFactoryId: coreFactory?.id ?? null });
    const before = employerByCode(tx, e.code);
    const employerId = before ? updateEmployer(tx, before.id, fields, now).id : insertEmployer(tx, fields, now).id;
    recordRegistryWrite(tx, props.by, { entity: "employer", id: employerId, code: e.code, before, after: fields });
    return { employerId, created: !before };
  });
}

/** The audit row and the search outbox row of a registry row written by code (employer or posting). */
export function recordRegistryWrite(
  tx: Parameters<typeof recordChange>[0],
  by: ChangeAuthor,
  write: { entity: OutboxEntity; id: number; code: string; before: unknown; after: unknown },
): void {
  enqueueSearchUpdate(tx, write.entity, [write.id]);
  recordChange(tx, by, { action: write.before ? "update" : "create", entity: write.entity, entityId: write.code, before: write.before, after: write.after });
}
