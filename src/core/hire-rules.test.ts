import { describe, expect, it } from "vitest";
import {
  confirmationReasonText,
  CorrectionInputSchema,
  DepartureInputSchema,
  GateHireInputSchema,
  HireInputSchema,
  parseConfirmationReasons,
  parseWithDates,
  startConfirmationReasons,
} from "./hire-rules.ts";

const TODAY = "2026-11-23";

describe("hire and roster forms", () => {
  it.each([
    ["a hire without a start date", HireInputSchema, { monthlyIncome: "2000" }, {}, "startDate"],
    ["a hire with negative income", HireInputSchema, { startDate: TODAY, monthlyIncome: "-5" }, {}, "monthlyIncome"],
    ["a hire starting in three months", HireInputSchema, { startDate: "2027-03-01", monthlyIncome: "2000" }, {}, "startDate"],
    ["a gate hire with a 10-digit phone", GateHireInputSchema, { name: "王芳", phone: "1381234567", startDate: TODAY, monthlyIncome: "2000" }, {}, "phone"],
    ["a gate hire without a name", GateHireInputSchema, { name: " ", phone: "13812345678", startDate: TODAY, monthlyIncome: "2000" }, {}, "name"],
    ["a departure before the start", DepartureInputSchema, { endDate: "2026-10-01", reason: "本人辞职" }, { startDate: "2026-11-01" }, "endDate"],
    ["a departure in the future", DepartureInputSchema, { endDate: "2026-12-01", reason: "本人辞职" }, { startDate: "2026-11-01" }, "endDate"],
    ["a departure without a reason", DepartureInputSchema, { endDate: TODAY }, { startDate: "2026-11-01" }, "reason"],
    ["a correction without a note", CorrectionInputSchema, { startDate: TODAY, monthlyIncome: "1" }, {}, "note"],
  ] as const)("refuses %s", (_n, schema, raw, ctx, field) => {
    const r = parseWithDates(schema as never, raw, { today: TODAY, ...ctx });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toContain(field);
  });

  it("accepts a departure on the start day and a hire starting next week", () => {
    expect(parseWithDates(DepartureInputSchema, { endDate: "2026-11-01", reason: "合同到期" }, { today: TODAY, startDate: "2026-11-01" })).toEqual({
      ok: true,
      value: { endDate: "2026-11-01", reason: "合同到期" },
    });
    expect(parseWithDates(HireInputSchema, { startDate: "2026-11-30", monthlyIncome: "2100" }, { today: TODAY })).toEqual({ ok: true, value: { startDate: "2026-11-30", monthlyIncome: 2100 } });
  });
});

describe("which hires wait for the bureau's confirmation", () => {
  it.each([
    ["a start today", { startDate: TODAY, today: TODAY }, []],
    ["a start 31 days back", { startDate: "2026-10-23", today: TODAY }, []],
    ["a start 32 days back", { startDate: "2026-10-22", today: TODAY }, ["backdated"]],
    ["a start in 2020 (rewriting the baseline)", { startDate: "2020-01-01", today: TODAY }, ["backdated"]],
    ["a start next week", { startDate: "2026-11-30", today: TODAY }, []],
    ["a start the day the person applied", { startDate: "2026-11-20", today: TODAY, appliedOn: "2026-11-20" }, []],
    ["a start before the person applied", { startDate: "2026-11-19", today: TODAY, appliedOn: "2026-11-20" }, ["beforeApplication"]],
    ["a start long before the application", { startDate: "2020-01-01", today: TODAY, appliedOn: "2026-11-20" }, ["backdated", "beforeApplication"]],
  ] as const)("%s", (_n, input, expected) => {
    expect(startConfirmationReasons(input)).toEqual(expected);
  });

  it("keeps reasons as text and reads them back, ignoring what it does not know", () => {
    expect(confirmationReasonText(["identity", "backdated"])).toBe("identity,backdated");
    expect(confirmationReasonText([])).toBeNull();
    expect(parseConfirmationReasons("identity,backdated,unknown")).toEqual(["identity", "backdated"]);
    expect(parseConfirmationReasons(null)).toEqual([]);
  });
});
