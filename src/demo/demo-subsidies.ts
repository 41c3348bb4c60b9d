/**
 * The demo county's subsidy policies (../shared/DOMAIN.md: amounts found in public notices) and
 * the share of lines the demo moves to each state, so every ledger page looks alive on first
 * start. Pure data around the first start's year: the yearly policies are computed for the year
 * before, the monthly one for the last ended months.
 */
import type { PolicyFields } from "../core/subsidies/policy.ts";

/** Policy codes start with SF (示范): a county's own codes never collide with the demo's. */
export function demoPolicies(year: number): { policies: PolicyFields[]; retired: PolicyFields; raisedWorkshopAmountFen: number } {
  const base = { minMonths: null, maxMonthsPerPerson: null, ageLimit: null, onePerHousehold: false, endDate: null } as const;
  return {
    policies: [
      // 吸纳就业补贴: 2,000 yuan per worker after 6 months (灵台, 冷水滩, 金寨: 2,000–3,000).
      { ...base, code: `SF-XN-${year - 1}`, name: "帮扶车间吸纳脱贫劳动力就业补贴", kind: "吸纳就业补贴", amountFen: 200_000, minMonths: 6, startDate: `${year - 1}-01-01`, fundSource: "衔接资金" },
      // 交通补贴: 800 yuan a year after 3 months away (抚远 800).
      { ...base, code: `SF-JT-${year - 1}`, name: "跨省务工一次性交通补贴", kind: "交通补贴", amountFen: 80_000, minMonths: 3, startDate: `${year - 1}-01-01`, fundSource: "就业补助资金" },
      // 公益性岗位补贴: 700 yuan a month (the seeds' cleaner post), holders aged ≤ 60, one per household, at most 12 months.
      {
        ...base,
        code: `SF-GY-${year}`,
        name: "乡村公益性岗位补贴",
        kind: "公益性岗位补贴",
        amountFen: 70_000,
        ageLimit: 60,
        onePerHousehold: true,
        maxMonthsPerPerson: 12,
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
        fundSource: "衔接资金",
      },
    ],
    // An older transport policy with tiers the county no longer uses (崇信 600/300/200): retired.
    retired: { ...base, code: `SF-JT-${year - 3}`, name: "外出务工交通补贴（旧标准）", kind: "交通补贴", amountFen: 60_000, minMonths: 3, startDate: `${year - 3}-01-01`, endDate: `${year - 2}-12-31`, fundSource: "就业补助资金" },
    // After computing last year, the county raised the workshop subsidy for the years after (version 2).
    raisedWorkshopAmountFen: 250_000,
  };
}

/** How many months of the monthly policy the demo computes: the last ones that have ended. */
export const DEMO_MONTHS = 3;
