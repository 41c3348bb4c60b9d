import { describe, expect, it } from "vitest";
import type { AlertDetail } from "./alerts.ts";
import { assignmentProblem, closeProblem, jobSeekersOf } from "./alert-follow-up.ts";

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

describe("closeProblem", () => {
  it.each([
    ["open, 已就业, someone at work", "open", "已就业", true, undefined],
    ["open, 已就业, nobody at work", "open", "已就业", false, "noPlacement"],
    ["open, another outcome, nobody at work", "open", "核实无风险", false, undefined],
    ["closed already", "closed", "其他", true, "closed"],
  ] as const)("%s", (_name, status, outcome, employed, problem) => {
    expect(closeProblem({ status }, outcome, employed)).toBe(problem);
  });
});
