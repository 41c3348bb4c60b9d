import { describe, expect, it } from "vitest";
import { parseWithDates, HireInputSchema } from "../src/core/hire-rules.ts";
import { EmployerProfileInputSchema, FORM_PROBLEMS, fieldErrors, parsePostingInput } from "../src/core/posting-rules.ts";
import { STATS_QUERY_PROBLEMS, employmentQuerySchema } from "../src/core/stats/query.ts";
import { fieldMessages, formProblemText, statsQueryMessage } from "./problems.ts";

const TODAY = "2026-11-23";
const valid = { title: "缝纫工", headcount: "3" };

describe("the words for the core's problem codes", () => {
  it("every form and statistics problem has Chinese words", () => {
    for (const code of FORM_PROBLEMS) expect(formProblemText(code)).toMatch(/[\u4e00-\u9fff]/);
    for (const code of STATS_QUERY_PROBLEMS) expect(statsQueryMessage({ issues: [{ message: code }] } as never)).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    [{ ...valid, title: "  " }, "title", "请填写岗位名称"],
    [{ ...valid, headcount: "0" }, "headcount", "至少 1 人"],
    [{ ...valid, payMin: "3000", payMax: "2000" }, "payMax", "不能低于下限"],
    [{ ...valid, payMin: "-1" }, "payMin", "0 以上"],
    [{ ...valid, ageMin: "50", ageMax: "30" }, "ageMax", "不能低于最低年龄"],
    [{ ...valid, ageMin: "15" }, "ageMin", "16 到 100"],
    [{ ...valid, closingDate: "2026-11-22" }, "closingDate", "已经过去"],
    [{ ...valid, closingDate: "2026-02-30" }, "closingDate", "格式"],
    [{ ...valid, payUnit: "年" }, "payUnit", "选择"],
  ])("a posting form %j: %s says %s", (raw, field, text) => {
    const r = parsePostingInput(raw, TODAY);
    if (r.ok) throw new Error("should be refused");
    expect(fieldMessages(r.errors)[field]).toContain(text);
  });

  it("words a hire's and a profile's problems", () => {
    const hire = parseWithDates(HireInputSchema, { startDate: "2027-03-01", monthlyIncome: "-5" }, { today: TODAY });
    if (hire.ok) throw new Error("should be refused");
    expect(Object.values(fieldMessages(hire.errors)).every((text) => /[\u4e00-\u9fff]/.test(text))).toBe(true);
    const profile = EmployerProfileInputSchema.safeParse({ contactPhone: "1381234567" });
    expect(profile.success).toBe(false);
    if (!profile.success) expect(fieldMessages(fieldErrors(profile.error)).contactPhone).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    [{ date: "2026-02-30" }, "日期格式不对，应为 YYYY-MM-DD"],
    [{ by: "village" }, "by 只能是 town、platform 或 category"],
    [{ date: "2020-01-01", baseline: "2021-01-01" }, "基线日期不能晚于统计日期"],
  ])("a statistics query %j says %s", (input, message) => {
    const result = employmentQuerySchema(TODAY).safeParse(input);
    if (result.success) throw new Error("should be refused");
    expect(statsQueryMessage(result.error)).toBe(message);
  });

  it("a code the catalogue does not know is shown as given", () => expect(formProblemText("somethingNew")).toBe("somethingNew"));
});
