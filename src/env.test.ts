import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";

describe("parseEnv", () => {
  it("gives the embedded defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ port: 3000, host: "127.0.0.1", demoData: true, logLevel: "info", keptResponses: true });
    expect(env.meili).toBeUndefined();
    expect(env.dataDir).toMatch(/data$/);
  });

  it.each([
    [{ PORT: "abc" }, /PORT must be a port number/],
    [{ PORT: "70000" }, /PORT must be between 0 and 65535/],
    [{ DEMO_DATA: "yes" }, /DEMO_DATA must be 0, 1 or registry \(got "yes"\)/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ KEPT_RESPONSES: "off" }, /KEPT_RESPONSES must be 0 or 1 \(got "off"\)/],
    [{ MEILI_URL: "not a url" }, /MEILI_URL must be a URL/],
    [{ MEILI_URL: "http://127.0.0.1:7700" }, /MEILI_MASTER_KEY must be set when MEILI_URL is set/],
    [{ COUNTY_PROVINCE: "江西" }, /COUNTY_PROVINCE must be a province written in full.*\(got "江西"\)/],
    [{ COUNTY_NAME: "<script>" }, /COUNTY_NAME must be a name in letters/],
    [{ BASELINE_DATE: "2020-13-01" }, /BASELINE_DATE must be a date YYYY-MM-DD/],
    [{ RISK_INCOME_LINE_MONTHLY: "500.5" }, /RISK_INCOME_LINE_MONTHLY must be a whole number from 1 to 10000/],
    [{ ALERT_OVERDUE_DAYS: "0" }, /ALERT_OVERDUE_DAYS must be a whole number from 1 to 90/],
    [{ NOTICE_DAYS: "100" }, /NOTICE_DAYS must be a whole number from 1 to 30/],
    [{ PORT: "abc", NOTICE_DAYS: "x" }, /PORT must be a port number[\s\S]*NOTICE_DAYS must be/],
  ])("rejects %o naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("gives the settings' defaults, built in or from the environment", () => {
    expect(parseEnv({}).settings).toEqual({
      countyName: "示范县",
      countyProvince: "江西省",
      baselineDate: "2020-12-31",
      incomeLinePerPersonMonth: 500,
      alertOverdueDays: 7,
      noticeDays: 7,
    });
    const env = parseEnv({ COUNTY_NAME: "横峰县", COUNTY_PROVINCE: "江西省", BASELINE_DATE: "2021-12-31", RISK_INCOME_LINE_MONTHLY: "600", ALERT_OVERDUE_DAYS: "5", NOTICE_DAYS: "10" });
    expect(env.settings).toEqual({ countyName: "横峰县", countyProvince: "江西省", baselineDate: "2021-12-31", incomeLinePerPersonMonth: 600, alertOverdueDays: 5, noticeDays: 10 });
  });

  it("never echoes the master key in its message", () => {
    expect(() => parseEnv({ MEILI_URL: "http://x:1", MEILI_MASTER_KEY: "short" })).toThrow(/^(?!.*short")/s);
  });

  it("reads DEMO_DATA: 1 loads the demo county with its ledger, registry the county alone, 0 nothing", () => {
    expect(parseEnv({ DEMO_DATA: "1" })).toMatchObject({ demoData: true, demoSubsidies: true });
    expect(parseEnv({ DEMO_DATA: "registry" })).toMatchObject({ demoData: true, demoSubsidies: false });
    expect(parseEnv({ DEMO_DATA: "0" })).toMatchObject({ demoData: false, demoSubsidies: false });
  });

  it("turns the kept anonymous responses off with KEPT_RESPONSES=0", () => {
    expect(parseEnv({ KEPT_RESPONSES: "0" }).keptResponses).toBe(false);
    expect(parseEnv({ KEPT_RESPONSES: "1" }).keptResponses).toBe(true);
  });

  it("takes an external search engine", () => {
    const env = parseEnv({ MEILI_URL: "http://127.0.0.1:7700/", MEILI_MASTER_KEY: "0123456789abcdef" });
    expect(env.meili).toEqual({ url: "http://127.0.0.1:7700", masterKey: "0123456789abcdef" });
  });
});
