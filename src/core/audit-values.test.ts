import { describe, expect, it } from "vitest";
import { auditDisplay, auditSnapshot } from "./audit-values.ts";

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
