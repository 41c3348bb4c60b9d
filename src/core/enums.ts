/**
 * The enumerations of the domain (../shared/DOMAIN.md), spelled as county staff spell them.
 * The database checks them, the spreadsheets use them, the pages show them: one list each.
 */

/** 户类型 */
export const HOUSEHOLD_CATEGORIES = ["脱贫户", "脱贫不稳定户", "边缘易致贫户", "突发严重困难户", "一般户"] as const;
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];

/** 帮扶对象 — every category but 一般户. */
export const ASSISTED_CATEGORIES: readonly HouseholdCategory[] = ["脱贫户", "脱贫不稳定户", "边缘易致贫户", "突发严重困难户"];
export function isAssisted(category: HouseholdCategory): boolean {
  return category !== "一般户";
}

/** 劳动能力; the first two count towards the labour force. */
export const LABOUR_ABILITIES = ["有劳动能力", "弱劳动力或半劳动力", "丧失劳动能力", "无劳动能力"] as const;
export type LabourAbility = (typeof LABOUR_ABILITIES)[number];

/** 期望工作地 */
export const PREFERRED_AREAS = ["本村", "本乡镇", "本县", "省内", "省外", "不限"] as const;
export type PreferredArea = (typeof PREFERRED_AREAS)[number];

/** 可工作时间 of a worker and 工作时间 of a posting. */
export const WORKING_TIMES = ["全天", "半天", "灵活"] as const;
export type WorkingTime = (typeof WORKING_TIMES)[number];
export const AVAILABLE_TIMES = WORKING_TIMES;

/** 用工主体类型 — the platforms of DOMAIN.md. */
export const EMPLOYER_TYPES = ["帮扶车间", "卫星工厂", "公益性岗位", "用工企业", "专业合作社", "季节性服务队", "非正规就业组织"] as const;
export type EmployerType = (typeof EMPLOYER_TYPES)[number];

/** 认定状态 — a 帮扶车间 or 卫星工厂 must be recognised before it receives workshop subsidies. */
export const RECOGNITION_STATUSES = ["已认定", "未认定"] as const;
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];

/** 计薪方式 */
export const PAY_UNITS = ["月", "日", "计件", "时"] as const;
export type PayUnit = (typeof PAY_UNITS)[number];

/** 体力要求 */
export const PHYSICAL_DEMANDS = ["轻", "中", "重"] as const;
export type PhysicalDemand = (typeof PHYSICAL_DEMANDS)[number];

/** 岗位状态 */
export const POSTING_STATUSES = ["招聘中", "已招满", "已关闭"] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

/** 报名 pipeline: 报名 → 已联系 → 已录用 | 未录用 | 已撤回 */
export const APPLICATION_STATUSES = ["报名", "已联系", "已录用", "未录用", "已撤回"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** 就业形式 of a placement without an employer of the registry. */
export const EMPLOYMENT_FORMS = ["外出务工", "自主创业", "灵活就业"] as const;
export type EmploymentForm = (typeof EMPLOYMENT_FORMS)[number];

/** Account roles. */
export const USER_ROLES = ["seeker", "manager", "town", "county", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** API token scopes. */
export const API_TOKEN_ROLES = ["county", "town", "department"] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];
