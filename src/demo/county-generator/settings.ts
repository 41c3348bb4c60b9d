/**
 * The demo county's settings: its name and centre, and the weights its households, employers and postings are drawn with.
 * Part of the county generator (src/demo/county-generator.ts).
 */
import type { ApplicationStatus, EmployerType, EmploymentForm, HouseholdCategory } from "../../core/enums.ts";

/** The demo county: loaded on first start. */
export const DEMO_SEED = 20261123;
export const DEMO_WORKERS = 1500;

export const COUNTY_NAME = "示范县";
export const COUNTY_SHORT = "示范";
export const PROVINCE_NAME = "江西省";
export const PARK_NAME = `${COUNTY_NAME}工业园区`;
/** Centre of the county (near 于都县, 赣州市). */
export const CENTRE_LAT = 25.95;
export const CENTRE_LNG = 115.4;
export const KM_PER_DEG_LAT = 110.9;
export const KM_PER_DEG_LNG = 111.3 * Math.cos((CENTRE_LAT * Math.PI) / 180);
/** Villages lie within this distance of the centre. */
export const MAX_RADIUS_KM = 29;
/** Placement history starts here (the seeds compare with 2020; a year before gives a baseline some history). */
export const HISTORY_START = "2019-01-01";

/**
 * ID area codes: the county's own, its pre-1999 赣州地区 code (older people keep their first number),
 * and neighbouring counties (people who married in).
 */
export const ID_AREA_CODES = ["360731", "362132", "360732", "360781"] as const;
export const ID_AREAS_OLDER: readonly (readonly [number, number])[] = [[0, 75], [1, 19], [2, 3], [3, 3]];
export const ID_AREAS_YOUNGER: readonly (readonly [number, number])[] = [[0, 94], [2, 3], [3, 3]];

export const CATEGORY_WEIGHTS: readonly (readonly [HouseholdCategory, number])[] = [
  ["脱贫户", 55], ["脱贫不稳定户", 8], ["边缘易致贫户", 7], ["突发严重困难户", 3], ["一般户", 27],
];
export const WORKER_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [[1, 30], [2, 40], [3, 20], [4, 10]];
/** Household members beyond the workers listed: children at school, elders. */
export const DEPENDANT_WEIGHTS: readonly (readonly [number, number])[] = [[0, 22], [1, 30], [2, 26], [3, 16], [4, 6]];
export const SKILL_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [[0, 30], [1, 40], [2, 22], [3, 8]];

/** Shares of the employer types in a county: workshops, public posts and enterprises lead. */
export const TYPE_SHARES: Readonly<Record<EmployerType, number>> = {
  帮扶车间: 0.26, 卫星工厂: 0.1, 公益性岗位: 0.18, 用工企业: 0.2, 专业合作社: 0.12, 季节性服务队: 0.07, 非正规就业组织: 0.07,
};
export const POSTINGS_PER_EMPLOYER: Readonly<Record<EmployerType, readonly [number, number]>> = {
  帮扶车间: [3, 7], 卫星工厂: [3, 6], 公益性岗位: [3, 7], 用工企业: [4, 9], 专业合作社: [3, 6], 季节性服务队: [3, 6], 非正规就业组织: [3, 6],
};
export const HEADCOUNT: Readonly<Record<EmployerType, readonly [number, number]>> = {
  帮扶车间: [3, 20], 卫星工厂: [3, 25], 公益性岗位: [1, 8], 用工企业: [2, 30], 专业合作社: [2, 10], 季节性服务队: [5, 30], 非正规就业组织: [1, 10],
};
/** Monthly pay range of a posting (and monthly-equivalent for 计件) when the template does not say. */
export const MONTHLY_PAY: Readonly<Record<EmployerType, readonly [number, number]>> = {
  帮扶车间: [1800, 3200], 卫星工厂: [2000, 3500], 公益性岗位: [700, 1200], 用工企业: [2500, 4500], 专业合作社: [1800, 3200], 季节性服务队: [1500, 3000], 非正规就业组织: [1500, 3500],
};
/** Monthly income range of a placement by employer type. */
export const PLACEMENT_INCOME: Readonly<Record<EmployerType, readonly [number, number]>> = {
  帮扶车间: [1800, 3200], 卫星工厂: [2000, 3200], 公益性岗位: [700, 1000], 用工企业: [2500, 4500], 专业合作社: [1800, 3200], 季节性服务队: [1500, 2800], 非正规就业组织: [1500, 3000],
};
/** Which platforms a local job of an older or weaker worker is on, and of anyone else. */
export const LOCAL_TYPE_WEIGHTS_LIGHT: readonly (readonly [EmployerType, number])[] = [
  ["帮扶车间", 35], ["卫星工厂", 12], ["公益性岗位", 35], ["用工企业", 5], ["专业合作社", 10], ["季节性服务队", 5], ["非正规就业组织", 5],
];
export const LOCAL_TYPE_WEIGHTS: readonly (readonly [EmployerType, number])[] = [
  ["帮扶车间", 22], ["卫星工厂", 14], ["公益性岗位", 8], ["用工企业", 32], ["专业合作社", 10], ["季节性服务队", 6], ["非正规就业组织", 8],
];
export const APPLICATION_STATUS_WEIGHTS: readonly (readonly [ApplicationStatus, number])[] = [
  ["报名", 35], ["已联系", 25], ["已录用", 15], ["未录用", 15], ["已撤回", 10],
];
export const APPLICATION_STATUS_NO_HIRE: readonly (readonly [ApplicationStatus, number])[] = [
  ["报名", 40], ["已联系", 30], ["未录用", 18], ["已撤回", 12],
];
export type JobMode = "local" | EmploymentForm;
export const MODE_NEAR_HOME: readonly (readonly [JobMode, number])[] = [["local", 84], ["灵活就业", 11], ["自主创业", 5]];
export const MODE_IN_COUNTY: readonly (readonly [JobMode, number])[] = [["local", 72], ["灵活就业", 18], ["自主创业", 10]];
export const MODE_ANYWHERE: readonly (readonly [JobMode, number])[] = [["local", 30], ["外出务工", 58], ["灵活就业", 8], ["自主创业", 4]];

/** Phone-number ordinals: workers count up from 0; outsiders and employer contacts live in their own ranges. */
export const OUTSIDER_PHONE_BASE = 80_000_000;
export const EMPLOYER_PHONE_BASE = 90_000_000;
