/**
 * A small county built by hand for the statistics tests, whose figures are worked out by hand in
 * src/core/stats/figures.test.ts. It holds the edges of every definition: several open placements,
 * a placement ending exactly on D, a worker turning 16 on D, workers unwilling to work, a worker
 * living in another town than the household, a household with no labour force, a household kept
 * out of zero-employment only by a member outside the labour force. Reference date D = 2026-11-23,
 * baseline B = 2020-12-31. Also loaded into SQLite to hold db/queries/stats.ts to the same answers.
 */
import type { StatsRegistry } from "./figures.ts";

export const HAND_D = "2026-11-23";
export const HAND_B = "2020-12-31";

const h = (id: number, category: StatsRegistry["households"][number]["category"], town: string, village: string) => ({
  id,
  code: `H${String(id).padStart(2, "0")}`,
  category,
  town,
  village,
});

/** Towns and their villages, for loading into a database. */
export const HAND_TOWNS: Record<string, string[]> = { 东山镇: ["上村", "下村"], 西河乡: ["河村"] };

/** Worker id → own village (the town is on the worker). */
export const HAND_WORKER_VILLAGES: Record<number, string> = {
  1: "上村", 2: "上村", 3: "下村", 4: "河村", 5: "河村", 6: "河村", 7: "河村", 8: "河村", 9: "河村", 10: "河村",
  11: "下村", 12: "下村", 13: "上村", 14: "河村",
};

export const handBuiltCounty: StatsRegistry = {
  households: [
    h(1, "脱贫户", "东山镇", "上村"),
    h(2, "脱贫不稳定户", "东山镇", "下村"),
    h(3, "边缘易致贫户", "西河乡", "河村"),
    h(4, "一般户", "西河乡", "河村"),
    h(5, "突发严重困难户", "西河乡", "河村"),
    h(6, "脱贫户", "西河乡", "河村"),
    h(7, "脱贫户", "东山镇", "下村"),
    h(8, "边缘易致贫户", "东山镇", "上村"),
    h(9, "一般户", "西河乡", "河村"),
  ],
  workers: [
    { id: 1, householdId: 1, town: "东山镇", birthDate: "1970-05-01", labourAbility: "有劳动能力", willingToWork: true },
    // Turns 16 on D.
    { id: 2, householdId: 1, town: "东山镇", birthDate: "2010-11-23", labourAbility: "有劳动能力", willingToWork: true },
    { id: 3, householdId: 2, town: "东山镇", birthDate: "1960-02-10", labourAbility: "弱劳动力或半劳动力", willingToWork: true },
    // Lives in 西河乡 although the household is registered in 东山镇.
    { id: 4, householdId: 2, town: "西河乡", birthDate: "1985-07-15", labourAbility: "有劳动能力", willingToWork: true },
    { id: 5, householdId: 3, town: "西河乡", birthDate: "1990-01-01", labourAbility: "有劳动能力", willingToWork: true },
    { id: 6, householdId: 3, town: "西河乡", birthDate: "1992-03-03", labourAbility: "有劳动能力", willingToWork: false },
    { id: 7, householdId: 4, town: "西河乡", birthDate: "1980-01-01", labourAbility: "有劳动能力", willingToWork: true },
    { id: 8, householdId: 5, town: "西河乡", birthDate: "1950-01-01", labourAbility: "丧失劳动能力", willingToWork: false },
    { id: 9, householdId: 6, town: "西河乡", birthDate: "1975-04-04", labourAbility: "有劳动能力", willingToWork: true },
    { id: 10, householdId: 6, town: "西河乡", birthDate: "1940-01-01", labourAbility: "无劳动能力", willingToWork: false },
    { id: 11, householdId: 7, town: "东山镇", birthDate: "1988-08-08", labourAbility: "有劳动能力", willingToWork: true },
    { id: 12, householdId: 7, town: "东山镇", birthDate: "1990-09-09", labourAbility: "有劳动能力", willingToWork: false },
    { id: 13, householdId: 8, town: "东山镇", birthDate: "1980-10-10", labourAbility: "有劳动能力", willingToWork: false },
    { id: 14, householdId: 9, town: "西河乡", birthDate: "1982-12-12", labourAbility: "有劳动能力", willingToWork: true },
  ],
  employers: [
    { id: 1, code: "CJ001", name: "上村帮扶车间", type: "帮扶车间", town: "东山镇" },
    { id: 2, code: "WX001", name: "河村卫星工厂", type: "卫星工厂", town: "西河乡" },
    { id: 3, code: "GY001", name: "东山镇公益岗", type: "公益性岗位", town: "东山镇" },
    { id: 4, code: "QY001", name: "西河食品厂", type: "用工企业", town: "西河乡" },
    { id: 5, code: "CJ002", name: "河村帮扶车间", type: "帮扶车间", town: "西河乡" },
  ],
  placements: [
    // w1: two open placements at D; the later start (public-benefit post) counts for the platform.
    { id: 1, workerId: 1, employerId: 1, employmentForm: null, startDate: "2019-03-01", endDate: null },
    { id: 2, workerId: 1, employerId: 3, employmentForm: null, startDate: "2025-01-01", endDate: null },
    { id: 3, workerId: 2, employerId: 1, employmentForm: null, startDate: "2026-11-01", endDate: null },
    // w3: ends exactly on D — still employed at D.
    { id: 4, workerId: 3, employerId: 2, employmentForm: null, startDate: "2020-06-01", endDate: "2026-11-23" },
    // w4: ended the day before D.
    { id: 5, workerId: 4, employerId: null, employmentForm: "外出务工", startDate: "2021-03-01", endDate: "2026-11-22" },
    { id: 6, workerId: 5, employerId: 4, employmentForm: null, startDate: "2018-01-01", endDate: "2021-06-30" },
    { id: 7, workerId: 5, employerId: 2, employmentForm: null, startDate: "2022-01-01", endDate: null },
    // w6 (unwilling today) worked flexibly until exactly B.
    { id: 13, workerId: 6, employerId: null, employmentForm: "灵活就业", startDate: "2020-01-01", endDate: "2020-12-31" },
    { id: 8, workerId: 7, employerId: 2, employmentForm: null, startDate: "2023-01-01", endDate: null },
    // w8 (outside the labour force) has two open rows at the same workshop: one person there.
    { id: 9, workerId: 8, employerId: 1, employmentForm: null, startDate: "2024-01-01", endDate: null },
    { id: 15, workerId: 8, employerId: 1, employmentForm: null, startDate: "2025-01-01", endDate: null },
    { id: 10, workerId: 9, employerId: 4, employmentForm: null, startDate: "2019-01-01", endDate: "2026-09-15" },
    // w10 (无劳动能力) holds a public-benefit post: household 6 is not zero-employment.
    { id: 11, workerId: 10, employerId: 3, employmentForm: null, startDate: "2025-05-01", endDate: null },
    // w13 starts the day after D.
    { id: 12, workerId: 13, employerId: 4, employmentForm: null, startDate: "2026-11-24", endDate: null },
    { id: 14, workerId: 2, employerId: 1, employmentForm: null, startDate: "2026-06-01", endDate: "2026-10-31" },
  ],
  postings: [
    { employerId: 3, headcount: 5, status: "招聘中" },
    { employerId: 3, headcount: 3, status: "已招满" },
    { employerId: 1, headcount: 10, status: "招聘中" },
  ],
};
