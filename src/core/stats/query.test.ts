import { describe, expect, it } from "vitest";
import { dateQuerySchema, employmentQuerySchema } from "./query.ts";

const TODAY = "2026-11-23";

describe("employmentQuerySchema", () => {
  it("fills today, the default baseline and the breakdown by town", () => {
    expect(employmentQuerySchema(TODAY).parse({})).toEqual({ date: TODAY, baseline: "2020-12-31", by: "town" });
  });

  it.each([
    [{ date: "2026-02-30" }, "date", "badDate"],
    [{ date: "2026/11/23" }, "date", "badDate"],
    [{ by: "village" }, "by", "badBreakdown"],
    [{ date: "2020-01-01", baseline: "2021-01-01" }, "baseline", "baselineAfterDate"],
    [{ date: "2030-01-01" }, "date", "dateInFuture"],
    [{ date: "2026-11-24" }, "date", "dateInFuture"],
    [{ date: "1900-01-01" }, "date", "dateTooEarly"],
    [{ baseline: "1989-12-31" }, "baseline", "dateTooEarly"],
    [{ date: "2026-13-01" }, "date", "badDate"],
    [{ date: "9999-99-99" }, "date", "badDate"],
  ])("refuses %j at %s with the problem's code", (input, path, message) => {
    const result = employmentQuerySchema(TODAY).safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([[path, message]]);
  });

  it("a date query takes only the date", () => {
    expect(dateQuerySchema(TODAY).parse({ date: "2025-12-31" })).toEqual({ date: "2025-12-31" });
  });

  it("a date query refuses a date after today", () => {
    expect(dateQuerySchema(TODAY).safeParse({ date: "2030-01-01" }).error?.issues[0]?.message).toBe("dateInFuture");
    expect(dateQuerySchema(TODAY).parse({ date: TODAY })).toEqual({ date: TODAY });
  });
});
