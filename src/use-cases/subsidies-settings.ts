/**
 * The county's own province for the subsidies: a placement whose 就业地省份 differs from it is
 * cross-province work for 交通补贴. It is the `countyProvince` setting (src/use-cases/settings.ts):
 * an admin's override on /bureau/settings first, then COUNTY_PROVINCE of the process that computes
 * (the npm command), then the default the server recorded, then the built-in default.
 */
import type { Db } from "../../db/client.ts";
import { settingRows } from "../../db/queries/settings.ts";
import { effectiveSettings } from "../core/settings.ts";

/** The province in force for a compute on `db`. @example countyProvinceFor({ db }, process.env) // "江西省" */
export function countyProvinceFor(deps: { db: Pick<Db, "select"> }, env: Record<string, string | undefined> = process.env): string {
  const stored = settingRows(deps.db).find((r) => r.key === "countyProvince");
  const fromEnv = env.COUNTY_PROVINCE?.trim();
  return effectiveSettings([{ key: "countyProvince", value: stored?.value ?? null, defaultValue: fromEnv || stored?.defaultValue || "" }]).countyProvince;
}
