import { describe, expect, it } from "vitest";
import { EmployerProfileInputSchema, nextPostingCode, parsePostingInput, postingStatusAfter, publishedDate, reversedPostingRanges, splitList } from "./posting-rules.ts";

const TODAY = "2026-11-23";
const valid = { title: "缝纫工", headcount: "3" };

describe("a posting form", () => {
  it("accepts the least a manager must type, with defaults", () => {
    const r = parsePostingInput(valid, TODAY);
    expect(r).toEqual({
      ok: true,
      value: {
        title: "缝纫工", description: "", headcount: 3, payMin: null, payMax: null, payUnit: "月", workingTime: "全天",
        ageMin: null, ageMax: null, physicalDemand: null, skills: [], benefits: [], closingDate: null,
      },
    });
  });

  it.each([
    ["an empty title", { ...valid, title: "  " }, "title", "titleRequired"],
    ["headcount 0", { ...valid, headcount: "0" }, "headcount", "headcount"],
    ["headcount missing", { title: "x" }, "headcount", "headcount"],
    ["headcount not a number", { ...valid, headcount: "三" }, "headcount", "headcount"],
    ["headcount in hexadecimal", { ...valid, headcount: "0x10" }, "headcount", "headcount"],
    ["headcount in binary", { ...valid, headcount: "0b101" }, "headcount", "headcount"],
    ["headcount in exponent form", { ...valid, headcount: "1e3" }, "headcount", "headcount"],
    ["pay minimum above maximum", { ...valid, payMin: "3000", payMax: "2000" }, "payMax", "payReversed"],
    ["negative pay", { ...valid, payMin: "-1" }, "payMin", "pay"],
    ["age range reversed", { ...valid, ageMin: "50", ageMax: "30" }, "ageMax", "ageReversed"],
    ["age below 16", { ...valid, ageMin: "15" }, "ageMin", "age"],
    ["closing date in the past", { ...valid, closingDate: "2026-11-22" }, "closingDate", "closingPast"],
    ["closing date not a date", { ...valid, closingDate: "2026-02-30" }, "closingDate", "date"],
    ["unknown pay unit", { ...valid, payUnit: "年" }, "payUnit", "choice"],
  ] as const)("refuses %s with the problem's code", (_name, raw, field, code) => {
    const r = parsePostingInput(raw, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field]).toBe(code);
  });

  it("accepts today as closing date, and keeps an old one when editing", () => {
    expect(parsePostingInput({ ...valid, closingDate: TODAY }, TODAY).ok).toBe(true);
    expect(parsePostingInput({ ...valid, closingDate: "2026-01-01" }, TODAY, "2026-01-01").ok).toBe(true);
  });

  it("joins checked and typed benefits, and splits skills on 、", () => {
    const r = parsePostingInput({ ...valid, benefits: ["包吃", "接送"], benefitsOther: "年终奖、包吃", skills: "缝纫、 熨烫,剪线" }, TODAY);
    expect(r.ok && r.value.benefits).toEqual(["包吃", "接送", "年终奖"]);
    expect(r.ok && r.value.skills).toEqual(["缝纫", "熨烫", "剪线"]);
  });
});

describe("helpers", () => {
  it.each([
    [{ payMin: 3000, payMax: 4000, ageMin: 18, ageMax: 50 }, []],
    [{ payMin: 3000, payMax: 3000, ageMin: 50, ageMax: 50 }, []],
    [{ payMin: null, payMax: 100, ageMin: 60, ageMax: null }, []],
    [{ payMin: 4000, payMax: 3000, ageMin: 18, ageMax: 50 }, ["pay"]],
    [{ payMin: null, payMax: null, ageMin: 55, ageMax: 45 }, ["age"]],
    [{ payMin: 4000, payMax: 3000, ageMin: 55, ageMax: 45 }, ["pay", "age"]],
  ] as const)("ranges running backwards in %o: %o", (p, expected) => expect(reversedPostingRanges(p)).toEqual(expected));

  it.each([
    [null, "P00001"],
    ["P00041", "P00042"],
    ["P99999", "P100000"],
  ])("next code after %s is %s", (highest, next) => expect(nextPostingCode(highest)).toBe(next));

  it("splits lists", () => expect(splitList("a、b，c  a")).toEqual(["a", "b", "c"]));
});

describe("an employer profile form", () => {
  it.each([
    [{ contactPhone: "1381234567" }, "contactPhone"],
    [{ contactPhone: "23812345678" }, "contactPhone"],
    [{ lat: "25.9" }, "lng"],
    [{ lat: "95", lng: "115" }, "lat"],
  ])("refuses %j", (raw, field) => {
    const r = EmployerProfileInputSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(field);
  });

  it("accepts an 11-digit phone and empty optional fields", () => {
    expect(EmployerProfileInputSchema.parse({ contactPhone: " 13812345678 ", address: "", villageId: "3" })).toEqual({
      address: null, villageId: 3, lat: null, lng: null, contactName: null, contactPhone: "13812345678",
    });
  });
});

describe("posting status moves", () => {
  it.each([
    ["招聘中", "close", "已关闭"],
    ["已招满", "close", "已关闭"],
    ["已关闭", "close", null],
    ["招聘中", "full", "已招满"],
    ["已关闭", "full", null],
    ["已关闭", "reopen", "招聘中"],
    ["已招满", "reopen", "招聘中"],
    ["招聘中", "reopen", null],
  ] as const)("%s after %s is %s", (from, action, to) => expect(postingStatusAfter(from, action)).toBe(to));

  it("does not reopen a posting past its closing date", () => {
    expect(postingStatusAfter("已关闭", "reopen", { closingDate: "2026-11-22", today: TODAY })).toBeNull();
    expect(postingStatusAfter("已关闭", "reopen", { closingDate: TODAY, today: TODAY })).toBe("招聘中");
    expect(postingStatusAfter("招聘中", "close", { closingDate: "2026-11-22", today: TODAY })).toBe("已关闭");
  });
});

describe("publishedDate", () => {
  it.each([
    ["a new posting recruiting", "招聘中", null, TODAY],
    ["a new posting arriving closed", "已关闭", null, null],
    ["a new posting arriving full", "已招满", undefined, null],
    ["a posting written again keeps its day", "招聘中", "2026-10-01", "2026-10-01"],
    ["a closed posting written again keeps its day", "已关闭", "2026-10-01", "2026-10-01"],
  ] as const)("%s", (_, status, previous, expected) => expect(publishedDate({ status, previous, today: TODAY })).toBe(expected));
});

describe("numbers typed with a Chinese input method", () => {
  it("reads full-width digits as the number they show", () => {
    const r = parsePostingInput({ title: "缝纫工", headcount: "１２" }, TODAY);
    expect(r.ok && r.value.headcount).toBe(12);
  });
});
