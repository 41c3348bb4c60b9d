/**
 * The county's settings, pure: which there are, their built-in defaults, their limits, and how a
 * typed or stored value is checked and read. The environment gives the defaults (src/env.ts),
 * an admin overrides them on /bureau/settings, and everything reads them through one module
 * (src/use-cases/settings.ts). See docs/decisions/2026-12-01-settings.md.
 */
import { readDate } from "./calendar.ts";
import { TEXT_FIELDS, cleanText } from "./text-fields.ts";

/** 县名, 本省, 基线日期, 收入监测线, 预警逾期天数, 公示天数. */
export const SETTING_KEYS = ["countyName", "countyProvince", "baselineDate", "incomeLinePerPersonMonth", "alertOverdueDays", "noticeDays"] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface Settings {
  /** The county's name, shown on the bureau's pages (e.g. 示范县). */
  countyName: string;
  /** The county's own province: a placement elsewhere is cross-province (交通补贴). */
  countyProvince: string;
  /** Baseline date B of the statistics (YYYY-MM-DD). */
  baselineDate: string;
  /** The income line of the risk alerts, yuan per person per month. */
  incomeLinePerPersonMonth: number;
  /** An open alert nobody acted on for more than this many days is overdue. */
  alertOverdueDays: number;
  /** Days an approved subsidy line stays on public notice (公示) before it may be paid. */
  noticeDays: number;
}

/** Used when the environment sets nothing. */
export const BUILT_IN_SETTINGS: Readonly<Settings> = {
  countyName: "示范县",
  countyProvince: "江西省",
  // The seeds compare with 2020, the year absolute poverty ended.
  baselineDate: "2020-12-31",
  incomeLinePerPersonMonth: 500,
  alertOverdueDays: 7,
  noticeDays: 7,
};

/** The environment variable that sets each default (docs/contract.md, README). */
export const SETTING_VARIABLES: Readonly<Record<SettingKey, string>> = {
  countyName: "COUNTY_NAME",
  countyProvince: "COUNTY_PROVINCE",
  baselineDate: "BASELINE_DATE",
  incomeLinePerPersonMonth: "RISK_INCOME_LINE_MONTHLY",
  alertOverdueDays: "ALERT_OVERDUE_DAYS",
  noticeDays: "NOTICE_DAYS",
};

export const MAX_COUNTY_NAME_LENGTH = TEXT_FIELDS.countyName.max;
/** The earliest baseline: the registry's figures mean nothing before the poverty-relief era. */
export const EARLIEST_BASELINE_DATE = "2000-01-01";
/** Whole numbers, inclusive. Counties use 5 working days to 10 days of notice. */
export const NUMBER_LIMITS: Readonly<Record<"incomeLinePerPersonMonth" | "alertOverdueDays" | "noticeDays", { min: number; max: number }>> = {
  incomeLinePerPersonMonth: { min: 1, max: 10_000 },
  alertOverdueDays: { min: 1, max: 90 },
  noticeDays: { min: 1, max: 30 },
};

/** The 34 province-level divisions, as 就业地省份 is written in the registry. */
export const PROVINCES = [
  "北京市", "天津市", "上海市", "重庆市",
  "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省",
  "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省",
  "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
  "香港特别行政区", "澳门特别行政区",
] as const;

/** The short forms people write for the province-level divisions whose short form is not the name less its 省/市/特别行政区. */
const SHORT_REGION_NAMES: Readonly<Record<string, string>> = {
  内蒙古: "内蒙古自治区",
  广西: "广西壮族自治区",
  西藏: "西藏自治区",
  宁夏: "宁夏回族自治区",
  新疆: "新疆维吾尔自治区",
};
const FULL_PROVINCE_NAMES: ReadonlyMap<string, string> = new Map([
  ...PROVINCES.map((full) => [full, full] as const),
  ...PROVINCES.filter((full) => !full.endsWith("自治区")).map((full) => [full.replace(/(省|市|特别行政区)$/, ""), full] as const),
  ...Object.entries(SHORT_REGION_NAMES),
]);

/**
 * 就业地省份 as a spreadsheet or a form may write it, read as the full name: 江西 and 江西省 are
 * one province (so work in the county's own province is never taken for work elsewhere). Text
 * that names no province is returned trimmed, as it is.
 * @example provinceFullName(" 江西 ") // "江西省" ; provinceFullName("广西") // "广西壮族自治区" ; provinceFullName("") // ""
 */
export function provinceFullName(text: string): string {
  const trimmed = text.trim();
  return FULL_PROVINCE_NAMES.get(trimmed) ?? trimmed;
}

