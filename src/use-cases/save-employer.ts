/**
 * Adds an employer (用工主体) or changes it, matched on its code; its postings go to the search
 * index again through the outbox, in the same transaction.
 */
import type { Db } from "../../db/client.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { employerByCode, insertEmployer, updateEmployer, type EmployerValues } from "../../db/queries/postings.ts";
import { townIdByName, villageIdByName } from "../../db/queries/regions.ts";
import type { CountyEmployer } from "../demo/county-types.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";

export class RegistryReferenceError extends Error {
  override name = "RegistryReferenceError";
}

export interface SaveEmployerProps {
  /** The `employers` spreadsheet's columns (docs/contract.md). */
  employer: CountyEmployer;
  by: ChangeAuthor;
}

export function saveEmployer(deps: { db: Db }, props: SaveEmployerProps): { employerId: number; created: boolean } {
  const e = props.employer;
  return deps.db.transaction((tx) => {
    const townId = townIdByName(tx, e.town);
    if (townId === undefined) throw new RegistryReferenceError(`unknown town ${e.town}`);
    const villageId = e.village ? villageIdByName(tx, e.town, e.village) : null;
    if (villageId === undefined) throw new RegistryReferenceError(`unknown village ${e.town} ${e.village}`);
    const coreFactory = e.coreFactoryCode ? employerByCode(tx, e.coreFactoryCode) : undefined;
    if (e.coreFactoryCode && !coreFactory) throw new RegistryReferenceError(`unknown core factory ${e.coreFactoryCode}`);
    const values: EmployerValues = {
      code: e.code,
      name: e.name,
      type: e.type,
      coreFactoryId: coreFactory?.id ?? null,
      townId,
      villageId,
      address: e.address ?? null,
      lat: e.lat ?? null,
      lng: e.lng ?? null,
      contactName: e.contactName ?? null,
      contactPhone: e.contactPhone ?? null,
      recognition: e.recognition,
    };
    const before = employerByCode(tx, e.code);
    const employerId = before ? (updateEmployer(tx, before.id, values), before.id) : insertEmployer(tx, values);
    enqueueSearchUpdate(tx, "employer", [employerId]);
    recordChange(tx, props.by, {
      action: before ? "update" : "create",
      entity: "employer",
      entityId: e.code,
      before,
      after: values,
    });
    return { employerId, created: !before };
  });
}
