import { describe, expect, it } from "vitest";
import { retentionQuerySchema } from "./retention-query.ts";

const TODAY = "2026-11-23";

describe("retentionQuerySchema", () => {
  it("fills the date, the 24 cohorts up to its month, by month, every worker", () => {
    expect(retentionQuerySchema(TODAY).parse({})).toEqual({ date: TODAY, from: "2024-12", to: "2026-11", by: "month", assisted: false });
  });

  it("takes a range, a breakdown and 帮扶对象 only", () => {
    expect(retentionQuerySchema(TODAY).parse({ date: "2026-06-30", from: "2025-01", to: "2025-12", by: "employer", assisted: "true" })).toEqual({
      date: "2026-06-30",
      from: "2025-01",
      to: "2025-12",
      by: "employer",
      assisted: true,
    });
    expect(retentionQuerySchema(TODAY).parse({ to: "2025-12", assisted: "0" })).toMatchObject({ from: "2024-01", to: "2025-12", assisted: false });
  });

  it("reads today from a function at each parse (the API's clock)", () => {
    let today = TODAY;
    const schema = retentionQuerySchema(() => today);
    expect(schema.parse({}).to).toBe("2026-11");
    today = "2027-01-05";
    expect(schema.parse({}).to).toBe("2027-01");
  });

  it.each([
    [{ by: "village" }, "badRetentionBreakdown"],
    [{ assisted: "yes" }, "badAssisted"],
    [{ from: "2025-13" }, "badMonth"],
    [{ to: "2025/12" }, "badMonth"],
    [{ from: "2026-02", to: "2026-01" }, "fromAfterTo"],
    [{ to: "2026-12" }, "toAfterDate"],
    [{ date: "2026-05-31", to: "2026-06" }, "toAfterDate"],
    [{ from: "2010-01" }, "rangeTooLong"],
    [{ date: "2030-01-01" }, "dateInFuture"],
  ] as const)("refuses %j with %s", (input, code) => {
    const result = retentionQuerySchema(TODAY).safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(code);
  });
});
