import { describe, expect, it } from "vitest";
import { isOverdue, type AlertDetail } from "./alerts.ts";
import { assignmentProblem, jobSeekersOf, overdueRaisedOnOrBefore } from "./alert-follow-up.ts";

describe("the overdue line of a list", () => {
  it.each([
    ["seven days (the default) before the 23rd: raised on the 15th or earlier", "2026-11-23", undefined, "2026-11-15"],
    ["across a month's end", "2026-12-03", 7, "2026-11-25"],
    ["across a year's end", "2027-01-02", 7, "2026-12-25"],
    ["across a leap day", "2028-03-03", 3, "2028-02-28"],
    ["zero days: raised yesterday or earlier", "2026-11-23", 0, "2026-11-22"],
  ] as const)("%s", (_name, today, days, expected) => {
    expect(overdueRaisedOnOrBefore(today, days)).toBe(expected);
  });

  it.each(["2026-11-14", "2026-11-15", "2026-11-16", "2026-11-23"])("agrees with isOverdue for an alert raised on %s", (raised) => {
    const today = "2026-11-23";
    expect(raised <= overdueRaisedOnOrBefore(today)).toBe(isOverdue({ status: "open", raisedDate: raised, actedDate: null }, today));
  });
});

describe("who an alert is about", () => {
  const members = [
    { id: 1, willingToWork: true },
    { id: 2, willingToWork: false },
    { id: 3, willingToWork: true },
  ];
  it.each([
    ["a zero-employment alert: the job seekers it names", { kind: "zero-employment", jobSeekers: [3, 2] }, [2, 3]],
    ["a zero-employment alert naming nobody: nobody", { kind: "zero-employment", jobSeekers: [] }, []],
    ["a zero-employment alert naming someone who left the household: only those still in it", { kind: "zero-employment", jobSeekers: [9, 1] }, [1]],
    ["a low-income alert: the members willing to work", { kind: "low-income", perPersonMonth: 300, line: 500 }, [1, 3]],
  ] satisfies [string, AlertDetail, number[]][])("%s", (_name, detail, expected) => {
    expect(jobSeekersOf(detail, members).map((m) => m.id)).toEqual(expected);
  });
});

describe("who an alert may be assigned to", () => {
  it.each([
    ["a cadre of the town, while open", { status: "open" } as const, 7, [7, 9], undefined],
    ["nobody (unassign), while open", { status: "open" } as const, null, [7], undefined],
    ["someone who is not a cadre of the town", { status: "open" } as const, 8, [7, 9], "cadre"],
    ["anyone, when the town has no cadre", { status: "open" } as const, 8, [], "cadre"],
    ["a cadre of the town, once closed", { status: "closed" } as const, 7, [7], "closed"],
    ["nobody, once closed", { status: "closed" } as const, null, [7], "closed"],
  ] as const)("%s", (_name, alert, userId, cadres, expected) => {
    expect(assignmentProblem(alert, userId, cadres)).toBe(expected);
  });
});
