import { describe, expect, it } from "vitest";
import { can, canSeeFullIdNumber, canSeeFullPhone, isCountyStaff, isStaff, listScope, subsidyTownOf, type Action, type Actor, type Resource } from "./policy.ts";

const admin: Actor = { kind: "user", role: "admin", userId: 1 };
const county: Actor = { kind: "user", role: "county", userId: 2 };
const town: Actor = { kind: "user", role: "town", userId: 3, townId: 10 };
const manager: Actor = { kind: "user", role: "manager", userId: 4, employerId: 100 };
const seeker: Actor = { kind: "user", role: "seeker", userId: 5 };
const countyToken: Actor = { kind: "token", role: "county", tokenId: 1 };
const townToken: Actor = { kind: "token", role: "town", tokenId: 2, townId: 10 };
const departmentToken: Actor = { kind: "token", role: "department", tokenId: 3 };

const ownPosting: Resource = { type: "posting", employerId: 100 };
const otherPosting: Resource = { type: "posting", employerId: 200 };
const ownApplication: Resource = { type: "application", employerId: 100, applicantUserId: 5, workerTownId: 10 };
const otherApplication: Resource = { type: "application", employerId: 200, applicantUserId: 99, workerTownId: 20 };
const ownTownWorker: Resource = { type: "worker", townId: 10 };
const otherTownWorker: Resource = { type: "worker", townId: 20 };
const ownPlacement: Resource = { type: "placement", employerId: 100, townId: 10 };
const otherPlacement: Resource = { type: "placement", employerId: 200, townId: 20 };

