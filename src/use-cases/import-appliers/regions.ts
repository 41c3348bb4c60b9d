/** Applies a `regions` row (key 乡镇+村): creates the town and village, or moves the village centre. */
import { enqueueSearchUpdate } from "../../../db/queries/outbox.ts";
import { employerIdsInVillage } from "../../../db/queries/registry.ts";
import type { RegionRecord } from "../../imports/formats.ts";
import type { ApplierContext, RowChange } from "./context.ts";

export function regionsApplier(ctx: ApplierContext): (rec: RegionRecord) => RowChange {
  const { db, st, towns, villages, villageKey, audit } = ctx;
  return (rec) => {
    let townId = towns.get(rec.town);
    if (townId === undefined) {
      townId = Number(st.insertTown.run(rec.town).lastInsertRowid);
      towns.set(rec.town, townId);
      audit("create", "town", townId, null, { name: rec.town });
    }
    const existing = villages.get(villageKey(rec.town, rec.village));
    if (!existing) {
      const id = Number(st.insertVillage.run({ townId, name: rec.village, lat: rec.lat, lng: rec.lng }).lastInsertRowid);
      villages.set(villageKey(rec.town, rec.village), { id, townId, town: rec.town, name: rec.village, lat: rec.lat, lng: rec.lng });
      audit("create", "village", id, null, rec);
      return "created";
    }
    if (existing.lat === rec.lat && existing.lng === rec.lng) return "unchanged";
    st.updateVillage.run({ id: existing.id, lat: rec.lat, lng: rec.lng });
    audit("update", "village", existing.id, { lat: existing.lat, lng: existing.lng }, { lat: rec.lat, lng: rec.lng });
    villages.set(villageKey(rec.town, rec.village), { ...existing, lat: rec.lat, lng: rec.lng });
    // Employers without their own point are shown at the village centre.
    enqueueSearchUpdate(db, "employer", employerIdsInVillage(db, existing.id));
    return "updated";
  };
}
