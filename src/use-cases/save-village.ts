/**
 * Adds a village (and its town) to the registry, or moves its centre. Employers placed at the
 * village centre move with it, so their postings go to the search index again (outbox).
 */
import type { Db } from "../../db/client.ts";
import { enqueueSearchUpdate } from "../../db/queries/outbox.ts";
import { employerIdsAtVillageCentre } from "../../db/queries/postings.ts";
import { ensureTown, upsertVillage } from "../../db/queries/regions.ts";
import { recordChange, type ChangeAuthor } from "./audit-trail.ts";

export interface SaveVillageProps {
  /** As in the `regions` spreadsheet: 乡镇, 村, 经度, 纬度. */
  region: { town: string; village: string; lat: number; lng: number };
  by: ChangeAuthor;
}

export function saveVillage(deps: { db: Db }, props: SaveVillageProps): { villageId: number; created: boolean } {
  const { region } = props;
  return deps.db.transaction((tx) => {
    const townId = ensureTown(tx, region.town);
    const { id, before } = upsertVillage(tx, townId, region.village, { lat: region.lat, lng: region.lng });
    const moved = before !== undefined && (before.lat !== region.lat || before.lng !== region.lng);
    if (moved) enqueueSearchUpdate(tx, "employer", employerIdsAtVillageCentre(tx, id));
    if (!before || moved) {
      recordChange(tx, props.by, {
        action: before ? "update" : "create",
        entity: "village",
        entityId: id,
        before,
        after: region,
      });
    }
    return { villageId: id, created: !before };
  });
}