const cases: [string, Actor, Action, Resource, boolean][] = [
  ["admin deletes any posting", admin, "delete", otherPosting, true],
  ["admin updates another user", admin, "update", { type: "user", userId: 9 }, true],
  ["county staff update a worker of any town", county, "update", otherTownWorker, true],
  ["county staff read any user", county, "read", { type: "user", userId: 9 }, true],
  ["county staff cannot edit another user", county, "update", { type: "user", userId: 9 }, false],
  ["county staff cannot delete an employer", county, "delete", { type: "employer", employerId: 1, townId: 1 }, false],
  ["a town cadre reads a worker of their town", town, "read", ownTownWorker, true],
  ["a town cadre updates a household of their town", town, "update", { type: "household", townId: 10 }, true],
  ["a town cadre cannot read a worker of another town", town, "read", otherTownWorker, false],
  ["a town cadre cannot read another town's alert", town, "read", { type: "alert", townId: 20 }, false],
  ["a town cadre cannot delete a worker of their town", town, "delete", ownTownWorker, false],
  ["a town cadre applies on a worker's behalf", town, "create", otherApplication, true],
  ["a town cadre reads applications of their town's workers", town, "read", ownApplication, true],
  ["a town cadre cannot read another town's applications", town, "read", otherApplication, false],
  ["a town cadre reads their town's figures", town, "read", { type: "stats", townId: 10 }, true],
  ["a town cadre cannot read county figures", town, "read", { type: "stats", townId: null }, false],
  ["a manager updates their own posting", manager, "update", ownPosting, true],
  ["a manager creates a posting for their employer", manager, "create", ownPosting, true],
  ["a manager cannot update another's posting", manager, "update", otherPosting, false],
  ["a manager reads any posting (the board is public)", manager, "read", otherPosting, true],
  ["a manager reads their applicants", manager, "read", ownApplication, true],
  ["a manager cannot read another employer's applicants", manager, "read", otherApplication, false],
  ["a manager cannot delete an application", manager, "delete", ownApplication, false],
  ["a manager adds to their roster", manager, "create", ownPlacement, true],
  ["a manager cannot read another roster", manager, "read", otherPlacement, false],
  ["a manager cannot read the registry", manager, "read", ownTownWorker, false],
  ["a manager cannot read figures", manager, "read", { type: "stats", townId: null }, false],
  ["a seeker reads their own application", seeker, "read", ownApplication, true],
  ["a seeker withdraws their own application", seeker, "update", ownApplication, true],
  ["a seeker cannot read another's application", seeker, "read", otherApplication, false],
  ["a seeker cannot apply in another's name", seeker, "create", otherApplication, false],
  ["a seeker cannot read a worker", seeker, "read", ownTownWorker, false],
  ["a seeker reads their own account", seeker, "read", { type: "user", userId: 5 }, true],
  ["a seeker cannot read another account", seeker, "read", { type: "user", userId: 4 }, false],
  ["nobody edits the audit log, not even an admin", admin, "update", { type: "audit-log" }, false],
  ["nobody deletes from the audit log", admin, "delete", { type: "audit-log" }, false],
  ["county staff read the audit log", county, "read", { type: "audit-log" }, true],
  ["a town cadre cannot read the audit log", town, "read", { type: "audit-log" }, false],
  ["a county token reads any figures", countyToken, "read", { type: "stats", townId: null, detail: true }, true],
  ["a county token cannot write", countyToken, "update", ownTownWorker, false],
  ["a town token reads its town's figures", townToken, "read", { type: "stats", townId: 10 }, true],
  ["a town token cannot read county figures", townToken, "read", { type: "stats", townId: null }, false],
  ["a town token cannot read another town's worker", townToken, "read", otherTownWorker, false],
  ["a department token reads county figures", departmentToken, "read", { type: "stats", townId: null }, true],
  ["a department token cannot read household lists", departmentToken, "read", { type: "stats", townId: null, detail: true }, false],
  ["a department token cannot read workers", departmentToken, "read", ownTownWorker, false],
  ["a token never reads the audit log", countyToken, "read", { type: "audit-log" }, false],
  ["an admin changes the settings", admin, "update", { type: "settings" }, true],
  ["county staff read the settings", county, "read", { type: "settings" }, true],
  ["county staff cannot change the settings", county, "update", { type: "settings" }, false],
  ["a town cadre cannot read the settings", town, "read", { type: "settings" }, false],
  ["a token never reads the settings", countyToken, "read", { type: "settings" }, false],
  ["county staff review any subsidy line", county, "update", { type: "subsidy-line", townId: 20 }, true],
  ["county staff download a payment file", county, "read", { type: "subsidy-line", townId: 20, payment: true }, true],
  ["a town cadre reads their town's subsidy lines", town, "read", { type: "subsidy-line", townId: 10 }, true],
  ["a town cadre cannot review their town's subsidy lines", town, "update", { type: "subsidy-line", townId: 10 }, false],
  ["a town cadre cannot read another town's subsidy lines", town, "read", { type: "subsidy-line", townId: 20 }, false],
  ["a town cadre never downloads a payment file", town, "read", { type: "subsidy-line", townId: 10, payment: true }, false],
  ["a manager reads no subsidy line", manager, "read", { type: "subsidy-line", townId: 10 }, false],
  ["a seeker reads no subsidy line", seeker, "read", { type: "subsidy-line", townId: 10 }, false],
];

describe("can", () => {
  it.each(cases)("%s", (_name, actor, action, resource, expected) => {
    expect(can(actor, action, resource)).toBe(expected);
  });
});

describe("listScope", () => {
  it.each([
    ["county staff see all workers", county, "worker", { kind: "all" }],
    ["a cadre sees their town's workers", town, "worker", { kind: "town", townId: 10 }],
    ["a manager sees their employer's postings", manager, "posting", { kind: "employer", employerId: 100 }],
    ["a manager sees their employer's applications", manager, "application", { kind: "employer", employerId: 100 }],
    ["a manager sees no workers", manager, "worker", { kind: "none" }],
    ["a seeker sees their own applications", seeker, "application", { kind: "user", userId: 5 }],
    ["a seeker sees no placements", seeker, "placement", { kind: "none" }],
    ["a department token sees no workers", departmentToken, "worker", { kind: "none" }],
  ] as const)("%s", (_name, actor, type, expected) => {
    expect(listScope(actor, type)).toEqual(expected);
  });
});

