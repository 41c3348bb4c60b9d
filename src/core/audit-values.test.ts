import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditChanges, auditDisplay, auditSnapshot, auditSnapshotJson, SECRET_FIELDS } from "./audit-values.ts";

describe("auditSnapshot", () => {
  it.each([
    ["drops a password hash", { login: "admin", passwordHash: "$argon2id$x" }, { login: "admin" }],
    ["drops ID number hash and cipher, keeps the mask", { idNumberHash: "h", idNumberCipher: "c", idNumberMasked: "3624**********1234" }, { idNumberMasked: "3624**********1234" }],
    ["works at any depth", { user: { token_hash: "t", name: "x" } }, { user: { name: "x" } }],
    ["leaves plain values alone", 42, 42],
  ] as const)("%s", (_name, input, expected) => {
    expect(auditSnapshot(input)).toEqual(expected);
  });
});

describe("auditDisplay", () => {
  it.each([
    ["masks a phone", { phone: "13812345678" }, '{"phone":"138****5678"}'],
    ["masks an ID number", { note: "身份证 36242519800101001X" }, '{"note":"身份证 3624**********001X"}'],
    ["shows nothing for null", null, ""],
  ] as const)("%s", (_name, input, expected) => {
    expect(auditDisplay(input)).toBe(expected);
  });
});

describe("auditChanges", () => {
  it.each([
    ["a status change, with a new field after", { status: "招聘中" }, { status: "已招满", reason: "x" }, [
      { field: "status", before: "招聘中", after: "已招满" },
      { field: "reason", before: "", after: "x" },
    ]],
    ["a creation lists every field set", null, { title: "保洁员", headcount: 2, skills: ["缝纫", "包装"], empty: null }, [
      { field: "title", before: "", after: "保洁员" },
      { field: "headcount", before: "", after: "2" },
      { field: "skills", before: "", after: "缝纫、包装" },
    ]],
    ["leaves out what did not change and shows yes/no", { name: "甲", mustChangePassword: true }, { name: "甲", mustChangePassword: false }, [
      { field: "mustChangePassword", before: "是", after: "否" },
    ]],
    ["masks personal data and drops secrets", { phone: "13812345678", passwordHash: "$argon2id$x" }, { phone: "13912345678" }, [
      { field: "phone", before: "138****5678", after: "139****5678" },
    ]],
    ["a value that is not a record is one field", null, "已导入", [{ field: "", before: "", after: "已导入" }]],
    ["a nested object stays compact JSON", null, { differences: [{ kind: "withdraw", lineId: 3 }] }, [
      { field: "differences", before: "", after: '[{"kind":"withdraw","lineId":3}]' },
    ]],
  ] as const)("%s", (_name, before, after, expected) => {
    expect(auditChanges(before, after)).toEqual(expected);
  });
});

describe("auditSnapshotJson", () => {
  it.each([
    ["a compute's line row, written as it is", { policy: "B-XN-2025", workerId: 7, placementIds: [1, 2], months: ["2025-01"] }, '{"policy":"B-XN-2025","workerId":7,"placementIds":[1,2],"months":["2025-01"]}'],
    ["a secret at depth still dropped", { user: { token_hash: "t", name: "x" } }, '{"user":{"name":"x"}}'],
    ["a date copied as auditSnapshot copies it", { at: new Date("2025-01-01T00:00:00Z") }, '{"at":{}}'],
  ] as const)("%s", (_name, input, expected) => {
    expect(auditSnapshotJson(input)).toBe(expected);
  });

  it("writes exactly the text of JSON.stringify(auditSnapshot(value)) for any value", () => {
    const key = fc.oneof(fc.string(), fc.constantFrom(...SECRET_FIELDS, "__proto__", "toString", "0", "10"));
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
    })).node;
    fc.assert(fc.property(value, (v) => auditSnapshotJson(v) === JSON.stringify(auditSnapshot(v))), { numRuns: 2000 });
  });
});
