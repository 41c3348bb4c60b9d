import { describe, expect, it } from "vitest";
import { makeIdNumber } from "./id-number.ts";
import { registryQueryOf } from "./registry-query.ts";

const ID = makeIdNumber("360731", "1968-03-05", 17);

describe("registryQueryOf", () => {
  it.each([
    ["", { kind: "none" }],
    ["刘秀英", { kind: "text", text: "刘秀英" }],
    ["陳永紅", { kind: "text", text: "陈永红", typed: "陳永紅" }],
    ["上坪村", { kind: "text", text: "上坪村" }],
    ["H000123", { kind: "text", text: "H000123" }],
    ["12345", { kind: "text", text: "12345", hint: "fewDigits" }],
    ["1234", { kind: "text", text: "1234", hint: "fewDigits" }],
    ["13800138000", { kind: "phone", phone: "13800138000" }],
    ["138 0013 8000", { kind: "phone", phone: "13800138000" }],
    ["+86 138-0013-8000", { kind: "phone", phone: "13800138000" }],
    ["23800138000", { kind: "refused", problem: "partialIdNumber" }],
    [ID, { kind: "idNumber", idNumber: ID }],
    [`${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14).toLowerCase()}`, { kind: "idNumber", idNumber: ID }],
    [ID.slice(0, 10), { kind: "refused", problem: "partialIdNumber" }],
    [ID.slice(-6), { kind: "refused", problem: "partialIdNumber" }],
    [ID.slice(0, 17) + (ID[17] === "1" ? "2" : "1"), { kind: "refused", problem: "checkDigit" }],
  ])("%s", (q, expected) => {
    expect(registryQueryOf(q)).toStrictEqual(expected);
  });
});