describe("who sees personal data in full", () => {
  it.each([
    ["county staff see any ID number", county, true],
    ["the worker's own town cadre sees it", town, true],
    ["another town's cadre does not", { ...town, townId: 20 } as Actor, false],
    ["a manager does not", manager, false],
    ["a seeker does not", seeker, false],
  ] as const)("%s", (_name, actor, expected) => {
    expect(canSeeFullIdNumber(actor, { townId: 10 })).toBe(expected);
    expect(canSeeFullPhone(actor, { type: "worker", townId: 10 })).toBe(expected);
  });

  it.each([
    ["the manager applied to sees the applicant's phone, to call", manager, true],
    ["another manager does not", { ...manager, employerId: 200 } as Actor, false],
    ["the seeker sees their own", seeker, true],
    ["another seeker does not", { ...seeker, userId: 6 } as Actor, false],
    ["the cadre of the worker's town does", town, true],
    ["a department token does not", departmentToken, false],
  ] as const)("%s", (_name, actor, expected) => {
    expect(canSeeFullPhone(actor, { type: "application", employerId: 100, applicantUserId: 5, workerTownId: 10 })).toBe(expected);
  });

  it.each([
    ["the manager calls their own staff still working, registry worker or not", manager, { employerId: 100, townId: 10, current: true }, true],
    ["the manager calls a gate hire outside the registry", manager, { employerId: 100, townId: null, current: true }, true],
    ["not once the person has left", manager, { employerId: 100, townId: 10, current: false }, false],
    ["nor another employer's staff", { ...manager, employerId: 200 } as Actor, { employerId: 100, townId: 10, current: true }, false],
    ["the cadre of the worker's own town does", town, { employerId: 100, townId: 10, current: false }, true],
    ["another town's cadre does not", { ...town, townId: 20 } as Actor, { employerId: 100, townId: 10, current: true }, false],
    ["a seeker does not", seeker, { employerId: 100, townId: 10, current: true }, false],
  ] as const)("roster line: %s", (_name, actor, line, expected) => {
    expect(canSeeFullPhone(actor, { type: "roster-line", ...line })).toBe(expected);
  });

  it.each([
    ["报名", true],
    ["已联系", true],
    ["已录用", true],
    ["未录用", true],
    ["已撤回", false],
  ] as const)("an applicant in %s: the manager sees the phone in full: %s", (status, expected) => {
    expect(canSeeFullPhone(manager, { type: "application", employerId: 100, applicantUserId: 5, status })).toBe(expected);
  });
});

describe("who is bureau staff", () => {
  it.each([
    ["an admin is", admin, true],
    ["county staff are", county, true],
    ["a town cadre is", town, true],
    ["a manager is not", manager, false],
    ["a seeker is not", seeker, false],
    ["a county API token is not (tokens use the JSON API, not the pages)", countyToken, false],
  ] as const)("%s", (_name, actor, expected) => {
    expect(isStaff(actor)).toBe(expected);
  });

  it.each([
    ["an admin is county staff", admin, true],
    ["county staff are", county, true],
    ["a town cadre is not", town, false],
    ["a manager is not", manager, false],
    ["a county API token is not", countyToken, false],
  ] as const)("%s", (_name, actor, expected) => {
    expect(isCountyStaff(actor)).toBe(expected);
  });
});

describe("subsidyTownOf", () => {
  it.each<[string, Actor, number | null]>([
    ["county staff see the county", county, null],
    ["an admin sees the county", admin, null],
    ["a cadre is held to their town", town, 10],
    ["a cadre without a town sees no town", { kind: "user", role: "town", userId: 9 }, -1],
  ])("%s", (_label, actor, expected) => {
    expect(subsidyTownOf(actor)).toBe(expected);
  });
});