/** Whether the text names one of the 34 province-level divisions, in full or in its short form. @example isProvinceName("江西") // true ; isProvinceName("赣州") // false */
export function isProvinceName(text: string): boolean {
  return FULL_PROVINCE_NAMES.has(text.trim());
}

/** Why a value is refused; the environment and the form each word it for their readers. */
export type SettingProblem = "required" | "tooLong" | "badText" | "unknownProvince" | "badDate" | "tooEarly" | "afterToday" | "notWhole" | "outOfRange";

export type SettingCheck<T> = { ok: true; value: T } | { ok: false; problem: SettingProblem };


/**
 * Checks one typed (or stored, or environment) value. `today` (YYYY-MM-DD), when given, also
 * refuses a baseline after it; the environment is checked without it.
 * @example checkSetting("alertOverdueDays", "10") // { ok: true, value: 10 }
 */
export function checkSetting<K extends SettingKey>(key: K, raw: string, today?: string): SettingCheck<Settings[K]> {
  const text = cleanText(raw);
  if (text === "") return { ok: false, problem: "required" };
  const ok = (value: string | number) => ({ ok: true, value }) as SettingCheck<Settings[K]>;
  switch (key) {
    case "countyName":
      if ([...text].length > MAX_COUNTY_NAME_LENGTH) return { ok: false, problem: "tooLong" };
      // Letters only (Chinese, or a romanised name), no markup or control characters.
      if (!/^[\p{Script=Han}\p{L}·\s-]+$/u.test(text)) return { ok: false, problem: "badText" };
      return ok(text);
    case "countyProvince":
      return (PROVINCES as readonly string[]).includes(text) ? ok(text) : { ok: false, problem: "unknownProvince" };
    case "baselineDate":
      // The one date parser (src/core/calendar.ts), in its strict YYYY-MM-DD spelling for a setting.
      if (readDate(text) !== text) return { ok: false, problem: "badDate" };
      if (text < EARLIEST_BASELINE_DATE) return { ok: false, problem: "tooEarly" };
      if (today !== undefined && text > today) return { ok: false, problem: "afterToday" };
      return ok(text);
    default: {
      const limits = NUMBER_LIMITS[key as keyof typeof NUMBER_LIMITS];
      if (!/^\d+$/.test(text)) return { ok: false, problem: "notWhole" };
      const n = Number(text);
      if (n < limits.min || n > limits.max) return { ok: false, problem: "outOfRange" };
      return ok(n);
    }
  }
}

/** A value as the settings table stores it (text). */
export function encodeSetting(value: string | number): string {
  return String(value);
}

/**
 * The settings in force: for each key the override, else the default, else the built-in
 * default — each stored text read back through `checkSetting`, so a value that no longer passes
 * (a limit tightened since) falls back rather than reaching a figure.
 */
export function effectiveSettings(rows: readonly { key: string; defaultValue: string; value: string | null }[]): Settings {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const result: Record<string, string | number> = { ...BUILT_IN_SETTINGS };
  for (const key of SETTING_KEYS) {
    const row = byKey.get(key);
    for (const candidate of [row?.value, row?.defaultValue]) {
      if (candidate === null || candidate === undefined) continue;
      const checked = checkSetting(key, candidate);
      if (checked.ok) {
        result[key] = checked.value;
        break;
      }
    }
  }
  return result as unknown as Settings;
}

/** What the settings form posts: one text per key; empty means "use the default". */
export type SettingsForm = Partial<Record<SettingKey, string>>;

export type SettingsFormResult =
  | { ok: true; overrides: { [K in SettingKey]: Settings[K] | null } }
  | { ok: false; problems: Partial<Record<SettingKey, SettingProblem>> };

/**
 * Reads the settings form: an empty field clears the override (the environment's default
 * applies), a filled one must pass its check. Every field is checked, so all problems show at once.
 * @example parseSettingsForm({ alertOverdueDays: "10" }, "2026-12-01") // ok, alertOverdueDays: 10, others null
 */
export function parseSettingsForm(form: SettingsForm, today: string): SettingsFormResult {
  const overrides: Record<string, string | number | null> = {};
  const problems: Partial<Record<SettingKey, SettingProblem>> = {};
  for (const key of SETTING_KEYS) {
    const raw = form[key] ?? "";
    if (raw.trim() === "") {
      overrides[key] = null;
      continue;
    }
    const checked = checkSetting(key, raw, today);
    if (checked.ok) overrides[key] = checked.value;
    else problems[key] = checked.problem;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, overrides: overrides as { [K in SettingKey]: Settings[K] | null } };
}
