/** The province a subsidy compute uses is the countyProvince setting: override, then the command's environment, then the recorded default. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countyProvinceFor } from "../src/use-cases/subsidies-settings.ts";
import { startTestPlatform, type TestPlatform } from "./support/test-platform.ts";

describe("the county's own province for a compute", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ label: "subsidy-province", demoData: false });
  });
  afterAll(() => platform?.close());

  it("follows the admin's override first, then COUNTY_PROVINCE, then the default the server recorded", () => {
    const db = platform.db;
    expect(countyProvinceFor({ db }, {})).toBe("江西省");
    expect(countyProvinceFor({ db }, { COUNTY_PROVINCE: "湖南省" })).toBe("湖南省");
    // A value that is no province is passed over.
    expect(countyProvinceFor({ db }, { COUNTY_PROVINCE: "火星" })).toBe("江西省");
    db.$client.prepare("UPDATE settings SET value = '云南省' WHERE key = 'countyProvince'").run();
    expect(countyProvinceFor({ db }, { COUNTY_PROVINCE: "湖南省" })).toBe("云南省");
  });
});
