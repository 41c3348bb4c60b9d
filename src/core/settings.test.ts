import { describe, expect, it } from "vitest";
import { BUILT_IN_SETTINGS, PROVINCES, checkSetting, effectiveSettings, parseSettingsForm, provinceFullName, isProvinceName, type SettingKey } from "./settings.ts";

describe("provinceFullName (就业地省份 as written)", () => {
  it.each<[string, string]>([
    ["江西省", "江西省"],
    ["江西", "江西省"],
    [" 江西 ", "江西省"],
    ["北京", "北京市"],
    ["广西", "广西壮族自治区"],
    ["内蒙古", "内蒙古自治区"],
    ["新疆", "新疆维吾尔自治区"],
    ["香港", "香港特别行政区"],
    ["外省", "外省"],
    ["", ""],
  ])("%j → %j", (written, full) => {
    expect(provinceFullName(written)).toBe(full);
  });

  it("reads every full name and its short form as that name", () => {
    for (const full of PROVINCES) expect(provinceFullName(full)).toBe(full);
  });
});

describe("isProvinceName", () => {
  it.each<[string, boolean]>([["江西省", true], ["江西", true], [" 广西 ", true], ["香港", true], ["赣州", false], ["外省", false], ["", false]])("%j → %s", (text, known) => {
    expect(isProvinceName(text)).toBe(known);
  });
});

describe("checkSetting", () => {
  const cases: [string, SettingKey, string, string | undefined, unknown][] = [
    ["a county name is trimmed", "countyName", "  横峰县 ", undefined, { ok: true, value: "横峰县" }],
    ["an empty value is required", "countyName", "   ", undefined, { ok: false, problem: "required" }],
    ["markup is not a county name", "countyName", "<b>县</b>", undefined, { ok: false, problem: "badText" }],
    ["a county name has at most 20 characters", "countyName", "县".repeat(21), undefined, { ok: false, problem: "tooLong" }],
    ["a province from the list", "countyProvince", "广西壮族自治区", undefined, { ok: true, value: "广西壮族自治区" }],
    ["a province must be written in full", "countyProvince", "江西", undefined, { ok: false, problem: "unknownProvince" }],
    ["a baseline date on the calendar", "baselineDate", "2021-06-30", "2026-12-01", { ok: true, value: "2021-06-30" }],
    ["no 31st of June", "baselineDate", "2021-06-31", undefined, { ok: false, problem: "badDate" }],
    ["not before 2000", "baselineDate", "1999-12-31", undefined, { ok: false, problem: "tooEarly" }],
    ["not after today when today is known", "baselineDate", "2026-12-02", "2026-12-01", { ok: false, problem: "afterToday" }],
    ["today itself is a baseline", "baselineDate", "2026-12-01", "2026-12-01", { ok: true, value: "2026-12-01" }],
    ["the environment does not know today", "baselineDate", "2030-01-01", undefined, { ok: true, value: "2030-01-01" }],
    ["an income line in whole yuan", "incomeLinePerPersonMonth", "650", undefined, { ok: true, value: 650 }],
    ["no decimals", "incomeLinePerPersonMonth", "650.5", undefined, { ok: false, problem: "notWhole" }],
    ["no negative line", "incomeLinePerPersonMonth", "-1", undefined, { ok: false, problem: "notWhole" }],
    ["zero is out of range", "incomeLinePerPersonMonth", "0", undefined, { ok: false, problem: "outOfRange" }],
    ["overdue after 1 to 90 days", "alertOverdueDays", "91", undefined, { ok: false, problem: "outOfRange" }],
    ["overdue after 1 day", "alertOverdueDays", "1", undefined, { ok: true, value: 1 }],
    ["notice of 1 to 30 days", "noticeDays", "31", undefined, { ok: false, problem: "outOfRange" }],
    ["notice of 10 days", "noticeDays", "10", undefined, { ok: true, value: 10 }],
  ];
  it.each(cases)("%s", (_name, key, raw, today, expected) => {
    expect(checkSetting(key, raw, today)).toEqual(expected);
  });
});

describe("effectiveSettings", () => {
  it("takes the override, else the default, else the built-in value", () => {
    const s = effectiveSettings([
      { key: "alertOverdueDays", defaultValue: "7", value: "3" },
      { key: "incomeLinePerPersonMonth", defaultValue: "600", value: null },
    ]);
    expect(s).toEqual({ ...BUILT_IN_SETTINGS, alertOverdueDays: 3, incomeLinePerPersonMonth: 600 });
  });
  it("falls back past a stored value that no longer passes its check", () => {
    expect(effectiveSettings([{ key: "noticeDays", defaultValue: "5", value: "999" }]).noticeDays).toBe(5);
    expect(effectiveSettings([{ key: "noticeDays", defaultValue: "x", value: null }]).noticeDays).toBe(BUILT_IN_SETTINGS.noticeDays);
  });
});

describe("parseSettingsForm", () => {
  it("clears an override for an empty field and reads the others", () => {
    const r = parseSettingsForm({ countyName: "", alertOverdueDays: " 10 " }, "2026-12-01");
    expect(r).toEqual({
      ok: true,
      overrides: { countyName: null, countyProvince: null, baselineDate: null, incomeLinePerPersonMonth: null, alertOverdueDays: 10, noticeDays: null },
    });
  });
  it("names every bad field at once", () => {
    expect(parseSettingsForm({ baselineDate: "2027-01-01", noticeDays: "abc", countyProvince: "火星" }, "2026-12-01")).toEqual({
      ok: false,
      problems: { baselineDate: "afterToday", noticeDays: "notWhole", countyProvince: "unknownProvince" },
    });
  });
});
