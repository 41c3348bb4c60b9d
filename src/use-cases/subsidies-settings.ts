/**
 * The county's own province for the subsidies: a placement whose 就业地省份 differs from it is
 * cross-province work for 交通补贴. It is the `countyProvince` setting (src/use-cases/settings.ts):
 * an admin's override on /bureau/settings first, then COUNTY_PROVINCE of the process that computes
 * (the npm command), then the default the server recorded, then 江西省 (the demo county's province).
 */
import type { Db } from "../../db/client.ts";
import { settingRows } from "../../db/queries/settings.ts";
import { checkSetting } from "../core/settings.ts";

export const DEFAULT_COUNTY_PROVINCE = "江西省";

/** @example countyProvince({ COUNTY_PROVINCE: "云南省" }) // "云南省" */
export function countyProvince(env: Record<string, string | undefined> = process.env): string {
  const value = env.COUNTY_PROVINCE?.trim();
  return value ? value : DEFAULT_COUNTY_PROVINCE;
}

/** The province in force for a compute on `db`. @example countyProvinceFor({ db }, process.env) // "江西省" */
export function countyProvinceFor(deps: { db: Pick<Db, "select"> }, env: Record<string, string | undefined> = process.env): string {
  const row = settingRows(deps.db).find((r) => r.key === "countyProvince");
  for (const candidate of [row?.value, env.COUNTY_PROVINCE?.trim() || undefined, row?.defaultValue]) {
    if (candidate === null || candidate === undefined) continue;
    const checked = checkSetting("countyProvince", candidate);
    if (checked.ok) return String(checked.value);
  }
  return DEFAULT_COUNTY_PROVINCE;
}
