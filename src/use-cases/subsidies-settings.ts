/**
 * The county's own province (COUNTY_PROVINCE, ../shared/CONTRACT.md "Environment"), read in ONE
 * place until the settings module holds it: a placement whose 就业地省份 differs from it is
 * cross-province work for 交通补贴. Default 江西省, the demo county's province (src/demo).
 */
export const DEFAULT_COUNTY_PROVINCE = "江西省";

/** @example countyProvince({ COUNTY_PROVINCE: "云南省" }) // "云南省" */
export function countyProvince(env: Record<string, string | undefined> = process.env): string {
  const value = env.COUNTY_PROVINCE?.trim();
  return value ? value : DEFAULT_COUNTY_PROVINCE;
}
