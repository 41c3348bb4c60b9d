import { describe, expect, it } from "vitest";
import { redactText, redactValue } from "./redact.ts";

describe("redactText", () => {
  it.each([
    ["id 36073119680305017X end", "id 3607**********017X end"],
    ["/api/v1/workers/360731196803050171/recommendations", "/api/v1/workers/3607**********0171/recommendations"],
    ["phone 13812345678.", "phone 138****5678."],
    ["order 1234567890123 stays", "order 1234567890123 stays"],
    ["price 2000 yuan", "price 2000 yuan"],
  ])("%s", (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it("reaches into nested values", () => {
    expect(redactValue({ a: ["13912345678"], b: { c: 1 } })).toEqual({ a: ["139****5678"], b: { c: 1 } });
  });
});
